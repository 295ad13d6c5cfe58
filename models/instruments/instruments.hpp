// Policy instruments in action: each step, before people decide, every active instrument
// spends from its budget (and from the mission's, when one is set) and pulls its innovation's
// levers in proportion to the share of its planned spending it could fund.
#pragma once

#include "engine/core/calendar.hpp"
#include "engine/io/recorder.hpp"
#include "engine/schedule/step_plan.hpp"
#include "models/adoption/adoption.hpp"
#include "models/instruments/params.hpp"
#include "models/population/population.hpp"
#include "models/stakeholders/stakeholders.hpp"

#include <cstdint>
#include <functional>
#include <span>
#include <vector>

namespace missionsim::model {

/// The innovation an instrument acts on: which Adoption (citizens' or organisations'), where in
/// it, and in which of its lever zones (the instrument's regions and stakeholder types).
struct InnovationTarget {
  Adoption* adoption = nullptr;
  std::size_t index = 0;
  std::vector<std::uint16_t> zones;  ///< empty: every zone
};

class Instruments {
 public:
  /// `targets[i]` is instrument i's innovation; `adoptions` every Adoption whose levers the
  /// instruments own (reset each step). `mission_budget` 0 means no limit beyond each
  /// instrument's own. `stakeholders` may be null only when no instrument needs_stakeholders()
  /// (InternalError otherwise; read_instruments reports that to the user).
  Instruments(std::vector<InstrumentParams> params, std::vector<InnovationTarget> targets,
              std::vector<Adoption*> adoptions, const Calendar& calendar, const Population& population,
              double mission_budget, Stakeholders* stakeholders = nullptr);

  /// Called (in the serial phase) after a coordination instrument added ties to the
  /// stakeholders' collaboration layer, so that a copy of it (a World's) can be refreshed.
  void on_collaboration_changed(std::function<void()> callback) {
    collaboration_changed_ = std::move(callback);
  }
  /// Ties instrument i has added so far (coordination).
  [[nodiscard]] std::uint32_t ties_added(std::size_t i) const { return ties_added_[i]; }

  /// Instrument i waits for a trigger to start it, whatever its start date (call before setup()).
  void hold_until_started(std::size_t i) { held_initially_[i] = 1; }
  void setup();
  /// What changes during a run, between two steps (a snapshot for counterfactual runs).
  struct State {
    std::vector<double> spend, cumulative, funded, intensity;
    std::vector<std::uint8_t> exhausted, seeded, held, stopped;
    std::vector<std::uint32_t> ties_added;
    double budget_factor = 1, mission_spent = 0;
    bool mission_exhausted = false;
  };
  [[nodiscard]] State state() const {
    return {spend_, cumulative_, funded_,     intensity_,     exhausted_,     seeded_,
            held_,  stopped_,    ties_added_, budget_factor_, mission_spent_, mission_exhausted_};
  }
  void restore(const State& s);
  /// Stops every instrument from the next apply() on (a withdrawal of all support).
  void stop_all() { std::fill(stopped_.begin(), stopped_.end(), std::uint8_t{1}); }
  // Trigger actions, effective from the next step's apply().
  void start(std::size_t i) { held_[i] = 0; }
  void stop(std::size_t i) { stopped_[i] = 1; }
  /// Multiplies planned spending and effect.
  void scale(std::size_t i, double factor) { intensity_[i] *= factor; }
  /// Multiplies every instrument's planned spending and effect from the next apply() on (a
  /// landscape's fiscal room or squeeze); 1 restores the plan.
  void set_budget_factor(double factor) { budget_factor_ = factor; }
  /// One serial phase; add it before the adoption phases so this step's levers apply.
  void add_phases(StepPlan& plan);

  /// The same from the parameters alone, before any world exists.
  /// Spending is in `currency`, the mission's (a code such as EUR, as /impact gives it).
  static void describe_metrics(const std::vector<InstrumentParams>& params, const std::string& currency,
                               std::vector<MetricSpec>& out);
  [[nodiscard]] std::size_t metric_width() const noexcept { return 3 * params_.size() + 1; }
  void write_metrics(std::span<double> out) const;

  /// Events of the last step (budget_exhausted), to be handed to the recorder.
  [[nodiscard]] std::span<const Event> events() const noexcept { return events_; }
  void clear_events() noexcept { events_.clear(); }

  [[nodiscard]] double cumulative_spend(std::size_t i) const { return cumulative_[i]; }
  [[nodiscard]] std::size_t size() const noexcept { return params_.size(); }

 private:
  void apply(const StepContext& ctx);
  /// Calls f on the levers of every zone instrument i acts in.

  std::vector<InstrumentParams> params_;
  std::vector<InnovationTarget> targets_;
  std::vector<Adoption*> adoptions_;
  std::vector<double> start_days_, end_days_, total_budget_;
  const Calendar& calendar_;
  const Population& population_;
  double mission_budget_;
  Stakeholders* stakeholders_;
  std::function<void()> collaboration_changed_;
  // State, reset by setup().
  std::vector<double> spend_, cumulative_, funded_;
  std::vector<std::uint8_t> exhausted_,
      seeded_;  ///< seeded_: field lab, infrastructure, coordination acted once
  std::vector<std::uint32_t> ties_added_;
  /// patient_involvement aimed at some regions or types: the organisations it engages.
  std::vector<std::vector<std::uint32_t>> engaged_;
  std::vector<std::uint8_t> held_initially_, held_, stopped_;
  std::vector<double> intensity_;
  double budget_factor_ = 1.0;
  double mission_spent_ = 0;
  bool mission_exhausted_ = false;
  std::vector<Event> events_;
};

}  // namespace missionsim::model
