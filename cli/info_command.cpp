// `missionsim info`: what an output file holds, read without the scenario; with --plan, the
// frozen step plan of a scenario, from its description alone.
#include "cli/commands.hpp"
#include "engine/io/file_summary.hpp"
#include "models/composition/scenario.hpp"
#include "models/composition/simulation.hpp"

#include <CLI/CLI.hpp>

#include <array>
#include <cmath>
#include <cstdio>
#include <memory>
#include <string_view>

namespace missionsim::cli {

namespace {
std::string shape_text(const std::vector<std::size_t>& shape) {
  std::string out = "[";
  for (std::size_t i = 0; i < shape.size(); ++i) out += (i ? " × " : "") + std::to_string(shape[i]);
  return out + "]";
}

// "qalys_gained 123.4 QALY" or `icer_note "dominant"` for a one-run file, "qalys_gained (QALY)"
// or "icer_note (text)" otherwise.
std::string analysis_value_text(const AnalysisValueSummary& v, bool single_run) {
  std::string out = v.name;
  if (!single_run) {
    if (v.is_text) return out + " (text)";
    return v.units.empty() ? out : out + " (" + v.units + ")";
  }
  if (v.is_text) return out + " \"" + v.text + "\"";
  std::array<char, 32> number{};
  std::snprintf(number.data(), number.size(), "%g", v.number);
  out += std::string(" ") + number.data();
  return v.units.empty() ? out : out + " " + v.units;
}
// The /ews group of a one-run file as a table: one row per series, the Kendall tau of each
// indicator against time in the columns (value names are SERIES_ews_INDICATOR_tau).
void print_early_warnings(const AnalysisSummary& a) {
  constexpr std::array<std::string_view, 3> suffixes{"_ews_variance_tau", "_ews_ac1_tau",
                                                     "_ews_skewness_tau"};
  struct Row {
    std::string series;
    std::array<double, 3> tau{NAN, NAN, NAN};
  };
  std::vector<Row> rows;
  double window = NAN, bandwidth = NAN;
  std::string detrending;
  for (const auto& v : a.values) {
    if (v.name == "window_steps") window = v.number;
    if (v.name == "bandwidth_steps") bandwidth = v.number;
    if (v.name == "detrending") detrending = v.text;
    for (std::size_t i = 0; i < suffixes.size(); ++i) {
      const std::string_view name(v.name);
      if (name.size() <= suffixes[i].size() || !name.ends_with(suffixes[i])) continue;
      const std::string series(name.substr(0, name.size() - suffixes[i].size()));
      if (rows.empty() || rows.back().series != series) rows.push_back({series, {NAN, NAN, NAN}});
      rows.back().tau[i] = v.number;
    }
  }
  std::string how = detrending + " detrending";
  if (!std::isnan(bandwidth)) {
    std::array<char, 48> bw{};
    std::snprintf(bw.data(), bw.size(), ", bandwidth %g steps", bandwidth);
    how += bw.data();
  }
  std::printf("  ews: Kendall tau against time of the indicators over a %g-step window (%s)\n", window,
              how.c_str());
  std::printf("    %-44s %9s %9s %9s\n", "series", "variance", "ac1", "skewness");
  for (const auto& r : rows)
    std::printf("    %-44s %9.3f %9.3f %9.3f\n", r.series.c_str(), r.tau[0], r.tau[1], r.tau[2]);
}
}  // namespace

Command add_info_command(CLI::App& app) {
  struct Options {
    std::string file;
    bool plan = false, dot = false;
    std::vector<std::string> sets;
  };
  auto o = std::make_shared<Options>();
  app.add_option("file", o->file, "missionsim output file (HDF5), or with --plan a scenario file")
      ->required();
  auto* plan = app.add_flag("--plan", o->plan,
                            "Print the scenario's frozen step plan instead: one line per phase in execution "
                            "order, COMPONENT.PHASE reads: ... writes: ... (no world is built)");
  app.add_flag("--dot", o->dot, "With --plan: the plan as Graphviz DOT (dot -Tsvg)")->needs(plan);
  app.add_option("--set", o->sets, "With --plan: override a scenario key first (repeatable)")->needs(plan);
  return [o] {
    if (o->plan) {
      const model::Scenario scenario = model::load_scenario(o->file, o->sets);
      const ModelDescription d = model::describe_scenario(scenario);
      std::fputs((o->dot ? d.plan_dot() : d.plan_text()).c_str(), stdout);
      return 0;
    }
    const auto& file = &o->file;
    const FileSummary s = read_file_summary(*file);
    std::printf("file        %s\n", file->c_str());
    std::printf("format      %s %d (engine %s)\n", s.format.c_str(), s.format_version,
                s.engine_version.c_str());
    std::printf("scenario    %s\n", s.scenario_name.c_str());
    std::printf("created     %s\n", s.created_utc.c_str());
    std::printf("command     %s\n", s.command_line.c_str());
    if (!s.arrays.empty()) {  // a comparison of intervention mixes
      std::printf("mixes       %zu\n", s.mixes.size());
      for (const auto& m : s.mixes) std::printf("  %s\n", m.c_str());
      std::printf("datasets    %zu\n", s.arrays.size());
      for (const auto& a : s.arrays)
        std::printf("  %-44s %-14s %-10s %s\n", a.name.c_str(), shape_text(a.shape).c_str(), a.units.c_str(),
                    a.description.c_str());
      return 0;
    }
    std::printf("runs        %zu\n", s.runs);
    std::printf("steps       %zu (time in %s)\n", s.steps, s.time_units.c_str());
    std::printf("metrics     %zu\n", s.metrics.size());
    for (const auto& m : s.metrics)
      std::printf("  %-32s %-14s %-10s %s\n", m.name.c_str(), shape_text(m.shape).c_str(), m.units.c_str(),
                  m.description.c_str());
    std::size_t events = 0;
    for (const auto& e : s.events) events += e.count;
    std::printf("events      %zu\n", events);
    for (const auto& e : s.events) std::printf("  %-32s %zu\n", e.kind.c_str(), e.count);
    std::printf("goals       %zu\n", s.goals.size());
    for (const auto& g : s.goals)
      std::printf("  %-32s %s: %s %g by %s; met in %zu of %zu runs, missed in %zu\n", g.name.c_str(),
                  g.kpi.c_str(), g.direction.c_str(), g.target, g.deadline.c_str(), g.runs_met, s.runs,
                  g.runs_missed);
    std::printf("analyses    %zu\n", s.analyses.size());
    for (const auto& a : s.analyses) {
      if (a.group == "ews" && s.runs == 1) {
        print_early_warnings(a);
        continue;
      }
      std::string line = "  " + a.group + ":";
      for (std::size_t i = 0; i < a.values.size(); ++i)
        line += (i ? ", " : " ") + analysis_value_text(a.values[i], s.runs == 1);
      std::printf("%s\n", line.c_str());
    }
    return 0;
  };
}

}  // namespace missionsim::cli
