// Reading [mission] and [[goals]], and every refusal of check_goals() with its position.
#include "engine/scenario/document.hpp"
#include "engine/scenario/schema.hpp"
#include "engine/scenario/table_view.hpp"
#include "models/mission/goal_checks.hpp"

#include <catch2/catch.hpp>

#include <chrono>

namespace missionsim::model {

namespace {
using namespace std::chrono_literals;

const TableSpec& schema() {
  static const TableSpec root = [] {
    TableSpec r("test root");
    r.integer("other", "Stands for the rest of a scenario.").default_value(std::int64_t{1});
    declare_mission_keys(r);
    return r;
  }();
  return root;
}

MissionParams read(const std::string& text) {
  ScenarioDocument doc = parse_document(text, "goals.toml");
  const auto problems = validate(doc, schema());
  INFO((problems.empty() ? std::string() : problems.front().format()));
  REQUIRE(problems.empty());
  fill_defaults(doc, schema());
  std::vector<Diagnostic> found;
  auto p = read_mission(TableView(doc), found);
  REQUIRE(found.empty());
  return p;
}

// What the composition records today, trimmed to the shapes the checks care about.
std::vector<MetricSpec> metrics() {
  const Breakdown by_region{"region", {"north", "south"}};
  const Breakdown by_quintile{"quintile", {"q1", "q2", "q3", "q4", "q5"}};
  return {{"incidence", "persons", "", std::nullopt},
          {"incidence", "persons", "", by_region},
          {"incidence", "persons", "", by_quintile},
          {"early_stage_share", "1", "", std::nullopt},
          {"early_stage_share", "1", "", by_quintile}};
}

// 60 monthly steps, 2025-01-01 to 2030-01-01.
Calendar calendar() {
  return Calendar(Date{2025y / 1 / 1}, Date{2030y / 1 / 1}, StepLength{1, StepLength::Unit::month});
}

// A goal whose metric is on line 3 and deadline on line 6; `extra` starts on line 7.
std::string goal(const std::string& metric, const std::string& extra,
                 const std::string& deadline = "2029-01-01") {
  return "[[goals]]\n"
         "name = \"g\"\n"
         "metric = \"" +
         metric +
         "\"\n"
         "direction = \"at_most\"\n"
         "target = 1.0\n"
         "deadline = " +
         deadline + "\n" + extra;
}
}  // namespace

TEST_CASE("The mission table and the goals array are read with their defaults") {
  const auto p = read("[mission]\nvision = \"Fewer late diagnoses\"\nbudget = 2.5e6\n" +
                      goal("incidence_by_region",
                           "label = \"north\"\naggregation = \"rate_per_100k\"\nwindow_statistic = \"sum\"\n"
                           "baseline = 40\n"));
  CHECK(p.declared);
  CHECK(p.vision == "Fewer late diagnoses");
  CHECK(p.budget == 2.5e6);
  CHECK(p.currency == "EUR");
  REQUIRE(p.goals.size() == 1);
  const auto& g = p.goals[0];
  CHECK(g.name == "g");
  CHECK(g.metric == "incidence_by_region");
  CHECK(g.label == "north");
  CHECK(g.aggregation == Aggregation::rate_per_100k);
  CHECK(g.statistic == WindowStatistic::sum);
  CHECK(g.window_years == 1.0);
  CHECK(g.direction == Direction::at_most);
  CHECK(g.target == 1.0);
  CHECK(g.baseline == 40.0);
  CHECK_FALSE(g.baseline_years);
  CHECK(g.deadline == Date{2029y / 1 / 1});
  CHECK(g.where.metric.where.line == 3 + 3);  // after the three lines of [mission]
  CHECK(g.where.deadline.where.line == 6 + 3);
  CHECK(check_goals(p, metrics(), calendar()).empty());
}

TEST_CASE("Without a mission table and goals there is nothing to judge") {
  const auto p = read("other = 2\n");
  CHECK_FALSE(p.declared);
  CHECK(p.goals.empty());
  CHECK(check_goals(p, metrics(), calendar()).empty());
}

TEST_CASE("A goal without a target, deadline, metric or direction is refused by validation, naming the key") {
  const auto [missing, text] = GENERATE(table<std::string, std::string>({
      {"target",
       "[[goals]]\nname = \"g\"\nmetric = \"incidence\"\ndirection = \"at_most\"\ndeadline = 2029-01-01\n"},
      {"deadline",
       "[[goals]]\nname = \"g\"\nmetric = \"incidence\"\ndirection = \"at_most\"\ntarget = 1.0\n"},
      {"metric", "[[goals]]\nname = \"g\"\ndirection = \"at_most\"\ntarget = 1.0\ndeadline = 2029-01-01\n"},
      {"direction", "[[goals]]\nname = \"g\"\nmetric = \"incidence\"\ntarget = 1.0\ndeadline = 2029-01-01\n"},
  }));
  const auto problems = validate(parse_document(text, "goals.toml"), schema());
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].key == "goals.g." + missing);
  CHECK_THAT(problems[0].message, Catch::Contains("required key '" + missing + "' is missing"));
}

