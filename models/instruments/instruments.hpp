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

#include <cstdint>
#include <span>
#include <vector>

namespace missionsim::model {

/// The innovation an instrument acts on: which Adoption (citizens' or organisations') and where in it.
struct InnovationTarget {
  Adoption* adoption = nullptr;
  std::size_t index = 0;
};

class Instruments {
 public:
  /// `targets[i]` is instrument i's innovation; `adoptions` every Adoption whose levers the
  /// instruments own (reset each step). `mission_budget` 0 means no limit beyond each
  /// instrument's own.
  Instruments(std::vector<InstrumentParams> params, std::vector<InnovationTarget> targets,
              std::vector<Adoption*> adoptions, const Calendar& calendar, const Population& population,
              double mission_budget);

  /// Instrument i waits for a trigger to start it, whatever its start date (call before setup()).
  void hold_until_started(std::size_t i) { held_initially_[i] = 1; }
  void setup();
  // Trigger actions, effective from the next step's apply().
  void start(std::size_t i) { held_[i] = 0; }
  void stop(std::size_t i) { stopped_[i] = 1; }
  /// Multiplies planned spending and effect.
  void scale(std::size_t i, double factor) { intensity_[i] *= factor; }
  /// One serial phase; add it before the adoption phases so this step's levers apply.
  void add_phases(StepPlan& plan);

  void describe_metrics(std::vector<MetricSpec>& out) const;
  [[nodiscard]] std::size_t metric_width() const noexcept { return 3 * params_.size() + 1; }
  void write_metrics(std::span<double> out) const;

  /// Events of the last step (budget_exhausted), to be handed to the recorder.
  [[nodiscard]] std::span<const Event> events() const noexcept { return events_; }
  void clear_events() noexcept { events_.clear(); }

  [[nodiscard]] double cumulative_spend(std::size_t i) const { return cumulative_[i]; }
  [[nodiscard]] std::size_t size() const noexcept { return params_.size(); }

 private:
  void apply(const StepContext& ctx);

  std::vector<InstrumentParams> params_;
  std::vector<InnovationTarget> targets_;
  std::vector<Adoption*> adoptions_;
  std::vector<double> start_days_, end_days_, total_budget_;
  const Calendar& calendar_;
  const Population& population_;
  double mission_budget_;
  // State, reset by setup().
  std::vector<double> spend_, cumulative_, funded_;
  std::vector<std::uint8_t> exhausted_, seeded_;
  std::vector<std::uint8_t> held_initially_, held_, stopped_;
  std::vector<double> intensity_;
  double mission_spent_ = 0;
  bool mission_exhausted_ = false;
  std::vector<Event> events_;
};

}  // namespace missionsim::model
