// `missionsim compare A.toml B.toml ...`: intervention mixes under common random numbers, printed
// as a table and written to /compare (and /compare/ceac with --psa).
#include "cli/commands.hpp"
#include "cli/option_checks.hpp"
#include "cli/progress.hpp"
#include "engine/analysis/acceptability.hpp"
#include "engine/analysis/arm_comparison.hpp"
#include "engine/analysis/comparison_output.hpp"
#include "engine/core/error.hpp"
#include "engine/io/array_file.hpp"
#include "engine/io/output_target.hpp"
#include "models/experiments/mix_comparison.hpp"

#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>

namespace missionsim::cli {

namespace {
struct CompareOptions {
  std::vector<std::string> scenarios;
  std::string output;
  std::vector<std::string> sets;
  std::uint32_t replicates = 10;
  std::optional<std::int64_t> seed;
  unsigned threads = 0;
  std::uint32_t psa = 0;
  double wtp_max = 0;
  std::uint32_t wtp_points = 41;
  bool force = false;
  bool quiet = false;
};

int compare(const CompareOptions& o, const std::string& command_line) {
  const auto t0 = std::chrono::steady_clock::now();
  const std::filesystem::path out = o.output;
  std::vector<std::filesystem::path> files(o.scenarios.begin(), o.scenarios.end());
  const auto mixes = model::load_mixes(files, o.sets);
  std::vector<std::filesystem::path> inputs;
  for (const auto& m : mixes) inputs.insert(inputs.end(), m.scenario.inputs.begin(), m.scenario.inputs.end());
  check_output_target(out, o.force, inputs);

  model::ComparisonSettings settings;
  settings.replicates = o.replicates;
  settings.seed = o.seed ? static_cast<std::uint64_t>(*o.seed) : mixes.front().scenario.seed;
  settings.threads = o.threads;
  settings.parameter_sets = o.psa;
  settings.overrides = o.sets;
  const auto runs = model::comparison_run_count(mixes.size(), settings);
  RunsProgress progress(!o.quiet, runs, mixes.front().scenario.calendar().step_count());
  if (!o.quiet)
    std::fprintf(stderr, "%llu runs: %zu mixes x %u parameter set(s) x %u replicate(s)\n",
                 static_cast<unsigned long long>(runs), mixes.size(), std::max(1u, o.psa), o.replicates);
  const auto result = model::run_mixes(mixes, settings, &progress);
  progress.done();
  const ArmComparison comparison = compare_arms(result.input);

  ComparisonContext context{result.currency, settings.seed, result.sets, result.replicates,
                            result.discount_rate};
  std::vector<std::string> labels;
  for (const auto& m : mixes) labels.push_back(m.label);
  std::optional<AcceptabilityCurve> ceac;
  if (o.psa > 0) {
    // Per set, each mix's QALYs and costs averaged over its replicates.
    std::vector<std::vector<double>> qalys(mixes.size()), costs(mixes.size());
    for (std::size_t m = 0; m < mixes.size(); ++m)
      for (std::uint32_t k = 0; k < result.sets; ++k) {
        double q = 0, c = 0;
        for (std::uint32_t r = 0; r < result.replicates; ++r) {
          q += result.input.arms[m].outcomes[result.input.qalys_outcome][k * result.replicates + r];
          c += result.input.arms[m].outcomes[result.input.costs_outcome][k * result.replicates + r];
        }
        qalys[m].push_back(q / result.replicates);
        costs[m].push_back(c / result.replicates);
      }
    const double wtp = result.input.willingness_to_pay;
    const double highest = o.wtp_max > 0 ? o.wtp_max : (wtp > 0 ? 3 * wtp : 100000.0);
    ceac = acceptability_curve(qalys, costs, willingness_to_pay_grid(highest, o.wtp_points));
  }

  create_output_folder(out);
  ArrayFile file(out, o.force, mixes.front().scenario.name, command_line);
  for (const auto& m : mixes) file.text("scenarios", m.label, m.scenario.resolved_text);
  write_comparison(file, "compare", result.input, comparison, context);
  if (ceac) write_acceptability(file, "compare/ceac", labels, *ceac, context);
  if (!result.parameters.empty()) {
    file.axis("compare/psa", "mix", labels, "intervention mix");
    std::vector<double> sets(result.sets);
    for (std::uint32_t k = 0; k < result.sets; ++k) sets[k] = k;
    file.axis("compare/psa", "parameter_set", sets, "1", "parameter set drawn from the distributions");
    std::vector<std::string> paths;
    for (const auto& p : result.parameters) paths.push_back(p.path);
    file.axis("compare/psa", "parameter", paths, "scenario key given as a distribution");
    std::vector<double> values;
    for (std::size_t m = 0; m < mixes.size(); ++m)
      for (std::uint32_t k = 0; k < result.sets; ++k)
        for (const auto& p : result.parameters) values.push_back(p.values[m][k]);
    file.array("compare/psa", "value", {"mix", "parameter_set", "parameter"}, values, "units of each key",
               "the value each mix's scenario key took in each parameter set (NaN: the mix has no such "
               "distribution)");
  }
  file.finish();

  std::fputs(comparison_report(result.input, comparison, context).c_str(), stdout);
  if (ceac) std::fputs(acceptability_report(labels, *ceac, context).c_str(), stdout);
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("\ntime       %.2f s for %llu runs\n", wall, static_cast<unsigned long long>(runs));
  std::printf("output     %s\n", out.string().c_str());
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
  app.add_option("--replicates", o->replicates, "Replicates per mix (and per parameter set with --psa)")
      ->check(CLI::Range(1u, 1000000u));
  add_seed_option(app, o->seed, "Seed of every run of every mix [default: the first mix's scenario.seed]");
  app.add_option("--threads", o->threads, "Worker threads, across and inside runs [default: every core]")
      ->check(CLI::Range(0u, 4096u));
  app.add_option("--set", o->sets, "Override a key in every mix before validation (repeatable)")
      ->allow_extra_args(false);
  app.add_option(
         "--psa", o->psa,
         "Probabilistic sensitivity analysis: draw N parameter sets from the scenarios' distributions "
         "(the same draws for every mix) and report the cost-effectiveness acceptability curve")
      ->check(CLI::Range(0u, 1000000u));
  app.add_option("--wtp-max", o->wtp_max,
                 "Highest willingness to pay of the acceptability curve [default: 3 x the scenario's]")
      ->check(positive_number(true));
  app.add_option("--wtp-points", o->wtp_points, "Points of the acceptability curve, from 0 to --wtp-max")
      ->check(CLI::Range(2u, 100000u));
  app.add_flag("--force", o->force, "Overwrite the output file if it exists");
  app.add_flag("-q,--quiet", o->quiet, "No progress display");
  return [o, command_line] { return compare(*o, command_line); };
}

}  // namespace missionsim::cli
