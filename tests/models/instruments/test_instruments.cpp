// Each instrument kind, run with and without it on the same seed (common random numbers):
// its effect goes the documented way by at least a stated amount, it leaves other
// instruments' spending alone, and no budget is ever exceeded.
#include "engine/core/error.hpp"
#include "models/composition/scenario.hpp"
#include "tests/support/run_scenario.hpp"
#include "tests/support/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

namespace missionsim::model {

namespace {
// 20,000 people in two regions of a small world, two years of monthly steps; "habit" spreads
// the Bass way, "practice" by a threshold of 0.35 from 2% seeds (which, alone, stalls).
std::string base(const std::string& extra, const std::string& practice_extra = "") {
  return R"(schema_version = 1
[scenario]
name = "instruments"
seed = 3
[time]
start = 2025-01-01
end = 2027-01-01
[population]
size = 20000
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
threshold = 0.35
initial_share = 0.02
)" + practice_extra +
         extra;
}

std::unique_ptr<MemoryRecorder> run(const std::string& text) {
  test::TempDir dir;
  return test::run_in_memory(load_scenario(dir.write("s.toml", text)), 2);
}

double final_share(const MemoryRecorder& r, std::size_t innovation) {
  return r.value("adopter_share_by_innovation", 0, static_cast<std::uint32_t>(r.header().step_count() - 1),
                 innovation);
}

std::string instrument(const std::string& name, const std::string& kind, const std::string& innovation,
                       const std::string& body, const std::string& start = "2025-01-01",
                       const std::string& end = "2027-01-01") {
  return "[[instruments]]\nname = \"" + name + "\"\nkind = \"" + kind + "\"\ninnovation = \"" + innovation +
         "\"\nstart = " + start + "\nend = " + end + "\n" + body + "\n";
}
}  // namespace

TEST_CASE("Spending stops at the exact step the budget runs out, with a budget_exhausted event") {
  // 1,200 a year is 100 a monthly step; a total of 550 lasts five full steps and half a sixth.
  const auto r =
      run(base(instrument("ads", "campaign", "habit", "budget_per_year = 1200\ntotal_budget = 550")));
  const auto spend = r->series("spend_by_instrument", 0);
  const auto cumulative = r->series("cumulative_spend_by_instrument", 0);
  for (std::size_t t = 0; t < spend.size(); ++t) {
    const double expected = t < 5 ? 100.0 : t == 5 ? 50.0 : 0.0;
    INFO("step " << t);
    CHECK(spend[t] == Approx(expected).margin(1e-9));
    CHECK(cumulative[t] <= 550.0 + 1e-9);
  }
  REQUIRE(r->events().size() == 1);
  CHECK(r->events()[0].kind == "budget_exhausted");
  CHECK(r->events()[0].subject == "ads");
  CHECK(r->events()[0].step == 5);
  CHECK(r->value("funded_share_by_instrument", 0, 5) == Approx(0.5));
  CHECK(r->value("funded_share_by_instrument", 0, 6) == 0.0);
}

TEST_CASE("Adding an instrument leaves another instrument's spending unchanged") {
  const std::string grant = instrument("grant", "research_grant", "practice", "budget_per_year = 600");
  const auto alone = run(base(grant));
  const auto both = run(base(grant + instrument("ads", "campaign", "habit", "budget_per_year = 1200")));
  const auto a = alone->series("spend_by_instrument", 0);
  const auto b = both->series("spend_by_instrument", 0);
  const std::size_t steps = alone->header().step_count();
  for (std::size_t t = 0; t < steps; ++t) CHECK(a[t] == b[t * 2]);  // grant is label 0 in both
}

TEST_CASE("campaign: adds to the Bass innovation rate, at least doubling adoption") {
  const auto without = run(base(""));
  const auto with = run(base(instrument("ads", "campaign", "habit", "innovation_rate_boost = 0.2")));
  // p = 0.01 against 0.21 a year over two years: the share rises about 20-fold; we ask for 2-fold.
  CHECK(final_share(*with, 0) > 2.0 * final_share(*without, 0));
  CHECK(final_share(*with, 1) == final_share(*without, 1));  // the other innovation is untouched
}