TEST_CASE("check_goals refuses each unmeasurable or mistimed goal with a message at the key concerned") {
  struct Case {
    std::string metric, extra, deadline, key;
    int line;
    std::vector<std::string> says;
  };
  const auto c = GENERATE(values<Case>({
      {"incidnce",
       "",
       "2029-01-01",
       "metric",
       3,
       {"KPI not measurable: no metric named 'incidnce'", "did you mean 'incidence'?"}},
      {"incidence_by_region",
       "",
       "2029-01-01",
       "metric",
       3,
       {"KPI not measurable", "one value per region; say which with label (one of \"north\", \"south\")"}},
      {"incidence_by_region",
       "label = \"nort\"\n",
       "2029-01-01",
       "label",
       7,
       {"KPI not measurable: 'incidence_by_region' has no region labelled \"nort\"",
        "did you mean \"north\"?"}},
      {"incidence",
       "label = \"north\"\n",
       "2029-01-01",
       "label",
       7,
       {"KPI not measurable: 'incidence' has a single value, so label \"north\" has nothing to pick"}},
      {"incidence",
       "aggregation = \"gap_best_worst\"\n",
       "2029-01-01",
       "aggregation",
       7,
       {"KPI not measurable: gap_best_worst compares the groups", "'incidence' has a single value"}},
      {"incidence_by_quintile",
       "aggregation = \"gap_best_worst\"\nlabel = \"q1\"\n",
       "2029-01-01",
       "label",
       8,
       {"KPI not measurable: gap_best_worst compares every quintile", "label \"q1\" has no meaning"}},
      {"early_stage_share",
       "aggregation = \"rate_per_100k\"\n",
       "2029-01-01",
       "aggregation",
       7,
       {"KPI not measurable: 'early_stage_share' is a share already"}},
      {"incidence",
       "aggregation = \"change_from_baseline\"\n",
       "2029-01-01",
       "aggregation",
       7,
       {"KPI not measurable: change_from_baseline needs a baseline"}},
      {"incidence",
       "aggregation = \"change_from_baseline\"\nbaseline = 0\n",
       "2029-01-01",
       "baseline",
       8,
       {"KPI not measurable: change_from_baseline divides by the baseline, which must not be 0"}},
      {"incidence",
       "baseline = 3\nbaseline_years = 1\n",
       "2029-01-01",
       "baseline_years",
       8,
       {"give baseline or baseline_years, not both"}},
      {"incidence",
       "",
       "2024-06-01",
       "deadline",
       6,
       {"deadline 2024-06-01 is not inside the simulated period: it must be after time.start (2025-01-01) "
        "and "
        "no later than time.end (2030-01-01)"}},
      {"incidence",
       "",
       "2025-01-01",
       "deadline",
       6,
       {"deadline 2025-01-01 is not inside the simulated period"}},
      {"incidence",
       "",
       "2030-01-02",
       "deadline",
       6,
       {"deadline 2030-01-02 is not inside the simulated period"}},
      {"incidence",
       "window_years = 5\n",
       "2029-01-01",
       "window_years",
       7,
       {"KPI not measurable by the deadline: its window of 60 steps (window_years = 5) is longer than the 48 "
        "steps before the deadline 2029-01-01"}},
      {"incidence",
       "baseline_years = 0.5\n",
       "2029-01-01",
       "baseline_years",
       7,
       {"the baseline would be measured on an incomplete window: baseline_years (6 steps) must be at least "
        "window_years (12 steps)"}},
      {"incidence",
       "baseline_years = 4\n",
       "2029-01-01",
       "baseline_years",
       7,
       {"does not end before the deadline 2029-01-01 (48 steps)"}},
  }));
  INFO(c.metric << " / " << c.extra << " / " << c.deadline);
  const auto problems = check_goals(read(goal(c.metric, c.extra, c.deadline)), metrics(), calendar());
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].key == "goals.g." + c.key);
  CHECK(problems[0].where.file == "goals.toml");
  CHECK(problems[0].where.line == c.line);
  for (const auto& s : c.says) CHECK_THAT(problems[0].message, Catch::Contains(s));
}

