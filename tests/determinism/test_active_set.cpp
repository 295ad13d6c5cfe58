// The active set (re-deciding only agents with a contact that changed) must give exactly the
// full sweep's results, on every rule that uses it and with any thread count.
#include "engine/schedule/step_executor.hpp"
#include "models/adoption/adoption.hpp"
#include "models/composition/scenario.hpp"
#include "tests/support/run_scenario.hpp"
#include "tests/support/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <vector>

namespace missionsim::model {

namespace {
Scenario threshold_ba(const std::vector<std::string>& extra) {
  std::vector<std::string> sets{"population.size=20000"};
  sets.insert(sets.end(), extra.begin(), extra.end());
  return load_scenario(test::source_dir() / "scenarios/bench/threshold_ba.toml", sets);
}

std::unique_ptr<MemoryRecorder> run(const Scenario& s, unsigned threads, bool full_sweep) {
  RunSettings settings;
  settings.seed = s.seed;
  settings.threads = threads;
  settings.block_size = 1000;
  settings.full_sweep = full_sweep;
  Simulation sim(s, settings);
  auto rec = std::make_unique<MemoryRecorder>();
  rec->begin(sim.recording_header("test"));
  sim.run(*rec, nullptr);
  rec->finish();
  return rec;
}
}  // namespace

TEST_CASE("The active set decides exactly as the full sweep, step by step") {
  const int variant = GENERATE(0, 1, 2, 3);
  std::vector<std::string> sets;
  if (variant == 1) sets.emplace_back("innovations.cascade.abandon_threshold=0.1");
  if (variant == 2)
    sets = {"innovations.cascade.rule=complex", "innovations.cascade.threshold=0.1",
            "innovations.cascade.min_adopting_contacts=2"};
  if (variant == 3)
    sets = {"innovations.cascade.threshold_distribution=uniform",
            "innovations.cascade.threshold_spread=0.15"};
  INFO((sets.empty() ? std::string("plain threshold") : sets.front()));
  const Scenario s = threshold_ba(sets);
  const unsigned threads = GENERATE(1u, 2u);
  INFO(threads << " threads");
  const std::uint32_t starts[] = {0, s.population.size};
  std::vector<NetworkLayer> layers;
  layers.push_back(build_layer(s.networks.front(), starts, s.seed, 0));
  const World world(s.population.size, std::move(layers));
  const BlockPartition blocks(world.population(), 1000);
  Adoption fast(s.innovations, world, blocks), full(s.innovations, world, blocks);
  full.force_full_sweep(true);
  StepPlan fast_plan, full_plan;
  fast.add_phases(fast_plan);
  full.add_phases(full_plan);
  fast_plan.freeze();
  full_plan.freeze();
  StepExecutor fast_run(fast_plan, blocks, threads), full_run(full_plan, blocks, threads);
  fast.setup(s.seed, 0);
  full.setup(s.seed, 0);
  const std::uint64_t initial = fast.adopter_count(0);
  std::uint64_t evaluated = 0, changes = 0;
  const std::uint32_t steps = 30;
  for (std::uint32_t t = 0; t < steps; ++t) {
    const StepContext ctx{0, t, s.calendar().dt_years()};
    fast_run.run_step(ctx);
    full_run.run_step(ctx);
    REQUIRE(std::ranges::equal(fast.adopted(0), full.adopted(0)));
    REQUIRE(fast.adopter_count(0) == full.adopter_count(0));
    REQUIRE(fast.abandonments(0) == full.abandonments(0));
    evaluated += fast.evaluated_last_step();
    changes += full.abandonments(0);
  }
  // The comparison means something only if the active set was used and skipped agents, and
  // the cascade moved.
  CHECK(full.full_sweeps(0) == steps);
  CHECK(fast.full_sweeps(0) < steps);
  CHECK(evaluated < std::uint64_t{steps} * world.population() / 2);
  CHECK(fast.adopter_count(0) != initial);
  if (variant == 1) CHECK(changes > 0);
}

TEST_CASE("Whole runs are bit-identical with and without the active set") {
  SECTION("W1 with abandonment, 1 and 2 threads") {
    const Scenario s = threshold_ba({"innovations.cascade.abandon_threshold=0.1"});
    const auto reference = run(s, 1, true);
    CHECK(test::same_series(*reference, *run(s, 1, false)));
    CHECK(test::same_series(*reference, *run(s, 2, false)));
  }
  SECTION("The demo: levers, mandates, seeds and new ties on the organisations' threshold rule") {
    const std::vector<std::string> sets{"population.size=20000"};
    const Scenario s = load_scenario(test::source_dir() / "scenarios/demo.toml", sets);
    CHECK(test::same_series(*run(s, 2, true), *run(s, 2, false)));
  }
}

}  // namespace missionsim::model
