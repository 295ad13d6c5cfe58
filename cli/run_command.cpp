// `missionsim run`: parses its options, runs the run driver (models/experiments/run_driver.hpp)
// with a progress bar, and prints the summary.
#include "cli/commands.hpp"
#include "cli/option_checks.hpp"
#include "cli/progress.hpp"
#include "models/experiments/run_driver.hpp"

#include <CLI/CLI.hpp>

#include <cmath>
#include <cstdio>
#include <memory>
#include <optional>

namespace missionsim::cli {

namespace {
struct RunOptions {
  model::RunRequest request;
  std::string scenario;
  std::optional<std::string> output;
  bool quiet = false;
};

int run(RunOptions& o, const std::string& command_line) {
  model::RunRequest& r = o.request;
  r.scenario.file = o.scenario;
  if (o.output) r.output = *o.output;
  r.command_line = command_line;
  ProgressBar progress(!o.quiet);
  r.progress = &progress;
  if (!o.quiet) r.baseline_starts = [] { std::fprintf(stderr, "baseline (no instruments)\n"); };
  const auto report = model::run_scenario(r);
  const model::Scenario& scenario = report.scenario;
  const auto& summary = report.summary;
  const double wall = report.wall_seconds;
  const double agent_steps = static_cast<double>(summary.agents) * summary.steps;
  std::printf("scenario   %s (seed %llu)\n", scenario.name.c_str(),
              static_cast<unsigned long long>(scenario.seed));
  std::printf("simulated  %u people, %u steps of %s, %u thread(s)\n", summary.agents, summary.steps,
              scenario.step.to_string().c_str(), report.threads);
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
  if (report.impact) {
    const auto& c = *report.impact;
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
  std::printf("output     %s\n", report.output.string().c_str());
  return 0;
}
}  // namespace

Command add_run_command(CLI::App& app, const std::string& command_line) {
  auto o = std::make_shared<RunOptions>();
  app.add_option("scenario", o->scenario, "Scenario file (TOML)")->required();
  app.add_option("-o,--output", o->output, "Output HDF5 file [default: results/SCENARIO-STEM.h5]");
  app.add_option("--set", o->request.scenario.overrides,
                 "Override a scenario key before validation, e.g. --set innovations.screening.threshold=0.2 "
                 "(array elements by name; repeatable)")
      ->allow_extra_args(false);
  add_seed_option(app, o->request.scenario.seed, "Seed of every random stream (overrides scenario.seed)");
  app.add_option("--threads", o->request.threads, "Worker threads [default: every core]")
      ->check(CLI::Range(0u, 4096u));
  app.add_flag("--force", o->request.force, "Overwrite the output file if it exists");
  app.add_flag("-q,--quiet", o->quiet, "No progress display");
  app.add_flag(
      "--baseline", o->request.baseline,
      "Also run the same world and seed without instruments (common random numbers) and write the "
      "health-economic comparison to /impact: deaths averted, life-years and QALYs gained, costs, ICER, "
      "net monetary benefit");
  return [o, command_line] { return run(*o, command_line); };
}

}  // namespace missionsim::cli
