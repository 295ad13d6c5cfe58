// Instruments aimed at some regions or stakeholder types: they act there and only there, an
// instrument aimed at every region is the untargeted one, and targeting mistakes are reported.
#include "engine/core/error.hpp"
#include "models/components/lever_zones.hpp"
#include "models/composition/scenario.hpp"
#include "tests/support/run_scenario.hpp"
#include "tests/support/scenario_text.hpp"
#include "tests/support/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <cmath>

namespace missionsim::model {

namespace {
// 20,000 people in two regions (ids contiguous per region) on a regional network with few ties
// across regions; two years of monthly steps. "habit" spreads the Bass way from nobody, "practice"
// (threshold 0.9) never spreads by itself. Organisations: providers and cancer centres in both
// regions and a national academy; "pathway_tool" is theirs, with a threshold none reach alone.
std::string base(const std::string& extra) {
  return test::scenario_head("targeting", 11, 20000, 10, 2, {"north", "south"}) + R"([[network]]
name = "net"
kind = "regional"
[[innovations]]
name = "habit"
network = "net"
rule = "bass"
innovation_rate = 0.01
imitation_rate = 0.1
initial = "none"
[[innovations]]
name = "practice"
network = "net"
rule = "threshold"
threshold = 0.9
initial_share = 0.02
[[innovations]]
name = "pathway_tool"
adopters = "stakeholders"
adopter_types = "care_provider, cancer_centre"
rule = "threshold"
threshold = 0.95
initial = "none"
[[stakeholders]]
name = "gp_north"
type = "care_provider"
region = "north"
count = 6
[[stakeholders]]
name = "gp_south"
type = "care_provider"
region = "south"
count = 6
[[stakeholders]]
name = "cc_north"
type = "cancer_centre"
region = "north"
count = 2
[[stakeholders]]
name = "cc_south"
type = "cancer_centre"
region = "south"
count = 2
[[stakeholders]]
name = "academy"
type = "academia"
count = 4
)" + extra;
}

std::string instrument(const std::string& kind, const std::string& innovation, const std::string& body) {
  return "[[instruments]]\nname = \"it\"\nkind = \"" + kind + "\"\ninnovation = \"" + innovation +
         "\"\nstart = 2025-01-01\nend = 2027-01-01\n" + body + "\n";
}

std::unique_ptr<MemoryRecorder> run(const std::string& text) {
  test::TempDir dir;
  return test::run_in_memory(load_scenario(dir.write("s.toml", text)), 2);
}

// Final value of a metric with a breakdown, at label index k.
double final_value(const MemoryRecorder& r, const std::string& metric, std::size_t k) {
  return r.value(metric, 0, static_cast<std::uint32_t>(r.header().step_count() - 1), k);
}

constexpr std::size_t north = 0, south = 1;
constexpr auto care_provider = static_cast<std::size_t>(StakeholderType::care_provider);
constexpr auto cancer_centre = static_cast<std::size_t>(StakeholderType::cancer_centre);
}  // namespace

TEST_CASE("A regulation aimed at one region mandates adoption there only") {
  const auto with = run(base(instrument("regulation", "practice", "regions = \"north\"")));
  const auto without = run(base(""));
  CHECK(final_value(*with, "adopter_share_practice_by_region", north) == 1.0);
  // θ = 0.9: the south keeps about its 2% seeds (binomial sd over 10,000 people ≈ 0.0014).
  CHECK(final_value(*with, "adopter_share_practice_by_region", south) < 0.03);
  CHECK(final_value(*without, "adopter_share_practice_by_region", north) < 0.03);
  // The mandate's adopters are counted as new adopters, once (nobody abandons here).
  const auto shares = with->series("adopter_share_by_innovation", 0);
  const auto fresh = with->series("new_adopters_by_innovation", 0);
  const std::size_t practice = 1, innovations = 2, people = 20000;  // habit, practice
  double counted = 0;
  for (std::size_t t = 0; t < fresh.size() / innovations; ++t) counted += fresh[t * innovations + practice];
  const double initial = shares[practice] * people - fresh[practice];
  CHECK(initial + counted == Approx(shares[shares.size() - innovations + practice] * people));
}

