// Runs a frozen StepPlan: agent phases as parallel loops over fixed agent blocks (oneTBB, in
// an arena bounded to the requested threads), serial phases in between.
#pragma once

#include "engine/schedule/step_plan.hpp"
#include "engine/storage/block_partition.hpp"

#include <cstdint>
#include <memory>

namespace missionsim {

class StepExecutor {
 public:
  /// `threads` = 0 means every core of the machine.
  StepExecutor(const StepPlan& plan, BlockPartition blocks, unsigned threads);
  ~StepExecutor();
  StepExecutor(const StepExecutor&) = delete;
  StepExecutor& operator=(const StepExecutor&) = delete;

  /// Runs every phase of the plan once, in order.
  void run_step(const StepContext& ctx);

  [[nodiscard]] unsigned threads() const noexcept { return threads_; }
  [[nodiscard]] const BlockPartition& blocks() const noexcept { return blocks_; }

 private:
  struct Arena;
  const StepPlan& plan_;
  BlockPartition blocks_;
  unsigned threads_;
  std::unique_ptr<Arena> arena_;
};

/// The machine's core count as oneTBB sees it (respects affinity masks and cgroups).
unsigned available_cores();

}  // namespace missionsim
