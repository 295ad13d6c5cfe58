#include "engine/analysis/tipping_search.hpp"

#include "engine/core/error.hpp"

#include <catch2/catch.hpp>

#include <vector>

namespace missionsim {

namespace {
// Every 12 steps and the last step, as missionsim tipping lays out its grid.
std::vector<std::uint32_t> yearly(std::uint32_t steps) {
  std::vector<std::uint32_t> grid;
  for (std::uint32_t t = 0; t < steps; t += 12) grid.push_back(t);
  if (grid.back() != steps - 1) grid.push_back(steps - 1);
  return grid;
}
}  // namespace

TEST_CASE("The bisection finds the first sustaining step between two grid steps, exactly") {
  for (std::uint32_t tip : {1u, 17u, 23u, 24u, 25u, 59u}) {
    INFO("tipping step " << tip);
    std::vector<std::uint32_t> asked;
    const auto search = find_tipping_step(yearly(60), {}, [&](std::uint32_t t) {
      asked.push_back(t);
      return std::vector<std::uint8_t>(5, t >= tip);
    });
    REQUIRE(search.step);
    CHECK(*search.step == tip);
    // The grid (6 steps), then at most ⌈log2 12⌉ = 4 bisection steps.
    CHECK(asked.size() <= 6 + 4);
    CHECK(std::is_sorted(search.points.begin(), search.points.end(),
                         [](const auto& a, const auto& b) { return a.step < b.step; }));
    // Every replicate agrees: the bootstrap cannot move the step.
    CHECK(search.low == tip);
    CHECK(search.high == tip);
  }
}

TEST_CASE("No tipping step when no withdrawal sustains; step 0 when support is never needed") {
  const auto never =
      find_tipping_step(yearly(36), {}, [](std::uint32_t) { return std::vector<std::uint8_t>(3, 0); });
  CHECK_FALSE(never.step);
  CHECK(never.points.size() == 4);
  const auto always =
      find_tipping_step(yearly(36), {}, [](std::uint32_t) { return std::vector<std::uint8_t>(3, 1); });
  CHECK(always.step == 0u);
}

TEST_CASE("The level is a share of replicates, and the bootstrap interval brackets the step") {
  // Replicate r sustains from step 10 + r (r = 0 … 9): the share reaches 0.9 at step 18.
  const auto sustained = [](std::uint32_t t) {
    std::vector<std::uint8_t> out(10);
    for (std::uint32_t r = 0; r < 10; ++r) out[r] = t >= 10 + r;
    return out;
  };
  TippingSearchSettings settings;
  settings.level = 0.9;
  settings.bootstrap = 2000;
  const auto search = find_tipping_step(yearly(48), settings, sustained);
  REQUIRE(search.step);
  CHECK(*search.step == 18);
  REQUIRE(search.low);
  CHECK(*search.low <= 18);
  // Among the evaluated steps only those the bisection visited can be the resamples' answer.
  for (const auto s : {*search.low, search.high.value_or(48)})
    CHECK((s == 48 || std::any_of(search.points.begin(), search.points.end(),
                                  [&](const auto& p) { return p.step == s; })));
  settings.level = 0.5;
  CHECK(find_tipping_step(yearly(48), settings, sustained).step == 14u);
}

TEST_CASE("A grid that is not ascending is refused") {
  CHECK_THROWS_AS(
      find_tipping_step({12, 0}, {}, [](std::uint32_t) { return std::vector<std::uint8_t>(1, 1); }),
      InternalError);
}

}  // namespace missionsim
