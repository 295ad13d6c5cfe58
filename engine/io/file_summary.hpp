// What `missionsim info` prints about an output file: provenance, axes, metrics, events, goals
// and analyses, read without loading any series.
#pragma once

#include <cstddef>
#include <filesystem>
#include <limits>
#include <string>
#include <vector>

namespace missionsim {

struct MetricSummary {
  std::string name, units, description;  ///< name is the dataset name (NAME or NAME_by_DIM)
  std::vector<std::size_t> shape;        ///< [runs, steps] or [runs, steps, labels]
};

struct EventCount {
  std::string kind;
  std::size_t count = 0;
};

/// A goal's description and how many runs met or missed it (the rest were not decided).
struct GoalSummary {
  std::string name, kpi, direction, deadline;
  double target = 0;
  double baseline = 0;  ///< NaN when the goal has none
  std::size_t runs_met = 0, runs_missed = 0;
};

/// One value of an analysis group. For a file of one run, also that run's value.
struct AnalysisValueSummary {
  std::string name, units, description;
  bool is_text = false;
  /// The single run's value (number or text, as is_text says); NaN and "" when the file holds
  /// more than one run, or the run never recorded it.
  double number = std::numeric_limits<double>::quiet_NaN();
  std::string text;
};

/// An analysis group, e.g. /impact, and its values in the order the run declared them.
struct AnalysisSummary {
  std::string group;
  std::vector<AnalysisValueSummary> values;
};

struct FileSummary {
  std::string format, engine_version, scenario_name, created_utc, command_line, time_units;
  int format_version = 0;
  std::size_t runs = 0, steps = 0;
  std::vector<MetricSummary> metrics;     ///< in the order the run declared them
  std::vector<EventCount> events;         ///< by kind, sorted by kind
  std::vector<GoalSummary> goals;         ///< in the order the run declared them
  std::vector<AnalysisSummary> analyses;  ///< every root group not of the fixed layout, by name
  /// A `compare` file (no /metrics): the mixes under /scenarios, and every dataset of /compare
  /// and its subgroups, named by path below the root ("compare/mean"), axes included.
  std::vector<std::string> mixes;
  std::vector<MetricSummary> arrays;
};

/// Reads the summary of a missionsim output file. Throws InputError naming the file if it is
/// missing, not HDF5, not format "missionsim", or lacks a part of the layout (a file with
/// /compare and no /metrics is a comparison: only its mixes and arrays are read).
FileSummary read_file_summary(const std::filesystem::path& file);

}  // namespace missionsim
