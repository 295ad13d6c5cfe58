// W2 through the engine: SIR contagion as a component of StepPlan phases over agent blocks,
// state in a DoubleBuffer, draws from a PhiloxStream, and a per-step choice between a full
// sweep and an active set (the infected and their contacts). Bench-only: the health-system
// model has no SIR, so this component lives beside its benchmark.
#pragma once

#include "bench/contagion_ba/sir_rule.hpp"
#include "engine/network/csr_graph.hpp"
#include "engine/schedule/step_plan.hpp"
#include "engine/storage/active_set.hpp"
#include "engine/storage/block_partition.hpp"
#include "engine/storage/double_buffer.hpp"

#include <cstdint>
#include <span>
#include <vector>

namespace missionsim::bench {

class Contagion {
 public:
  /// `graph` must outlive the component.
  Contagion(const CsrGraph& graph, SirParams params, BlockPartition blocks, StreamKey key);

  /// Everyone susceptible but `initial` (infected).
  void setup(std::span<const std::uint32_t> initial);
  /// prepare (serial: full sweep or active set), mark (agents), gather (serial), decide
  /// (agents), commit (serial).
  void add_phases(StepPlan& plan);
  /// Sweeps every agent every step (for measuring the active set's gain).
  void force_full_sweep(bool on) noexcept { force_full_ = on; }

  [[nodiscard]] std::span<const std::uint8_t> state() const { return state_.current(); }
  [[nodiscard]] std::uint64_t infected_count() const noexcept { return infected_; }
  [[nodiscard]] std::uint64_t recovered_count() const noexcept { return recovered_; }
  /// Agents evaluated since setup (all N in a full-sweep step), and the steps that swept all.
  [[nodiscard]] std::uint64_t evaluated() const noexcept { return evaluated_; }
  [[nodiscard]] std::uint64_t full_sweeps() const noexcept { return full_sweeps_; }

  /// The active set is used when the infected, times the mean degree, are at most this share
  /// of the population: each touched agent then costs about one row read, against N rows
  /// for the sweep, and touching costs one random write per infected contact.
  static constexpr double active_set_max_share = 0.25;

 private:
  void prepare();
  void mark(const AgentBlock& b);
  void decide(const StepContext& ctx, const AgentBlock& b);
  void commit();

  const CsrGraph& graph_;
  SirParams params_;
  BlockPartition blocks_;
  PhiloxStream draws_;
  std::vector<double> infection_;
  DoubleBuffer<std::uint8_t> state_;
  ActiveSet active_set_;
  std::vector<std::uint8_t> block_changed_;  ///< the block's state differs from the step before
  std::vector<std::int64_t> infected_change_by_block_;
  std::vector<std::uint64_t> recovered_by_block_;
  std::vector<std::uint64_t> evaluated_by_block_;
  std::uint64_t infected_ = 0;
  std::uint64_t recovered_ = 0;
  std::uint64_t evaluated_ = 0;
  std::uint64_t full_sweeps_ = 0;
  bool force_full_ = false;
  bool first_step_ = true;  ///< the buffer's other half holds no earlier state yet
  bool active_ = false;     ///< this step evaluates the active set only
};

}  // namespace missionsim::bench
