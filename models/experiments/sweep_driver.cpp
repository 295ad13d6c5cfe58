#include "models/experiments/sweep_driver.hpp"

#include "engine/core/error.hpp"
#include "engine/core/version.hpp"
#include "engine/experiment/journal.hpp"
#include "engine/experiment/run_executor.hpp"
#include "engine/experiment/sweep_file.hpp"
#include "engine/io/output_target.hpp"
#include "models/composition/scenario.hpp"
#include "models/composition/simulation.hpp"

#include <chrono>
#include <exception>
#include <map>
#include <memory>

namespace missionsim::model {

namespace {

Design make_design(const SweepRequest& o, std::uint64_t base_seed) {
  if (!o.design_file.empty()) {
    if (!o.params.empty())
      throw InputError(Diagnostic{{"--design", 0, 0}, "", "give either --design or --param, not both"});
    return read_design_file(o.design_file);
  }
  if (o.params.empty())
    throw InputError(
        Diagnostic{{"--param", 0, 0}, "", "give at least one --param key.path=LO:HI, or --design FILE.csv"});
  if (o.samples == 0) throw InputError(Diagnostic{{"--samples", 0, 0}, "", "give --samples N (at least 1)"});
  std::vector<ParameterRange> ranges;
  for (const auto& p : o.params) ranges.push_back(parse_parameter_range(p));
  if (o.method == "grid") return grid_design(ranges, o.samples);
  if (o.method == "lhs") return latin_hypercube_design(ranges, o.samples, base_seed);
  if (o.method == "sobol") return saltelli_design(ranges, o.samples);
  if (o.method == "morris") return morris_design(ranges, o.samples, base_seed);
  throw InputError(
      Diagnostic{{"--method", 0, 0}, "", "unknown method '" + o.method + "' (grid, lhs, sobol, morris)"});
}

// Everything a sweep needs before its first run; the same on every MPI rank.
struct Setup {
  std::vector<std::string> base_overrides;  ///< --set and --seed
  Scenario base;
  std::unique_ptr<SweepPlan> plan;
  Shard shard;
  std::filesystem::path out;
  std::vector<std::filesystem::path> inputs;  ///< the scenario's files and the design file
  RecordingHeader header;

