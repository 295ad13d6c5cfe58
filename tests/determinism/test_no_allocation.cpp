// The step loop allocates nothing after the first step: every operator new is counted, and
// from step 1 on the count must not move while a step computes (its phases and metrics).
// Structural changes (a coordination instrument adding ties) are left out too, as one-off
// rebuilds of the small stakeholder network. Recording is left out: events are rare and carry strings, and
// the recorders have their own no-allocation test for metric values (tests/engine/io/test_no_allocation.cpp).
#include "models/composition/scenario.hpp"
#include "tests/support/allocation_counter.hpp"
#include "tests/support/run_scenario.hpp"
#include "tests/support/temp_dir.hpp"

#include <catch2/catch.hpp>

namespace missionsim::model {

namespace {
struct AllocationWatch final : StepObserver {
  std::size_t at_begin = 0, during_steps = 0, steps_watched = 0;
  void on_step_begin(std::uint32_t, std::uint32_t) override { at_begin = test::allocation_count(); }
  void on_step_computed(std::uint32_t, std::uint32_t step) override {
    if (step == 0) return;
    during_steps += test::allocation_count() - at_begin;
    ++steps_watched;
  }
};
}  // namespace

TEST_CASE("No heap allocation in the step loop after the first step") {
  const unsigned threads = GENERATE(1u, 2u);
  const auto s = load_scenario(
      test::source_dir() / "scenarios/demo.toml",
      std::vector<std::string>{
          "population.size=20000", "time.end=2027-01-01", "goals.early_detection.deadline=2026-12-31",
          "goals.fewer_cancers.deadline=2026-12-31",
          // Coordination rebuilds the small collaboration network once, on its
          // first funded step, and that allocates by design: keep it outside.
          "instruments.one_stop_shop.end=2032-01-01", "instruments.one_stop_shop.start=2031-01-01"});
  AllocationWatch watch;
  const std::size_t before = test::allocation_count();
  test::run_in_memory(s, threads, 0, &watch);
  REQUIRE(test::allocation_count() > before);  // the counter does see this code's allocations
  CHECK(watch.steps_watched == 23);
  CHECK(watch.during_steps == 0);
}

}  // namespace missionsim::model
