// `missionsim sweep`: a design of parameter points × replicates, run in parallel (oneTBB, or
// MPI ranks under mpirun), journaled so a killed sweep resumes, written to one HDF5 file.
#include "cli/commands.hpp"
#include "cli/option_checks.hpp"
#include "cli/progress.hpp"
#include "engine/core/error.hpp"
#include "engine/core/version.hpp"
#include "engine/experiment/design.hpp"
#include "engine/experiment/journal.hpp"
#include "engine/experiment/local_executor.hpp"
#include "engine/experiment/sweep_file.hpp"
#include "engine/experiment/sweep_plan.hpp"
#include "engine/io/output_target.hpp"
#include "models/composition/scenario.hpp"
#include "models/composition/simulation.hpp"
#ifdef MISSIONSIM_HAVE_MPI
#include "engine/experiment/mpi_sweep.hpp"
#endif

#include <CLI/CLI.hpp>

#include <charconv>
#include <chrono>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>

namespace missionsim::cli {

namespace {

struct SweepOptions {
  std::string scenario;
  std::string method = "lhs";
  std::vector<std::string> params;
  std::string design_file;
  std::uint32_t samples = 0;
  std::uint32_t replicates = 1;
  std::optional<std::string> output;  ///< absent: results/STEM-sweep.h5
  std::string shard;
  std::optional<std::int64_t> seed;
  std::vector<std::string> sets;
  unsigned threads = 0;
  bool force = false;
  bool quiet = false;
};

// Shortest text that reads back as the same double; integral values print without a point,
// so integer keys take them.
std::string format_value(double v) {
  char buffer[64];
  const auto r = std::to_chars(buffer, buffer + sizeof buffer, v);
  return std::string(buffer, r.ptr);
}

Design make_design(const SweepOptions& o, std::uint64_t base_seed) {
  if (!o.design_file.empty()) {
    if (!o.params.empty())
      throw InputError(Diagnostic{{"--design", 0, 0}, "", "give either --design or --param, not both"});
    return read_design_file(o.design_file);
  }
  if (o.params.empty())
    throw InputError(
        Diagnostic{{"--param", 0, 0}, "", "give at least one --param key.path=LO:HI, or --design FILE.csv"});
  if (o.samples == 0) throw InputError(Diagnostic{{"--samples", 0, 0}, "", "give --samples N (at least 1)"});
  std::vector<ParameterRange> ranges;
  for (const auto& p : o.params) ranges.push_back(parse_parameter_range(p));
  if (o.method == "grid") return grid_design(ranges, o.samples);
  if (o.method == "lhs") return latin_hypercube_design(ranges, o.samples, base_seed);
  if (o.method == "sobol") return saltelli_design(ranges, o.samples);
  if (o.method == "morris") return morris_design(ranges, o.samples, base_seed);
  throw InputError(
      Diagnostic{{"--method", 0, 0}, "", "unknown method '" + o.method + "' (grid, lhs, sobol, morris)"});
}

std::vector<std::string> point_overrides(const SweepOptions& o, const Design& design, std::size_t point) {
  std::vector<std::string> overrides = o.sets;
  const auto values = design.point(point);
  for (std::size_t j = 0; j < design.keys.size(); ++j)
    overrides.push_back(design.keys[j] + "=" + format_value(values[j]));
  return overrides;
}

// Everything a sweep needs before its first run; the same on every MPI rank.
struct Setup {
  std::vector<std::string> base_overrides;
  model::Scenario base;
  std::unique_ptr<SweepPlan> plan;
  Shard shard;
  std::filesystem::path out;
  std::vector<std::filesystem::path> inputs;  ///< the scenario's files and the design file
  RecordingHeader header;
};

Setup prepare(const SweepOptions& o, const std::string& command_line) {
  Setup s;
  s.base_overrides = o.sets;
  if (o.seed) s.base_overrides.push_back("scenario.seed=" + std::to_string(*o.seed));
  s.base = model::load_scenario(o.scenario, s.base_overrides);
  s.shard = o.shard.empty() ? Shard{} : parse_shard(o.shard);
  s.plan = std::make_unique<SweepPlan>(make_design(o, s.base.seed), o.replicates, s.base.seed);
  const Design& d = s.plan->design();
  // Every point is checked before anything runs or is written: a bad key path or a value the
  // schema refuses is exit 2, naming the key, with no output and no journal.
  for (std::size_t p = 0; p < d.point_count(); ++p)
    static_cast<void>(model::load_scenario(o.scenario, point_overrides(o, d, p)));
  s.out = o.output ? std::filesystem::path(*o.output)
                   : std::filesystem::path("results") /
                         (std::filesystem::path(o.scenario).stem().string() + "-sweep.h5");
  s.inputs = s.base.inputs;
  if (!o.design_file.empty()) s.inputs.emplace_back(o.design_file);
  s.header = model::scenario_header(s.base, command_line);
  s.header.analyses.clear();  // a sweep keeps its runs' series, goals and events, not per-run analyses
  s.header.run_count = s.plan->run_count();
  s.header.run_parameters = d.keys;
  for (const auto& text : o.params) {
    const ParameterRange r = parse_parameter_range(text);
    s.header.run_parameter_ranges.emplace_back(r.low, r.high);
  }
  s.header.run_attributes = {{"design_method", std::string(method_name(d.method))},
                             {"design_samples", std::int64_t{d.samples}},
                             {"replicates", std::int64_t{s.plan->replicates()}},
                             // As scenario.seed: at most 2^63 − 1, so it fits the signed type.
                             {"base_seed", static_cast<std::int64_t>(s.plan->base_seed())}};
  if (d.method == DesignMethod::morris) s.header.run_attributes.emplace_back("morris_delta", d.morris_delta);
  return s;
}

RunResult run_one(const SweepOptions& o, const Setup& s, std::uint32_t run, unsigned threads) {
  const auto t0 = std::chrono::steady_clock::now();
  const std::uint32_t point = s.plan->point_of(run);
  auto overrides = point_overrides(o, s.plan->design(), point);
  if (o.seed) overrides.push_back("scenario.seed=" + std::to_string(*o.seed));
  const model::Scenario scenario = model::load_scenario(o.scenario, overrides);
  model::RunSettings settings;
  settings.seed = s.plan->seed_of(run);
  settings.replicate = s.plan->replicate_of(run);
  settings.threads = threads;
  model::Simulation sim(scenario, settings);
  RunCapture capture(run);
  capture.begin(sim.recording_header(""));
  sim.run(capture);
  RunResult result = capture.take();
  result.record.point = point;
  const auto values = s.plan->design().point(point);
  result.record.parameters.assign(values.begin(), values.end());
  result.record.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return result;
}

std::string journal_fingerprint(const Setup& s) {
  return std::string("engine ") + engine_version + "\nshard " + std::to_string(s.shard.index) + "/" +
         std::to_string(s.shard.count) + "\nplan " + s.plan->fingerprint() + "\nscenario\n" +
         s.base.resolved_text;
}

int sweep(const SweepOptions& o, const std::string& command_line) {
  const auto t0 = std::chrono::steady_clock::now();
#ifdef MISSIONSIM_HAVE_MPI
  std::optional<MpiSession> mpi;
  if (launched_by_mpi()) mpi.emplace();
  const bool coordinator = !mpi || mpi->rank() == 0;
#else
  const bool coordinator = true;
#endif
  const Setup s = prepare(o, command_line);

  // On the coordinator only: the output check and the journal. Other ranks wait for its verdict.
  std::unique_ptr<Journal> journal;
  std::map<std::uint32_t, RunResult> done;
  std::vector<std::uint32_t> todo;
  std::exception_ptr failure;
  if (coordinator) {
    try {
      check_output_target(s.out, o.force, s.inputs);
      create_output_folder(s.out);
      journal = std::make_unique<Journal>(std::filesystem::path(s.out.string() + ".journal"),
                                          journal_fingerprint(s));
      for (auto& r : journal->take_recovered()) {
        const std::uint32_t index = r.record.index;
        done.insert_or_assign(index, std::move(r));
      }
      for (const std::uint32_t r : s.plan->runs_of(s.shard))
        if (!done.contains(r)) todo.push_back(r);
    } catch (...) {
      failure = std::current_exception();
    }
  }
#ifdef MISSIONSIM_HAVE_MPI
  if (mpi && !mpi->all(failure == nullptr)) {
    if (failure) std::rethrow_exception(failure);
    return 2;  // the coordinator reports why
  }
#endif
  if (failure) std::rethrow_exception(failure);

  const std::uint32_t shard_runs = static_cast<std::uint32_t>(s.plan->runs_of(s.shard).size());
  const std::uint32_t recovered = shard_runs - static_cast<std::uint32_t>(todo.size());
  RunProgress progress(coordinator && !o.quiet, "runs", recovered);
  std::uint32_t finished = recovered;
  const RunFunction run = [&](std::uint32_t index, unsigned threads) {
    return run_one(o, s, index, threads);
  };
  const ResultSink sink = [&](RunResult&& result) {
    journal->append(result);
    const std::uint32_t index = result.record.index;
    done.insert_or_assign(index, std::move(result));
    progress.update(++finished, shard_runs);
  };
#ifdef MISSIONSIM_HAVE_MPI
  if (mpi) {
    run_distributed(*mpi, todo,
                    o.threads ? [&](std::uint32_t i, unsigned) { return run_one(o, s, i, o.threads); } : run,
                    sink);
    if (!coordinator) return 0;
  } else
#endif
    run_locally(todo, o.threads, run, sink);
  progress.finish();

  std::vector<RunResult> results;
  for (const std::uint32_t r : s.plan->runs_of(s.shard)) results.push_back(std::move(done.at(r)));
  write_sweep_file(s.out, o.force, s.header, std::move(results));
  journal->remove();

  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("sweep      %s, %s design, %zu points x %u replicates = %u runs\n", s.base.name.c_str(),
              std::string(method_name(s.plan->design().method)).c_str(), s.plan->design().point_count(),
              s.plan->replicates(), s.plan->run_count());
  if (s.shard.count > 1) std::printf("shard      %u/%u: %u runs\n", s.shard.index, s.shard.count, shard_runs);
  std::printf("runs       %u run now, %u kept from the journal\n", shard_runs - recovered, recovered);
  std::printf("time       %.2f s\n", wall);
  std::printf("output     %s\n", s.out.string().c_str());
  return 0;
}

}  // namespace

Command add_sweep_command(CLI::App& app, const std::string& command_line) {
  auto o = std::make_shared<SweepOptions>();
  app.footer(
      "Run counts: grid N^k points (N levels per parameter), lhs N points, sobol N*(k+2) (Saltelli: N base "
      "samples), morris N*(k+1) (N trajectories), design file one point per row; each times --replicates R.\n"
      "Run r is replicate r % R of point r / R; its seed derives from the base seed and r alone, so threads, "
      "MPI "
      "ranks and shards give the same file. A killed sweep resumes from OUT.h5.journal when run again with "
      "the "
      "same command. Under mpirun, rank 0 hands out runs and writes the file; the other ranks run.");
  app.add_option("scenario", o->scenario, "Base scenario file (TOML)")->required();
  app.add_option("--method", o->method, "Design: grid, lhs, sobol (Saltelli) or morris [default: lhs]")
      ->check(CLI::IsMember({"grid", "lhs", "sobol", "morris"}));
  app.add_option("--param", o->params,
                 "A parameter that varies: key.path=LO:HI, key paths as for run --set (repeatable)")
      ->allow_extra_args(false);
  app.add_option("--design", o->design_file,
                 "CSV design file instead of --param: one column per key path, one row per point");
  app.add_option("--samples", o->samples,
                 "N: grid levels per parameter, lhs points, sobol base samples, morris trajectories");
  app.add_option("--replicates", o->replicates, "Runs per point, each with its own seed [default: 1]")
      ->check(CLI::Range(1u, 1000000u));
  app.add_option("-o,--output", o->output, "Output HDF5 file [default: results/SCENARIO-STEM-sweep.h5]");
  app.add_option("--shard", o->shard,
                 "Run only share I of N (runs r with r % N == I), for job arrays; join with merge");
  add_seed_option(app, o->seed, "Base seed [default: the scenario's seed]");
  app.add_option("--set", o->sets, "Override a key of the base scenario, as for run (repeatable)")
      ->allow_extra_args(false);
  app.add_option("--threads", o->threads,
                 "Threads in all (runs in parallel, and steps inside runs) [default: every core]")
      ->check(CLI::Range(0u, 4096u));
  app.add_flag("--force", o->force, "Overwrite the output file if it exists");
  app.add_flag("-q,--quiet", o->quiet, "No progress display");
  return [o, command_line] { return sweep(*o, command_line); };
}

}  // namespace missionsim::cli
