#include "engine/analysis/replicate_statistics.hpp"

#include "engine/core/error.hpp"
#include "engine/core/no_value.hpp"

#include <boost/math/distributions/students_t.hpp>

#include <algorithm>
#include <cmath>
#include <string>

namespace missionsim {
namespace {
constexpr double z975 = 1.959963984540054;  // standard normal 97.5% quantile

// Sorted copy of the non-NaN values (+∞ last).
std::vector<double> sorted_values(std::span<const double> values) {
  std::vector<double> v;
  v.reserve(values.size());
  for (double x : values)
    if (!std::isnan(x)) v.push_back(x);
  std::sort(v.begin(), v.end());
  return v;
}

double sorted_quantile(const std::vector<double>& v, double p) {
  if (v.empty()) return nan;
  const double h = (static_cast<double>(v.size()) - 1.0) * p;
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const double frac = h - static_cast<double>(lo);
  if (frac == 0.0 || lo + 1 >= v.size()) return v[lo];
  // inf − inf would be NaN: a quantile between a finite value and +∞ is +∞ (it is not reached).
  if (std::isinf(v[lo]) || std::isinf(v[lo + 1])) return std::isinf(v[lo]) ? v[lo] : v[lo + 1];
  return v[lo] + frac * (v[lo + 1] - v[lo]);
}
}  // namespace

double t_quantile_975(std::size_t dof) {
  if (dof == 0) throw InternalError("t_quantile_975: needs at least one degree of freedom");
  return boost::math::quantile(boost::math::students_t(static_cast<double>(dof)), 0.975);
}

Summary summarize(std::span<const double> values) {
  std::vector<double> finite;
  finite.reserve(values.size());
  for (double x : values)
    if (std::isfinite(x)) finite.push_back(x);
  Summary s;
  s.n = finite.size();
  if (s.n == 0) return s;
  double sum = 0;
  for (double x : finite) sum += x;
  s.mean = sum / static_cast<double>(s.n);
  std::sort(finite.begin(), finite.end());
  s.range_low = sorted_quantile(finite, 0.025);
  s.range_high = sorted_quantile(finite, 0.975);
  if (s.n < 2) return s;
  double squares = 0;
  for (double x : finite) squares += (x - s.mean) * (x - s.mean);
  s.sd = std::sqrt(squares / static_cast<double>(s.n - 1));
  const double half = t_quantile_975(s.n - 1) * s.sd / std::sqrt(static_cast<double>(s.n));
  s.ci_low = s.mean - half;
  s.ci_high = s.mean + half;
  return s;
}

Summary summarize_difference(std::span<const double> a, std::span<const double> b) {
  if (a.size() != b.size())
    throw InternalError("summarize_difference: " + std::to_string(a.size()) + " values against " +
                        std::to_string(b.size()));
  std::vector<double> d;
  d.reserve(a.size());
  for (std::size_t i = 0; i < a.size(); ++i)
    d.push_back(std::isfinite(a[i]) && std::isfinite(b[i]) ? b[i] - a[i] : nan);
  return summarize(d);
}

double quantile(std::span<const double> values, double p) {
  if (!(p >= 0.0 && p <= 1.0)) throw InternalError("quantile: p must be in [0, 1]");
  return sorted_quantile(sorted_values(values), p);
}

Proportion proportion(std::size_t successes, std::size_t n) {
  if (successes > n) throw InternalError("proportion: more successes than trials");
  Proportion p;
  p.successes = successes;
  p.n = n;
  if (n == 0) return p;
  const double nn = static_cast<double>(n);
  const double phat = static_cast<double>(successes) / nn;
  const double z2 = z975 * z975;
  const double centre = (phat + z2 / (2 * nn)) / (1 + z2 / nn);
  const double half = z975 / (1 + z2 / nn) * std::sqrt(phat * (1 - phat) / nn + z2 / (4 * nn * nn));
  p.estimate = phat;
  p.low = std::max(0.0, centre - half);
  p.high = std::min(1.0, centre + half);
  return p;
}

}  // namespace missionsim
