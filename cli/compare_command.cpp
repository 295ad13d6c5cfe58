// `missionsim compare A.toml B.toml ...`: parses its options, runs the compare driver
// (models/experiments/compare_driver.hpp) with a progress bar, and prints its tables.
#include "cli/commands.hpp"
#include "cli/option_checks.hpp"
#include "cli/progress.hpp"
#include "models/experiments/compare_driver.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <optional>

namespace missionsim::cli {

namespace {
struct CompareOptions {
  model::CompareRequest request;
  std::vector<std::string> scenarios;
  std::string output;
  bool quiet = false;
};

int compare(CompareOptions& o, const std::string& command_line) {
  model::CompareRequest& r = o.request;
  r.scenarios.assign(o.scenarios.begin(), o.scenarios.end());
  r.output = o.output;
  r.command_line = command_line;
  std::optional<RunsProgress> progress;
  r.progress = [&](std::uint64_t runs, std::uint64_t steps) -> StepObserver* {
    if (!o.quiet)
      std::fprintf(stderr, "%llu runs: %zu mixes x %u parameter set(s) x %u replicate(s)\n",
                   static_cast<unsigned long long>(runs), r.scenarios.size(), std::max(1u, r.psa),
                   r.replicates);
    return &progress.emplace(!o.quiet, runs, steps);
  };
  const auto report = model::compare_mixes(r);
  if (progress) progress->done();
  std::fputs(report.table.c_str(), stdout);
  std::printf("\ntime       %.2f s for %llu runs\n", report.wall_seconds,
              static_cast<unsigned long long>(report.runs));
  std::printf("output     %s\n", report.output.string().c_str());
  return 0;
}
}  // namespace

Command add_compare_command(CLI::App& app, const std::string& command_line) {
  auto o = std::make_shared<CompareOptions>();
  app.add_option("scenarios", o->scenarios,
                 "Scenario files, one per intervention mix (the first is the reference of every difference)")
      ->required()
      ->expected(1, -1);
  app.add_option("-o,--output", o->output, "Output HDF5 file")->required();
  app.add_option("--replicates", o->request.replicates,
                 "Replicates per mix (and per parameter set with --psa)")
      ->check(CLI::Range(1u, 1000000u));
  add_seed_option(app, o->request.seed,
                  "Seed of every run of every mix [default: the first mix's scenario.seed]");
  app.add_option("--threads", o->request.threads,
                 "Worker threads, across and inside runs [default: every core]")
      ->check(CLI::Range(0u, 4096u));
  app.add_option("--set", o->request.overrides, "Override a key in every mix before validation (repeatable)")
      ->allow_extra_args(false);
  app.add_option(
         "--psa", o->request.psa,
         "Probabilistic sensitivity analysis: draw N parameter sets from the scenarios' distributions "
         "(the same draws for every mix) and report the cost-effectiveness acceptability curve")
      ->check(CLI::Range(0u, 1000000u));
  app.add_option("--wtp-max", o->request.wtp_max,
                 "Highest willingness to pay of the acceptability curve [default: 3 x the scenario's]")
      ->check(positive_number(true));
  app.add_option("--wtp-points", o->request.wtp_points,
                 "Points of the acceptability curve, from 0 to --wtp-max")
      ->check(CLI::Range(2u, 100000u));
  app.add_flag("--force", o->request.force, "Overwrite the output file if it exists");
  app.add_flag("-q,--quiet", o->quiet, "No progress display");
  return [o, command_line] { return compare(*o, command_line); };
}

}  // namespace missionsim::cli
