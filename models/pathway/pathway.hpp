// The care pathway as a per-person Markov chain in discrete time: every step, each person in
// state s leaves it with probability 1 − exp(−R·Δt), R the sum of the state's yearly exit
// rates, towards each destination in proportion to its rate (one draw decides both). Hazards
// depend on the person's region, quintile, age band and risk factors, and on the innovations
// they have adopted. Deaths are replaced at once by a healthy person in the same place.
#pragma once

#include "engine/io/recorder.hpp"
#include "engine/rng/philox_stream.hpp"
#include "engine/schedule/step_plan.hpp"
#include "engine/storage/block_partition.hpp"
#include "models/pathway/params.hpp"
#include "models/population/population.hpp"

#include <cstdint>
#include <functional>
#include <span>
#include <vector>

namespace missionsim::model {

/// How adopting an innovation changes an adopter's hazards (1 = no change).
struct PathwayEffect {
  /// The adopted column at the time of the call (it moves when the adoption buffer swaps).
  std::function<std::span<const std::uint8_t>()> adopted;
  double onset = 1.0;
  double early_detection = 1.0;
  double cure = 1.0;
  /// For an innovation adopted by organisations: each citizen's provider (the adopted column is
  /// then over organisations) and whether the provider's new practice reaches the citizen.
  std::span<const std::uint32_t> provider_of{};
  std::span<const std::uint8_t> reached{};
};

class Pathway {
 public:
  /// Innovations that may change hazards: their adopted columns are fetched per block onto the stack.
  static constexpr std::size_t max_effects = 16;

  Pathway(PathwayParams params, const Population& population, BlockPartition blocks,
          std::vector<PathwayEffect> effects);

  /// Everyone starts healthy.
  void setup(std::uint64_t seed, std::uint32_t run);
  /// What changes during a run, between two steps (a snapshot for counterfactual runs).
  struct State {
    std::vector<std::uint8_t> care_state;
    std::vector<double> step_tally;
  };
  [[nodiscard]] State state() const { return {state_, step_tally_}; }
  void restore(const State& s) {
    state_ = s.care_state;
    step_tally_ = s.step_tally;
  }
  /// One agent phase (transitions) and one serial phase (combining the blocks' tallies).
  void add_phases(StepPlan& plan);

  void describe_metrics(std::vector<MetricSpec>& out) const { describe_metrics(population_.params(), out); }
  /// The same from the population's parameters alone, before any world exists.
  static void describe_metrics(const PopulationParams& population, std::vector<MetricSpec>& out);
  [[nodiscard]] std::size_t metric_width() const noexcept;
  void write_metrics(std::span<double> out) const;

  [[nodiscard]] std::span<const std::uint8_t> states() const noexcept { return state_; }
  /// Persons (unscaled) in each state at the end of the last step.
  [[nodiscard]] std::array<std::uint64_t, care_state_count> state_counts() const;

  /// What the pathway tallies each step, per region and per quintile.
  enum Tally : std::size_t {
    incidence,        ///< onsets (healthy → pre-clinical early)
    diagnosed_early,  ///< diagnoses at an early stage
    diagnosed_late,   ///< diagnoses at a late stage
    deaths_disease,   ///< deaths from the disease
    deaths_other,     ///< deaths from other causes
    /// onsets attributable to the risk factors: each onset counts 1 − 1/RR, RR the relative risk
    /// of onset its risk factors and adopted innovations give (none when RR ≤ 1)
    preventable_incidence,
    yll,    ///< years of life lost to deaths from the disease
    qalys,  ///< quality-adjusted life-years lived
    tally_kinds
  };
  /// The last step's tally in region r, or in quintile q (0 = least deprived), in simulated
  /// persons (or years), not scaled: multiply by Population::scale() for real persons. Zero
  /// before the first step. For readers of the pathway's results such as Equity.
  [[nodiscard]] double last_step_in_region(Tally kind, std::size_t r) const noexcept {
    return step_tally_[kind * groups() + r];
  }
  [[nodiscard]] double last_step_in_quintile(Tally kind, std::size_t q) const noexcept {
    return step_tally_[kind * groups() + regions_ + q];
  }

 private:
  // The step's results per region and per quintile (Tally × groups), then the state stocks.
  // Life-years lost and QALYs are derived in combine() from integer counts (deaths by age band,
  // people by state), and preventable onsets are counted in fixed point (units of
  // 1/preventable_unit), so no floating-point sum depends on how agents were split into blocks.
  static constexpr std::size_t counted_kinds = yll;  ///< kinds the blocks count directly
  static constexpr double preventable_unit = 1 << 20;

  void transition(const StepContext& ctx, const AgentBlock& block);
  void combine(const StepContext& ctx);
  [[nodiscard]] std::size_t groups() const noexcept { return regions_ + quintile_count; }
  [[nodiscard]] std::size_t stride() const noexcept { return tally_kinds * groups() + care_state_count; }
  // Block layout: counted kinds × groups, people by state at the start × groups, disease
  // deaths by age band × groups, then people by state at the end.
  [[nodiscard]] std::size_t block_stride() const noexcept {
    return (counted_kinds + care_state_count + bands_) * groups() + care_state_count;
  }

  PathwayParams params_;
  const Population& population_;
  BlockPartition blocks_;
  std::vector<PathwayEffect> effects_;
  std::size_t regions_;
  std::size_t bands_;
  std::vector<double> detection_multiplier_;  ///< [region × quintile]
  std::array<double, quintile_count> cure_multiplier_{};
  std::vector<double> risk_factor_rr_;  ///< relative risk of onset of each risk factor
  std::vector<std::uint8_t> state_;
  PhiloxStream draws_{StreamKey{}};
  std::vector<double> block_tallies_;  ///< [block × block_stride], integer counts
  std::vector<double> step_tally_;     ///< [stride], the last step's results
  std::vector<double> sum_;            ///< [block_stride], scratch for combine()
};

}  // namespace missionsim::model
