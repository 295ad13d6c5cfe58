#include "models/mission/goal_checks.hpp"

// The edit-distance suggestion the scenario validator uses, so that typos in metric names are
// answered the same way as typos in keys.
#include "engine/core/number_text.hpp"
#include "engine/core/spelling.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace missionsim::model {

namespace {
std::size_t steps_for(double years, const Calendar& calendar) {
  const double steps = std::round(years / calendar.dt_years());
  return steps < 1 ? 1 : static_cast<std::size_t>(steps);
}

std::string quoted(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "\"" : ", \"") + s + "\"";
  return out;
}

Diagnostic said(Diagnostic where, std::string message) {
  where.message = std::move(message);
  return where;
}

// The metric, label and aggregation checks.
void check_measure(const GoalParams& g, const std::vector<MetricSpec>& metrics,
                   std::vector<Diagnostic>& out) {
  const std::string agg = aggregation_name(g.aggregation);
  const auto it = std::find_if(metrics.begin(), metrics.end(),
                               [&](const MetricSpec& m) { return m.dataset_name() == g.metric; });
  if (it == metrics.end()) {
    std::vector<std::string> names;
    names.reserve(metrics.size());
    for (const auto& m : metrics) names.push_back(m.dataset_name());
    std::string message =
        "KPI not measurable: no metric named '" + g.metric + "' is recorded in this scenario";
    if (auto guess = did_you_mean(g.metric, names)) message += "; did you mean '" + *guess + "'?";
    out.push_back(said(g.where.metric, message));
    return;
  }
  const MetricSpec& m = *it;
  if (is_rate(g.aggregation) && m.units == "1")
    out.push_back(said(g.where.aggregation, "KPI not measurable: '" + g.metric +
                                                "' is a share already (units 1), so " + agg +
                                                " has no meaning; use aggregation \"value\""));
  if (!m.by) {
    if (is_gap(g.aggregation))
      out.push_back(
          said(g.where.aggregation, "KPI not measurable: " + agg + " compares the groups of a metric " +
                                        "broken down by region, quintile...; '" + g.metric +
                                        "' has a single value (use e.g. '" + g.metric + "_by_region')"));
    if (!g.label.empty())
      out.push_back(said(g.where.label, "KPI not measurable: '" + g.metric +
                                            "' has a single value, so label \"" + g.label +
                                            "\" has nothing to pick; leave it out or use a metric " +
                                            "broken down by group (e.g. '" + g.metric + "_by_region')"));
    return;
  }
  const auto& labels = m.by->labels;
  if (is_gap(g.aggregation)) {
    if (!g.label.empty())
      out.push_back(said(g.where.label, "KPI not measurable: " + agg + " compares every " + m.by->dim +
                                            " of '" + g.metric + "', so label \"" + g.label +
                                            "\" has no meaning; leave it out"));
    return;
  }
  if (g.label.empty()) {
    out.push_back(said(g.where.metric, "KPI not measurable: '" + g.metric + "' has one value per " +
                                           m.by->dim + "; say which with label (one of " + quoted(labels) +
                                           ") or compare them with aggregation \"gap_best_worst\""));
  } else if (std::find(labels.begin(), labels.end(), g.label) == labels.end()) {
    std::string message = "KPI not measurable: '" + g.metric + "' has no " + m.by->dim + " labelled \"" +
                          g.label + "\" (labels: " + quoted(labels) + ")";
    if (auto guess = did_you_mean(g.label, labels)) message += "; did you mean \"" + *guess + "\"?";
    out.push_back(said(g.where.label, message));
  }
}

void check_baseline(const GoalParams& g, std::vector<Diagnostic>& out) {
  if (g.baseline && g.baseline_years)
    out.push_back(said(g.where.baseline_years, "give baseline or baseline_years, not both (baseline = " +
                                                   format_number(*g.baseline) + ")"));
  if (g.aggregation != Aggregation::change_from_baseline) return;
  if (!g.baseline && !g.baseline_years)
    out.push_back(
        said(g.where.aggregation,
             "KPI not measurable: change_from_baseline needs a baseline: give baseline (the value the "
             "change is relative to) or baseline_years (measure it after a burn-in)"));
  if (g.baseline && *g.baseline == 0)
    out.push_back(
        said(g.where.baseline,
             "KPI not measurable: change_from_baseline divides by the baseline, which must not be 0"));
}

