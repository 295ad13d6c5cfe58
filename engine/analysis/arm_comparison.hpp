// Several arms (intervention mixes) measured on the same replicates under common random numbers:
// each outcome's mean and intervals, the paired difference to the first arm, goal attainment,
// time to target, cost per unit of outcome, ICER and a ranking by expected net monetary
// benefit. Domain-free: arms are named columns of numbers. Formulas: docs/model.md, section
// "Comparing intervention mixes".
#pragma once

#include "engine/analysis/replicate_statistics.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace missionsim {

/// Which way an outcome improves; cost per unit of improvement is reported only for outcomes
/// with a direction.
enum class Better { higher, lower, neither };

struct OutcomeSpec {
  std::string name, units, description;
  Better better = Better::neither;
};

/// One arm's samples. Sample i of every arm was run with the same seeds (and, in a probabilistic
/// sensitivity analysis, the same parameter set), so samples pair across arms.
struct ArmSamples {
  std::string name;
  std::vector<std::vector<double>> outcomes;        ///< [outcome][sample]
  std::vector<std::vector<std::int8_t>> goal_met;   ///< [goal][sample]: 1 met, 0 missed, -1 undecided
  std::vector<std::vector<double>> time_to_target;  ///< [goal][sample], years; +∞ = never reached
};

struct ArmComparisonInput {
  std::vector<OutcomeSpec> outcomes;
  std::vector<std::string> goals;
  std::vector<ArmSamples> arms;   ///< the first is the reference of every difference
  std::size_t qalys_outcome = 0;  ///< which outcome holds discounted QALYs
  std::size_t costs_outcome = 0;  ///< which outcome holds discounted costs
  double willingness_to_pay = 0;  ///< λ, currency per QALY
  std::vector<double> time_quantiles{0.05, 0.25, 0.5, 0.75, 0.95};
};

struct ArmResult {
  std::vector<Summary> outcome;     ///< per outcome
  std::vector<Summary> difference;  ///< per outcome: this arm − the first, pair by pair
  /// Per outcome: mean incremental cost / mean improvement against the first arm (improvement =
  /// the difference, negated for Better::lower). NaN for the first arm, for outcomes without a
  /// direction, for the costs themselves, and when the improvement is zero.
  std::vector<double> cost_per_improvement;
  std::vector<Proportion> goal_met;  ///< per goal, met by its deadline
  Proportion all_goals_met;
  std::vector<Proportion> target_reached;                  ///< per goal, at any step of the run
  std::vector<std::vector<double>> time_to_target;         ///< [goal][quantile], years; +∞ = not reached
  Summary net_monetary_benefit;                            ///< λ·QALYs − costs, per sample
  Summary incremental_net_monetary_benefit;                ///< against the first arm, paired
  double icer = std::numeric_limits<double>::quiet_NaN();  ///< ΔC / ΔQALY of the means
  std::string icer_note;  ///< "dominant", "dominated" or "" (as in EconomicComparison)
  std::size_t rank = 0;   ///< 1 = highest expected net monetary benefit
};

struct ArmComparison {
  std::vector<ArmResult> arms;
  std::vector<std::size_t> ranking;  ///< arm indices, best expected NMB first (ties: input order)
};

/// Throws InternalError unless there is at least one arm, every arm has one column per outcome and
/// per goal, every column has the same sample count (at least one), the QALY and cost outcomes
/// exist, λ is finite and ≥ 0, and the quantiles lie in [0, 1].
[[nodiscard]] ArmComparison compare_arms(const ArmComparisonInput& input);

}  // namespace missionsim
