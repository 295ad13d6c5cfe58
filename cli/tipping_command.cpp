// `missionsim tipping`: when can support stop? Parses its options, runs the tipping driver
// (models/experiments/tipping_driver.hpp) and prints the curve and the tipping step.
#include "cli/commands.hpp"
#include "cli/option_checks.hpp"
#include "cli/progress.hpp"
#include "models/experiments/tipping_driver.hpp"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>

namespace missionsim::cli {

namespace {
struct TippingOptions {
  model::TippingRequest request;
  std::string scenario;
  std::optional<std::string> output;
  bool quiet = false;
};

std::string step_text(const model::Scenario& s, std::optional<std::uint32_t> step) {
  if (!step) return "beyond the horizon";
  const Calendar c = s.calendar();
  return "step " + std::to_string(*step) + " (" +
         format_date(Date{std::chrono::sys_days{c.start()} +
                          std::chrono::days{static_cast<int>(c.time_days()[*step])}}) +
         ")";
}

int tipping(TippingOptions& o, const std::string& command_line) {
  model::TippingRequest& r = o.request;
  r.scenario.file = o.scenario;
  if (o.output) r.output = *o.output;
  r.command_line = command_line;
  RunProgress progress(!o.quiet, "runs");
  r.progress = [&](std::uint32_t done, std::uint32_t total) { progress.update(done, total); };
  const auto outcome = model::find_tipping_point(r);
  progress.finish();
  const model::Scenario& scenario = outcome.scenario;
  const model::TippingReport& report = outcome.report;
  const auto& p = outcome.params;
  std::printf("scenario   %s (seed %llu), innovation %s adopted by %s\n", scenario.name.c_str(),
              static_cast<unsigned long long>(scenario.seed), report.innovation.c_str(),
              report.among.c_str());
  std::printf(
      "question   from which step does %s still reach %.0f %% of its supported adoption at the horizon\n"
      "           in %.0f %% of %u replicates when every instrument stops?\n",
      report.innovation.c_str(), 100 * p.new_normal, 100 * p.sustain_probability, p.replicates);
  std::printf("curve      withdrawal step: sustain probability\n");
  for (const auto& point : report.search.points)
    std::printf("           %-28s %5.2f\n", step_text(scenario, point.step).c_str(), point.probability());
  std::printf("tipping    %s", step_text(scenario, report.search.step).c_str());
  if (report.search.step)
    std::printf(", 95 %% bootstrap interval %s to %s", step_text(scenario, report.search.low).c_str(),
                step_text(scenario, report.search.high).c_str());
  std::printf("\n");
  if (report.search.step) {
    std::printf("critical   %.1f %% of %s had adopted by then; by %s:", 100 * report.critical_mass,
                report.among.c_str(), report.critical_mass_by.dim.c_str());
    for (std::size_t k = 0; k < report.critical_mass_values.size(); ++k)
      if (!std::isnan(report.critical_mass_values[k]))
        std::printf(" %s %.1f %%", report.critical_mass_by.labels[k].c_str(),
                    100 * report.critical_mass_values[k]);
    std::printf("\n");
  }
  std::printf("runs       %u supported, %u withdrawn\n", p.replicates, report.withdrawal_runs);
  std::printf("output     %s\n", outcome.output.string().c_str());
  return 0;
}
}  // namespace

Command add_tipping_command(CLI::App& app, const std::string& command_line) {
  auto o = std::make_shared<TippingOptions>();
  app.add_option("scenario", o->scenario, "Scenario file (TOML)")->required();
  app.add_option("--innovation", o->request.innovation, "The innovation whose tipping point is sought")
      ->required();
  app.add_option(
      "-o,--output", o->output,
      "Output HDF5 file: the supported runs and /tipping [default: results/STEM-tipping-INNOVATION.h5]");
  app.add_option("--replicates", o->request.replicates, "Replicates [default: tipping.replicates, 20]")
      ->check(CLI::Range(1u, 10000u));
  app.add_option(
         "--probability", o->request.probability,
         "Sustain probability the tipping step must reach [default: tipping.sustain_probability, 0.9]")
      ->check(CLI::Range(0.0, 1.0));
  app.add_option("--new-normal", o->request.new_normal,
                 "Share of the supported run's final adoption a withdrawn run must reach [default: "
                 "tipping.new_normal, 0.9]")
      ->check(CLI::Range(0.0, 1.0));
  app.add_option("--grid-years", o->request.grid_years,
                 "Spacing of the coarse grid of withdrawal steps [default: tipping.grid_years, 1]")
      ->check(positive_number());
  app.add_option("--bootstrap", o->request.bootstrap, "Bootstrap resamples for the interval")
      ->check(CLI::Range(0u, 1000000u));
  add_seed_option(app, o->request.scenario.seed, "Seed of every random stream (overrides scenario.seed)");
  app.add_option("--set", o->request.scenario.overrides,
                 "Override a scenario key before validation (repeatable)")
      ->allow_extra_args(false);
  app.add_option("--threads", o->request.threads, "Worker threads [default: every core]")
      ->check(CLI::Range(0u, 4096u));
  app.add_flag("--force", o->request.force, "Overwrite the output file if it exists");
  app.add_flag("-q,--quiet", o->quiet, "No progress display");
  app.footer(
      "Every replicate's supported run is kept as snapshots at the grid steps; a withdrawal at step t "
      "restores the last snapshot at or before t, runs on with support to t, stops every instrument and "
      "runs to the horizon under common random numbers. Runs: R supported + R per evaluated step (the "
      "grid, then about log2(grid spacing in steps) for the bisection).");
  return [o, command_line] { return tipping(*o, command_line); };
}

}  // namespace missionsim::cli
