// Landscape, regimes and niches on worlds built so that the outcome can be computed: a shock
// that makes a niche break through at a known step, lock-in that stops a cascade, and one world
// for each transition pathway.
#include "models/composition/scenario.hpp"
#include "models/transitions/pathway_label.hpp"
#include "tests/support/run_scenario.hpp"
#include "tests/support/scenario_text.hpp"
#include "tests/support/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <optional>

namespace missionsim::model {

namespace {
// 6,000 people in two regions on a small world, two years of monthly steps. "x" spreads by a
// threshold of `theta` from random seeds; "y" likewise (a second challenger).
std::string world(double theta, double seeds, const std::string& extra, double theta_y = 0.99) {
  return test::scenario_head("transitions", 7, 6000, 10, 2, {"north", "south"}) + R"([[network]]
name = "net"
kind = "small_world"
mean_degree = 10
[[innovations]]
name = "x"
network = "net"
rule = "threshold"
threshold = )" +
         std::to_string(theta) + "\ninitial_share = " + std::to_string(seeds) + R"(
[[innovations]]
name = "y"
network = "net"
rule = "threshold"
threshold = )" +
         std::to_string(theta_y) + "\ninitial_share = " + std::to_string(seeds) + "\n" + extra;
}

const std::string regime_x =
    "[[regimes]]\nname = \"incumbent\"\nchallengers = \"x\"\ncentrality = \"none\"\n";

std::unique_ptr<MemoryRecorder> run(const std::string& text) {
  test::TempDir dir;
  return test::run_in_memory(load_scenario(dir.write("s.toml", text)), 2);
}

std::optional<std::uint32_t> first_event(const MemoryRecorder& r, const std::string& kind) {
  for (const auto& e : r.events())
    if (e.kind == kind) return e.step;
  return std::nullopt;
}

double final_share(const MemoryRecorder& r, std::size_t innovation) {
  return r.value("adopter_share_by_innovation", 0, static_cast<std::uint32_t>(r.header().step_count() - 1),
                 innovation);
}

std::string pathway(const MemoryRecorder& r) {
  return r.analysis_value(0, "transition", "pathway").text;
}
}  // namespace

TEST_CASE("A landscape shock makes a niche break through at the step momentum + pressure reaches stability") {
  // x never spreads (θ = 0.99); its 20% seeds are the niche's learning, so momentum ≈ 0.2 and the
  // regime's strength ≈ 0.8. A pulse of 0.5 from 2026-01-01 (step 12 of monthly steps from
  // 2025-01-01) brings momentum + pressure (0.7) above stability (0.8 − 0.5 = 0.3) at once.
  const std::string niche = regime_x +
                            "[[niches]]\nname = \"lab\"\ninnovation = \"x\"\nregime = \"incumbent\"\n"
                            "learning_weight = 1\nexpectation_weight = 0\n";
  const std::string shock =
      "[[landscape]]\nname = \"shock\"\nshape = \"pulse\"\nacts_on = \"regime\"\nstart = 2026-01-01\n"
      "end = 2026-06-01\nmagnitude = 0.5\n";
  const auto calm = run(world(0.99, 0.2, niche));
  CHECK_FALSE(first_event(*calm, "niche_breakthrough"));
  const auto shaken = run(world(0.99, 0.2, niche + shock));
  const auto strength = shaken->value("regime_strength_by_regime", 0, 11, 0);
  const auto momentum = shaken->value("niche_momentum_by_niche", 0, 11, 0);
  REQUIRE(momentum + 0.5 >= std::max(0.0, strength - 0.5));  // the condition the model checks, at step 12
  REQUIRE(momentum < strength);                              // and not before
  CHECK(first_event(*shaken, "landscape_shock") == 12u);
  CHECK(first_event(*shaken, "niche_breakthrough") == 12u);
  CHECK(shaken->value("regime_stability_by_regime", 0, 12, 0) ==
        Approx(std::max(0.0, strength - 0.5)).margin(0.01));
}

TEST_CASE("Lock-in keeps an innovation from spreading that spreads without it") {
  // θ = 0.25 from 10% seeds cascades on a small world; a lock-in of 0.5 at stability ≈ 0.9
  // raises θ to about 0.7, which nobody reaches.
  const auto free = run(world(0.25, 0.1, regime_x));
  const auto locked = run(world(0.25, 0.1, regime_x + "lock_in = 0.5\n"));
  INFO("free " << final_share(*free, 0) << ", locked " << final_share(*locked, 0));
  CHECK(final_share(*free, 0) > 0.8);
  CHECK(final_share(*locked, 0) < 0.2);
}

