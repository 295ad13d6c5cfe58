#include "engine/analysis/arm_comparison.hpp"

#include "engine/core/error.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

namespace missionsim {
namespace {
// Outcomes: deaths (lower is better), QALYs, costs.
ArmComparisonInput input(std::vector<ArmSamples> arms) {
  ArmComparisonInput in;
  in.outcomes = {{"deaths", "persons", "", Better::lower},
                 {"qalys", "QALY", "", Better::higher},
                 {"costs", "EUR", "", Better::lower}};
  in.goals = {"g"};
  in.qalys_outcome = 1;
  in.costs_outcome = 2;
  in.willingness_to_pay = 100;
  in.arms = std::move(arms);
  return in;
}

ArmSamples arm(std::string name, std::vector<double> deaths, std::vector<double> qalys,
               std::vector<double> costs, std::vector<std::int8_t> met, std::vector<double> times) {
  return ArmSamples{std::move(name),
                    {std::move(deaths), std::move(qalys), std::move(costs)},
                    {std::move(met)},
                    {std::move(times)}};
}
}  // namespace

TEST_CASE("compare_arms: an arm against itself differs by exactly zero") {
  const auto a = arm("a", {5, 6, 7}, {100, 101, 99}, {10, 12, 11}, {1, 0, 1}, {1.5, INFINITY, 2});
  const auto r = compare_arms(input({a, a}));
  for (const auto& d : r.arms[1].difference) {
    CHECK(d.mean == 0.0);
    CHECK(d.ci_low == 0.0);
    CHECK(d.ci_high == 0.0);
  }
  CHECK(std::isnan(r.arms[1].icer));
  CHECK(r.arms[1].icer_note.empty());
  CHECK(r.arms[1].incremental_net_monetary_benefit.mean == 0.0);
  CHECK(r.arms[0].rank == 1);  // ties keep input order
  CHECK(r.arms[1].rank == 2);
}

TEST_CASE("compare_arms: cost per death averted, ICER, goals, time to target and ranking") {
  const auto base = arm("base", {10, 12, 11, 13}, {100, 100, 100, 100}, {0, 0, 0, 0}, {0, 0, 1, 0},
                        {INFINITY, INFINITY, 3, INFINITY});
  const auto more =
      arm("more", {8, 10, 9, 11}, {102, 102, 102, 102}, {100, 100, 100, 100}, {1, 1, 1, 0}, {1, 2, 1, 4});
  const auto r = compare_arms(input({base, more}));
  const auto& m = r.arms[1];
  CHECK(m.difference[0].mean == Approx(-2));
  CHECK(m.cost_per_improvement[0] == Approx(50));  // 100 per 2 deaths averted
  CHECK(m.cost_per_improvement[1] == Approx(50));  // 100 per 2 QALYs: the ICER
  CHECK(std::isnan(m.cost_per_improvement[2]));
  CHECK(m.icer == Approx(50));
  CHECK(m.icer_note.empty());
  CHECK(m.goal_met[0].estimate == Approx(0.75));
  CHECK(m.all_goals_met.estimate == Approx(0.75));
  CHECK(r.arms[0].goal_met[0].estimate == Approx(0.25));
  CHECK(m.target_reached[0].estimate == 1.0);
  CHECK(m.time_to_target[0][2] == Approx(1.5));       // median of 1, 1, 2, 4
  CHECK(std::isinf(r.arms[0].time_to_target[0][2]));  // base: 3 of 4 never reach it
  CHECK(m.net_monetary_benefit.mean == Approx(100 * 102 - 100));
  CHECK(m.incremental_net_monetary_benefit.mean == Approx(100));
  CHECK(r.ranking == std::vector<std::size_t>{1, 0});
  CHECK(m.rank == 1);
}

TEST_CASE("compare_arms: dominance notes and bad input") {
  const auto base = arm("base", {1, 1}, {10, 10}, {5, 5}, {0, 0}, {INFINITY, INFINITY});
  const auto cheap = arm("cheap", {1, 1}, {11, 11}, {4, 4}, {0, 0}, {INFINITY, INFINITY});
  const auto r = compare_arms(input({base, cheap}));
  CHECK(r.arms[1].icer_note == "dominant");
  auto bad = input({base, arm("short", {1}, {1}, {1}, {0}, {1})});
  CHECK_THROWS_AS(compare_arms(bad), InternalError);
  CHECK_THROWS_AS(compare_arms(input({})), InternalError);
}

}  // namespace missionsim
