// The mission during a run: each step it updates every goal's KPI from the step's metric
// values, and at a goal's deadline step it judges the goal met or missed, once.
#pragma once

#include "engine/core/calendar.hpp"
#include "engine/io/recorder.hpp"
#include "models/mission/goal_checks.hpp"
#include "models/mission/params.hpp"

#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace missionsim::model {

/// Real persons (simulated × scale) that rates per 100,000 divide by: the whole population,
/// and the persons in each group of a dimension, in label order (e.g. {"region", {…}}).
/// Groups of dimensions not listed here (care state, innovation) use the whole population.
struct RateDenominators {
  double population = 0;
  std::vector<std::pair<std::string, std::vector<double>>> by_dim;
};

/// How a goal went: its KPI at the deadline and whether it was met, for the /goals output.
struct GoalResult {
  std::string name;
  std::string kpi;  ///< describe_kpi()
  Direction direction = Direction::at_most;
  double target = 0;
  /// Given, measured at the end of the burn-in, or NaN (none, or not measured yet).
  double baseline = std::numeric_limits<double>::quiet_NaN();
  Date deadline{};
  std::uint32_t deadline_step = 0;
  bool decided = false;  ///< the deadline step has been run
  bool achieved = false;
  double value_at_deadline = std::numeric_limits<double>::quiet_NaN();
};

class Mission {
 public:
  /// `metrics` are the metrics whose values on_step() receives, in order. Throws ScenarioError
  /// with check_goals()'s findings if a goal cannot be judged (the loader should have caught them).
  Mission(MissionParams params, const std::vector<MetricSpec>& metrics, const Calendar& calendar,
          const RateDenominators& denominators);

  /// Forgets everything measured; events will carry `run`.
  void setup(std::uint32_t run);
  /// What changes during a run, between two steps (a snapshot for counterfactual runs).
  struct State {
    std::vector<std::vector<double>> rings;
    std::vector<double> kpis;
    std::vector<GoalResult> results;
    std::uint32_t goals_met = 0;
    std::int64_t last_step = -1;
  };
  [[nodiscard]] State state() const;
  void restore(const State& s);
  /// After step `step` (0, 1, 2… in order): `values` starts with the step's values of the
  /// metrics given to the constructor, in their order (values after them are ignored). Does not
  /// allocate.
  void on_step(std::uint32_t step, std::span<const double> values);

  /// goal_kpi_by_goal, goal_progress_by_goal and goals_met; nothing without goals.
  void describe_metrics(std::vector<MetricSpec>& out) const { describe_metrics(params_, out); }
  /// The same from the parameters alone, before any world exists.
  static void describe_metrics(const MissionParams& params, std::vector<MetricSpec>& out);
  [[nodiscard]] std::size_t metric_width() const noexcept;
  /// The values of describe_metrics() after the last on_step().
  void write_metrics(std::span<double> out) const;

  /// The goal_met / goal_missed events of the steps since the last call (subject: the goal's
  /// name; value: the KPI at the deadline; step: the deadline step).
  [[nodiscard]] std::vector<Event> take_events();

  [[nodiscard]] const MissionParams& params() const noexcept { return params_; }
  [[nodiscard]] const std::vector<GoalResult>& results() const noexcept { return results_; }
  /// Each goal's KPI after the last step (NaN until its window is complete).
  [[nodiscard]] double kpi(std::size_t goal) const { return trackers_[goal].kpi; }
  /// Share of the way from the baseline to the target: 0 at the baseline, 1 at the target.
  [[nodiscard]] double progress(std::size_t goal) const;

 private:
  static constexpr std::size_t no_step = std::numeric_limits<std::size_t>::max();

  struct Tracker {
    std::size_t offset = 0;       ///< first value read in the step's vector
    std::size_t count = 1;        ///< values read: 1, or every group for a gap
    std::vector<double> persons;  ///< per value read: the rate's denominator (rates only)
    std::size_t window = 1;       ///< steps
    std::vector<double> ring;     ///< [window × values read], by step % window
    std::uint32_t deadline_step = 0;
    std::size_t baseline_step = no_step;  ///< where the baseline is measured
    double kpi = std::numeric_limits<double>::quiet_NaN();
  };

  void update(std::size_t goal, std::uint32_t step, std::span<const double> values);

  MissionParams params_;
  std::vector<Tracker> trackers_;
  std::vector<GoalResult> results_;
  std::size_t values_needed_ = 0;
  std::vector<std::size_t> pending_;  ///< goals judged since the last take_events(); reserved
  std::uint32_t goals_met_ = 0;
  std::uint32_t run_ = 0;
  std::int64_t last_step_ = -1;
};

}  // namespace missionsim::model
