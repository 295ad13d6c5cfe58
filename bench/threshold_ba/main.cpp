// W1 benchmark: the Watts threshold cascade on a Barabási–Albert network, run through the
// engine (Adoption + StepPlan + StepExecutor) and through a plain single-threaded reference
// kernel on the same world. The two must end with identical adoption columns (exit 1 if not),
// so the benchmark is also a correctness check. Exit 2 for bad options or scenarios.
#include "bench/support/measure.hpp"
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
  bool json = false;
};

struct Measurements {
  std::uint32_t agents = 0;
  std::uint64_t edges = 0;
  unsigned threads = 0;
  std::uint32_t steps = 0;
  double build_seconds = 0;
  double rss_after_build = 0;  ///< bytes, peak so far
  double rss_at_end = 0;       ///< bytes, peak over the whole run
  std::size_t network_bytes = 0;
  std::uint64_t initial_adopters = 0;
  std::uint64_t final_adopters = 0;
  double mean_edge_visits_per_step = 0;  ///< the reference's actual reads (adopters skip theirs)
  Spread engine;                         ///< seconds per step, over rounds
  Spread reference;
};

/// Thrown for scenarios the reference kernel does not cover; reported like bad input.
struct Unsupported : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// Checked before building the world, which can take a while at large N.
void check_is_w1_shaped(const model::Scenario& s) {
  if (s.innovations.size() != 1) throw Unsupported("the scenario must have exactly one innovation");
  const auto& p = s.innovations.front();
  if (p.rule != model::AdoptionRule::threshold)
    throw Unsupported("the innovation must use the threshold rule");
  for (const auto& layer : s.networks)
    if (layer.name == p.network && layer.kind == model::NetworkKind::well_mixed)
      throw Unsupported("the innovation must spread on a network layer, not a well-mixed one");
}

Measurements measure(const Options& o) {
  const std::vector<std::string> overrides{"population.size=" + std::to_string(o.size)};
  const model::Scenario s = model::load_scenario(o.scenario, overrides);
  check_is_w1_shaped(s);
  constexpr std::uint32_t run = 0;

  Measurements m;
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
  const std::vector<float> thresholds(adoption.thresholds(0).begin(), adoption.thresholds(0).end());
  m.initial_adopters = adoption.adopter_count(0);
  bench::ThresholdReference reference(graph.offsets(), graph.targets(), params.threshold, thresholds);

  std::vector<double> engine_step_seconds, reference_step_seconds;
  for (unsigned r = 0; r < o.rounds; ++r) {
    // Engine and reference alternate within each round so that noise from other work on
    // the machine lands on both.
    adoption.setup(s.seed, run);
    const Stopwatch engine_clock;
    for (std::uint32_t t = 0; t < m.steps; ++t) executor.run_step(StepContext{run, t, dt_years});
    engine_step_seconds.push_back(engine_clock.seconds() / std::max(m.steps, 1u));

    reference.reset(initial);
    const Stopwatch reference_clock;
    for (std::uint32_t t = 0; t < m.steps; ++t) reference.step();
    reference_step_seconds.push_back(reference_clock.seconds() / std::max(m.steps, 1u));

    const auto engine_state = adoption.adopted(0);
    const auto reference_state = reference.adopted();
    const auto differing =
        std::inner_product(engine_state.begin(), engine_state.end(), reference_state.begin(), std::size_t{0},
                           std::plus<>(), std::not_equal_to<>());
    if (adoption.adopter_count(0) != reference.adopter_count() || differing != 0)
      throw InternalError("round " + std::to_string(r) + ": after " + std::to_string(m.steps) +
                          " steps the engine has " + std::to_string(adoption.adopter_count(0)) +
                          " adopters and the reference " + std::to_string(reference.adopter_count()) + "; " +
                          std::to_string(differing) + " people differ");
  }
  m.final_adopters = reference.adopter_count();
  m.mean_edge_visits_per_step = static_cast<double>(reference.edge_visits()) / std::max(m.steps, 1u);
  m.engine = bench::spread_of(engine_step_seconds);
  m.reference = bench::spread_of(reference_step_seconds);
  m.rss_at_end = bench::peak_rss_bytes();
  return m;
}

double per_second(double count, double seconds) {
  return seconds > 0 ? count / seconds : 0.0;
}

