// Summaries of a quantity measured once per replicate: the mean with the confidence interval of
// the mean, the spread of the replicates, quantiles and proportions. Domain-free; the formulas
// are in docs/model.md, section "Comparing intervention mixes".
#pragma once

#include <cstddef>
#include <limits>
#include <span>
#include <vector>

namespace missionsim {

/// One quantity over replicates. Every field is NaN where it has no value (n = 0, or n < 2 for
/// the interval of the mean).
struct Summary {
  std::size_t n = 0;  ///< replicates with a finite value (the others are left out)
  double mean = std::numeric_limits<double>::quiet_NaN();
  double sd = std::numeric_limits<double>::quiet_NaN();  ///< sample standard deviation (n − 1)
  /// 95% confidence interval of the mean: mean ± t(0.975, n − 1)·sd/√n.
  double ci_low = std::numeric_limits<double>::quiet_NaN();
  double ci_high = std::numeric_limits<double>::quiet_NaN();
  /// Where the middle 95% of the replicates lie: their 2.5% and 97.5% quantiles.
  double range_low = std::numeric_limits<double>::quiet_NaN();
  double range_high = std::numeric_limits<double>::quiet_NaN();
};

/// Summary of the finite values (NaN and ±∞ are left out).
[[nodiscard]] Summary summarize(std::span<const double> values);

/// Summary of the pairwise differences b[i] − a[i] (pairs where either is not finite are left
/// out). Throws InternalError unless a and b have the same length. Identical inputs give exactly
/// zero mean, sd and intervals.
[[nodiscard]] Summary summarize_difference(std::span<const double> a, std::span<const double> b);

/// The p-quantile (p in [0, 1]) of the values, by linear interpolation between order statistics
/// (Hyndman and Fan's type 7, R's default). +∞ is allowed and sorts last: a quantile that falls
/// on or after an infinite value is +∞ (e.g. "not reached within the horizon"). NaN values are
/// left out; NaN when none is left. Throws InternalError for p outside [0, 1].
[[nodiscard]] double quantile(std::span<const double> values, double p);

/// A share of replicates with its Wilson score 95% interval (which stays inside [0, 1] and has a
/// width even when the share is 0 or 1).
struct Proportion {
  std::size_t successes = 0;
  std::size_t n = 0;
  double estimate = std::numeric_limits<double>::quiet_NaN();  ///< successes / n
  double low = std::numeric_limits<double>::quiet_NaN();
  double high = std::numeric_limits<double>::quiet_NaN();
};

/// Throws InternalError if successes > n. NaN estimate and interval when n = 0.
[[nodiscard]] Proportion proportion(std::size_t successes, std::size_t n);

/// Two-sided 97.5% quantile of Student's t with `dof` degrees of freedom (dof ≥ 1).
[[nodiscard]] double t_quantile_975(std::size_t dof);

}  // namespace missionsim
