// Cost-effectiveness acceptability: for each willingness to pay λ, the share of parameter sets
// in which each option has the highest net monetary benefit λ·QALYs − costs. Domain-free; the
// definition is in docs/model.md, section "Probabilistic sensitivity analysis".
#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace missionsim {

struct AcceptabilityCurve {
  std::vector<double> willingness_to_pay;        ///< λ, currency per QALY
  std::vector<std::vector<double>> probability;  ///< [option][λ]: share of sets where it is best
};

/// `qalys[o][k]` and `costs[o][k]` are option o's discounted QALYs and costs in parameter set k.
/// In each set the option with the highest λ·Q − C wins; a tie shares the win equally, so the
/// probabilities of all options sum to 1 at every λ. Throws InternalError unless there is at
/// least one option and one set, every option has the same number of sets, every value is
/// finite and every λ is finite and ≥ 0.
[[nodiscard]] AcceptabilityCurve acceptability_curve(const std::vector<std::vector<double>>& qalys,
                                                     const std::vector<std::vector<double>>& costs,
                                                     std::span<const double> willingness_to_pay);

/// `count` evenly spaced values from 0 to `highest` inclusive (count ≥ 2, highest > 0).
[[nodiscard]] std::vector<double> willingness_to_pay_grid(double highest, std::size_t count);

}  // namespace missionsim
