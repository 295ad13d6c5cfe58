// W3 benchmark: the whole health-system model (scenarios/demo.toml, scaled with
// population.size) for its 120 monthly steps, the same Simulation `missionsim run` uses. Each
// round runs it twice, once recording into memory and once writing HDF5, so that the cost of
// writing is a ratio from the same process; also the world's build time and peak RSS. Times
// cover the step loop plus writing the file (end of run and finish), not the build.
#include "bench/support/main.hpp"
#include "bench/support/measure.hpp"
#include "bench/support/report.hpp"
#include "engine/core/error.hpp"
#include "engine/io/hdf5_recorder.hpp"
#include "engine/io/memory_recorder.hpp"
#include "models/composition/scenario.hpp"
#include "models/composition/simulation.hpp"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

namespace {

using namespace missionsim;

struct Options {
  std::uint32_t size = 1'000'000;
  unsigned threads = 0;
  unsigned rounds = 3;
  std::string scenario = MISSIONSIM_SOURCE_DIR "/scenarios/demo.toml";
  std::vector<std::string> sets;
  std::string output = "w3-bench.h5";
  bool hdf5 = true;
  bool json = false;
};

bench::Report measure(const Options& o) {
  std::vector<std::string> overrides{"population.size=" + std::to_string(o.size)};
  overrides.insert(overrides.end(), o.sets.begin(), o.sets.end());
  const model::Scenario s = model::load_scenario(o.scenario, overrides);
  bench::Report m;
  m.workload = "health_system";
  m.rounds = o.rounds;
  model::RunSettings settings;
  settings.seed = s.seed;
  settings.threads = o.threads;
  std::vector<double> memory_seconds, hdf5_seconds, build_seconds;
  std::vector<double> memory_tail, hdf5_tail;  ///< seconds after the step loop: writing the file
  for (unsigned r = 0; r < o.rounds; ++r) {
    for (const bool to_file : {false, true}) {
      if (to_file && !o.hdf5) continue;
      model::Simulation sim(s, settings);
      if (r == 0 && !to_file) m.rss_after_build = bench::peak_rss_bytes();
      model::RunSummary summary;
      // The file is written at the end of the run and at finish(): both are timed with the steps.
      const bench::Stopwatch clock;
      if (to_file) {
        Hdf5Recorder recorder(o.output, true);
        recorder.begin(sim.recording_header("bench_health_system"));
        summary = sim.run(recorder);
        recorder.finish();
      } else {
        MemoryRecorder recorder;
        recorder.begin(sim.recording_header("bench_health_system"));
        summary = sim.run(recorder);
        recorder.finish();
      }
      const double steps = std::max(summary.steps, 1u);
      const double total = clock.seconds();
      (to_file ? hdf5_seconds : memory_seconds).push_back(total / steps);
      (to_file ? hdf5_tail : memory_tail).push_back(total - summary.step_seconds);
      build_seconds.push_back(summary.build_seconds);
      m.agents = summary.agents;
      m.steps = summary.steps;
    }
  }
  if (o.hdf5) std::filesystem::remove(o.output);
  m.threads = o.threads;
  m.build_seconds = bench::spread_of(build_seconds).median;
  m.paths = {{"memory", bench::spread_of(memory_seconds)}};
  if (o.hdf5) m.paths.push_back({"hdf5", bench::spread_of(hdf5_seconds)});
  m.rss_at_end = bench::peak_rss_bytes();
  m.extra = {{"citizen_steps_per_second", m.agents / m.paths.front().step_seconds.median},
             {"step_loop_seconds", m.paths.front().step_seconds.median * m.steps},
             {"peak_rss_bytes_per_citizen", m.rss_at_end / std::max(m.agents, 1u)},
             {"memory_after_steps_seconds", bench::spread_of(memory_tail).median}};
  if (o.hdf5) m.extra.emplace_back("hdf5_after_steps_seconds", bench::spread_of(hdf5_tail).median);
  return m;
}

}  // namespace

int main(int argc, char** argv) try {
  Options o;
  CLI::App app{"W3: the health-system model (the demo scaled), steps, build, memory and HDF5 cost"};
  app.add_option("--size", o.size, "Citizens (overrides population.size)")
      ->capture_default_str()
      ->check(CLI::Range(1u, 4'000'000'000u));
  app.add_option("--threads", o.threads, "Threads; 0 = every core")->capture_default_str();
  app.add_option("--rounds", o.rounds, "Rounds, each one run to memory and one to HDF5")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_option("--scenario", o.scenario, "Scenario file")->capture_default_str()->check(CLI::ExistingFile);
  app.add_option("--set", o.sets, "More overrides, key.path=value");
  app.add_option("--output", o.output, "Temporary HDF5 file (removed at the end)")->capture_default_str();
  app.add_flag("!--no-hdf5", o.hdf5, "Skip the runs that write HDF5");
  app.add_flag("--json", o.json, "Print one JSON object instead of the table");
  return bench::run_benchmark(app, argc, argv, o.json, [&] { return measure(o); });
} catch (...) {
  return missionsim::bench::report_setup_failure();
}
