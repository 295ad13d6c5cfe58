// Whether each goal of a mission can be judged in a run: its metric, group, aggregation,
// baseline and deadline, checked against the metrics the composition records and the calendar.
#pragma once

#include "engine/core/calendar.hpp"
#include "engine/core/error.hpp"
#include "engine/io/recorder.hpp"
#include "models/mission/params.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace missionsim::model {

/// Steps in a goal's window: window_years / Δt rounded to the nearest whole number, at least one.
std::size_t window_steps(const GoalParams& goal, const Calendar& calendar);
/// Steps of the burn-in that measures the baseline (same rounding); nullopt without baseline_years.
std::optional<std::size_t> burn_in_steps(const GoalParams& goal, const Calendar& calendar);
/// The step a goal is judged at: the last step that starts before the deadline (so a deadline of
/// 2030-01-01 with monthly steps is judged on December 2029). nullopt when no step does.
std::optional<std::uint32_t> deadline_step(Date deadline, const Calendar& calendar);
/// The KPI in words, e.g. "rate_per_100k of incidence_by_region[north], sum over 12 steps".
std::string describe_kpi(const GoalParams& goal, const Calendar& calendar);

/// Every reason a goal cannot be judged, positioned at the key concerned: an unknown metric
/// (with a did-you-mean among the dataset names), a missing or unknown label, a label where
/// none applies, a gap on a metric without groups, a rate of a share, change_from_baseline
/// without a baseline (or with 0), both baseline and baseline_years, a deadline outside
/// (start, end], and a window or burn-in that does not fit before the deadline. Empty when
/// every goal can be judged.
std::vector<Diagnostic> check_goals(const MissionParams& mission, const std::vector<MetricSpec>& metrics,
                                    const Calendar& calendar);

}  // namespace missionsim::model
