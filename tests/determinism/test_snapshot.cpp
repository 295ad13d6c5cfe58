// Snapshots: a run restored from a snapshot continues bit-identically to the run that went
// straight through, however often it is restored; and withdrawing the instruments there stops
// every spending from the next step on.
#include "engine/io/metric_index.hpp"
#include "models/composition/scenario.hpp"
#include "models/composition/simulation.hpp"
#include "tests/support/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <cstring>
#include <vector>

namespace missionsim::model {

namespace {
// Four years of the demo (coordination, infrastructure, the pandemic shock and a regime's
// lock-in all act before or around the snapshot at step 26).
Scenario demo() {
  return load_scenario(test::source_dir() / "scenarios/demo.toml",
                       std::vector<std::string>{"population.size=20000", "time.end=2029-01-01",
                                                "goals.early_detection.deadline=2028-12-31",
                                                "goals.fewer_cancers.deadline=2028-12-31"});
}

using Series = std::vector<std::vector<double>>;

// The values of steps [next_step(), to).
Series advance(Simulation& sim, std::uint32_t to) {
  Series out;
  while (sim.next_step() < to) {
    sim.advance(sim.next_step() + 1);
    out.emplace_back(sim.values().begin(), sim.values().end());
  }
  return out;
}

bool identical(const Series& a, const Series& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t t = 0; t < a.size(); ++t)
    if (a[t].size() != b[t].size() ||
        std::memcmp(a[t].data(), b[t].data(), a[t].size() * sizeof(double)) != 0)
      return false;
  return true;
}
}  // namespace

TEST_CASE("A run restored from a snapshot continues bit-identically to one that went straight through") {
  const Scenario s = demo();
  const RunSettings settings{0, 0, s.seed, 2, 0, false};
  Simulation straight(s, settings);
  const Series all = advance(straight, straight.step_count());
  const std::uint32_t at = 26;
  const Series tail(all.begin() + at, all.end());

  Simulation resumed(s, settings);
  REQUIRE(identical(advance(resumed, at), Series(all.begin(), all.begin() + at)));
  const auto snapshot = resumed.snapshot();
  CHECK(identical(advance(resumed, resumed.step_count()), tail));
  for (int again = 0; again < 2; ++again) {
    resumed.restore(*snapshot);
    REQUIRE(resumed.next_step() == at);
    CHECK(identical(advance(resumed, resumed.step_count()), tail));
  }
  // The tail must move, or identity would prove little.
  CHECK_FALSE(identical(Series(tail.begin(), tail.begin() + 1), Series(tail.end() - 1, tail.end())));
}

TEST_CASE("Withdrawing the instruments at a snapshot stops all spending from that step on") {
  const Scenario s = demo();
  Simulation sim(s, RunSettings{0, 0, s.seed, 2, 0, false});
  const auto spend = *metric_offset(sim.metrics(), "total_spend");
  const Series supported = advance(sim, 20);
  REQUIRE(supported.back()[spend] > 0);
  sim.withdraw_instruments();
  const Series withdrawn = advance(sim, sim.step_count());
  for (const auto& step : withdrawn) CHECK(step[spend] == 0.0);
}

}  // namespace missionsim::model
