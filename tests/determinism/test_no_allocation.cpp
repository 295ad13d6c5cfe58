// The step loop allocates nothing after the first step: every operator new is counted and
// the count must not move between the end of step 0 and the end of the last step.
#include "models/composition/scenario.hpp"
#include "tests/support/allocation_counter.hpp"
#include "tests/support/run_scenario.hpp"
#include "tests/support/temp_dir.hpp"

#include <catch2/catch.hpp>

namespace missionsim::model {

namespace {
struct AllocationWatch final : StepObserver {
  std::size_t after_first = 0, after_last = 0;
  void on_step_end(std::uint32_t, std::uint32_t step, std::uint32_t steps) override {
    if (step == 0) after_first = test::allocation_count();
    if (step + 1 == steps) after_last = test::allocation_count();
  }
};
}  // namespace

TEST_CASE("No heap allocation in the step loop after the first step") {
  const unsigned threads = GENERATE(1u, 2u);
  const auto s = load_scenario(test::source_dir() / "scenarios/demo.toml",
                               std::vector<std::string>{"population.size=20000", "time.end=2026-01-01"});
  AllocationWatch watch;
  const std::size_t before = test::allocation_count();
  test::run_in_memory(s, threads, 0, &watch);
  REQUIRE(test::allocation_count() > before);  // the counter does see this code's allocations
  CHECK(watch.after_last == watch.after_first);
}

}  // namespace missionsim::model
