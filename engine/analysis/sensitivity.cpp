#include "engine/analysis/sensitivity.hpp"

#include "engine/core/error.hpp"
#include "engine/core/no_value.hpp"
#include "engine/rng/philox_stream.hpp"

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <limits>

namespace missionsim {

namespace {

constexpr std::uint32_t bootstrap_stream = 0x5E45;

using Matrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// Estimates for the base samples in `rows` of the N × (k+2) output matrix.
void estimate(const Matrix& f, const std::vector<Eigen::Index>& rows, std::size_t k, double* first,
              double* total) {
  const auto n = static_cast<Eigen::Index>(rows.size());
  Eigen::VectorXd a(n), b(n);
  Matrix ab(n, static_cast<Eigen::Index>(k));
  for (Eigen::Index r = 0; r < n; ++r) {
    a(r) = f(rows[static_cast<std::size_t>(r)], 0);
    b(r) = f(rows[static_cast<std::size_t>(r)], 1);
    ab.row(r) = f.row(rows[static_cast<std::size_t>(r)]).tail(static_cast<Eigen::Index>(k));
  }
  Eigen::VectorXd both(2 * n);
  both << a, b;
  const double variance = (both.array() - both.mean()).square().sum() / static_cast<double>(2 * n - 1);
  for (std::size_t i = 0; i < k; ++i) {
    const auto col = ab.col(static_cast<Eigen::Index>(i)).array();
    first[i] = (b.array() * (col - a.array())).mean() / variance;
    total[i] = 0.5 * (a.array() - col).square().mean() / variance;
  }
}

double quantile(std::vector<double>& values, double q) {
  std::sort(values.begin(), values.end());
  const double at = q * static_cast<double>(values.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(at));
  const auto hi = std::min(lo + 1, values.size() - 1);
  return values[lo] + (at - static_cast<double>(lo)) * (values[hi] - values[lo]);
}

}  // namespace

SobolIndices sobol_indices(std::span<const double> outputs, std::size_t k,
                           const BootstrapSettings& bootstrap) {
  if (k == 0 || outputs.size() % (k + 2) != 0 || outputs.empty())
    throw InternalError("sobol_indices: expected N*(k+2) outputs");
  const auto n = static_cast<Eigen::Index>(outputs.size() / (k + 2));
  SobolIndices s;
  for (auto* v : {&s.first, &s.first_low, &s.first_high, &s.total, &s.total_low, &s.total_high})
    v->assign(k, nan);
  if (std::any_of(outputs.begin(), outputs.end(), [](double x) { return !std::isfinite(x); }) || n < 2)
    return s;
  const Matrix f = Eigen::Map<const Matrix>(outputs.data(), n, static_cast<Eigen::Index>(k + 2));
  std::vector<Eigen::Index> rows(static_cast<std::size_t>(n));
  for (Eigen::Index r = 0; r < n; ++r) rows[static_cast<std::size_t>(r)] = r;
  estimate(f, rows, k, s.first.data(), s.total.data());
  if (!std::isfinite(s.first.front()))
    return SobolIndices{std::vector<double>(k, nan), std::vector<double>(k, nan),
                        std::vector<double>(k, nan), std::vector<double>(k, nan),
                        std::vector<double>(k, nan), std::vector<double>(k, nan)};

  // Percentile bootstrap over base samples: each resample draws N rows with replacement.
  PhiloxEngine engine(StreamKey{bootstrap.seed, 0, bootstrap_stream});
  std::vector<std::vector<double>> first(k), total(k);
  std::vector<double> f1(k), ft(k);
  for (std::uint32_t b = 0; b < bootstrap.resamples; ++b) {
    for (auto& r : rows) r = static_cast<Eigen::Index>(engine.below(static_cast<std::uint64_t>(n)));
    estimate(f, rows, k, f1.data(), ft.data());
    for (std::size_t i = 0; i < k; ++i) {
      if (std::isfinite(f1[i])) first[i].push_back(f1[i]);
      if (std::isfinite(ft[i])) total[i].push_back(ft[i]);
    }
  }
  const double tail = (1.0 - bootstrap.confidence) / 2.0;
  for (std::size_t i = 0; i < k; ++i) {
    if (first[i].empty() || total[i].empty()) continue;
    s.first_low[i] = quantile(first[i], tail);
    s.first_high[i] = quantile(first[i], 1.0 - tail);
    s.total_low[i] = quantile(total[i], tail);
    s.total_high[i] = quantile(total[i], 1.0 - tail);
  }
  return s;
}

SobolReliability sobol_reliability(std::span<const SobolIndices> indices, std::uint64_t base_samples,
                                   double max_width, double target_width) {
  SobolReliability r;
  for (std::size_t o = 0; o < indices.size(); ++o) {
    const SobolIndices& s = indices[o];
    for (std::size_t j = 0; j < s.first.size(); ++j) {
      for (const bool total : {false, true}) {
        const double estimate = total ? s.total[j] : s.first[j];
        const double low = total ? s.total_low[j] : s.first_low[j];
        const double high = total ? s.total_high[j] : s.first_high[j];
        if (!std::isfinite(low) || !std::isfinite(high)) continue;
        ++r.intervals;
        const double width = high - low;
        if (width > max_width) ++r.wide_intervals;
        if ((estimate < 0 || estimate > 1) && (estimate < low || estimate > high)) ++r.stray_estimates;
        if (width > r.widest) {
          r.widest = width;
          r.widest_output = o;
          r.widest_parameter = j;
          r.widest_is_total = total;
        }
      }
    }
  }
  r.trustworthy = r.wide_intervals == 0 && r.stray_estimates == 0;
  const double ratio = r.widest / target_width;
  // Rounded up, but not for the last bits of rounding error in the ratio (0.1 is not a binary
  // fraction); capped well inside the integer's range for widths no sample size could reach.
  const double needed = std::ceil(static_cast<double>(base_samples) * ratio * ratio * (1 - 1e-12));
  constexpr auto most = static_cast<double>(std::uint64_t{1} << 62);
  r.samples_for_target = ratio <= 1 ? base_samples : static_cast<std::uint64_t>(std::min(needed, most));
  return r;
}

MorrisIndices morris_indices(std::span<const double> points, std::span<const double> outputs, std::size_t k,
                             double delta) {
  if (k == 0 || outputs.size() % (k + 1) != 0 || points.size() != outputs.size() * k)
    throw InternalError("morris_indices: expected N*(k+1) points and outputs");
  const std::size_t trajectories = outputs.size() / (k + 1);
  Matrix effects =
      Matrix::Constant(static_cast<Eigen::Index>(trajectories), static_cast<Eigen::Index>(k), nan);
  for (std::size_t t = 0; t < trajectories; ++t) {
    for (std::size_t step = 0; step < k; ++step) {
      const std::size_t p = t * (k + 1) + step;
      std::size_t changed = k;
      for (std::size_t i = 0; i < k; ++i) {
        if (points[p * k + i] == points[(p + 1) * k + i]) continue;
        if (changed != k) throw InternalError("morris_indices: a step changes two parameters");
        changed = i;
      }
      if (changed == k) throw InternalError("morris_indices: a step changes no parameter");
      const double sign = points[(p + 1) * k + changed] > points[p * k + changed] ? 1.0 : -1.0;
      effects(static_cast<Eigen::Index>(t), static_cast<Eigen::Index>(changed)) =
          (outputs[p + 1] - outputs[p]) / (sign * delta);
    }
  }
  MorrisIndices m;
  for (std::size_t i = 0; i < k; ++i) {
    const auto col = effects.col(static_cast<Eigen::Index>(i)).array();
    const double mean = col.mean();
    m.mu.push_back(mean);
    m.mu_star.push_back(col.abs().mean());
    m.sigma.push_back(trajectories > 1
                          ? std::sqrt((col - mean).square().sum() / static_cast<double>(trajectories - 1))
                          : nan);
  }
  return m;
}

}  // namespace missionsim
