#include "engine/schedule/step_executor.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <cmath>
#include <numeric>
#include <vector>

namespace missionsim {

TEST_CASE("Every agent is visited exactly once per agent phase, for any thread count") {
  const unsigned threads = GENERATE(1u, 2u, 8u);
  const std::uint32_t n = 100'003;  // not a multiple of the block size
  std::vector<int> visits(n, 0);
  StepPlan plan;
  Phase p;
  p.name = "visit";
  p.on_block = [&](const StepContext&, const AgentBlock& b) {
    for (auto i = b.begin; i < b.end; ++i) ++visits[i];
  };
  plan.add(p);
  plan.freeze();
  StepExecutor exec(plan, BlockPartition(n, 1000), threads);
  exec.run_step({});
  exec.run_step({});
  CHECK(std::all_of(visits.begin(), visits.end(), [](int v) { return v == 2; }));
}

TEST_CASE("Phases run in order, serial phases after all blocks of the phase before") {
  const unsigned threads = GENERATE(1u, 2u, 8u);
  const BlockPartition blocks(50'000, 512);
  std::atomic<std::uint32_t> done{0};
  std::uint32_t seen_at_serial = 0;
  std::vector<std::uint32_t> order;
  StepPlan plan;
  Phase a;
  a.name = "blocks";
  a.on_block = [&](const StepContext&, const AgentBlock&) { done.fetch_add(1); };
  plan.add(a);
  Phase s;
  s.name = "after";
  s.kind = Phase::Kind::serial;
  s.on_step = [&](const StepContext& ctx) {
    seen_at_serial = done.load();
    order.push_back(ctx.step);
  };
  plan.add(s);
  plan.freeze();
  StepExecutor exec(plan, blocks, threads);
  for (std::uint32_t t = 0; t < 3; ++t) exec.run_step({0, t, 1.0});
  CHECK(seen_at_serial == 3 * blocks.block_count());
  CHECK(order == std::vector<std::uint32_t>{0, 1, 2});
}

TEST_CASE("Per-block partial sums combined in block order are bit-identical across thread counts") {
  // Floating-point addition is not associative: a reduction that followed the schedule would
  // differ between runs; one that follows the blocks cannot.
  const std::uint32_t n = 200'000;
  const BlockPartition blocks(n, 997);
  auto run = [&](unsigned threads) {
    std::vector<double> partial(blocks.block_count(), 0.0);
    StepPlan plan;
    Phase p;
    p.name = "sum";
    p.on_block = [&](const StepContext&, const AgentBlock& b) {
      double s = 0;
      for (auto i = b.begin; i < b.end; ++i) s += std::sin(i) * 1e-3 + 1.0 / (i + 1.0);
      partial[b.index] = s;
    };
    plan.add(p);
    plan.freeze();
    StepExecutor exec(plan, blocks, threads);
    exec.run_step({});
    return std::accumulate(partial.begin(), partial.end(), 0.0);
  };
  const double one = run(1);
  CHECK(run(2) == one);
  CHECK(run(8) == one);
}

TEST_CASE("An unfrozen plan cannot be executed") {
  StepPlan plan;
  CHECK_THROWS(StepExecutor(plan, BlockPartition(10), 1));
}

}  // namespace missionsim