TEST_CASE("A campaign aimed at one region raises adoption there, hardly elsewhere") {
  const auto with =
      run(base(instrument("campaign", "habit", "regions = \"south\"\ninnovation_rate_boost = 0.2")));
  const auto without = run(base(""));
  const double gain_south = final_value(*with, "adopter_share_habit_by_region", south) -
                            final_value(*without, "adopter_share_habit_by_region", south);
  const double gain_north = final_value(*with, "adopter_share_habit_by_region", north) -
                            final_value(*without, "adopter_share_habit_by_region", north);
  INFO("gain south " << gain_south << ", north " << gain_north);
  // p = 0.01 → 0.21 a year for two years: about 1 − e^{−0.42} ≈ 34 points more in the south.
  CHECK(gain_south > 0.2);
  // The north only follows through its few ties across the border.
  CHECK(std::abs(gain_north) < gain_south / 5);
}

TEST_CASE("An instrument aimed at every region is the untargeted instrument, bit for bit") {
  const auto all = run(base(instrument("campaign", "habit", "regions = \"north, south\"")));
  const auto none = run(base(instrument("campaign", "habit", "")));
  CHECK(test::same_series(*all, *none));
}

TEST_CASE("A regulation aimed at a stakeholder type mandates it for that type only") {
  const auto with =
      run(base(instrument("regulation", "pathway_tool", "stakeholder_types = \"cancer_centre\"")));
  const std::string share = "stakeholder_adopter_share_pathway_tool_by_type";
  CHECK(final_value(*with, share, cancer_centre) == 1.0);
  CHECK(final_value(*with, share, care_provider) < 0.5);
}

TEST_CASE("A type and a region together select the organisations of that type in that region") {
  InstrumentParams p;
  p.regions = {1};
  p.stakeholder_types = 1u << cancer_centre;
  const auto zones = organisation_zones_of(p, 2);
  // Zones are type × (regions + national): the south's cancer centres only.
  REQUIRE(zones.size() == 1);
  CHECK(zones[0] == cancer_centre * 3 + 1);
  p.regions.clear();  // every region and the national bodies
  CHECK(organisation_zones_of(p, 2).size() == 3);
}

TEST_CASE("patient_involvement aimed at a type raises that type's engagement only") {
  const auto with = run(base(instrument("patient_involvement", "pathway_tool",
                                        "stakeholder_types = \"care_provider\"\nengagement_gain = 0.2")));
  const auto without = run(base(""));
  CHECK(final_value(*with, "mean_engagement_by_type", care_provider) >
        final_value(*without, "mean_engagement_by_type", care_provider) + 0.3);
  CHECK(final_value(*with, "mean_engagement_by_type", cancer_centre) ==
        final_value(*without, "mean_engagement_by_type", cancer_centre));
}

TEST_CASE("Targeting mistakes are reported with their key") {
  test::TempDir dir;
  auto expect = [&](const std::string& text, const std::string& fragment) {
    try {
      load_scenario(dir.write("bad.toml", base(text)));
      FAIL("no error for " << fragment);
    } catch (const ScenarioError& e) {
      INFO(e.what());
      CHECK(std::string(e.what()).find(fragment) != std::string::npos);
    }
  };
  expect(instrument("campaign", "habit", "regions = \"nort\""),
         "instruments.it.regions: unknown region 'nort'; did you mean 'north'?");
  expect(instrument("procurement", "pathway_tool", "stakeholder_types = \"hospital\""),
         "instruments.it.stakeholder_types: unknown stakeholder type 'hospital'");
  expect(instrument("campaign", "habit", "stakeholder_types = \"care_provider\""),
         "instruments.it.stakeholder_types: innovation 'habit' is adopted by citizens");
  expect(instrument("research_grant", "habit", "regions = \"north\""), "regions");
}

}  // namespace missionsim::model
