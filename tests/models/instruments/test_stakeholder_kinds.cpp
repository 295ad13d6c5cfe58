// The three kinds acting on the organisations (infrastructure, coordination, patient
// involvement), run on components built by hand from a small scenario with [[stakeholders]],
// with and without the instrument on the same seed; and the "needs [[stakeholders]]" check.
#include "engine/core/error.hpp"
#include "engine/schedule/step_executor.hpp"
#include "models/composition/scenario.hpp"
#include "models/instruments/instrument_kind.hpp"
#include "models/instruments/instruments.hpp"
#include "models/world/world.hpp"
#include "tests/support/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <numeric>

namespace missionsim::model {

namespace {
// 10,000 people (scale 10) in two regions served by two providers each, with capacity for
// 20,000 real persons each (2,000 simulated: 80% of their ~2,500 patients); plus ministries and
// universities so that cross-silo pairs (different type and region) exist. "practice" spreads by
// a threshold of 0.3 from 2% seeds on a small world, one year of monthly steps.
const char* scenario_text = R"(schema_version = 1
[scenario]
name = "kinds"
seed = 5
[time]
start = 2025-01-01
end = 2026-01-01
[population]
size = 10000
scale = 10
[[regions]]
name = "east"
share = 0.5
[[regions]]
name = "west"
share = 0.5
[[network]]
name = "net"
kind = "small_world"
mean_degree = 10
[[innovations]]
name = "practice"
network = "net"
rule = "threshold"
threshold = 0.3
initial_share = 0.02
[[stakeholders]]
name = "gp_east"
type = "care_provider"
region = "east"
count = 2
capacity = 20000
engagement = 0.4
[[stakeholders]]
name = "gp_west"
type = "care_provider"
region = "west"
count = 2
capacity = 20000
engagement = 0.4
[[stakeholders]]
name = "uni_east"
type = "academia"
region = "east"
count = 10
engagement = 0.4
[[stakeholders]]
name = "uni_west"
type = "academia"
region = "west"
count = 10
engagement = 0.4
)";

const Scenario& scenario() {
  static const Scenario s = [] {
    test::TempDir dir;
    return load_scenario(dir.write("kinds.toml", scenario_text));
  }();
  return s;
}

InstrumentParams make(const InstrumentKind& kind) {
  InstrumentParams p;
  p.name = "it";
  p.kind = &kind;
  p.innovation = "practice";
  p.start = scenario().start;
  p.end = scenario().end;
  return p;
}

// One run of the citizens' adoption with the given instruments; the components outlive it for
// inspection.
struct Run {
  const Scenario& s = scenario();
  Calendar calendar = s.calendar();
  Population population{s.population, s.seed, 0};
  World world{population.size(), {build_layer(s.networks.at(0), population.region_starts(), s.seed, 0)}};
  BlockPartition blocks{population.size()};
  Adoption adoption{s.innovations, world, blocks};
  Stakeholders stakeholders{s.stakeholders, population, s.seed, 0};
  std::optional<Instruments> instruments;
  StepPlan plan;
  int collaboration_changes = 0;

  explicit Run(std::vector<InstrumentParams> params, std::size_t steps) {
    adoption.setup(s.seed, 0);
    std::vector<InnovationTarget> targets(params.size(), InnovationTarget{&adoption, 0, {}});
    instruments.emplace(std::move(params), std::move(targets), std::vector<Adoption*>{&adoption}, calendar,
                        population, 0.0, &stakeholders);
    instruments->on_collaboration_changed([this] { ++collaboration_changes; });
    instruments->setup();
    instruments->add_phases(plan);
    adoption.add_phases(plan);
    plan.freeze();
    StepExecutor executor(plan, blocks, 1);
    for (std::uint32_t t = 0; t < steps; ++t) executor.run_step({0, t, calendar.dt_years()});
  }
};

std::size_t reached(const Stakeholders& s) {
  const auto r = s.reached();
  return static_cast<std::size_t>(std::count(r.begin(), r.end(), std::uint8_t{1}));
}

std::size_t cross_silo_edges(const Stakeholders& s) {
  const auto offsets = s.collaboration().graph.offsets();
  const auto targets = s.collaboration().graph.targets();
  std::size_t n = 0;
  for (std::uint32_t u = 0; u < s.size(); ++u)
    for (auto e = offsets[u]; e < offsets[u + 1]; ++e) {
      const auto v = targets[e];
      if (u < v &&
          Stakeholders::tie_kind(s.type()[u], s.region()[u], s.type()[v], s.region()[v]) == TieKind::across)
        ++n;
    }
  return n;
}

double mean_engagement(const Stakeholders& s) {
  const auto e = s.engagement();
  return std::accumulate(e.begin(), e.end(), 0.0) / static_cast<double>(e.size());
}
}  // namespace

