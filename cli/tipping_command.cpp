// `missionsim tipping`: when can support stop? Withdrawal of every instrument at a grid of
// steps in R replicates, bisection to the first step that sustains, a bootstrap interval; the
// supported runs and the curve (/tipping) go to an HDF5 file.
#include "cli/commands.hpp"
#include "cli/option_checks.hpp"
#include "cli/progress.hpp"
#include "engine/core/error.hpp"
#include "engine/io/hdf5_recorder.hpp"
#include "engine/io/output_target.hpp"
#include "models/composition/scenario.hpp"
#include "models/experiments/tipping.hpp"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>

namespace missionsim::cli {

namespace {
struct TippingOptions {
  std::string scenario, innovation;
  std::optional<std::string> output;  ///< absent: results/STEM-tipping-INNOVATION.h5
  std::vector<std::string> sets;
  std::optional<std::uint32_t> replicates;
  std::optional<double> probability, new_normal, grid_years;
  std::uint32_t bootstrap = 1000;
  unsigned threads = 0;
  bool force = false, quiet = false;
};

std::string step_text(const model::Scenario& s, std::optional<std::uint32_t> step) {
  if (!step) return "beyond the horizon";
  const Calendar c = s.calendar();
  return "step " + std::to_string(*step) + " (" +
         format_date(Date{std::chrono::sys_days{c.start()} +
                          std::chrono::days{static_cast<int>(c.time_days()[*step])}}) +
         ")";
}

int tipping(const TippingOptions& o, const std::string& command_line) {
  std::vector<std::string> overrides = o.sets;
  if (o.replicates) overrides.push_back("tipping.replicates=" + std::to_string(*o.replicates));
  const auto number = [](double x) {
    char text[32];
    std::snprintf(text, sizeof text, "%.17g", x);
    return std::string(text);
  };
  if (o.probability) overrides.push_back("tipping.sustain_probability=" + number(*o.probability));
  if (o.new_normal) overrides.push_back("tipping.new_normal=" + number(*o.new_normal));
  if (o.grid_years) overrides.push_back("tipping.grid_years=" + number(*o.grid_years));
  const model::Scenario scenario = model::load_scenario(o.scenario, overrides);

  const std::filesystem::path out =
      o.output ? std::filesystem::path(*o.output)
               : std::filesystem::path("results") /
                     (std::filesystem::path(o.scenario).stem().string() + "-tipping-" + o.innovation + ".h5");
  check_output_target(out, o.force, scenario.inputs);

  model::TippingSettings settings{o.innovation, scenario.transitions.tipping, o.threads, o.bootstrap};
  const auto header = model::tipping_header(scenario, settings, command_line);
  create_output_folder(out);
  Hdf5Recorder recorder(out, o.force);
  recorder.begin(header);
  RunProgress progress(!o.quiet, "runs");
  const auto report =
      model::analyse_tipping(scenario, settings, recorder,
                             [&](std::uint32_t done, std::uint32_t total) { progress.update(done, total); });
  progress.finish();
  recorder.record_table(model::tipping_table(report, header));
  recorder.finish();

  const auto& p = settings.params;
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
  std::printf("output     %s\n", out.string().c_str());
  return 0;
}
}  // namespace

Command add_tipping_command(CLI::App& app, const std::string& command_line) {
  auto o = std::make_shared<TippingOptions>();
  app.add_option("scenario", o->scenario, "Scenario file (TOML)")->required();
  app.add_option("--innovation", o->innovation, "The innovation whose tipping point is sought")->required();
  app.add_option(
      "-o,--output", o->output,
      "Output HDF5 file: the supported runs and /tipping [default: results/STEM-tipping-INNOVATION.h5]");
  app.add_option("--replicates", o->replicates, "Replicates [default: tipping.replicates, 20]")
      ->check(CLI::Range(1u, 10000u));
  app.add_option(
         "--probability", o->probability,
         "Sustain probability the tipping step must reach [default: tipping.sustain_probability, 0.9]")
      ->check(CLI::Range(0.0, 1.0));
  app.add_option("--new-normal", o->new_normal,
                 "Share of the supported run's final adoption a withdrawn run must reach [default: "
                 "tipping.new_normal, 0.9]")
      ->check(CLI::Range(0.0, 1.0));
  app.add_option("--grid-years", o->grid_years,
                 "Spacing of the coarse grid of withdrawal steps [default: tipping.grid_years, 1]")
      ->check(positive_number());
  app.add_option("--bootstrap", o->bootstrap, "Bootstrap resamples for the interval")
      ->check(CLI::Range(0u, 1000000u));
  app.add_option("--set", o->sets, "Override a scenario key before validation (repeatable)")
      ->allow_extra_args(false);
  app.add_option("--threads", o->threads, "Worker threads [default: every core]")
      ->check(CLI::Range(0u, 4096u));
  app.add_flag("--force", o->force, "Overwrite the output file if it exists");
  app.add_flag("-q,--quiet", o->quiet, "No progress display");
  app.footer(
      "Every replicate's supported run is kept as snapshots at the grid steps; a withdrawal at step t "
      "restores the last snapshot at or before t, runs on with support to t, stops every instrument and "
      "runs to the horizon under common random numbers. Runs: R supported + R per evaluated step (the "
      "grid, then about log2(grid spacing in steps) for the bisection).");
  return [o, command_line] { return tipping(*o, command_line); };
}

}  // namespace missionsim::cli