TEST_CASE("trial_funding and procurement: lower thresholds, turning a stalled spread into a cascade") {
  const auto without = run(base(""));
  for (const char* kind : {"trial_funding", "procurement"}) {
    const auto with = run(base(instrument("pull", kind, "practice", "threshold_reduction = 0.15")));
    INFO(kind << ": " << final_share(*without, 1) << " → " << final_share(*with, 1));
    // θ = 0.35 needs 4 of 10 contacts and stalls near the seeds; θ = 0.2 needs 2 and cascades.
    CHECK(final_share(*without, 1) < 0.2);
    CHECK(final_share(*with, 1) > 0.8);
  }
}

TEST_CASE("research_grant: full funding doubles the speed of maturation (speedup 1)") {
  const std::string research = "maturity = \"research\"\nyears_per_stage = 1.0\n";
  const auto without = run(base("", research));
  const auto with = run(
      base(instrument("lab", "research_grant", "practice", "speedup = 1.0\nbudget_per_year = 10"), research));
  // Twelve monthly steps in the first year: one stage alone, two with the grant.
  CHECK(without->value("maturity_by_innovation", 0, 11, 1) == Approx(1.0).epsilon(1e-12));
  CHECK(with->value("maturity_by_innovation", 0, 11, 1) == Approx(2.0).epsilon(1e-12));
  // Before the market stage nobody adopts on their own, seeds aside.
  CHECK(final_share(*without, 1) == without->value("adopter_share_by_innovation", 0, 0, 1));
}

TEST_CASE("regulation: everyone adopts in the step the mandate starts, whatever the maturity") {
  const auto r =
      run(base(instrument("law", "regulation", "practice", "", "2026-01-01"), "maturity = \"research\"\n"));
  CHECK(r->value("adopter_share_by_innovation", 0, 10, 1) < 0.05);
  CHECK(r->value("adopter_share_by_innovation", 0, 11, 1) < 0.05);
  CHECK(r->value("adopter_share_by_innovation", 0, 12, 1) == 1.0);  // step 12 starts on 2026-01-01
}

TEST_CASE("field_lab: seeds a community of real persons in its region when it starts") {
  // 100,000 real persons at scale 10 are 10,000 simulated people: all of region west's.
  const auto r = run(
      base(instrument("lab", "field_lab", "habit", "community = 100000\nregion = \"west\"", "2025-07-01")));
  CHECK(r->value("new_adopters_by_innovation", 0, 5, 0) < 50);
  // 2025-07-01 is step 6. Those of the 10,000 who had adopted already (p = 0.01 a year for half
  // a year: about 0.5%, 50 people) are not new; allow 2%.
  CHECK(r->value("new_adopters_by_innovation", 0, 6, 0) >= 9'800);
  CHECK(r->value("adopter_share_by_innovation", 0, 6, 0) >= 0.5);
}

TEST_CASE("Instrument mistakes are reported with their key") {
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
  expect(instrument("x", "campaign", "nothing", ""), "instruments.x.innovation: no [[innovations]]");
  expect(instrument("x", "campaign", "habit", "", "2026-01-01", "2025-01-01"),
         "instruments.x.end: must be after");
  expect(instrument("x", "field_lab", "habit", "community = 300000"),
         "instruments.x.community: is larger than");
  expect(instrument("x", "field_lab", "habit", "community = 5000"), "instruments.x.community");
  expect(instrument("x", "campaign", "habit", "speedup = 1"), "speedup");
}

}  // namespace missionsim::model

