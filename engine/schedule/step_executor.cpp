#include "engine/schedule/step_executor.hpp"

#include "engine/core/error.hpp"

#include <tbb/blocked_range.h>
#include <tbb/info.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

namespace missionsim {

struct StepExecutor::Arena {
  tbb::task_arena arena;
  explicit Arena(unsigned threads) : arena(static_cast<int>(threads)) {}
};

unsigned available_cores() {
  const int n = tbb::info::default_concurrency();
  return n > 0 ? static_cast<unsigned>(n) : 1u;
}

StepExecutor::StepExecutor(const StepPlan& plan, BlockPartition blocks, unsigned threads)
    : plan_(plan), blocks_(blocks), threads_(threads == 0 ? available_cores() : threads) {
  if (!plan.frozen()) throw InternalError("StepExecutor: the plan must be frozen first");
  arena_ = std::make_unique<Arena>(threads_);
}

StepExecutor::~StepExecutor() = default;

void StepExecutor::run_step(const StepContext& ctx) {
  for (const Phase& phase : plan_.phases()) {
    if (phase.kind == Phase::Kind::serial) {
      phase.on_step(ctx);
      continue;
    }
    const BlockPartition& blocks = phase.blocks.agents() > 0 ? phase.blocks : blocks_;
    const std::uint32_t nblocks = blocks.block_count();
    if (threads_ == 1 || nblocks == 1) {
      for (std::uint32_t b = 0; b < nblocks; ++b) phase.on_block(ctx, blocks.block(b));
      continue;
    }
    // simple_partitioner with grain 1: one task per block. Which thread runs a block does
    // not matter: blocks write disjoint agents and their own partial-result slots.
    arena_->arena.execute([&] {
      tbb::parallel_for(
          tbb::blocked_range<std::uint32_t>(0, nblocks, 1),
          [&](const tbb::blocked_range<std::uint32_t>& r) {
            for (std::uint32_t b = r.begin(); b != r.end(); ++b) phase.on_block(ctx, blocks.block(b));
          },
          tbb::simple_partitioner{});
    });
  }
}

}  // namespace missionsim
