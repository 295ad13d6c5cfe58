// A comparison of arms (and its acceptability curve) as the /compare group of an output file and
// as a table for people. The layout is described in docs/experiments.md.
#pragma once

#include "engine/analysis/acceptability.hpp"
#include "engine/analysis/arm_comparison.hpp"

#include <string>

namespace missionsim {

class ArrayFile;

/// Labels the engine cannot know.
struct ComparisonContext {
  std::string currency = "currency";
  std::uint64_t seed = 0;
  std::uint32_t sets = 1;  ///< parameter sets (1 without a probabilistic sensitivity analysis)
  std::uint32_t replicates = 1;
  double discount_rate = 0;
};

/// Writes /GROUP: axes mix, outcome, goal, quantile and sample; every summary of `result`, the
/// samples themselves, and attributes that say what the intervals are.
void write_comparison(ArrayFile& file, const std::string& group, const ArmComparisonInput& input,
                      const ArmComparison& result, const ComparisonContext& context);

/// Writes /GROUP: axes mix and willingness_to_pay, and probability_most_cost_effective [mix, λ].
void write_acceptability(ArrayFile& file, const std::string& group, const std::vector<std::string>& mixes,
                         const AcceptabilityCurve& curve, const ComparisonContext& context);

/// The comparison as aligned text: the ranking, the goals, the outcomes with their differences.
[[nodiscard]] std::string comparison_report(const ArmComparisonInput& input, const ArmComparison& result,
                                            const ComparisonContext& context);

/// The acceptability curve as text, one row per willingness to pay (at most `rows`, evenly
/// picked, the first and last always).
[[nodiscard]] std::string acceptability_report(const std::vector<std::string>& mixes,
                                               const AcceptabilityCurve& curve,
                                               const ComparisonContext& context, std::size_t rows = 11);

}  // namespace missionsim