TEST_CASE("A refusal about a key left at its default points at the goal's table") {
  // window_years defaults to one year (12 steps); only 5 steps start before 2025-06-01.
  const auto problems =
      check_goals(read("\n\n" + goal("incidence", "", "2025-06-01")), metrics(), calendar());
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].key == "goals.g.window_years");
  CHECK(problems[0].where.line == 3);  // the [[goals]] header, after two blank lines
  CHECK_THAT(problems[0].message, Catch::Contains("longer than the 5 steps before the deadline"));
}

TEST_CASE("Every goal is checked: two bad goals give two findings") {
  const auto p = read(goal("incidnce", "") +
                      "[[goals]]\nname = \"h\"\nmetric = \"incidence\"\n"
                      "direction = \"at_least\"\ntarget = 2\ndeadline = 2031-01-01\n");
  const auto problems = check_goals(p, metrics(), calendar());
  REQUIRE(problems.size() == 2);
  CHECK(problems[0].key == "goals.g.metric");
  CHECK(problems[1].key == "goals.h.deadline");
}

TEST_CASE("Goals that fit are accepted: deadline at the end, gaps, burn-in baselines") {
  const auto p = read(goal("incidence", "", "2030-01-01") +
                      "[[goals]]\nname = \"gap\"\nmetric = \"early_stage_share_by_quintile\"\n"
                      "aggregation = \"gap_best_worst\"\ndirection = \"at_most\"\ntarget = 0.05\n"
                      "deadline = 2029-01-01\n"
                      "[[goals]]\nname = \"less\"\nmetric = \"incidence_by_quintile\"\nlabel = \"q5\"\n"
                      "aggregation = \"change_from_baseline\"\nbaseline_years = 1\ndirection = \"at_most\"\n"
                      "target = -0.1\ndeadline = 2029-01-01\n");
  CHECK(check_goals(p, metrics(), calendar()).empty());
}

TEST_CASE("The deadline step is the last step that starts before the deadline") {
  const auto cal = calendar();
  // Monthly steps: step k starts on the first of month k + 1 of 2025 onwards.
  CHECK(deadline_step(Date{2026y / 1 / 1}, cal) == 11u);   // the step of 2025-12-01
  CHECK(deadline_step(Date{2025y / 12 / 2}, cal) == 11u);  // 2025-12-01 starts before it
  CHECK(deadline_step(Date{2025y / 12 / 1}, cal) == 10u);  // 2025-12-01 does not
  CHECK(deadline_step(Date{2030y / 1 / 1}, cal) == 59u);   // the last of 60 steps
  CHECK_FALSE(deadline_step(Date{2025y / 1 / 1}, cal));
}

TEST_CASE("Windows and burn-ins are rounded to whole steps, at least one") {
  GoalParams g;
  const auto cal = calendar();
  g.window_years = 1;
  CHECK(window_steps(g, cal) == 12);
  g.window_years = 0.01;
  CHECK(window_steps(g, cal) == 1);
  g.window_years = 0.26;  // 3.12 months
  CHECK(window_steps(g, cal) == 3);
  CHECK_FALSE(burn_in_steps(g, cal));
  g.baseline_years = 2;
  CHECK(burn_in_steps(g, cal) == 24u);
  const Calendar weekly(Date{2025y / 1 / 1}, Date{2027y / 1 / 1}, StepLength{1, StepLength::Unit::week});
  g.window_years = 1;
  CHECK(window_steps(g, weekly) == 52);  // 365.25 / 7 = 52.18 weeks
}

}  // namespace missionsim::model
