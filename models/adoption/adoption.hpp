// Innovation adoption among agents (citizens, or organisations) on a network layer: the fractional-threshold
// rule (Watts 2002), the Bass rule and complex contagion (Centola & Macy 2007), synchronous (everyone decides
// on the state at the start of the step), with abandonment below a lower threshold (hysteresis).
#pragma once

#include "engine/io/recorder.hpp"
#include "engine/rng/philox_stream.hpp"
#include "engine/schedule/step_plan.hpp"
#include "engine/storage/active_set.hpp"
#include "engine/storage/block_partition.hpp"
#include "engine/storage/double_buffer.hpp"
#include "models/adoption/params.hpp"
#include "models/world/world.hpp"

#include <cstdint>
#include <span>
#include <vector>

namespace missionsim::model {

/// What policy instruments set on an innovation for the agents of one lever zone (a region, or
/// a stakeholder type in a region) for the current step. Reset by whoever owns the levers (the
/// instruments' serial phase) before the adoption phases run.
struct ZoneLevers {
  double threshold_shift = 0.0;        ///< added to every θ (negative: evidence, procurement lower it)
  double innovation_rate_boost = 0.0;  ///< added to Bass p, per year (campaigns)
  bool mandate = false;                ///< regulation: everyone adopts in this step, for good
  friend bool operator==(const ZoneLevers&, const ZoneLevers&) = default;
};

/// Which lever zone each agent is in, so that an instrument can act on some regions or some
/// stakeholder types only. The caller owns the column; one zone (everyone alike) by default.
struct LeverZones {
  std::span<const std::uint16_t> of_agent;  ///< empty: every agent in zone 0
  std::uint16_t count = 1;
};

/// Who among the agents may adopt one innovation, and how much harder it is for each of them.
struct AdopterProfile {
  std::vector<std::uint8_t> eligible;    ///< empty: everyone
  std::vector<double> threshold_offset;  ///< added to θ per agent (incumbency); empty: none
};

/// How an Adoption names its metrics and phases, so that citizens and organisations can each
/// have one in the same run.
struct AdoptionNames {
  std::string prefix;                    ///< before metric and phase names: "" or "stakeholder_"
  std::string dimension = "innovation";  ///< breakdown dimension of its metrics
  std::string agents = "people";         ///< units of its counts
};

class Adoption {
 public:
  /// `profiles` is empty or has one entry per innovation.
  Adoption(std::vector<InnovationParams> params, const World& world, BlockPartition blocks,
           AdoptionNames names = {}, std::vector<AdopterProfile> profiles = {}, LeverZones zones = {});

  /// Draws the thresholds and places the initial adopters. InputError if an initial-adopter
  /// file is unreadable or names a person outside the population.
  void setup(std::uint64_t seed, std::uint32_t run);
  /// What changes during a run, between two steps (a snapshot for counterfactual runs).
  struct State {
    struct Innovation {
      std::vector<std::uint8_t> adopted, kept;
      std::uint64_t adopters = 0, new_adopters = 0, abandonments = 0;
      double maturity = 0;
    };
    std::vector<Innovation> innovations;
  };
  [[nodiscard]] State state() const;
  /// Back to a state() of this Adoption, taken between two steps.
  void restore(const State& state);

  /// Appends this component's phases: a serial preparation, the parallel marking of the active
  /// set, a serial barrier, the parallel decision, a serial commit.
  void add_phases(StepPlan& plan);

  /// Makes every step sweep every agent (for benchmarks and tests of the active set: both
  /// paths give the same results).
  void force_full_sweep(bool on) noexcept { force_full_ = on; }
  /// A network layer changed (coordination adds ties): the next step sweeps everyone.
  void network_changed() noexcept;
  /// Agents whose decision was evaluated in the step just completed (all of them in a sweep),
  /// summed over innovations.
  [[nodiscard]] std::uint64_t evaluated_last_step() const noexcept;
  /// Steps since setup in which innovation i swept every agent.
  [[nodiscard]] std::uint64_t full_sweeps(std::size_t i) const { return spreads_[i].full_sweeps; }

  /// The active set is used when the agents that changed in the last step, times the mean
  /// degree, are at most this share of the population: each re-evaluated agent then costs
  /// about one row read against N rows for a sweep, and marking one random write per edge of
  /// a changed agent.
  static constexpr double active_set_max_share = 0.25;

  /// adopter_share_by_innovation, new_adopters_by_innovation, maturity_by_innovation and
  /// abandonments_by_innovation.
  void describe_metrics(std::vector<MetricSpec>& out) const;
  /// The same from the parameters alone, before any world exists.
  static void describe_metrics(const std::vector<InnovationParams>& params, const AdoptionNames& names,
                               std::vector<MetricSpec>& out);
  [[nodiscard]] std::size_t metric_width() const noexcept { return 4 * spreads_.size(); }
  /// Writes the values of describe_metrics() for the step just completed.
  void write_metrics(std::span<double> out) const;

