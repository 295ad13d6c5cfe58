#include "models/experiments/run_driver.hpp"

#include "engine/analysis/economic_table.hpp"
#include "engine/io/hdf5_recorder.hpp"
#include "engine/io/memory_recorder.hpp"
#include "engine/io/output_target.hpp"
#include "engine/schedule/step_executor.hpp"
#include "models/composition/simulation.hpp"

#include <chrono>
#include <variant>

namespace missionsim::model {

namespace {

// The mission's currency, and the equity gap in the units of the metric it is taken from
// (the incidence gap between the most and least deprived fifth, per 100,000 person-years).
EconomicUnits economic_units(const Scenario& s, const RecordingHeader& h) {
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

// The values view the rows' text: the rows must outlive them.
std::vector<AnalysisValue> impact_values(const std::vector<EconomicRow>& rows) {
  std::vector<AnalysisValue> values;
  for (const auto& row : rows) {
    AnalysisValue v;
    if (const auto* d = std::get_if<double>(&row.value))
      v.number = *d;
    else
      v.text = std::get<std::string>(row.value);
    values.push_back(v);
  }
  return values;
}

}  // namespace

RunReport run_scenario(const RunRequest& request) {
  const auto t0 = std::chrono::steady_clock::now();
  RunReport report;
  report.scenario = load_scenario(request.scenario.file, request.scenario.with_seed());
  const Scenario& scenario = report.scenario;
  report.output = request.output
                      ? *request.output
                      : std::filesystem::path("results") / (request.scenario.file.stem().string() + ".h5");
  check_output_target(report.output, request.force, scenario.inputs);

  RunSettings settings;
  settings.seed = scenario.seed;
  settings.threads = request.threads;
  settings.capture_economics = request.baseline;

  // The baseline first, in memory: the same world and seed with no instruments and no
  // triggers, so the comparison is pair by pair under common random numbers.
  std::optional<EconomicSeries> baseline;
  if (request.baseline) {
    Scenario without = scenario;
    without.instruments.clear();
    without.triggers.clear();
    Simulation base(without, settings);
    MemoryRecorder memory;
    memory.begin(base.recording_header(request.command_line));
    if (request.baseline_starts) request.baseline_starts();
    base.run(memory, request.progress);
    baseline = base.economic_series();
  }

  Simulation sim(scenario, settings);  // reads input files: may still fail on bad input
  auto header = sim.recording_header(request.command_line);
  const std::size_t impact_analysis = header.analyses.size();  // after the simulation's own
  const EconomicUnits units = economic_units(scenario, header);
  if (baseline) header.analyses.push_back(impact_spec(units));

  create_output_folder(report.output);
  Hdf5Recorder recorder(report.output, request.force);
  recorder.begin(header);
  report.summary = sim.run(recorder, request.progress, [&](Recorder& r) {
    if (!baseline) return;
    report.impact = compare(sim.economic_series(), *baseline, scenario.economics);
    const auto rows = economic_table(*report.impact, units);
    r.record_analysis(0, impact_analysis, impact_values(rows));
  });
  recorder.finish();
  report.threads = request.threads != 0 ? request.threads : available_cores();
  report.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return report;
}

}  // namespace missionsim::model
