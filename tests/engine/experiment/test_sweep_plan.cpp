#include "engine/experiment/sweep_plan.hpp"

#include "engine/core/error.hpp"

#include <catch2/catch.hpp>

#include <set>

namespace missionsim {

namespace {
SweepPlan plan(std::uint32_t replicates, std::uint64_t seed = 7) {
  const std::vector<ParameterRange> r = {{"a", 0, 1}, {"b", 0, 1}};
  return SweepPlan(grid_design(r, 3), replicates, seed);
}
}  // namespace

TEST_CASE("runs are points times replicates, replicate fastest", "[sweep_plan]") {
  const auto p = plan(4);
  CHECK(p.run_count() == 9 * 4);
  CHECK(p.point_of(13) == 3);
  CHECK(p.replicate_of(13) == 1);
}

TEST_CASE("seeds depend on the base seed and the run index only, and differ between runs", "[sweep_plan]") {
  const auto p = plan(3);
  std::set<std::uint64_t> seeds;
  for (std::uint32_t r = 0; r < p.run_count(); ++r) {
    seeds.insert(p.seed_of(r));
    CHECK(p.seed_of(r) < (std::uint64_t{1} << 62));
  }
  CHECK(seeds.size() == p.run_count());
  CHECK(plan(3).seed_of(5) == p.seed_of(5));
  CHECK(plan(1).seed_of(5) == p.seed_of(5));  // the same run index, whatever the layout
  CHECK(plan(3, 8).seed_of(5) != p.seed_of(5));
}

TEST_CASE("shards partition the runs", "[sweep_plan]") {
  const auto p = plan(2);
  std::multiset<std::uint32_t> all;
  for (std::uint32_t i = 0; i < 4; ++i)
    for (auto r : p.runs_of(Shard{i, 4})) {
      CHECK(r % 4 == i);
      all.insert(r);
    }
  CHECK(all.size() == p.run_count());
  CHECK(std::set<std::uint32_t>(all.begin(), all.end()).size() == p.run_count());
  CHECK(p.runs_of(Shard{}).size() == p.run_count());
}

TEST_CASE("a shard is given as I/N", "[sweep_plan]") {
  CHECK(parse_shard("2/5").index == 2);
  CHECK(parse_shard("2/5").count == 5);
  for (const char* bad : {"5/5", "1", "a/2", "1/0", "-1/3", "1/2x"})
    CHECK_THROWS_AS(parse_shard(bad), InputError);
}

TEST_CASE("the fingerprint changes with anything that changes the runs", "[sweep_plan]") {
  CHECK(plan(2).fingerprint() == plan(2).fingerprint());
  CHECK(plan(2).fingerprint() != plan(3).fingerprint());
  CHECK(plan(2, 7).fingerprint() != plan(2, 8).fingerprint());
}

}  // namespace missionsim