TEST_CASE(
    "infrastructure: adds its capacity to the region's providers once, reaching that many more patients") {
  const Run without({}, 3);
  auto p = make(instrument_kind("infrastructure"));
  p.capacity = 6000;  // 600 simulated persons, 300 for each of east's two providers
  p.region = 0;
  const Run with({p}, 3);  // three steps: the capacity is added on the first only
  // Each east provider has ~2,500 patients and reaches 2,000 of them: 300 more fit in every row.
  for (std::uint32_t o = 0; o < 2; ++o) REQUIRE(with.stakeholders.patients(o).size() >= 2300);
  CHECK(reached(with.stakeholders) == reached(without.stakeholders) + 600);
  CHECK(with.stakeholders.capacity()[0] == Approx(23000.0));
  CHECK(with.stakeholders.capacity()[2] == Approx(20000.0));  // west's providers unchanged
  CHECK(with.stakeholders.reached_count(2) == without.stakeholders.reached_count(2));

  p.every_region = true;  // all four providers share it: 150 simulated persons each
  const Run everywhere({p}, 3);
  CHECK(reached(everywhere.stakeholders) == reached(without.stakeholders) + 600);
  CHECK(everywhere.stakeholders.capacity()[2] == Approx(21500.0));
}

TEST_CASE("coordination: adds exactly `ties` new cross-silo ties on its first funded step") {
  const Run without({}, 3);
  auto p = make(instrument_kind("coordination"));
  p.ties = 20;
  const Run with({p}, 3);
  // There are 2·10 + 2·10 = 40 cross-silo pairs (gp east–uni west and gp
  // west–uni east), few of them tied at the default degree, so 20 untied pairs exist to be drawn.
  CHECK(with.instruments->ties_added(0) == 20);
  CHECK(cross_silo_edges(with.stakeholders) == cross_silo_edges(without.stakeholders) + 20);
  CHECK(with.stakeholders.collaboration().graph.edge_count() ==
        without.stakeholders.collaboration().graph.edge_count() + 20);
  CHECK(with.collaboration_changes == 1);
  // Asking for more than the untied cross-silo pairs adds only those (never a duplicate).
  const auto untied = 40 - cross_silo_edges(without.stakeholders);
  p.ties = 1000;
  const Run saturated({p}, 1);
  CHECK(saturated.instruments->ties_added(0) == untied);
  CHECK(cross_silo_edges(saturated.stakeholders) == 40);
}

TEST_CASE("patient_involvement: raises engagement by gain × Δt a step and lowers thresholds") {
  const std::size_t steps = 12;
  const Run without({}, steps);
  auto p = make(instrument_kind("patient_involvement"));
  p.engagement_gain = 0.3;       // a year: 0.4 → 0.7 over the year, below the cap of 1
  p.threshold_reduction = 0.15;  // θ = 0.3 → 0.15: 2 of 10 contacts suffice instead of 3
  Run with({p}, steps);
  const double gain = 0.3 * with.calendar.dt_years() * static_cast<double>(steps);
  CHECK(mean_engagement(with.stakeholders) ==
        Approx(mean_engagement(without.stakeholders) + gain).epsilon(1e-5));
  CHECK(with.adoption.levers(0).threshold_shift == Approx(-0.15));
  // Threshold 0.3 from 2% seeds on a small world barely spreads; 0.15 cascades.
  INFO(without.adoption.adopter_share(0) << " → " << with.adoption.adopter_share(0));
  CHECK(with.adoption.adopter_share(0) > without.adoption.adopter_share(0) + 0.3);
}

TEST_CASE("Engagement is capped at 1") {
  auto p = make(instrument_kind("patient_involvement"));
  p.engagement_gain = 100;
  const Run with({p}, 1);
  for (const auto e : with.stakeholders.engagement()) CHECK(e == 1.0f);
}

TEST_CASE("Kinds acting on organisations need [[stakeholders]]") {
  test::TempDir dir;
  // Without the stakeholder groups the scenario ends before the first [[stakeholders]].
  const std::string text = scenario_text;
  const std::string without = text.substr(0, text.find("[[stakeholders]]"));
  for (const char* kind : {"infrastructure", "coordination", "patient_involvement"}) {
    const std::string instrument = std::string("[[instruments]]\nname = \"x\"\nkind = \"") + kind +
                                   "\"\ninnovation = \"practice\"\nstart = 2025-01-01\nend = 2026-01-01\n";
    try {
      load_scenario(dir.write("bad.toml", without + instrument));
      FAIL("no error for " << kind);
    } catch (const ScenarioError& e) {
      INFO(e.what());
      CHECK(std::string(e.what()).find("instruments.x.kind") != std::string::npos);
      CHECK(std::string(e.what()).find("needs [[stakeholders]]") != std::string::npos);
    }
  }
  CHECK_THROWS_AS(Instruments({make(instrument_kind("coordination"))}, {InnovationTarget{}}, {},
                              scenario().calendar(), Population(scenario().population, 1, 0), 0.0, nullptr),
                  InternalError);
}

}  // namespace missionsim::model
