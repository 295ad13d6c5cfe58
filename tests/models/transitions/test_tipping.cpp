// missionsim tipping on a world where the tipping step can be found by brute force: the
// threshold rule is deterministic once the seeds are placed, so withdrawing support at step t
// is the same as ending every instrument on that step's first day, and the first t whose run
// still reaches the new normal is the exact tipping step.
#include "engine/io/memory_recorder.hpp"
#include "models/composition/scenario.hpp"
#include "models/experiments/tipping.hpp"
#include "tests/support/run_scenario.hpp"
#include "tests/support/scenario_text.hpp"
#include "tests/support/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <chrono>

namespace missionsim::model {

namespace {
// 3,000 people on a small world; θ = 0.35 from 4% seeds stalls, trial evidence lowering it by
// 0.2 makes it spread step by step over three years; once enough have adopted, θ = 0.35
// carries the cascade on by itself.
const std::string text = test::scenario_head("tipping", 3, 3000, 40, 3) + R"([[network]]
name = "net"
kind = "small_world"
mean_degree = 8
rewire_probability = 0.05
[[innovations]]
name = "practice"
network = "net"
rule = "threshold"
threshold = 0.35
initial_share = 0.04
[[instruments]]
name = "evidence"
kind = "trial_funding"
innovation = "practice"
start = 2025-01-01
end = 2028-01-01
threshold_reduction = 0.2
[tipping]
replicates = 1
)";

double final_share(const Scenario& s) {
  const auto r = test::run_in_memory(s, 2);
  return r->value("adopter_share_by_innovation", 0, static_cast<std::uint32_t>(r->header().step_count() - 1),
                  0);
}
}  // namespace

TEST_CASE("The tipping step found by grid and bisection is the one brute force finds") {
  test::TempDir dir;
  const auto file = dir.write("tipping.toml", text);
  const Scenario s = load_scenario(file);
  const Calendar calendar = s.calendar();
  const double supported = final_share(s);
  REQUIRE(supported > 0.5);  // support does make it spread

  // Brute force: end the instrument on the first day of step t, for every t, from scratch.
  std::optional<std::uint32_t> exact;
  for (std::uint32_t t = 0; t < calendar.step_count() && !exact; ++t) {
    const Date day{std::chrono::sys_days{calendar.start()} +
                   std::chrono::days{static_cast<int>(calendar.time_days()[t])}};
    const std::vector<std::string> end{"instruments.evidence.end=" + format_date(day)};
    if (t > 0 && final_share(load_scenario(file, end)) >= 0.9 * supported) exact = t;
    const std::vector<std::string> none{"instruments.evidence.threshold_reduction=0"};
    if (t == 0 && final_share(load_scenario(file, none)) >= 0.9 * supported) exact = 0;
  }
  REQUIRE(exact);
  INFO("brute force: step " << *exact);
  REQUIRE(*exact > 0);  // support is needed for a while, or the test would prove little

  MemoryRecorder recorder;
  TippingSettings settings{"practice", s.transitions.tipping, 2, 100};
  recorder.begin(tipping_header(s, settings, "test"));
  const auto report = analyse_tipping(s, settings, recorder);
  recorder.record_table(tipping_table(report, recorder.header()));
  recorder.finish();
  REQUIRE(report.search.step);
  CHECK(*report.search.step >= *exact - 1);
  CHECK(*report.search.step <= *exact + 1);
  CHECK(report.supported_final.front() == supported);
  // The critical mass is the supported run's share when support stops.
  CHECK(report.critical_mass > 0.04);
  CHECK(report.critical_mass < supported);
  REQUIRE(recorder.tables().size() == 1);
  bool tipping_event = false;
  for (const auto& e : recorder.events())
    tipping_event |= e.kind == "tipping_point" && e.step == *report.search.step;
  CHECK(tipping_event);
}

TEST_CASE("tipping refuses an innovation the scenario does not have") {
  test::TempDir dir;
  const Scenario s = load_scenario(dir.write("tipping.toml", text));
  TippingSettings settings{"nothing", s.transitions.tipping, 1, 10};
  CHECK_THROWS_AS(tipping_header(s, settings, "test"), InputError);
}

}  // namespace missionsim::model
