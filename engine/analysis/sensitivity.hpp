// Global sensitivity of a model output to its parameters: Sobol first-order and total indices
// from Saltelli's design (Saltelli et al. 2010 for first order, Jansen 1999 for total), with
// bootstrap intervals, and Morris's elementary-effects screening (mu*, mu, sigma).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace missionsim {

/// Per parameter: the estimate and a percentile bootstrap interval (resampling base samples).
struct SobolIndices {
  std::vector<double> first, first_low, first_high;
  std::vector<double> total, total_low, total_high;
};

struct BootstrapSettings {
  std::uint32_t resamples = 500;
  double confidence = 0.95;
  std::uint64_t seed = 1;
};

/// `outputs` in the order of saltelli_design(): for each base sample j, f(A_j), f(B_j), then
/// f(AB_j^i) for i = 1..k; so N·(k+2) values. With V the variance of all f(A) and f(B):
///   S_i  = mean_j f(B_j) (f(AB_j^i) − f(A_j)) / V                (Saltelli 2010, table 2 (b))
///   ST_i = mean_j (f(A_j) − f(AB_j^i))² / (2 V)                   (Jansen 1999)
/// NaN everywhere if an output is NaN or V is 0. InternalError if the count is not N·(k+2).
SobolIndices sobol_indices(std::span<const double> outputs, std::size_t parameters,
                           const BootstrapSettings& bootstrap = {});

/// Whether Sobol indices say anything yet, judged from their bootstrap intervals.
struct SobolReliability {
  /// No interval wider than the widest allowed, and no estimate outside [0, 1] outside its own
  /// interval (a bootstrap that does not cover the estimate misdescribes it).
  bool trustworthy = true;
  std::size_t intervals = 0;        ///< intervals judged (those not NaN)
  std::size_t wide_intervals = 0;   ///< intervals wider than allowed
  std::size_t stray_estimates = 0;  ///< estimates outside [0, 1] and outside their interval
  double widest = 0;                ///< width of the widest interval (0 if every one is NaN)
  std::size_t widest_output = 0, widest_parameter = 0;  ///< where it is
  bool widest_is_total = false;                         ///< ST's interval, else S1's
  /// Base samples at which the widest interval would fall below `target_width`: a width shrinks
  /// as 1/√N, so N · (widest / target)², rounded up; `base_samples` if it already has.
  std::uint64_t samples_for_target = 0;
};

/// Judges the indices of every output (estimated from `base_samples` base samples): intervals
/// wider than `max_width`, estimates outside [0, 1] outside their interval, and the sample size
/// for intervals narrower than `target_width`. NaN indices and intervals are left out.
SobolReliability sobol_reliability(std::span<const SobolIndices> indices, std::uint64_t base_samples,
                                   double max_width = 0.5, double target_width = 0.1);

/// Per parameter: mean of |elementary effect| (mu*), mean (mu) and standard deviation (sigma).
struct MorrisIndices {
  std::vector<double> mu_star, mu, sigma;
};

/// `points` (row-major, k values per point) and `outputs` in the order of morris_design():
/// trajectories of k+1 points, each step changing one parameter. The elementary effect of that
/// step is (f(after) − f(before)) / (±delta), delta in units of the parameter's range (the sign
/// that of the change), so effects of parameters with different ranges compare.
/// InternalError if a step changes other than exactly one parameter.
MorrisIndices morris_indices(std::span<const double> points, std::span<const double> outputs,
                             std::size_t parameters, double delta);

}  // namespace missionsim
