// Scenario parameters of the mission: a vision, a budget and goals. A goal is a KPI (a metric,
// a window and an aggregation) with a baseline, a target and a deadline.
#pragma once

#include "engine/core/calendar.hpp"
#include "engine/core/error.hpp"

#include <optional>
#include <string>
#include <vector>

namespace missionsim {
class TableSpec;
class TableView;
}  // namespace missionsim

namespace missionsim::model {

/// How a goal turns its metric into one number. There is no "share": metrics that are shares
/// already (adopter_share, early_stage_share) are used with `value`.
enum class Aggregation {
  value,                 ///< the windowed value
  rate_per_100k,         ///< windowed value × 100,000 / persons in the group (or population)
  change_from_baseline,  ///< (windowed value − baseline) / baseline
  gap_best_worst,        ///< highest − lowest windowed value among the breakdown's groups
  rate_gap_per_100k      ///< highest − lowest rate per 100,000 among the breakdown's groups
};
/// How the values of the steps in a goal's window are combined.
enum class WindowStatistic { mean, sum };
/// Whether a goal is met by staying at or below its target, or by reaching at least it.
enum class Direction { at_most, at_least };

const char* aggregation_name(Aggregation a);
/// Whether the aggregation divides by the persons in a group (a rate per 100,000).
constexpr bool is_rate(Aggregation a) noexcept {
  return a == Aggregation::rate_per_100k || a == Aggregation::rate_gap_per_100k;
}
/// Whether the aggregation measures the spread between the breakdown's groups.
constexpr bool is_gap(Aggregation a) noexcept {
  return a == Aggregation::gap_best_worst || a == Aggregation::rate_gap_per_100k;
}

/// Positioned diagnostics (empty messages) for the keys of one [[goals]] element, taken while
/// the document is alive so that check_goals() can point at the right line later.
struct GoalSources {
  Diagnostic metric, label, aggregation, window_years, baseline, baseline_years, deadline;
};

struct GoalParams {
  std::string name;
  std::string description;
  std::string metric;  ///< a dataset name: "incidence", "early_stage_share_by_quintile"
  std::string label;   ///< which group of a breakdown metric; "" for none
  Aggregation aggregation = Aggregation::value;
  double window_years = 1.0;  ///< rounded to whole steps, at least one
  WindowStatistic statistic = WindowStatistic::mean;
  Direction direction = Direction::at_most;
  double target = 0;
  std::optional<double> baseline;        ///< given, in the units of the measure (docs/model.md, section 9)
  std::optional<double> baseline_years;  ///< or measured at the end of this burn-in period
  Date deadline{};
  GoalSources where;
};

struct MissionParams {
  bool declared = false;  ///< a [mission] table is present
  std::string vision;
  double budget = 0;  ///< total mission budget; 0 = none given
  std::string currency = "EUR";
  std::vector<GoalParams> goals;
};

/// Declares the optional [mission] table and the [[goals]] array on the scenario's root.
void declare_mission_keys(TableSpec& root);
/// Reads [mission] and [[goals]] of a validated document. Checks that need the metrics and the
/// calendar are done by check_goals(); `problems` is kept for symmetry with the other readers.
MissionParams read_mission(const TableView& root, std::vector<Diagnostic>& problems);

}  // namespace missionsim::model
