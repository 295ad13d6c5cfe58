#include "models/experiments/compare_driver.hpp"

#include "engine/analysis/acceptability.hpp"
#include "engine/analysis/arm_comparison.hpp"
#include "engine/analysis/comparison_output.hpp"
#include "engine/io/array_file.hpp"
#include "engine/io/output_target.hpp"
#include "models/experiments/mix_comparison.hpp"
#include "models/experiments/request.hpp"

#include <chrono>

namespace missionsim::model {

CompareReport compare_mixes(const CompareRequest& o) {
  const auto t0 = std::chrono::steady_clock::now();
  const std::filesystem::path out = o.output;
  const auto overrides = ScenarioRequest{{}, o.overrides, o.seed}.with_seed();
  const auto mixes = load_mixes(o.scenarios, overrides);
  std::vector<std::filesystem::path> inputs;
  for (const auto& m : mixes) inputs.insert(inputs.end(), m.scenario.inputs.begin(), m.scenario.inputs.end());
  check_output_target(out, o.force, inputs);

  ComparisonSettings settings;
  settings.replicates = o.replicates;
  settings.seed = mixes.front().scenario.seed;
  settings.threads = o.threads;
  settings.parameter_sets = o.psa;
  settings.overrides = overrides;
  const auto runs = comparison_run_count(mixes.size(), settings);
  StepObserver* progress =
      o.progress ? o.progress(runs, mixes.front().scenario.calendar().step_count()) : nullptr;
  const auto result = run_mixes(mixes, settings, progress);
  const ArmComparison comparison = compare_arms(result.input);

  ComparisonContext context{result.currency, settings.seed, result.sets, result.replicates,
                            result.discount_rate};
  std::vector<std::string> labels;
  labels.reserve(mixes.size());
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
  ArrayFile file(out, o.force, mixes.front().scenario.name, o.command_line);
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

  CompareReport report;
  report.table = comparison_report(result.input, comparison, context);
  if (ceac) report.table += acceptability_report(labels, *ceac, context);
  report.runs = runs;
  report.mixes = mixes.size();
  report.sets = result.sets;
  report.replicates = result.replicates;
  report.output = out;
  report.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return report;
}

}  // namespace missionsim::model