TEST_CASE("Each transition pathway comes out of a world built for it") {
  const std::string strong_pressure =
      "[[landscape]]\nname = \"crisis\"\nshape = \"step\"\nacts_on = \"regime\"\nstart = 2025-01-01\n"
      "magnitude = 0.4\n";
  // A niche in the north whose momentum (its seeds, 10%, plus expectations at market maturity:
  // 0.3 × 3/4) exceeds the locked-in regime's stability once the cascade is under way.
  const std::string niche =
      "[[niches]]\nname = \"lab\"\ninnovation = \"x\"\nregime = \"incumbent\"\nregions = \"north\"\n";
  SECTION("reproduction: lock-in holds, the regime never shifts") {
    const auto r = run(world(0.25, 0.1, regime_x + "lock_in = 0.5\n"));
    CHECK_FALSE(first_event(*r, "regime_shift"));
    CHECK(pathway(*r) == "reproduction");
  }
  SECTION("transformation: the regime shifts with no niche and no shock") {
    const auto r = run(world(0.25, 0.1, regime_x));
    CHECK(first_event(*r, "regime_shift"));
    CHECK(pathway(*r) == "transformation");
  }
  SECTION("de-alignment and re-alignment: a strong shock, no niche ahead of the shift") {
    const auto r = run(world(0.25, 0.1, regime_x + strong_pressure));
    CHECK(first_event(*r, "regime_shift"));
    CHECK(pathway(*r) == "dealignment_realignment");
  }
  SECTION("technological substitution: a niche breaks through before the regime shifts") {
    const auto r = run(world(0.25, 0.1, regime_x + niche));
    REQUIRE(first_event(*r, "niche_breakthrough"));
    REQUIRE(first_event(*r, "regime_shift"));
    CHECK(*first_event(*r, "niche_breakthrough") <= *first_event(*r, "regime_shift"));
    CHECK(pathway(*r) == "technological_substitution");
  }
  SECTION("reconfiguration: two challengers of the regime both become established") {
    const std::string both =
        "[[regimes]]\nname = \"incumbent\"\nchallengers = \"x, y\"\ncentrality = \"none\"\n";
    const auto r = run(world(0.25, 0.1, both, 0.25));
    CHECK(final_share(*r, 0) >= 0.5);
    CHECK(final_share(*r, 1) >= 0.5);
    CHECK(pathway(*r) == "reconfiguration");
  }
}

TEST_CASE("The pathway rule, case by case") {
  constexpr double strong = 0.3;
  TransitionHistory h;
  CHECK(classify(h, strong) == TransitionPathway::reproduction);
  h.first_regime_shift = 10;
  CHECK(classify(h, strong) == TransitionPathway::transformation);
  h.challengers_established = 2;
  CHECK(classify(h, strong) == TransitionPathway::reconfiguration);
  h.first_breakthrough = 10;  // at the shift counts as before it
  CHECK(classify(h, strong) == TransitionPathway::technological_substitution);
  h.max_regime_pressure_before_shift = strong;
  CHECK(classify(h, strong) == TransitionPathway::technological_substitution);  // the niche was ready
  h.first_breakthrough = 11;
  CHECK(classify(h, strong) == TransitionPathway::dealignment_realignment);
  // The threshold is the scenario's: a pressure below it is not a large shock.
  CHECK(classify(h, 0.31) == TransitionPathway::reconfiguration);
}

TEST_CASE("Transition mistakes are reported with their key") {
  test::TempDir dir;
  auto expect = [&](const std::string& extra, const std::string& fragment) {
    try {
      load_scenario(dir.write("bad.toml", world(0.3, 0.1, extra)));
      FAIL("no error for " << fragment);
    } catch (const ScenarioError& e) {
      INFO(e.what());
      CHECK(std::string(e.what()).find(fragment) != std::string::npos);
    }
  };
  expect("[[regimes]]\nname = \"r\"\nchallengers = \"z\"\n", "regimes.r.challengers: unknown innovation 'z'");
  expect("[[regimes]]\nname = \"r\"\nchallengers = \"x\"\ncentrality = \"betweenness\"\n",
         "regimes.r.centrality: betweenness is for regimes of organisations");
  expect(regime_x + "[[niches]]\nname = \"n\"\ninnovation = \"y\"\nregime = \"incumbent\"\n",
         "niches.n.innovation: 'y' is not a challenger of regime 'incumbent'");
  expect(
      "[[landscape]]\nname = \"p\"\nshape = \"pulse\"\nacts_on = \"regime\"\nstart = 2025-06-01\nend = "
      "2025-01-01\nmagnitude = 0.1\n",
      "landscape.p.end: a pulse needs an end after its start");
}

}  // namespace missionsim::model