  // The base overrides, then the point's values; a point's key overrides a --set of the same key.
  [[nodiscard]] std::vector<std::string> point_overrides(std::size_t point) const {
    std::vector<std::string> overrides = base_overrides;
    const Design& d = plan->design();
    const auto values = d.point(point);
    for (std::size_t j = 0; j < d.keys.size(); ++j)
      overrides.push_back(number_override(d.keys[j], values[j]));
    return overrides;
  }
};

Setup prepare(const SweepRequest& o) {
  Setup s;
  s.base_overrides = o.scenario.with_seed();
  s.base = load_scenario(o.scenario.file, s.base_overrides);
  s.shard = o.shard.empty() ? Shard{} : parse_shard(o.shard);
  s.plan = std::make_unique<SweepPlan>(make_design(o, s.base.seed), o.replicates, s.base.seed);
  const Design& d = s.plan->design();
  // Every point is checked before anything runs or is written: a bad key path or a value the
  // schema refuses is exit 2, naming the key, with no output and no journal.
  for (std::size_t p = 0; p < d.point_count(); ++p)
    static_cast<void>(load_scenario(o.scenario.file, s.point_overrides(p)));
  s.out = o.output ? *o.output
                   : std::filesystem::path("results") / (o.scenario.file.stem().string() + "-sweep.h5");
  s.inputs = s.base.inputs;
  if (!o.design_file.empty()) s.inputs.push_back(o.design_file);
  s.header = scenario_header(s.base, o.command_line);
  s.header.analyses.clear();  // a sweep keeps its runs' series, goals and events, not per-run analyses
  s.header.run_count = s.plan->run_count();
  s.header.run_parameters = d.keys;
  for (const auto& text : o.params) {
    const ParameterRange r = parse_parameter_range(text);
    s.header.run_parameter_ranges.emplace_back(r.low, r.high);
  }
  s.header.run_attributes = {{"design_method", std::string(method_name(d.method))},
                             {"design_samples", std::int64_t{d.samples}},
                             {"replicates", std::int64_t{s.plan->replicates()}},
                             // As scenario.seed: at most 2^63 − 1, so it fits the signed type.
                             {"base_seed", static_cast<std::int64_t>(s.plan->base_seed())}};
  if (d.method == DesignMethod::morris) s.header.run_attributes.emplace_back("morris_delta", d.morris_delta);
  return s;
}

RunResult run_one(const SweepRequest& o, const Setup& s, std::uint32_t run, unsigned threads) {
  const auto t0 = std::chrono::steady_clock::now();
  const std::uint32_t point = s.plan->point_of(run);
  const Scenario scenario = load_scenario(o.scenario.file, s.point_overrides(point));
  RunSettings settings;
  settings.seed = s.plan->seed_of(run);
  settings.replicate = s.plan->replicate_of(run);
  settings.threads = threads;
  Simulation sim(scenario, settings);
  RunCapture capture(run);
  capture.begin(sim.recording_header(""));
  sim.run(capture);
  RunResult result = capture.take();
  result.record.point = point;
  const auto values = s.plan->design().point(point);
  result.record.parameters.assign(values.begin(), values.end());
  result.record.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return result;
}

std::string journal_fingerprint(const Setup& s) {
  return std::string("engine ") + engine_version + "\nshard " + std::to_string(s.shard.index) + "/" +
         std::to_string(s.shard.count) + "\nplan " + s.plan->fingerprint() + "\nscenario\n" +
         s.base.resolved_text;
}

}  // namespace

SweepReport run_sweep(const SweepRequest& o, const SweepProgress& progress) {
  const auto t0 = std::chrono::steady_clock::now();
  const auto executor = process_executor(o.threads);
  const bool coordinator = executor->coordinates();
  const Setup s = prepare(o);

  // On the coordinator only: the output check and the journal. Other ranks wait for its verdict.
  std::unique_ptr<Journal> journal;
  std::map<std::uint32_t, RunResult> done;
  std::vector<std::uint32_t> todo;
  std::exception_ptr failure;
  const auto shard_runs = s.plan->runs_of(s.shard);
  if (coordinator) {
    try {
      check_output_target(s.out, o.force, s.inputs);
      create_output_folder(s.out);
      journal = std::make_unique<Journal>(std::filesystem::path(s.out.string() + ".journal"),
                                          journal_fingerprint(s));
      for (auto& r : journal->take_recovered()) {
        const std::uint32_t index = r.record.index;
        done.insert_or_assign(index, std::move(r));
      }
      for (const std::uint32_t r : shard_runs)
        if (!done.contains(r)) todo.push_back(r);
    } catch (...) {
      failure = std::current_exception();
    }
  }
  SweepReport report;
  if (!executor->all(failure == nullptr)) {
    if (failure) std::rethrow_exception(failure);
    report.coordinator = false;  // the coordinator throws, and reports why
    report.refused = true;
    return report;
  }

  report.shard_runs = static_cast<std::uint32_t>(shard_runs.size());
  report.recovered = report.shard_runs - static_cast<std::uint32_t>(todo.size());
  std::uint32_t finished = report.recovered;
  if (coordinator && progress) progress(finished, report.shard_runs);
  executor->execute(
      todo, [&](std::uint32_t index, unsigned threads) { return run_one(o, s, index, threads); },
      [&](RunResult&& result) {
        journal->append(result);
        const std::uint32_t index = result.record.index;
        done.insert_or_assign(index, std::move(result));
        if (progress) progress(++finished, report.shard_runs);
      });
  if (!coordinator) {
    report.coordinator = false;
    return report;
  }

  std::vector<RunResult> results;
  results.reserve(shard_runs.size());
  for (const std::uint32_t r : shard_runs) results.push_back(std::move(done.at(r)));
  write_sweep_file(s.out, o.force, s.header, std::move(results));
  journal->remove();

  report.scenario_name = s.base.name;
  report.method = s.plan->design().method;
  report.points = s.plan->design().point_count();
  report.replicates = s.plan->replicates();
  report.run_count = s.plan->run_count();
  report.shard = s.shard;
  report.output = s.out;
  report.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return report;
}

}  // namespace missionsim::model
