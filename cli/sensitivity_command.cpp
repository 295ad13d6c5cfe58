// `missionsim sensitivity`: parses its options, runs the sensitivity reduction
// (models/experiments/sensitivity_driver.hpp) and prints the indices.
#include "cli/commands.hpp"
#include "models/experiments/sensitivity_driver.hpp"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <memory>

namespace missionsim::cli {

namespace {

void print_sobol(const model::SensitivityReport& r, std::uint32_t resamples) {
  std::printf("Sobol indices, %zu base samples x %u replicates (95%% bootstrap intervals, %u resamples)\n",
              r.base_samples, r.replicates, resamples);
  for (std::size_t i = 0; i < r.outputs.size(); ++i) {
    std::printf("%s\n  %-40s %-24s %-24s\n", r.outputs[i].c_str(), "parameter", "S1", "ST");
    const auto& s = r.sobol[i];
    for (std::size_t j = 0; j < r.parameters.size(); ++j)
      std::printf("  %-40s %6.3f [%6.3f, %6.3f] %6.3f [%6.3f, %6.3f]\n", r.parameters[j].c_str(), s.first[j],
                  s.first_low[j], s.first_high[j], s.total[j], s.total_low[j], s.total_high[j]);
  }
  if (!r.warning.empty()) {
    std::fflush(stdout);  // the warning follows the tables it is about, also in a terminal
    std::fprintf(stderr, "warning: %s\n", r.warning.c_str());
  }
}

void print_morris(const model::SensitivityReport& r) {
  std::printf(
      "Morris elementary effects, %zu trajectories x %u replicates (effects per delta = %.3g of each "
      "range)\n",
      r.base_samples, r.replicates, r.morris_delta);
  for (std::size_t i = 0; i < r.outputs.size(); ++i) {
    std::printf("%s\n  %-40s %12s %12s %12s\n", r.outputs[i].c_str(), "parameter", "mu*", "mu", "sigma");
    const auto& m = r.morris[i];
    for (std::size_t j = 0; j < r.parameters.size(); ++j)
      std::printf("  %-40s %12.4g %12.4g %12.4g\n", r.parameters[j].c_str(), m.mu_star[j], m.mu[j],
                  m.sigma[j]);
  }
}

int sensitivity(const model::SensitivityRequest& request) {
  const auto report = model::analyse_sensitivity(request);
  if (report.method == "sobol")
    print_sobol(report, request.resamples);
  else
    print_morris(report);
  std::printf("output     %s (/sensitivity)\n", request.file.string().c_str());
  return 0;
}

}  // namespace

Command add_sensitivity_command(CLI::App& app) {
  auto o = std::make_shared<model::SensitivityRequest>();
  app.footer(
      "Outputs are each goal's KPI at its deadline and, with --metric, a metric's value at the last step, "
      "averaged "
      "over the replicates of each design point. A sobol sweep gives first-order and total Sobol indices "
      "with 95% "
      "bootstrap intervals; a morris sweep gives mu*, mu and sigma. The results are also written to "
      "/sensitivity. A warning (on stderr, and as /sensitivity's warning attribute) says when a Sobol "
      "interval is wider than 0.5 or an estimate outside [0, 1] lies outside its interval, and how many "
      "base samples would make the widest interval narrower than 0.1.");
  app.add_option("file", o->file, "Sweep file written by sweep --method sobol or --method morris")
      ->required();
  app.add_option("--metric", o->metrics,
                 "Also analyse the final value of this metric (no breakdown; repeatable)")
      ->allow_extra_args(false);
  app.add_option("--bootstrap", o->resamples, "Bootstrap resamples for the Sobol intervals [default: 500]")
      ->check(CLI::Range(10u, 100000u));
  return [o] { return sensitivity(*o); };
}

}  // namespace missionsim::cli