void print_table(const Options& o, const Measurements& m) {
  constexpr double MB = 1024.0 * 1024.0;
  const double n = m.agents, visits = 2.0 * static_cast<double>(m.edges);
  std::printf(
      "W1 threshold_ba: N = %u, E = %llu (mean degree %.2f), %u steps, %u rounds, %u threads, block %u\n",
      m.agents, static_cast<unsigned long long>(m.edges), n > 0 ? visits / n : 0.0, m.steps, o.rounds,
      m.threads, o.block_size);
  std::printf("world build        %10.3f s\n", m.build_seconds);
  std::printf("peak RSS           %10.1f MB after build, %.1f MB at end\n", m.rss_after_build / MB,
              m.rss_at_end / MB);
  std::printf("peak RSS per agent %10.1f B after build, %.1f B at end\n", m.rss_after_build / n,
              m.rss_at_end / n);
  std::printf(
      "network (CSR)      %10.1f MB = %.1f B per agent, %.2f B per edge\n",
      static_cast<double>(m.network_bytes) / MB, static_cast<double>(m.network_bytes) / n,
      static_cast<double>(m.network_bytes) / static_cast<double>(std::max<std::uint64_t>(m.edges, 1)));
  std::printf("\n%-10s %12s %12s %12s %14s %16s\n", "path", "s/step med", "min", "max", "agent-steps/s",
              "edge visits/s");
  std::printf("%-10s %12.6f %12.6f %12.6f %14.3e %16.3e\n", "engine", m.engine.median, m.engine.min,
              m.engine.max, per_second(n, m.engine.median), per_second(visits, m.engine.median));
  std::printf("%-10s %12.6f %12.6f %12.6f %14.3e %16.3e\n", "reference", m.reference.median, m.reference.min,
              m.reference.max, per_second(n, m.reference.median), per_second(visits, m.reference.median));
  std::printf("\nengine / reference  %.3f (medians, same run)\n",
              m.reference.median > 0 ? m.engine.median / m.reference.median : 0.0);
  std::printf(
      "edge visits/s counts 2E per step; adopters skip their row, so the reference read on average\n"
      "%.3e entries per step (%.1f%% of 2E)\n",
      m.mean_edge_visits_per_step, visits > 0 ? 100.0 * m.mean_edge_visits_per_step / visits : 0.0);
  std::printf("adopters           %llu initially, %llu after %u steps (share %.4f); engine == reference\n",
              static_cast<unsigned long long>(m.initial_adopters),
              static_cast<unsigned long long>(m.final_adopters), m.steps,
              n > 0 ? static_cast<double>(m.final_adopters) / n : 0.0);
}

void print_json(const Options& o, const Measurements& m) {
  std::printf(
      "{\"workload\":\"threshold_ba\",\"agents\":%u,\"edges\":%llu,\"steps\":%u,\"rounds\":%u,\"threads\":%u,"
      "\"block_size\":%u,\"build_seconds\":%.6f,\"peak_rss_after_build_bytes\":%.0f,\"peak_rss_bytes\":%.0f,"
      "\"network_bytes\":%zu,\"engine_step_seconds\":{\"median\":%.9f,\"min\":%.9f,\"max\":%.9f},"
      "\"reference_step_seconds\":{\"median\":%.9f,\"min\":%.9f,\"max\":%.9f},\"engine_over_reference\":%.6f,"
      "\"reference_edge_visits_per_step\":%.1f,\"initial_adopters\":%llu,\"final_adopters\":%llu}\n",
      m.agents, static_cast<unsigned long long>(m.edges), m.steps, o.rounds, m.threads, o.block_size,
      m.build_seconds, m.rss_after_build, m.rss_at_end, m.network_bytes, m.engine.median, m.engine.min,
      m.engine.max, m.reference.median, m.reference.min, m.reference.max,
      m.reference.median > 0 ? m.engine.median / m.reference.median : 0.0, m.mean_edge_visits_per_step,
      static_cast<unsigned long long>(m.initial_adopters), static_cast<unsigned long long>(m.final_adopters));
}

}  // namespace

int main(int argc, char** argv) {
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
  app.add_flag("--json", o.json, "Print one JSON object instead of the table");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }

  try {
    const Measurements m = measure(o);
    if (o.json)
      print_json(o, m);
    else
      print_table(o, m);
    return 0;
  } catch (const InputError& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
    return 2;
  } catch (const Unsupported& e) {
    std::fprintf(stderr, "error: %s (the reference kernel covers W1-shaped scenarios only)\n", e.what());
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
    return 1;
  }
}
