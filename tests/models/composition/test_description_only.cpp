// A scenario is described from its text alone: reading, validating and planning it build no
// world, and the plan of the demo covers every component with every read written.
#include "models/composition/simulation.hpp"
#include "models/world/world.hpp"
#include "tests/support/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <set>
#include <sstream>

namespace missionsim::model {

namespace {
std::filesystem::path demo_path() {
  return test::source_dir() / "scenarios/demo.toml";
}

// The items of "reads: a, b" or "writes: c" ("-" for none).
std::vector<std::string> items(const std::string& list) {
  std::vector<std::string> out;
  std::stringstream in(list);
  for (std::string item; std::getline(in, item, ',');) {
    item.erase(0, item.find_first_not_of(' '));
    item.erase(item.find_last_not_of(' ') + 1);
    if (!item.empty() && item != "-") out.push_back(item);
  }
  return out;
}
}  // namespace

TEST_CASE("Loading and describing a scenario with goals and triggers builds no world") {
  const std::uint64_t before = World::constructed();
  // 10,000 hospitals once made the stand-in world take seconds; now nothing is built.
  const std::string sets[] = {"stakeholders.hospitals_capital.count=10000"};
  const Scenario s = load_scenario(demo_path(), sets);
  REQUIRE_FALSE(s.mission.goals.empty());
  const ModelDescription d = describe_scenario(s);
  const RecordingHeader h = scenario_header(s, "test");
  CHECK(World::constructed() == before);
  CHECK(h.metrics.size() == d.metrics().size());
  CHECK(h.goals.size() == s.mission.goals.size());
  // The counter counts: a run builds its worlds (the people's and the organisations').
  const std::string small[] = {"population.size=2000", "time.end=2027-01-01",
                               "goals.early_detection.deadline=2026-12-31",
                               "goals.fewer_cancers.deadline=2026-12-31"};
  const Scenario tiny = load_scenario(demo_path(), small);
  Simulation sim(tiny, RunSettings{});
  CHECK(World::constructed() > before);
  // The described metrics are the run's.
  CHECK(sim.metrics().size() == describe_scenario(tiny).metrics().size());
}

TEST_CASE("The demo's plan lists every component, and each read is written by setup or a phase") {
  const Scenario s = load_scenario(demo_path(), {});
  const ModelDescription d = describe_scenario(s);
  std::set<std::string> written, components;
  std::vector<std::pair<std::string, std::vector<std::string>>> reads;
  std::stringstream plan(d.plan_text());
  for (std::string line; std::getline(plan, line);) {
    const auto name_end = line.find(' ');
    const std::string phase = line.substr(0, name_end);
    components.insert(phase.substr(0, phase.find('.')));
    const auto r = line.find(" reads: "), w = line.find(" writes: ");
    REQUIRE(w != std::string::npos);
    for (const auto& x : items(line.substr(w + 9))) written.insert(x);
    if (r != std::string::npos) reads.emplace_back(phase, items(line.substr(r + 8, w - r - 8)));
  }
  for (const auto& [phase, list] : reads)
    for (const auto& x : list) {
      INFO(phase << " reads " << x);
      CHECK(written.count(x) == 1);
    }
  for (const char* c : {"population", "adoption", "stakeholders", "stakeholder_adoption", "instruments",
                        "pathway", "equity", "mission", "transitions", "early_warnings"}) {
    INFO(c);
    CHECK(components.count(c) == 1);
  }
}

}  // namespace missionsim::model

namespace missionsim::model {

TEST_CASE("A goal on a metric derived from metrics is refused as such, at its line") {
  for (const char* metric : {"goal_kpi_by_goal", "adopter_share_ews_variance_by_innovation"}) {
    const std::string sets[] = {std::string("goals.early_detection.metric=") + metric};
    try {
      (void)load_scenario(test::source_dir() / "scenarios/demo.toml", sets);
      FAIL("accepted a goal on " << metric);
    } catch (const ScenarioError& e) {
      const std::string what = e.what();
      INFO(what);
      CHECK(what.find("'" + std::string(metric) + "' is derived from other metrics") != std::string::npos);
      CHECK(what.find("goals.early_detection.metric") != std::string::npos);  // the key (set by --set here)
    }
  }
  // A metric that does not exist at all still gets the plain message.
  const std::string sets[] = {"goals.early_detection.metric=no_such_metric"};
  CHECK_THROWS_WITH(load_scenario(test::source_dir() / "scenarios/demo.toml", sets),
                    Catch::Contains("no metric named 'no_such_metric'"));
}

}  // namespace missionsim::model
