// Mission::on_step promises not to allocate, deadline steps included.
#include "models/mission/mission.hpp"
#include "tests/support/allocation_counter.hpp"

#include <catch2/catch.hpp>

#include <chrono>

namespace missionsim::model {

TEST_CASE("on_step allocates nothing, before, at and after the deadlines") {
  using namespace std::chrono_literals;
  const std::vector<MetricSpec> metrics{
      {"incidence", "persons", "", std::nullopt},
      {"incidence", "persons", "", Breakdown{"quintile", {"q1", "q2", "q3", "q4", "q5"}}}};
  const Calendar calendar(Date{2025y / 1 / 1}, Date{2027y / 1 / 1}, StepLength{1, StepLength::Unit::month});
  MissionParams p;
  for (int i = 0; i < 3; ++i) {
    GoalParams g;
    g.name = "a goal with a name too long for the small-string buffer " + std::to_string(i);
    g.metric = i == 0 ? "incidence" : "incidence_by_quintile";
    g.aggregation = i == 1 ? Aggregation::gap_best_worst : Aggregation::rate_gap_per_100k;
    if (i == 0) g.aggregation = Aggregation::change_from_baseline;
    g.baseline_years = 1;
    g.target = 1;
    g.deadline = Date{2026y / 6 / 1};
    p.goals.push_back(g);
  }
  Mission m(p, metrics, calendar, {1e6, {{"quintile", {2e5, 2e5, 2e5, 2e5, 2e5}}}});
  m.setup(0);
  std::vector<double> values(6, 1.0), out(m.metric_width());
  const std::size_t before = test::allocation_count();
  for (std::uint32_t s = 0; s < calendar.step_count(); ++s) {
    values[0] = s;
    m.on_step(s, values);
    m.write_metrics(out);
  }
  CHECK(test::allocation_count() == before);
  CHECK(m.take_events().size() == 3);
}

}  // namespace missionsim::model
