// The list of instrument kinds: one object per name, found by name, each with its label and
// line; and a scenario's instrument reads its kind-specific keys through its kind.
#include "engine/core/error.hpp"
#include "engine/scenario/schema.hpp"
#include "models/composition/scenario.hpp"
#include "models/instruments/instrument_kind.hpp"
#include "models/instruments/params.hpp"
#include "tests/support/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <set>

namespace missionsim::model {

TEST_CASE("Every instrument kind has a unique name, a line of its own, and is found by name") {
  std::set<std::string> names;
  for (const auto& k : instrument_kinds()) {
    INFO(k->name());
    CHECK(names.insert(std::string(k->name())).second);
    CHECK_FALSE(k->what().empty());
    CHECK(&instrument_kind(k->name()) == k.get());
    // A kind that seeds citizens cannot be one that acts on organisations only.
    CHECK_FALSE((k->seeds_citizens() && k->needs_stakeholders()));
  }
  CHECK(names.size() == 9);
  CHECK_THROWS_AS(instrument_kind("lottery"), InternalError);
}

TEST_CASE("The demo's instruments carry their kinds, and each kind's own keys were read") {
  const Scenario s = load_scenario(test::source_dir() / "scenarios/demo.toml", {});
  REQUIRE(s.instruments.size() == 9);  // the demo has one of each kind
  std::set<std::string_view> kinds;
  for (const auto& i : s.instruments) {
    REQUIRE(i.kind != nullptr);
    kinds.insert(i.kind->name());
    if (i.kind->name() == "research_grant") CHECK(i.speedup > 0);
    if (i.kind->name() == "campaign") CHECK(i.innovation_rate_boost > 0);
    if (i.kind->name() == "coordination") CHECK(i.ties > 0);
    if (i.kind->name() == "field_lab") CHECK(i.community >= 100000);
  }
  CHECK(kinds.size() == instrument_kinds().size());
}

}  // namespace missionsim::model
