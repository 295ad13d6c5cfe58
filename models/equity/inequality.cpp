#include "models/equity/inequality.hpp"

#include "engine/core/no_value.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace missionsim::model {

namespace {
constexpr std::size_t least_deprived = 0, most_deprived = quintile_count - 1;
}  // namespace

double gap_absolute(const QuintileValues& h) noexcept {
  return h[most_deprived] - h[least_deprived];
}

double gap_relative(const QuintileValues& h) noexcept {
  return h[least_deprived] == 0 ? nan : h[most_deprived] / h[least_deprived];
}

double concentration_index(const QuintileValues& h) noexcept {
  constexpr double n = quintile_count;
  double mean = 0;
  for (double x : h) mean += x / n;
  if (std::isnan(mean) || mean == 0) return nan;
  double cov = 0;
  for (std::size_t j = 1; j <= quintile_count; ++j) {
    const double rank = (static_cast<double>(j) - 0.5) / n;  // rank 1 is the most deprived, q5
    cov += (h[quintile_count - j] - mean) * (rank - 0.5) / n;
  }
  return 2.0 / mean * cov;
}

void Spread::add(double x) noexcept {
  if (std::isnan(x)) return;
  lo_ = std::min(lo_, x);
  hi_ = std::max(hi_, x);
}

double Spread::width() const noexcept {
  return lo_ <= hi_ ? hi_ - lo_ : nan;
}

}  // namespace missionsim::model
