#include "models/mission/mission.hpp"

#include "engine/core/no_value.hpp"
#include "engine/io/metric_index.hpp"

#include "engine/core/error.hpp"
#include "engine/core/seatbelt.hpp"

#include <algorithm>
#include <cmath>

namespace missionsim::model {

namespace {
constexpr double per_100k = 100000.0;
}  // namespace

Mission::Mission(MissionParams params, const std::vector<MetricSpec>& metrics, const Calendar& calendar,
                 const RateDenominators& denominators)
    : params_(std::move(params)) {
  if (auto problems = check_goals(params_, metrics, calendar); !problems.empty())
    throw ScenarioError(std::move(problems));
  for (const auto& m : metrics) values_needed_ += m.width();

  for (const auto& g : params_.goals) {
    Tracker t;
    const auto offset = metric_offset(metrics, g.metric);
    const auto spec = std::find_if(metrics.begin(), metrics.end(),
                                   [&](const MetricSpec& m) { return m.dataset_name() == g.metric; });
    if (!offset) throw InternalError("Mission: metric '" + g.metric + "' passed check_goals but is absent");
    t.offset = *offset;
    t.count = is_gap(g.aggregation) ? spec->width() : 1;
    std::size_t first_label = 0;
    if (spec->by && !g.label.empty()) {
      const auto& labels = spec->by->labels;
      first_label =
          static_cast<std::size_t>(std::find(labels.begin(), labels.end(), g.label) - labels.begin());
      t.offset += first_label;
    }
    if (is_rate(g.aggregation)) {
      const std::vector<double>* groups = nullptr;
      if (spec->by)
        for (const auto& [dim, persons] : denominators.by_dim)
          if (dim == spec->by->dim) groups = &persons;
      if (groups && groups->size() != spec->width())
        throw InternalError("Mission: " + std::to_string(groups->size()) + " denominators for dimension '" +
                            spec->by->dim + "' of " + std::to_string(spec->width()) + " labels");
      for (std::size_t j = 0; j < t.count; ++j)
        t.persons.push_back(groups ? (*groups)[first_label + j] : denominators.population);
    }
    t.window = window_steps(g, calendar);
    t.ring.assign(t.window * t.count, nan);
    t.deadline_step = *deadline_step(g.deadline, calendar);  // set: check_goals passed
    if (auto burn_in = burn_in_steps(g, calendar)) t.baseline_step = *burn_in - 1;
    trackers_.push_back(std::move(t));

    GoalResult r;
    r.name = g.name;
    r.kpi = describe_kpi(g, calendar);
    r.direction = g.direction;
    r.target = g.target;
    r.deadline = g.deadline;
    r.deadline_step = trackers_.back().deadline_step;
    results_.push_back(std::move(r));
  }
  pending_.reserve(params_.goals.size());
  setup(0);
}

void Mission::setup(std::uint32_t run) {
  run_ = run;
  last_step_ = -1;
  goals_met_ = 0;
  pending_.clear();
  for (std::size_t i = 0; i < trackers_.size(); ++i) {
    auto& t = trackers_[i];
    std::fill(t.ring.begin(), t.ring.end(), nan);
    t.kpi = nan;
    auto& r = results_[i];
    r.baseline = params_.goals[i].baseline.value_or(nan);
    r.decided = false;
    r.achieved = false;
    r.value_at_deadline = nan;
  }
}

Mission::State Mission::state() const {
  State s{{}, {}, results_, goals_met_, last_step_};
  for (const auto& t : trackers_) {
    s.rings.push_back(t.ring);
    s.kpis.push_back(t.kpi);
  }
  return s;
}

void Mission::restore(const State& s) {
  if (s.rings.size() != trackers_.size()) throw InternalError("Mission::restore: another mission's state");
  for (std::size_t i = 0; i < trackers_.size(); ++i) {
    trackers_[i].ring = s.rings[i];
    trackers_[i].kpi = s.kpis[i];
  }
  results_ = s.results;
  goals_met_ = s.goals_met;
  last_step_ = s.last_step;
  pending_.clear();
}

void Mission::on_step(std::uint32_t step, std::span<const double> values) {
  MS_SEATBELT(values.size() >= values_needed_, "Mission::on_step: fewer values than the metrics declared");
  MS_SEATBELT(static_cast<std::int64_t>(step) == last_step_ + 1, "Mission::on_step: steps out of order");
  last_step_ = step;
  for (std::size_t i = 0; i < trackers_.size(); ++i) update(i, step, values);
}

void Mission::update(std::size_t goal, std::uint32_t step, std::span<const double> values) {
  Tracker& t = trackers_[goal];
  const GoalParams& g = params_.goals[goal];
  GoalResult& r = results_[goal];
  std::copy_n(values.begin() + static_cast<std::ptrdiff_t>(t.offset), t.count,
              t.ring.begin() + static_cast<std::ptrdiff_t>((step % t.window) * t.count));

  double measure = nan;
  if (std::size_t{step} + 1 >= t.window) {
    // Each group's window statistic (missing values skipped), as a rate if asked; then the one
    // group's value, or the spread between the highest and the lowest group.
    double lowest = std::numeric_limits<double>::infinity();
    double highest = -lowest;
    std::size_t groups = 0;
    for (std::size_t j = 0; j < t.count; ++j) {
      double sum = 0;
      std::size_t n = 0;
      for (std::size_t k = 0; k < t.window; ++k) {
        const double x = t.ring[k * t.count + j];
        if (std::isnan(x)) continue;
        sum += x;
        ++n;
      }
      if (n == 0) continue;
      double v = g.statistic == WindowStatistic::mean ? sum / static_cast<double>(n) : sum;
      if (is_rate(g.aggregation)) v = v * per_100k / t.persons[j];
      if (!std::isfinite(v)) continue;
      lowest = std::min(lowest, v);
      highest = std::max(highest, v);
      ++groups;
    }
    if (is_gap(g.aggregation))
      measure = groups >= 2 ? highest - lowest : nan;
    else
      measure = groups == 1 ? lowest : nan;
  }
  if (step == t.baseline_step) r.baseline = measure;
  t.kpi = g.aggregation == Aggregation::change_from_baseline ? (measure - r.baseline) / r.baseline : measure;

  if (step == t.deadline_step) {
    r.decided = true;
    // NaN compares false: a KPI that cannot be measured at the deadline misses the goal.
    r.achieved = g.direction == Direction::at_most ? t.kpi <= g.target : t.kpi >= g.target;
    r.value_at_deadline = t.kpi;
    if (r.achieved) ++goals_met_;
    pending_.push_back(goal);
  }
}

double Mission::progress(std::size_t goal) const {
  const GoalResult& r = results_[goal];
  const double reference =
      params_.goals[goal].aggregation == Aggregation::change_from_baseline ? 0.0 : r.baseline;
  const double distance = r.target - reference;
  if (std::isnan(reference) || distance == 0) return nan;
  return (trackers_[goal].kpi - reference) / distance;
}

void Mission::describe_metrics(const MissionParams& params, std::vector<MetricSpec>& out) {
  if (params.goals.empty()) return;
  std::vector<std::string> names;
  for (const auto& g : params.goals) names.push_back(g.name);
  const Breakdown by_goal{"goal", names};
  out.push_back({"goal_kpi", "KPI units of each goal",
                 "Each goal's KPI after the step (NaN until its window is complete)", by_goal});
  out.push_back(
      {"goal_progress", "1",
       "Share of the way from each goal's baseline to its target: 0 at the baseline, 1 at the target "
       "(NaN without a baseline)",
       by_goal});
  out.push_back({"goals_met", "goals", "Goals judged met at their deadlines so far", std::nullopt});
}

std::size_t Mission::metric_width() const noexcept {
  return params_.goals.empty() ? 0 : 2 * params_.goals.size() + 1;
}

void Mission::write_metrics(std::span<double> out) const {
  MS_SEATBELT(out.size() >= metric_width(), "Mission::write_metrics: span too short");
  if (params_.goals.empty()) return;
  const std::size_t n = trackers_.size();
  for (std::size_t i = 0; i < n; ++i) {
    out[i] = trackers_[i].kpi;
    out[n + i] = progress(i);
  }
  out[2 * n] = goals_met_;
}

std::vector<Event> Mission::take_events() {
  std::vector<Event> out;
  out.reserve(pending_.size());
  for (const std::size_t i : pending_) {
    const GoalResult& r = results_[i];
    out.push_back(
        Event{run_, r.deadline_step, r.achieved ? "goal_met" : "goal_missed", r.name, r.value_at_deadline});
  }
  pending_.clear();
  return out;
}

}  // namespace missionsim::model
