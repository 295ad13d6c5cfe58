// The scenario schema is written by the registry's components, each its own section once, and
// a component that takes one not listed above it is an internal error naming it.
#include "models/components/adoption_component.hpp"
#include "models/components/early_warnings_component.hpp"
#include "models/components/instruments_component.hpp"
#include "models/components/mission_component.hpp"
#include "models/components/pathway_component.hpp"
#include "models/components/population_component.hpp"
#include "models/components/stakeholders_component.hpp"
#include "models/components/transitions_component.hpp"
#include "models/composition/registry.hpp"

#include "engine/scenario/schema.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

namespace missionsim::model {

namespace {
std::vector<std::string> top_level(const TableSpec& t) {
  std::vector<std::string> out;
  for (const auto& k : t.keys()) out.push_back(k.name());
  return out;
}

template <class C>
std::vector<std::string> section_of() {
  TableSpec t;
  C::declare_keys(t);
  return top_level(t);
}
}  // namespace

TEST_CASE("The registry writes each component's schema section once, in the registry's order") {
  TableSpec root;
  declare_health_system_keys(root);
  // Built here from each component alone, in the order registry.cpp lists them; the two
  // adoption lines (citizens, organisations) share one innovations table.
  std::vector<std::string> expected;
  for (const auto& section : {section_of<PopulationComponent>(), section_of<AdoptionComponent>(),
                              section_of<StakeholdersComponent>(), section_of<InstrumentsComponent>(),
                              section_of<TriggersComponent>(), section_of<PathwayComponent>(),
                              section_of<EquityComponent>(), section_of<MissionComponent>(),
                              section_of<TransitionsComponent>(), section_of<EarlyWarningsComponent>()})
    expected.insert(expected.end(), section.begin(), section.end());
  CHECK(top_level(root) == expected);
  CHECK(std::count(expected.begin(), expected.end(), "innovations") == 1);
  CHECK(section_of<EquityComponent>().empty());

  // The scenario schema is the run's own keys and the components' sections, nothing else.
  std::vector<std::string> schema = top_level(scenario_schema());
  std::vector<std::string> own;
  std::erase_if(schema, [&](const std::string& k) {
    const bool run_level = k == "schema_version" || k == "scenario" || k == "time" || k == "economics";
    if (run_level) own.push_back(k);
    return run_level;
  });
  CHECK(own == std::vector<std::string>{"schema_version", "scenario", "time", "economics"});
  CHECK(schema == expected);
}

TEST_CASE("A component that takes one not listed above it is an internal error naming it") {
  std::vector<std::unique_ptr<HealthComponent>> none;
  const ComponentsAbove above(none);
  CHECK_THROWS_AS(above.get<PopulationComponent>("population"), InternalError);
  try {
    (void)above.get<PopulationComponent>("population");
  } catch (const InternalError& e) {
    CHECK(std::string(e.what()).find("'population'") != std::string::npos);
  }
}

}  // namespace missionsim::model