void check_timing(const GoalParams& g, const Calendar& calendar, std::vector<Diagnostic>& out) {
  using std::chrono::sys_days;
  const std::string deadline = format_date(g.deadline);
  if (!(sys_days{calendar.start()} < sys_days{g.deadline}) ||
      sys_days{calendar.end()} < sys_days{g.deadline}) {
    out.push_back(
        said(g.where.deadline, "deadline " + deadline +
                                   " is not inside the simulated period: it must be after time.start (" +
                                   format_date(calendar.start()) + ") and no later than time.end (" +
                                   format_date(calendar.end()) + ")"));
    return;
  }
  const auto judged = deadline_step(g.deadline, calendar);  // set: the deadline is after the start
  const std::size_t steps_before = std::size_t{*judged} + 1;
  const std::size_t window = window_steps(g, calendar);
  if (steps_before < window)
    out.push_back(said(g.where.window_years, "KPI not measurable by the deadline: its window of " +
                                                 std::to_string(window) +
                                                 " steps (window_years = " + format_number(g.window_years) +
                                                 ") is longer than the " + std::to_string(steps_before) +
                                                 " steps before the deadline " + deadline));
  if (const auto burn_in = burn_in_steps(g, calendar)) {
    if (*burn_in < window)
      out.push_back(said(g.where.baseline_years,
                         "the baseline would be measured on an incomplete window: baseline_years (" +
                             std::to_string(*burn_in) + " steps) must be at least window_years (" +
                             std::to_string(window) + " steps)"));
    if (*burn_in >= steps_before)
      out.push_back(said(g.where.baseline_years,
                         "the burn-in of baseline_years = " + format_number(*g.baseline_years) + " (" +
                             std::to_string(*burn_in) + " steps) does not end before the deadline " +
                             deadline + " (" + std::to_string(steps_before) + " steps)"));
  }
}
}  // namespace

std::size_t window_steps(const GoalParams& goal, const Calendar& calendar) {
  return steps_for(goal.window_years, calendar);
}

std::optional<std::size_t> burn_in_steps(const GoalParams& goal, const Calendar& calendar) {
  if (!goal.baseline_years) return std::nullopt;
  return steps_for(*goal.baseline_years, calendar);
}

std::optional<std::uint32_t> deadline_step(Date deadline, const Calendar& calendar) {
  using std::chrono::sys_days;
  const double day = static_cast<double>((sys_days{deadline} - sys_days{calendar.start()}).count());
  const auto& days = calendar.time_days();
  const auto before =
      static_cast<std::size_t>(std::lower_bound(days.begin(), days.end(), day) - days.begin());
  if (before == 0) return std::nullopt;
  return static_cast<std::uint32_t>(before - 1);
}

std::string describe_kpi(const GoalParams& goal, const Calendar& calendar) {
  std::string of = goal.metric;
  if (!goal.label.empty()) of += "[" + goal.label + "]";
  std::string text = std::string(aggregation_name(goal.aggregation)) + " of " + of + ", " +
                     (goal.statistic == WindowStatistic::mean ? "mean" : "sum") + " over " +
                     std::to_string(window_steps(goal, calendar)) + " steps";
  return text;
}

std::vector<Diagnostic> check_goals(const MissionParams& mission, const std::vector<MetricSpec>& metrics,
                                    const Calendar& calendar) {
  std::vector<Diagnostic> out;
  for (const auto& g : mission.goals) {
    check_measure(g, metrics, out);
    check_baseline(g, out);
    check_timing(g, calendar, out);
  }
  return out;
}

}  // namespace missionsim::model
