// W1 benchmark: the Watts threshold cascade on a Barabási–Albert network, run through the
// engine (Adoption + StepPlan + StepExecutor) and through a plain single-threaded reference
// kernel on the same world. The two must end with identical adoption columns (exit 1 if not),
// so the benchmark is also a correctness check. Exit 2 for bad options or scenarios.
#include "bench/support/main.hpp"
#include "bench/support/dump.hpp"
#include "bench/support/measure.hpp"
#include "bench/support/report.hpp"
#include "bench/threshold_ba/reference_kernel.hpp"
#include "engine/core/error.hpp"
#include "engine/schedule/step_executor.hpp"
#include "models/adoption/adoption.hpp"
#include "models/composition/scenario.hpp"
#include "models/world/world.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <numeric>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using namespace missionsim;
using missionsim::bench::Spread;
using missionsim::bench::Stopwatch;

struct Options {
  std::uint32_t size = 100'000;
  unsigned threads = 0;  ///< 0: every core
  unsigned rounds = 5;
  std::string scenario = MISSIONSIM_SOURCE_DIR "/scenarios/bench/threshold_ba.toml";
  std::optional<std::uint32_t> steps;  ///< default: the scenario's step count
  std::uint32_t block_size = BlockPartition::default_block_size;
  std::string dump;
  bool json = false;
};

using missionsim::bench::Unsupported;

/// Checked before building the world, which can take a while at large N.
void check_is_w1_shaped(const model::Scenario& s) {
  if (s.innovations.size() != 1) throw Unsupported("the scenario must have exactly one innovation");
  const auto& p = s.innovations.front();
  if (p.rule != &model::adoption_rule("threshold"))
    throw Unsupported("the innovation must use the threshold rule");
  for (const auto& layer : s.networks)
    if (layer.name == p.network && layer.kind == model::NetworkKind::well_mixed)
      throw Unsupported("the innovation must spread on a network layer, not a well-mixed one");
}

