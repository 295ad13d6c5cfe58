// W2 benchmark: discrete-time synchronous SIR on the W1 Barabási–Albert network, run through
// the engine (Contagion + StepPlan + StepExecutor) on its default path and forced to a full
// sweep, and through a plain single-threaded reference kernel with the same Philox draws. All
// must end with the same state, person by person (exit 1 if not). Exit 2 for bad options.
#include "bench/support/main.hpp"
#include "bench/contagion_ba/contagion.hpp"
#include "bench/contagion_ba/reference_kernel.hpp"
#include "bench/support/dump.hpp"
#include "bench/support/measure.hpp"
#include "bench/support/report.hpp"
#include "engine/core/error.hpp"
#include "engine/schedule/step_executor.hpp"
#include "models/composition/scenario.hpp"
#include "models/world/world.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <numeric>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using namespace missionsim;
using missionsim::bench::Stopwatch;

using missionsim::bench::Unsupported;

struct Options {
  std::uint32_t size = 100'000;
  unsigned threads = 0;  ///< 0: every core
  unsigned rounds = 5;
  std::string scenario = MISSIONSIM_SOURCE_DIR "/scenarios/bench/threshold_ba.toml";
  std::uint32_t steps = 100;
  std::uint32_t block_size = BlockPartition::default_block_size;
  bench::SirParams sir;
  std::string dump;
  bool json = false;
};

std::size_t differing(std::span<const std::uint8_t> a, std::span<const std::uint8_t> b) {
  return std::inner_product(a.begin(), a.end(), b.begin(), std::size_t{0}, std::plus<>(),
                            std::not_equal_to<>());
}

bench::Report measure(const Options& o) {
  const std::vector<std::string> overrides{"population.size=" + std::to_string(o.size)};
  const model::Scenario s = model::load_scenario(o.scenario, overrides);
  if (s.networks.size() != 1 || s.networks.front().kind == model::NetworkKind::well_mixed)
    throw Unsupported("W2 needs a scenario with exactly one network layer that is not well-mixed");
  constexpr std::uint32_t run = 0;

  bench::Report m;
  m.workload = "contagion_ba";
  m.rounds = o.rounds;
  m.block_size = o.block_size;
  m.steps = o.steps;
  const Stopwatch build_clock;
  const std::uint32_t starts[] = {0, s.population.size};
  std::vector<model::NetworkLayer> layers;
  layers.push_back(model::build_layer(s.networks.front(), starts, s.seed, run));
  const model::World world(s.population.size, std::move(layers));
  m.build_seconds = build_clock.seconds();
  m.rss_after_build = bench::peak_rss_bytes();
  m.network_bytes = world.network_bytes();
  const CsrGraph& graph = world.layers().front().graph;
  m.agents = world.population();
  m.edges = graph.edge_count();

  const StreamKey key{s.seed, run, bench::sir_step_stream};
  const auto seeds = bench::initial_infected(m.agents, o.sir.initial_infected, s.seed, run);
  const BlockPartition blocks(m.agents, o.block_size);
  bench::Contagion contagion(graph, o.sir, blocks, key);
  StepPlan plan;
  contagion.add_phases(plan);
  plan.freeze();
  StepExecutor executor(plan, blocks, o.threads);
  m.threads = executor.threads();
  contagion.setup(seeds);
  const std::vector<std::uint8_t> initial(contagion.state().begin(), contagion.state().end());
  bench::SirReference reference(graph.offsets(), graph.targets(), o.sir, key);

  std::vector<double> default_seconds, full_seconds, reference_seconds;
  double evaluated_share = 0, full_sweeps = 0;
  const double steps = std::max(o.steps, 1u);
  for (unsigned r = 0; r < o.rounds; ++r) {
    // The three alternate within each round so that noise from other work lands on all.
    reference.reset(initial);
    const Stopwatch reference_clock;
    for (std::uint32_t t = 0; t < o.steps; ++t) reference.step(t);
    reference_seconds.push_back(reference_clock.seconds() / steps);

    for (const bool full : {false, true}) {
      contagion.force_full_sweep(full);
      contagion.setup(seeds);
      const Stopwatch clock;
      for (std::uint32_t t = 0; t < o.steps; ++t) executor.run_step(StepContext{run, t, 1.0});
      (full ? full_seconds : default_seconds).push_back(clock.seconds() / steps);
      const auto wrong = differing(contagion.state(), reference.state());
      if (wrong != 0 || contagion.infected_count() != reference.infected_count() ||
          contagion.recovered_count() != reference.recovered_count())
        throw InternalError("round " + std::to_string(r) + (full ? " (full sweep)" : "") + ": after " +
                            std::to_string(o.steps) + " steps " + std::to_string(wrong) +
                            " people differ between the engine and the reference");
      if (!full) {
        evaluated_share = static_cast<double>(contagion.evaluated()) / (steps * std::max(m.agents, 1u));
        full_sweeps = static_cast<double>(contagion.full_sweeps());
      }
    }
  }
  if (!o.dump.empty())
    bench::write_dump(o.dump, graph.offsets(), graph.targets(), initial, reference.state(), o.steps,
                      o.sir.transmission, o.sir.recovery);
  m.paths = {{"engine", bench::spread_of(default_seconds)},
             {"engine_full", bench::spread_of(full_seconds)},
             {"reference", bench::spread_of(reference_seconds)}};
  const auto final_state = reference.state();
  m.extra = {{"initial_infected", static_cast<double>(seeds.size())},
             {"final_infected", static_cast<double>(reference.infected_count())},
             {"final_recovered", static_cast<double>(reference.recovered_count())},
             {"final_susceptible", static_cast<double>(std::count(final_state.begin(), final_state.end(),
                                                                  std::uint8_t{bench::susceptible}))},
             {"default_evaluated_share", evaluated_share},
             {"default_full_sweep_steps", full_sweeps}};
  m.rss_at_end = bench::peak_rss_bytes();
  return m;
}

}  // namespace

int main(int argc, char** argv) try {
  Options o;
  CLI::App app{"W2: SIR contagion on Barabasi-Albert, engine against a plain reference kernel"};
  app.add_option("--size", o.size, "Population size N (overrides population.size)")
      ->capture_default_str()
      ->check(CLI::Range(1u, 4'000'000'000u));
  app.add_option("--threads", o.threads, "Engine threads; 0 = every core")->capture_default_str();
  app.add_option("--rounds", o.rounds, "Timed rounds of the whole run, each from the same initial state")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_option("--scenario", o.scenario, "Scenario file giving the network (W1's by default)")
      ->capture_default_str()
      ->check(CLI::ExistingFile);
  app.add_option("--steps", o.steps, "Steps per round")->capture_default_str();
  app.add_option("--block-size", o.block_size, "Agents per engine block")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_option("--transmission", o.sir.transmission, "Per infected contact and step")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1.0));
  app.add_option("--recovery", o.sir.recovery, "Per step")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1.0));
  app.add_option("--initial", o.sir.initial_infected, "Initially infected")->capture_default_str();
  app.add_option("--dump", o.dump, "Write the graph, initial and final state for bench/python/");
  app.add_flag("--json", o.json, "Print one JSON object instead of the table");
  return bench::run_benchmark(app, argc, argv, o.json, [&] { return measure(o); });
} catch (...) {
  return missionsim::bench::report_setup_failure();
}
