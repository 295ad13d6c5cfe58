// The organisations' collaboration network at scale: the demo's world with its hospitals
// multiplied to N organisations (three groups), timing the construction of
// the stakeholders (ties drawn by geometric skipping, patients assigned). The reference is the
// time to touch each drawn tie once (a copy of the edge list), so the ratio says how far the
// draw is from the least any construction of that network must do.
#include "bench/support/main.hpp"
#include "bench/support/measure.hpp"
#include "bench/support/report.hpp"
#include "models/composition/scenario.hpp"
#include "models/population/population.hpp"
#include "models/stakeholders/stakeholders.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <numeric>
#include <string>
#include <vector>

namespace {

using namespace missionsim;

struct Options {
  std::uint32_t organisations = 10'000;
  std::uint32_t citizens = 20'000;
  unsigned rounds = 3;
  std::string scenario = MISSIONSIM_SOURCE_DIR "/scenarios/demo.toml";
  bool json = false;
};

bench::Report measure(const Options& o) {
  // The demo's three hospital groups take the organisations; its other 16 stay as they are.
  constexpr std::uint32_t per_group = 400'000;
  std::vector<std::string> overrides{"population.size=" + std::to_string(o.citizens)};
  std::uint32_t left = o.organisations;
  for (const char* group : {"hospitals_capital", "hospitals_south", "hospitals_north"}) {
    const std::uint32_t count = std::clamp(left, 1u, per_group);
    overrides.push_back("stakeholders." + std::string(group) + ".count=" + std::to_string(count));
    left -= std::min(left, count);
  }
  if (left > 0) throw bench::Unsupported("at most 1,200,000 organisations (three groups of 400,000)");
  const model::Scenario s = model::load_scenario(o.scenario, overrides);
  const model::Population population(s.population, s.seed, 0);

  bench::Report m;
  m.workload = "collaboration";
  m.rounds = o.rounds;
  m.threads = 1;
  std::vector<double> build, touch;
  for (unsigned r = 0; r < o.rounds; ++r) {
    const bench::Stopwatch clock;
    const model::Stakeholders stakeholders(s.stakeholders, population, s.seed, 0);
    build.push_back(clock.seconds());
    const auto& g = stakeholders.collaboration().graph;
    m.agents = stakeholders.size();
    m.edges = g.edge_count();
    m.network_bytes = g.memory_bytes();
    const bench::Stopwatch copy_clock;
    std::vector<NodeId> copy(g.targets().begin(), g.targets().end());
    touch.push_back(copy_clock.seconds());
    if (std::accumulate(copy.begin(), copy.end(), std::uint64_t{0}) == 1) std::printf(" ");  // keep the copy
  }
  m.build_seconds = bench::spread_of(build).median;
  m.paths = {{"stakeholders", bench::spread_of(build)}, {"touch_ties", bench::spread_of(touch)}};
  m.rss_at_end = bench::peak_rss_bytes();
  m.extra = {{"seconds_per_organisation", m.build_seconds / std::max(m.agents, 1u)},
             {"mean_degree", 2.0 * static_cast<double>(m.edges) / std::max(m.agents, 1u)}};
  return m;
}

}  // namespace

int main(int argc, char** argv) try {
  Options o;
  CLI::App app{"The organisations' collaboration network: construction time at N organisations"};
  app.add_option("--organisations", o.organisations, "Organisations (the demo's hospitals scaled)")
      ->capture_default_str()
      ->check(CLI::Range(1u, 1'000'000u));
  app.add_option("--citizens", o.citizens, "Citizens (population.size)")->capture_default_str();
  app.add_option("--rounds", o.rounds, "Rounds")->capture_default_str()->check(CLI::Range(1u, 1000u));
  app.add_option("--scenario", o.scenario, "Scenario file")->capture_default_str()->check(CLI::ExistingFile);
  app.add_flag("--json", o.json, "Print one JSON object instead of the table");
  return bench::run_benchmark(app, argc, argv, o.json, [&] { return measure(o); });
} catch (...) {
  return missionsim::bench::report_setup_failure();
}
