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