  [[nodiscard]] std::size_t innovation_count() const noexcept { return spreads_.size(); }
  [[nodiscard]] const InnovationParams& params(std::size_t i) const { return spreads_[i].params; }
  [[nodiscard]] std::span<const std::uint8_t> adopted(std::size_t i) const {
    return spreads_[i].adopted.current();
  }
  /// Each person's θ; empty when everyone has the innovation's fixed threshold.
  [[nodiscard]] std::span<const double> thresholds(std::size_t i) const { return spreads_[i].thresholds; }
  /// The layer innovation i spreads on.
  [[nodiscard]] const NetworkLayer& layer(std::size_t i) const { return *spreads_[i].layer; }
  /// 1 for the agents who may adopt innovation i; empty: everyone.
  [[nodiscard]] std::span<const std::uint8_t> eligible(std::size_t i) const {
    return spreads_[i].profile.eligible;
  }
  [[nodiscard]] std::uint32_t agent_count() const noexcept { return population_; }
  [[nodiscard]] std::uint64_t adopter_count(std::size_t i) const { return spreads_[i].adopters; }
  /// Adopters who abandoned the innovation during the step just completed.
  [[nodiscard]] std::uint64_t abandonments(std::size_t i) const { return spreads_[i].abandonments; }
  /// 1 for adopters placed by a field lab or a mandate: they never abandon.
  [[nodiscard]] std::span<const std::uint8_t> protected_adopters(std::size_t i) const {
    return spreads_[i].kept;
  }
  /// Adopters over those who may adopt (everyone, or the eligible organisations).
  [[nodiscard]] double adopter_share(std::size_t i) const;
  /// Stage of maturity as a number: 0 research … 3 market, 4 standard of care (fractions between).
  [[nodiscard]] double maturity(std::size_t i) const { return spreads_[i].maturity; }
  [[nodiscard]] std::uint16_t zone_count() const noexcept { return zones_.count; }
  /// The levers of innovation i in one zone, for this step.
  [[nodiscard]] ZoneLevers& levers(std::size_t i, std::uint16_t zone = 0) { return spreads_[i].zones[zone]; }
  /// Research funding: innovation i matures (1 + speedup) times as fast this step.
  [[nodiscard]] double& maturation_speedup(std::size_t i) { return spreads_[i].maturation_speedup; }
  /// Sets every lever of every innovation back to none (no allocation).
  void reset_levers();
  /// Makes people [first, first + count) adopters now and for good (a field lab seeding a
  /// community). Call only from a serial phase before the adoption phases; returns how many
  /// were new.
  std::uint64_t seed_adopters(std::size_t i, std::uint32_t first, std::uint32_t count);

 private:
  struct Spread {
    InnovationParams params;
    const NetworkLayer* layer = nullptr;
    DoubleBuffer<std::uint8_t> adopted;
    // Double, not float: a share k/n must meet a θ of k/n exactly (float(3/99) > 3/99).
    std::vector<double> thresholds;  ///< empty when everyone has params.threshold
    AdopterProfile profile;
    std::uint64_t eligible_count = 0;  ///< the denominator of the adopter share
    PhiloxStream draws{StreamKey{}};
    std::vector<std::uint8_t> kept;  ///< protected adopters (field labs, mandates) never abandon
    std::vector<std::uint64_t> new_by_block;
    std::vector<std::uint64_t> abandoned_by_block;
    std::uint64_t adopters = 0;
    std::uint64_t new_adopters = 0;
    std::uint64_t abandonments = 0;
    double mixed_adopt_probability = 0;  ///< well-mixed Bass: same for everyone this step
    double mixed_share = 0;              ///< well-mixed: adopting share of the others, for a non-adopter
    double mixed_adopter_share = 0;      ///< well-mixed: the same for an adopter (it is not its own contact)
    bool mixed_enough = true;            ///< well-mixed complex contagion: enough adopting contacts
    double maturity = 0;
    std::uint64_t seeded = 0;       ///< placed by instruments this step
    std::vector<ZoneLevers> zones;  ///< one per lever zone
    double maturation_speedup = 0;
    // Set by prepare() from the zones' levers.
    bool uniform = true;  ///< every zone alike: decide() uses zones[0] for all
    bool any_mandate = false, all_mandate = false;
    std::vector<double> zone_probability;  ///< well-mixed Bass, zones differ: per zone
    // The active set (threshold and complex contagion on a network: deterministic rules of the
    // neighbours' state, so an agent none of whose contacts changed decides as it did before).
    bool can_use_active_set = false;
    ActiveSet active_set;
    std::vector<std::uint8_t> block_changed;  ///< the block differs from the step before
    std::vector<std::uint64_t> evaluated_by_block;
    std::vector<ZoneLevers> previous_zones;  ///< the levers the previous step decided with
    bool previous_by_rule = false;           ///< the previous step decided by the rule (market, no mandate)
    bool need_full = true;                   ///< after setup or a network change
    bool active = false;                     ///< this step evaluates the active set only
    std::uint64_t changed_last = 0;          ///< agents the previous step's decision changed
    std::uint64_t evaluated = 0;             ///< agents evaluated in the step just completed
    std::uint64_t full_sweeps = 0;
  };

  void place_initial_adopters(Spread& s, std::uint64_t seed, std::uint32_t run);
  void draw_thresholds(Spread& s, std::uint64_t seed, std::uint32_t run);
  void prepare(const StepContext& ctx);
  void choose_sweep(Spread& s) const;
  void mark(const AgentBlock& block);
  void decide(const StepContext& ctx, const AgentBlock& block);
  void commit();

  /// Adopters in mandated zones adopt now and for good (a mandate of some zones only).
  static void apply_partial_mandate(Spread& s, const std::uint16_t* zone, const AgentBlock& b,
                                    std::uint64_t& fresh, std::uint64_t& gone);

  std::uint32_t population_;
  BlockPartition blocks_;
  LeverZones zones_;
  AdoptionNames names_;
  std::vector<Spread> spreads_;
  bool force_full_ = false;
};

}  // namespace missionsim::model