bench::Report measure(const Options& o) {
  const std::vector<std::string> overrides{"population.size=" + std::to_string(o.size)};
  const model::Scenario s = model::load_scenario(o.scenario, overrides);
  check_is_w1_shaped(s);
  constexpr std::uint32_t run = 0;

  bench::Report m;
  m.workload = "threshold_ba";
  m.rounds = o.rounds;
  m.block_size = o.block_size;
  const Stopwatch build_clock;
  const std::uint32_t starts[] = {0, s.population.size};  // W1 has one region
  std::vector<model::NetworkLayer> layers;
  for (const auto& p : s.networks) layers.push_back(model::build_layer(p, starts, s.seed, run));
  const model::World world(s.population.size, std::move(layers));
  m.build_seconds = build_clock.seconds();
  m.rss_after_build = bench::peak_rss_bytes();
  m.network_bytes = world.network_bytes();

  const auto& params = s.innovations.front();
  const CsrGraph& graph = world.layer(params.network).graph;
  m.agents = world.population();
  m.edges = graph.edge_count();
  m.steps = o.steps.value_or(static_cast<std::uint32_t>(s.calendar().step_count()));
  const double dt_years = s.calendar().dt_years();

  const BlockPartition blocks(world.population(), o.block_size);
  model::Adoption adoption(s.innovations, world, blocks);
  StepPlan plan;
  adoption.add_phases(plan);
  plan.freeze();
  StepExecutor executor(plan, blocks, o.threads);
  m.threads = executor.threads();

  adoption.setup(s.seed, run);
  const std::vector<std::uint8_t> initial(adoption.adopted(0).begin(), adoption.adopted(0).end());
  const std::vector<double> thresholds(adoption.thresholds(0).begin(), adoption.thresholds(0).end());
  const std::uint64_t initial_adopters = adoption.adopter_count(0);
  bench::ThresholdReference reference(graph.offsets(), graph.targets(), params.threshold, thresholds);

  std::vector<double> engine_step_seconds, reference_step_seconds;
  std::vector<double> full_step_seconds;
  double evaluated = 0, full_sweeps = 0;
  const double steps = std::max(m.steps, 1u);
  for (unsigned r = 0; r < o.rounds; ++r) {
    // The three paths alternate within each round so that noise from other work on the
    // machine lands on all of them.
    reference.reset(initial);
    const Stopwatch reference_clock;
    for (std::uint32_t t = 0; t < m.steps; ++t) reference.step();
    reference_step_seconds.push_back(reference_clock.seconds() / steps);

    for (const bool full : {false, true}) {
      adoption.force_full_sweep(full);
      adoption.setup(s.seed, run);
      const Stopwatch engine_clock;
      for (std::uint32_t t = 0; t < m.steps; ++t) {
        executor.run_step(StepContext{run, t, dt_years});
        if (!full) evaluated += static_cast<double>(adoption.evaluated_last_step());
      }
      (full ? full_step_seconds : engine_step_seconds).push_back(engine_clock.seconds() / steps);
      if (!full) full_sweeps = static_cast<double>(adoption.full_sweeps(0));

      const auto engine_state = adoption.adopted(0);
      const auto reference_state = reference.adopted();
      const auto differing =
          std::inner_product(engine_state.begin(), engine_state.end(), reference_state.begin(),
                             std::size_t{0}, std::plus<>(), std::not_equal_to<>());
      if (adoption.adopter_count(0) != reference.adopter_count() || differing != 0)
        throw InternalError("round " + std::to_string(r) + (full ? " (full sweep)" : "") + ": after " +
                            std::to_string(m.steps) + " steps the engine has " +
                            std::to_string(adoption.adopter_count(0)) + " adopters and the reference " +
                            std::to_string(reference.adopter_count()) + "; " + std::to_string(differing) +
                            " people differ");
    }
  }
  if (!o.dump.empty() && !thresholds.empty()) throw Unsupported("--dump covers a fixed threshold only");
  if (!o.dump.empty())
    bench::write_dump(o.dump, graph.offsets(), graph.targets(), initial, reference.adopted(), m.steps,
                      params.threshold, 0.0);
  m.paths = {{"engine", bench::spread_of(engine_step_seconds)},
             {"engine_full", bench::spread_of(full_step_seconds)},
             {"reference", bench::spread_of(reference_step_seconds)}};
  m.extra = {{"initial_adopters", static_cast<double>(initial_adopters)},
             {"final_adopters", static_cast<double>(reference.adopter_count())},
             {"reference_edge_visits_per_step", static_cast<double>(reference.edge_visits()) / steps},
             {"default_evaluated_share", evaluated / (o.rounds * steps * std::max(m.agents, 1u))},
             {"default_full_sweep_steps", full_sweeps}};
  m.rss_at_end = bench::peak_rss_bytes();
  return m;
}

}  // namespace

int main(int argc, char** argv) try {
  Options o;
  CLI::App app{"W1: Watts threshold cascade on Barabasi-Albert, engine against a plain reference kernel"};
  app.add_option("--size", o.size, "Population size N (overrides population.size)")
      ->capture_default_str()
      ->check(CLI::Range(1u, 4'000'000'000u));
  app.add_option("--threads", o.threads, "Engine threads; 0 = every core")->capture_default_str();
  app.add_option("--rounds", o.rounds, "Timed rounds of the whole run, each from the same initial adopters")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_option("--scenario", o.scenario, "Scenario file")->capture_default_str()->check(CLI::ExistingFile);
  app.add_option("--steps", o.steps, "Steps per round (default: the scenario's)");
  app.add_option("--block-size", o.block_size, "Agents per engine block")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_option("--dump", o.dump, "Write the graph, initial and final state for bench/python/");
  app.add_flag("--json", o.json, "Print one JSON object instead of the table");
  return bench::run_benchmark(app, argc, argv, o.json, [&] { return measure(o); });
} catch (...) {
  return missionsim::bench::report_setup_failure();
}
