// `missionsim run`: scenario → simulation → HDF5 file, with a progress bar and a summary.
#include "cli/commands.hpp"
#include "cli/option_checks.hpp"
#include "cli/progress.hpp"
#include "engine/analysis/economic_table.hpp"
#include "engine/core/error.hpp"
#include "engine/io/hdf5_recorder.hpp"
#include "engine/io/memory_recorder.hpp"
#include "engine/io/output_target.hpp"
#include "engine/schedule/step_executor.hpp"
#include "models/composition/scenario.hpp"
#include "models/composition/simulation.hpp"

#include <CLI/CLI.hpp>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <variant>

namespace missionsim::cli {

namespace {
struct RunOptions {
  std::string scenario;
  std::optional<std::string> output;  ///< absent: results/STEM.h5
  std::vector<std::string> sets;
  std::optional<std::int64_t> seed;
  unsigned threads = 0;
  bool force = false;
  bool quiet = false;
  bool baseline = false;
};

// The mission's currency, and the equity gap in the units of the metric it is taken from
// (the incidence gap between the most and least deprived fifth, per 100,000 person-years).
EconomicUnits economic_units(const model::Scenario& s, const RecordingHeader& h) {
  EconomicUnits units{s.mission.currency, "1"};
  for (const auto& m : h.metrics)
    if (m.dataset_name() == "incidence_rate_gap_absolute") units.equity_gap = m.units;
  return units;
}

// The /impact group: the rows of the economic comparison, named and with units.
AnalysisSpec impact_spec(const EconomicUnits& units) {
  AnalysisSpec spec{"impact", {}};
  for (const auto& row : economic_table(EconomicComparison{}, units))
    spec.values.push_back(
        {row.name, row.units, row.description, std::holds_alternative<std::string>(row.value)});
  return spec;
}

std::filesystem::path default_output(const std::filesystem::path& scenario) {
  return std::filesystem::path("results") / (scenario.stem().string() + ".h5");
}

int run(const RunOptions& o, const std::string& command_line) {
  const auto t0 = std::chrono::steady_clock::now();
  std::vector<std::string> overrides = o.sets;
  if (o.seed) overrides.push_back("scenario.seed=" + std::to_string(*o.seed));
  const model::Scenario scenario = model::load_scenario(o.scenario, overrides);

  const std::filesystem::path out = o.output ? std::filesystem::path(*o.output) : default_output(o.scenario);
  check_output_target(out, o.force, scenario.inputs);

  model::RunSettings settings;
  settings.seed = scenario.seed;
  settings.threads = o.threads;
  settings.capture_economics = o.baseline;
  ProgressBar progress(!o.quiet);

  // The baseline first, in memory: the same world and seed with no instruments and no
  // triggers, so the comparison is pair by pair under common random numbers.
  std::optional<EconomicSeries> baseline;
  if (o.baseline) {
    model::Scenario without = scenario;
    without.instruments.clear();
    without.triggers.clear();
    model::Simulation base(without, settings);
    MemoryRecorder memory;
    memory.begin(base.recording_header(command_line));
    if (!o.quiet) std::fprintf(stderr, "baseline (no instruments)\n");
    base.run(memory, &progress);
    baseline = base.economic_series();
  }

  model::Simulation sim(scenario, settings);  // reads input files: may still fail on bad input
  auto header = sim.recording_header(command_line);
  const std::size_t impact_analysis = header.analyses.size();  // after the simulation's own
  const EconomicUnits units = economic_units(scenario, header);
  if (baseline) header.analyses.push_back(impact_spec(units));

  create_output_folder(out);
  Hdf5Recorder recorder(out, o.force);
  recorder.begin(header);
  std::optional<EconomicComparison> impact;
  const auto summary = sim.run(recorder, &progress, [&](Recorder& r) {
    if (!baseline) return;
    impact = compare(sim.economic_series(), *baseline, scenario.economics);
    const auto rows = economic_table(*impact, units);
    std::vector<AnalysisValue> values;
    for (const auto& row : rows) {
      AnalysisValue v;
      if (const auto* d = std::get_if<double>(&row.value))
        v.number = *d;
      else
        v.text = std::get<std::string>(row.value);
      values.push_back(v);
    }
    r.record_analysis(0, impact_analysis, values);
  });
  recorder.finish();

  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const double agent_steps = static_cast<double>(summary.agents) * summary.steps;
  std::printf("scenario   %s (seed %llu)\n", scenario.name.c_str(),
              static_cast<unsigned long long>(scenario.seed));
  std::printf("simulated  %u people, %u steps of %s, %u thread(s)\n", summary.agents, summary.steps,
              scenario.step.to_string().c_str(), o.threads ? o.threads : available_cores());
  for (const auto& s : summary.final_shares)
    std::printf("adoption   %-24s %6.2f %% of %s at the end\n", s.innovation.c_str(), 100.0 * s.share,
                s.among.c_str());
  for (const auto& [name, spent] : summary.spend)
    std::printf("spent      %-24s %14.0f %s\n", name.c_str(), spent, scenario.mission.currency.c_str());
  for (const auto& g : summary.goals)
    std::printf("goal       %-24s %-11s %s %s %g by %s: %g\n", g.name.c_str(),
                !g.decided   ? "not decided"
                : g.achieved ? "met"
                             : "missed",
                g.kpi.c_str(), g.direction == model::Direction::at_most ? "<=" : ">=", g.target,
                format_date(g.deadline).c_str(), g.value_at_deadline);
  if (!summary.pathway.empty())
    std::printf("transition %s (Geels & Schot pathway)\n", summary.pathway.c_str());
  if (impact) {
    const auto& c = *impact;
    const char* cur = scenario.mission.currency.c_str();
    std::printf("impact     against the baseline without instruments (discounted %.1f %% a year):\n",
                100 * scenario.economics.discount_rate);
    std::printf("           deaths averted %.0f, life-years gained %.0f, QALYs gained %.1f\n",
                c.deaths_averted, c.life_years_gained, c.qalys_gained);
    if (!std::isnan(c.equity_gap_closed))
      std::printf(
          "           incidence gap between the most and least deprived fifth closed by %.1f per 100,000 a "
          "year\n",
          c.equity_gap_closed);
    std::printf(
        "           incremental cost %.0f %s, ICER %.0f %s/QALY%s%s, net monetary benefit %.0f %s at %.0f "
        "%s/QALY\n",
        c.incremental_cost, cur, c.icer, cur, c.icer_note.empty() ? "" : ", ", c.icer_note.c_str(),
        c.net_monetary_benefit, cur, scenario.economics.willingness_to_pay, cur);
  }
  std::printf("time       %.2f s in all (world %.2f s, steps %.2f s, %.3g agent-steps/s)\n", wall,
              summary.build_seconds, summary.step_seconds,
              summary.step_seconds > 0 ? agent_steps / summary.step_seconds : 0.0);
  std::printf("output     %s\n", out.string().c_str());
  return 0;
}
}  // namespace

Command add_run_command(CLI::App& app, const std::string& command_line) {
  auto o = std::make_shared<RunOptions>();
  app.add_option("scenario", o->scenario, "Scenario file (TOML)")->required();
  app.add_option("-o,--output", o->output, "Output HDF5 file [default: results/SCENARIO-STEM.h5]");
  app.add_option("--set", o->sets,
                 "Override a scenario key before validation, e.g. --set innovations.screening.threshold=0.2 "
                 "(array elements by name; repeatable)")
      ->allow_extra_args(false);
  add_seed_option(app, o->seed, "Seed of every random stream (overrides scenario.seed)");
  app.add_option("--threads", o->threads, "Worker threads [default: every core]")
      ->check(CLI::Range(0u, 4096u));
  app.add_flag("--force", o->force, "Overwrite the output file if it exists");
  app.add_flag("-q,--quiet", o->quiet, "No progress display");
  app.add_flag(
      "--baseline", o->baseline,
      "Also run the same world and seed without instruments (common random numbers) and write the "
      "health-economic comparison to /impact: deaths averted, life-years and QALYs gained, costs, ICER, "
      "net monetary benefit");
  return [o, command_line] { return run(*o, command_line); };
}

}  // namespace missionsim::cli
