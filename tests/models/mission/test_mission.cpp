// The mission on constructed metric streams: each aggregation and window, met and missed
// exactly at the deadline, events once, the recorded metrics and the per-goal results.
#include "models/mission/mission.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <cmath>

namespace missionsim::model {

namespace {
using namespace std::chrono_literals;

// The step vector: incidence, incidence_by_quintile (5), early_stage_share_by_region (2).
constexpr std::size_t at_incidence = 0, at_quintile = 1, at_share = 6, width = 8;

std::vector<MetricSpec> metrics() {
  return {{"incidence", "persons", "", std::nullopt},
          {"incidence", "persons", "", Breakdown{"quintile", {"q1", "q2", "q3", "q4", "q5"}}},
          {"early_stage_share", "1", "", Breakdown{"region", {"north", "south"}}}};
}

// 24 monthly steps from 2025-01-01; step k starts on the first of month k + 1.
Calendar calendar() {
  return Calendar(Date{2025y / 1 / 1}, Date{2027y / 1 / 1}, StepLength{1, StepLength::Unit::month});
}
constexpr double month = 1.0 / 12;
const Date deadline_2026{2026y / 1 / 1};  // judged on step 11 (2025-12-01)
constexpr std::uint32_t judged_step = 11;

GoalParams goal(std::string metric, Aggregation a, Direction d, double target, double window_years = month) {
  GoalParams g;
  g.name = "g";
  g.metric = std::move(metric);
  g.aggregation = a;
  g.direction = d;
  g.target = target;
  g.window_years = window_years;
  g.deadline = deadline_2026;
  return g;
}

Mission make(std::vector<GoalParams> goals, const RateDenominators& denominators = {1e6, {}}) {
  MissionParams p;
  p.goals = std::move(goals);
  return Mission(std::move(p), metrics(), calendar(), denominators);
}

// Runs steps [from, to) with `fill(step, values)` setting the step's values, collecting events.
template <class Fill>
std::vector<Event> run(Mission& m, std::uint32_t from, std::uint32_t to, Fill fill) {
  std::vector<Event> events;
  std::vector<double> values(width, 0.0);
  for (std::uint32_t s = from; s < to; ++s) {
    fill(s, values);
    m.on_step(s, values);
    for (auto& e : m.take_events()) events.push_back(std::move(e));
  }
  return events;
}
}  // namespace

TEST_CASE("A goal is met or missed on the value at the deadline step, one value either side of the target") {
  const double target = 100;
  const auto direction = GENERATE(Direction::at_most, Direction::at_least);
  const double at_deadline = GENERATE(99.0, 100.0, 101.0);
  const bool expected = direction == Direction::at_most ? at_deadline <= target : at_deadline >= target;
  // Before the deadline the KPI is on the other side from the deadline value, sometimes on the
  // winning side: only the deadline step may decide.
  const double before = GENERATE(0.0, 1000.0);
  auto m = make({goal("incidence", Aggregation::value, direction, target)});
  m.setup(3);
  auto fill = [&](std::uint32_t s, std::vector<double>& v) {
    v[at_incidence] = s == judged_step ? at_deadline : (s > judged_step ? 1000.0 - before : before);
  };
  auto events = run(m, 0, judged_step, fill);
  CHECK(events.empty());
  CHECK_FALSE(m.results()[0].decided);

  events = run(m, judged_step, judged_step + 1, fill);
  REQUIRE(events.size() == 1);
  CHECK(events[0].kind == (expected ? "goal_met" : "goal_missed"));
  CHECK(events[0].subject == "g");
  CHECK(events[0].step == judged_step);
  CHECK(events[0].run == 3);
  CHECK(events[0].value == at_deadline);
  const auto& r = m.results()[0];
  CHECK(r.decided);
  CHECK(r.achieved == expected);
  CHECK(r.value_at_deadline == at_deadline);
  CHECK(r.deadline_step == judged_step);

  // Later steps move the KPI but neither the verdict nor the events.
  events = run(m, judged_step + 1, 24, fill);
  CHECK(events.empty());
  CHECK(m.results()[0].achieved == expected);
  CHECK(m.results()[0].value_at_deadline == at_deadline);
  CHECK(m.kpi(0) == 1000.0 - before);
}

TEST_CASE("The window's mean and sum skip missing steps, the KPI is NaN until the window is complete") {
  const auto statistic = GENERATE(WindowStatistic::mean, WindowStatistic::sum);
  auto g = goal("incidence", Aggregation::value, Direction::at_most, 0, 3 * month);
  g.statistic = statistic;
  auto m = make({g});
  const double missing = std::nan("");
  // x_s = s, except step 4 which is missing.
  std::vector<double> values(width, 0.0);
  for (std::uint32_t s = 0; s < 8; ++s) {
    values[at_incidence] = s == 4 ? missing : s;
    m.on_step(s, values);
    if (s < 2) {
      CHECK(std::isnan(m.kpi(0)));
      continue;
    }
    double sum = 0;
    int n = 0;
    for (std::uint32_t k = s - 2; k <= s; ++k)
      if (k != 4) sum += k, ++n;
    CHECK(m.kpi(0) == (statistic == WindowStatistic::mean ? sum / n : sum));
  }
}

TEST_CASE("A goal on a breakdown follows its label") {
  auto g = goal("early_stage_share_by_region", Aggregation::value, Direction::at_least, 0.5);
  g.label = "south";
  auto m = make({g});
  run(m, 0, judged_step + 1, [](std::uint32_t, std::vector<double>& v) {
    v[at_share] = 0.25;      // north
    v[at_share + 1] = 0.75;  // south
  });
  CHECK(m.kpi(0) == 0.75);
  CHECK(m.results()[0].achieved);
}

TEST_CASE("rate_per_100k divides the yearly sum by the population, or by the group's persons") {
  const double population = 2e6, per_step = 50;
  const double q3_persons = 4e5, q3_per_step = 10;
  auto whole = goal("incidence", Aggregation::rate_per_100k, Direction::at_most, 0, 1.0);
  whole.statistic = WindowStatistic::sum;
  whole.target = 12 * per_step * 100000 / population;  // 30 per 100,000 per year: met exactly
  auto group = goal("incidence_by_quintile", Aggregation::rate_per_100k, Direction::at_most, 0, 1.0);
  group.name = "q3";
  group.label = "q3";
  group.statistic = WindowStatistic::sum;
  group.target = 12 * q3_per_step * 100000 / q3_persons - 1;  // one per 100,000 short: missed
  auto m = make({whole, group}, {population, {{"quintile", {4e5, 4e5, q3_persons, 4e5, 4e5}}}});
  auto events = run(m, 0, judged_step + 1, [&](std::uint32_t, std::vector<double>& v) {
    v[at_incidence] = per_step;
    v[at_quintile + 2] = q3_per_step;
  });
  CHECK(m.kpi(0) == 30.0);
  CHECK(m.kpi(1) == 12 * q3_per_step * 100000 / q3_persons);
  REQUIRE(events.size() == 2);
  CHECK(events[0].kind == "goal_met");
  CHECK(events[1].kind == "goal_missed");
  CHECK(events[1].subject == "q3");
}

TEST_CASE("change_from_baseline with a given baseline: 10% fewer is met at 90, missed at 91") {
  const double at_deadline = GENERATE(90.0, 91.0);
  auto g = goal("incidence", Aggregation::change_from_baseline, Direction::at_most, -0.10);
  g.baseline = 100;
  auto m = make({g});
  run(m, 0, judged_step + 1, [&](std::uint32_t s, std::vector<double>& v) {
    v[at_incidence] = s == judged_step ? at_deadline : 100;
  });
  CHECK(m.kpi(0) == (at_deadline - 100) / 100);
  CHECK(m.results()[0].baseline == 100);
  CHECK(m.results()[0].achieved == (at_deadline == 90.0));
  CHECK(m.progress(0) == Approx(m.kpi(0) / -0.10));  // the way from 0 (the baseline) to the target
}

TEST_CASE("change_from_baseline with a burn-in: the baseline is the windowed value after the burn-in") {
  auto g = goal("incidence", Aggregation::change_from_baseline, Direction::at_most, -0.2, 3 * month);
  g.baseline_years = 0.5;  // 6 steps: measured at the end of step 5
  auto m = make({g});
  std::vector<double> values(width, 0.0);
  const auto value_at = [](std::uint32_t s) { return s < 6 ? 90.0 + 2 * s : 80.0; };
  for (std::uint32_t s = 0; s <= judged_step; ++s) {
    values[at_incidence] = value_at(s);
    m.on_step(s, values);
    if (s < 5) {
      CHECK(std::isnan(m.results()[0].baseline));
      CHECK(std::isnan(m.kpi(0)));
    }
  }
  const double baseline = (value_at(3) + value_at(4) + value_at(5)) / 3;  // the window ending at step 5
  CHECK(m.results()[0].baseline == baseline);
  CHECK(m.kpi(0) == (80.0 - baseline) / baseline);
  CHECK(m.results()[0].achieved == ((80.0 - baseline) / baseline <= -0.2));

  // Burn-in measurements start over with each run.
  m.setup(1);
  CHECK(std::isnan(m.results()[0].baseline));
}

TEST_CASE("gap_best_worst is the spread of the groups' windowed values, missing groups are left out") {
  auto g = goal("incidence_by_quintile", Aggregation::gap_best_worst, Direction::at_most, 40, 2 * month);
  auto m = make({g});
  // Quintile q (0-based) counts 10 (q + 1) on even steps and 10 (q + 1) + 4 on odd steps: means
  // 10 (q + 1) + 2, gap 40 = the target. q5 is missing on step 10 only; its mean over the window
  // (steps 10, 11) is then its odd-step value.
  run(m, 0, judged_step + 1, [](std::uint32_t s, std::vector<double>& v) {
    for (std::size_t q = 0; q < 5; ++q)
      v[at_quintile + q] = 10.0 * static_cast<double>(q + 1) + (s % 2 ? 4 : 0);
    if (s == 10) v[at_quintile + 4] = std::nan("");
  });
  const double q1_mean = (10.0 + 14.0) / 2, q5_mean = 54.0;
  CHECK(m.kpi(0) == q5_mean - q1_mean);
  CHECK(m.results()[0].achieved == (q5_mean - q1_mean <= 40));
}

TEST_CASE("rate_gap_per_100k compares the groups' rates, not their counts") {
  auto g = goal("incidence_by_quintile", Aggregation::rate_gap_per_100k, Direction::at_most, 0);
  const std::vector<double> persons{1e5, 2e5, 4e5, 5e5, 8e5};
  auto m = make({g}, {2e6, {{"quintile", persons}}});
  // Counts proportional to persons but q5's doubled: rates 10, 10, 10, 10, 20 per 100,000.
  run(m, 0, judged_step + 1, [&](std::uint32_t, std::vector<double>& v) {
    for (std::size_t q = 0; q < 5; ++q) v[at_quintile + q] = persons[q] / 1e4 * (q == 4 ? 2 : 1);
  });
  CHECK(m.kpi(0) == Approx(10.0).epsilon(1e-12));
}

TEST_CASE("A KPI that cannot be measured at the deadline misses the goal") {
  auto g = goal("early_stage_share_by_region", Aggregation::value, Direction::at_least, 0.5);
  g.label = "north";
  auto m = make({g});
  const auto events =
      run(m, 0, judged_step + 1, [](std::uint32_t, std::vector<double>& v) { v[at_share] = std::nan(""); });
  REQUIRE(events.size() == 1);
  CHECK(events[0].kind == "goal_missed");
  CHECK(std::isnan(events[0].value));
  CHECK_FALSE(m.results()[0].achieved);
}

TEST_CASE("The recorded metrics: each goal's KPI and progress, and the goals met so far") {
  auto down = goal("incidence", Aggregation::value, Direction::at_most, 100);
  down.name = "down";
  down.baseline = 200;
  auto early = goal("early_stage_share_by_region", Aggregation::value, Direction::at_least, 0.9);
  early.name = "early";
  early.label = "north";
  early.deadline = Date{2026y / 7 / 1};  // step 17
  auto m = make({down, early});
  std::vector<MetricSpec> specs;
  m.describe_metrics(specs);
  REQUIRE(specs.size() == 3);
  CHECK(specs[0].dataset_name() == "goal_kpi_by_goal");
  CHECK(specs[1].dataset_name() == "goal_progress_by_goal");
  CHECK(specs[2].dataset_name() == "goals_met");
  CHECK(specs[0].by->labels == std::vector<std::string>{"down", "early"});
  std::size_t total = 0;
  for (const auto& s : specs) total += s.width();
  CHECK(m.metric_width() == total);

  std::vector<double> out(m.metric_width());
  run(m, 0, judged_step + 1, [](std::uint32_t, std::vector<double>& v) {
    v[at_incidence] = 150;
    v[at_share] = 0.6;
  });
  m.write_metrics(out);
  CHECK(out[0] == 150);
  CHECK(out[1] == 0.6);
  CHECK(out[2] == (150.0 - 200) / (100 - 200));  // half-way from the baseline to the target
  CHECK(std::isnan(out[3]));                     // no baseline for "early"
  CHECK(out[4] == 0);                            // "down" missed (150 > 100), "early" not judged yet

  run(m, judged_step + 1, 18, [](std::uint32_t, std::vector<double>& v) {
    v[at_incidence] = 150;
    v[at_share] = 0.95;
  });
  m.write_metrics(out);
  CHECK(out[4] == 1);
  CHECK(m.results()[1].achieved);
}

TEST_CASE("Without goals the mission records nothing") {
  auto m = make({});
  std::vector<MetricSpec> specs;
  m.describe_metrics(specs);
  CHECK(specs.empty());
  CHECK(m.metric_width() == 0);
  CHECK(m.results().empty());
}

TEST_CASE("A mission with an unmeasurable goal is refused at construction") {
  auto g = goal("incidence_by_quintile", Aggregation::value, Direction::at_most, 1);  // no label
  CHECK_THROWS_AS(make({g}), ScenarioError);
}

TEST_CASE("Runs after setup() repeat the same results") {
  auto g = goal("incidence", Aggregation::value, Direction::at_most, 5, 2 * month);
  auto m = make({g});
  auto fill = [](std::uint32_t s, std::vector<double>& v) { v[at_incidence] = s % 3; };
  const auto first = run(m, 0, 24, fill);
  const double kpi = m.kpi(0);
  m.setup(0);
  const auto second = run(m, 0, 24, fill);
  REQUIRE(first.size() == 1);
  REQUIRE(second.size() == 1);
  CHECK(first[0].kind == second[0].kind);
  CHECK(first[0].value == second[0].value);
  CHECK(m.kpi(0) == kpi);
}

}  // namespace missionsim::model
