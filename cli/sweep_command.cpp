// `missionsim sweep`: parses the options of a sweep, runs the sweep driver
// (models/experiments/sweep_driver.hpp) and prints what it did.
#include "cli/commands.hpp"
#include "cli/option_checks.hpp"
#include "cli/progress.hpp"
#include "models/experiments/sweep_driver.hpp"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <memory>
#include <optional>

namespace missionsim::cli {

namespace {

struct SweepOptions {
  model::SweepRequest request;
  std::string scenario, design_file;
  std::optional<std::string> output;
  bool quiet = false;
};

int sweep(SweepOptions& o, const std::string& command_line) {
  model::SweepRequest& r = o.request;
  r.scenario.file = o.scenario;
  r.design_file = o.design_file;
  if (o.output) r.output = *o.output;
  r.command_line = command_line;
  std::optional<RunProgress> progress;
  const auto report = model::run_sweep(r, [&](std::uint32_t done, std::uint32_t total) {
    if (!progress) progress.emplace(!o.quiet, "runs", done);  // the first call: runs kept from the journal
    progress->update(done, total);
  });
  if (progress) progress->finish();
  if (!report.coordinator) return report.refused ? 2 : 0;

  std::printf("sweep      %s, %s design, %zu points x %u replicates = %u runs\n",
              report.scenario_name.c_str(), std::string(method_name(report.method)).c_str(), report.points,
              report.replicates, report.run_count);
  if (report.shard.count > 1)
    std::printf("shard      %u/%u: %u runs\n", report.shard.index, report.shard.count, report.shard_runs);
  std::printf("runs       %u run now, %u kept from the journal\n", report.shard_runs - report.recovered,
              report.recovered);
  std::printf("time       %.2f s\n", report.wall_seconds);
  std::printf("output     %s\n", report.output.string().c_str());
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
  app.add_option("--method", o->request.method,
                 "Design: grid, lhs, sobol (Saltelli) or morris [default: lhs]")
      ->check(CLI::IsMember({"grid", "lhs", "sobol", "morris"}));
  app.add_option("--param", o->request.params,
                 "A parameter that varies: key.path=LO:HI, key paths as for run --set (repeatable)")
      ->allow_extra_args(false);
  app.add_option("--design", o->design_file,
                 "CSV design file instead of --param: one column per key path, one row per point");
  app.add_option("--samples", o->request.samples,
                 "N: grid levels per parameter, lhs points, sobol base samples, morris trajectories");
  app.add_option("--replicates", o->request.replicates, "Runs per point, each with its own seed [default: 1]")
      ->check(CLI::Range(1u, 1000000u));
  app.add_option("-o,--output", o->output, "Output HDF5 file [default: results/SCENARIO-STEM-sweep.h5]");
  app.add_option("--shard", o->request.shard,
                 "Run only share I of N (runs r with r % N == I), for job arrays; join with merge");
  add_seed_option(app, o->request.scenario.seed, "Base seed [default: the scenario's seed]");
  app.add_option("--set", o->request.scenario.overrides,
                 "Override a key of the base scenario, as for run (repeatable)")
      ->allow_extra_args(false);
  app.add_option("--threads", o->request.threads,
                 "Threads in all (runs in parallel, and steps inside runs) [default: every core]")
      ->check(CLI::Range(0u, 4096u));
  app.add_flag("--force", o->request.force, "Overwrite the output file if it exists");
  app.add_flag("-q,--quiet", o->quiet, "No progress display");
  return [o, command_line] { return sweep(*o, command_line); };
}

}  // namespace missionsim::cli
