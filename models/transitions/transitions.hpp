// The multi-level perspective in action: landscape pressures on adoption, regimes and budgets;
// each regime's strength from its challengers' weighted adopters and the lock-in that follows;
// niches' momentum and breakthrough; and the events that mark them.
#pragma once

#include "engine/core/calendar.hpp"
#include "engine/io/recorder.hpp"
#include "engine/schedule/step_plan.hpp"
#include "models/adoption/adoption.hpp"
#include "models/instruments/instruments.hpp"
#include "models/transitions/params.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace missionsim::model {

/// Where a scenario innovation lives, and what the transitions need to know of its adopters.
struct TransitionInnovation {
  Adoption* adoption = nullptr;
  std::size_t index = 0;
  std::span<const std::uint16_t> region;  ///< each agent's region (national bodies: region count)
  std::span<const float> incumbency;      ///< organisations' incumbency; empty for citizens
};

/// What the pathway label is decided from (see pathway_label.hpp).
struct TransitionHistory {
  std::optional<std::uint32_t> first_regime_shift, first_breakthrough;
  double max_regime_pressure_before_shift = 0;  ///< up to the first shift (or the end)
  /// Challengers of the first regime to shift adopted by at least half of those who may (when asked).
  std::size_t challengers_established = 0;
};

class Transitions {
 public:
  /// `innovations` in scenario order; `instruments` may be null (then this component resets the
  /// adoption levers itself each step).
  Transitions(TransitionParams params, std::vector<TransitionInnovation> innovations,
              const Calendar& calendar, Instruments* instruments);

  /// Call after the adoptions' setup(): the regimes' initial strength comes from their adopters.
  void setup();
  /// What changes during a run, between two steps (a snapshot for counterfactual runs).
  struct State {
    std::vector<double> strength, stability, momentum;
    std::vector<std::uint8_t> shifted, broken_through;
    TransitionHistory history;
    std::uint32_t step = 0;
    std::optional<std::size_t> shift_regime;
  };
  [[nodiscard]] State state() const {
    return {strength_, stability_, momentum_, shifted_, broken_through_, history_, step_, shift_regime_};
  }
  void restore(const State& s);
  /// Landscape and lock-in levers: add after the instruments' phase, before the adoption phases.
  void add_lever_phase(StepPlan& plan);
  /// Regimes' strength, niches' momentum, events: add after the adoption phases.
  void add_update_phase(StepPlan& plan);

  void describe_metrics(std::vector<MetricSpec>& out) const { describe_metrics(params_, out); }
  /// The same from the parameters alone, before any world exists.
  static void describe_metrics(const TransitionParams& params, std::vector<MetricSpec>& out);
  [[nodiscard]] std::size_t metric_width() const noexcept;
  void write_metrics(std::span<double> out) const;

  [[nodiscard]] std::span<const Event> events() const noexcept { return events_; }
  void clear_events() noexcept { events_.clear(); }
  /// The run so far, with the challengers established as of now.
  [[nodiscard]] TransitionHistory history() const;
  [[nodiscard]] const TransitionParams& params() const noexcept { return params_; }

  /// The value of landscape series k at step t (precomputed for the whole run).
  [[nodiscard]] double pressure(std::size_t k, std::size_t t) const {
    return pressure_[t * params_.landscape.size() + k];
  }
  [[nodiscard]] double strength(std::size_t r) const { return strength_[r]; }
  [[nodiscard]] double stability(std::size_t r) const { return stability_[r]; }
  [[nodiscard]] double momentum(std::size_t n) const { return momentum_[n]; }

 private:
  void apply_levers(const StepContext& ctx);
  void update(const StepContext& ctx);
  [[nodiscard]] double total_pressure(PressureTarget target, std::size_t t) const;
  void measure_regimes();

  TransitionParams params_;
  std::vector<TransitionInnovation> innovations_;
  std::vector<Adoption*> adoptions_;  ///< distinct, for resetting levers without instruments
  Instruments* instruments_;
  std::size_t steps_;
  std::vector<double> pressure_;                   ///< steps × series
  std::vector<std::uint32_t> shock_step_;          ///< pulse and step: the first step they are on
  std::vector<std::vector<float>> weight_;         ///< per regime: each agent's weight
  std::vector<std::vector<double>> weight_total_;  ///< per regime, per challenger: Σ weights of who may adopt
  std::vector<std::vector<std::uint8_t>> member_;  ///< per niche: 1 for members; empty: everyone
  std::vector<double> members_;                    ///< per niche: how many may adopt among members
  // State, reset by setup().
  std::uint32_t step_ = 0;                   ///< the step of the latest update
  std::optional<std::size_t> shift_regime_;  ///< the first regime to shift
  std::vector<double> strength_, stability_, momentum_;
  std::vector<std::uint8_t> shifted_, broken_through_;
  TransitionHistory history_;
  std::vector<Event> events_;
};

}  // namespace missionsim::model
