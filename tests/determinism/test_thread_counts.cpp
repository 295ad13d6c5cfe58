// DESIGN.md decision 1: the same scenario and seed give bit-identical results for any thread
// count; decision 2: common random numbers across scenarios.
#include "models/composition/scenario.hpp"
#include "tests/support/run_scenario.hpp"
#include "tests/support/temp_dir.hpp"

#include <catch2/catch.hpp>

namespace missionsim::model {

namespace {
Scenario demo(std::vector<std::string> extra = {}) {
  std::vector<std::string> sets{"population.size=30000", "time.end=2028-01-01",
                                "goals.early_detection.deadline=2027-12-31",
                                "goals.fewer_cancers.deadline=2027-12-31"};
  sets.insert(sets.end(), extra.begin(), extra.end());
  return load_scenario(test::source_dir() / "scenarios/demo.toml", sets);
}
}  // namespace

TEST_CASE("The demo is bit-identical with 1, 2 and 8 threads") {
  const Scenario s = demo();
  const auto one = test::run_in_memory(s, 1);
  // The series must move at all, or identity would prove nothing.
  const auto shares = one->series("adopter_share_by_innovation", 0);
  REQUIRE(shares.front() != shares.back());
  for (unsigned threads : {2u, 8u}) {
    INFO(threads << " threads");
    CHECK(test::same_series(*one, *test::run_in_memory(s, threads)));
  }
}

TEST_CASE("Results do not depend on the block size either") {
  const Scenario s = demo();
  CHECK(test::same_series(*test::run_in_memory(s, 2, 1000), *test::run_in_memory(s, 2, 8192)));
}

TEST_CASE("Seed contract: the same seed repeats, another seed differs") {
  const auto a = test::run_in_memory(demo({"scenario.seed=5"}), 2);
  CHECK(test::same_series(*a, *test::run_in_memory(demo({"scenario.seed=5"}), 2)));
  CHECK_FALSE(test::same_series(*a, *test::run_in_memory(demo({"scenario.seed=6"}), 2)));
}

TEST_CASE("Common random numbers: changing one innovation leaves another's path unchanged") {
  // Streams are keyed by the innovation's name, not its position or its neighbours' settings:
  // making screening easier for providers changes screening, not the citizens' diet.
  const auto base = test::run_in_memory(demo(), 2);
  const auto changed = test::run_in_memory(demo({"innovations.screening.threshold=0.1"}), 2);
  const auto diet_base = base->series("adopter_share_by_innovation", 0);
  const auto diet_changed = changed->series("adopter_share_by_innovation", 0);
  REQUIRE(base->header().metrics.front().by->labels == std::vector<std::string>{"healthy_diet"});
  CHECK(std::equal(diet_base.begin(), diet_base.end(), diet_changed.begin(), diet_changed.end()));
  const auto screening_base = base->series("stakeholder_adopter_share_by_stakeholder_innovation", 0);
  const auto screening_changed = changed->series("stakeholder_adopter_share_by_stakeholder_innovation", 0);
  CHECK_FALSE(std::equal(screening_base.begin(), screening_base.end(), screening_changed.begin()));
}

}  // namespace missionsim::model