namespace missionsim::model {

TEST_CASE("A start trigger fires at the step its condition first holds, once, and acts from the next step") {
  // The campaign waits for the trigger; the trigger watches practice's adopter share, which
  // a mandate (regulation) lifts to 1 in the step starting 2025-07-01 (step 6).
  const std::string text =
      base(instrument("law", "regulation", "practice", "", "2025-07-01") +
           instrument("ads", "campaign", "habit", "budget_per_year = 1200\ninnovation_rate_boost = 0.2") +
           "[[triggers]]\nname = \"go\"\ninstrument = \"ads\"\nmetric = \"adopter_share_by_innovation\"\n"
           "label = \"practice\"\nwhen = \"above\"\nvalue = 0.9\n");
  const auto r = run(text);
  std::size_t fired = 0;
  for (const auto& e : r->events())
    if (e.kind == "trigger_fired") {
      ++fired;
      CHECK(e.subject == "go");
      CHECK(e.step == 6);
      CHECK(e.value == 1.0);
    }
  CHECK(fired == 1);
  // The campaign spends nothing up to and including the firing step, then 100 a month.
  for (std::uint32_t t = 0; t <= 6; ++t) CHECK(r->value("spend_by_instrument", 0, t, 1) == 0.0);
  CHECK(r->value("spend_by_instrument", 0, 7, 1) == Approx(100.0));
  CHECK(r->value("spend_by_instrument", 0, 20, 1) == Approx(100.0));
}

TEST_CASE("Stop and scale triggers change an instrument from the next step") {
  const std::string watch =
      "metric = \"adopter_share_by_innovation\"\nlabel = \"practice\"\nwhen = \"above\"\nvalue = 0.9\n";
  const std::string law = instrument("law", "regulation", "practice", "", "2025-07-01");
  const std::string ads = instrument("ads", "campaign", "habit", "budget_per_year = 1200");
  const auto stopped = run(
      base(law + ads + "[[triggers]]\nname = \"halt\"\ninstrument = \"ads\"\naction = \"stop\"\n" + watch));
  CHECK(stopped->value("spend_by_instrument", 0, 6, 1) == Approx(100.0));
  CHECK(stopped->value("spend_by_instrument", 0, 7, 1) == 0.0);
  const auto scaled = run(base(law + ads +
                               "[[triggers]]\nname = \"double\"\ninstrument = \"ads\"\naction = \"scale\"\n"
                               "factor = 2\n" +
                               watch));
  CHECK(scaled->value("spend_by_instrument", 0, 6, 1) == Approx(100.0));
  CHECK(scaled->value("spend_by_instrument", 0, 7, 1) == Approx(200.0));
}

TEST_CASE("A trigger on an unknown metric or label is refused at load time") {
  test::TempDir dir;
  const std::string ads = instrument("ads", "campaign", "habit", "");
  auto message = [&](const std::string& trigger) {
    try {
      load_scenario(
          dir.write("t.toml", base(ads + "[[triggers]]\nname = \"t\"\ninstrument = \"ads\"\n" + trigger)));
    } catch (const ScenarioError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  CHECK(message("metric = \"adoption\"\nwhen = \"above\"\nvalue = 1\n")
            .find("triggers.t.metric: no metric named") != std::string::npos);
  CHECK(message("metric = \"adopter_share_by_innovation\"\nlabel = \"nope\"\nwhen = \"above\"\nvalue = 1\n")
            .find("label must be one of habit, practice") != std::string::npos);
  CHECK(message("metric = \"total_spend\"\nlabel = \"x\"\nwhen = \"above\"\nvalue = 1\n")
            .find("has no breakdown") != std::string::npos);
}

}  // namespace missionsim::model

namespace missionsim::model {

TEST_CASE("The mission budget caps all instruments together, first come first served") {
  // Two instruments planning 100 and 50 a month against a mission budget of 1,000: the first
  // takes what it plans until the pot is nearly empty; nothing is ever spent beyond 1,000.
  const auto r = run(base("[mission]\nbudget = 1000\n" +
                          instrument("ads", "campaign", "habit", "budget_per_year = 1200") +
                          instrument("lab", "research_grant", "practice", "budget_per_year = 600")));
  double total = 0;
  const std::uint32_t steps = static_cast<std::uint32_t>(r->header().step_count());
  for (std::uint32_t t = 0; t < steps; ++t) {
    total += r->value("total_spend", 0, t);
    CHECK(total <= 1000.0 + 1e-9);
  }
  CHECK(total == Approx(1000.0));
  // 150 a month: six full months (900), then 100 left: ads takes all of it in step 6.
  CHECK(r->value("spend_by_instrument", 0, 6, 0) == Approx(100.0));
  CHECK(r->value("spend_by_instrument", 0, 6, 1) == Approx(0.0).margin(1e-9));
  std::size_t mission_events = 0;
  for (const auto& e : r->events())
    if (e.kind == "budget_exhausted" && e.subject == "mission") {
      ++mission_events;
      CHECK(e.step == 6);
    }
  CHECK(mission_events == 1);
}

}  // namespace missionsim::model
