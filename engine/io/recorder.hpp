// What a run hands to its recorders: a header once, then metric values step by step, events,
// goal outcomes, analysis results and a record per run. Recorders (HDF5 file, memory for tests)
// never allocate per step.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace missionsim {

/// A metric split over the labels of one dimension, e.g. dim "region", labels {"north", "south"}.
struct Breakdown {
  std::string dim;
  std::vector<std::string> labels;
};

/// One time series a run publishes.
struct MetricSpec {
  std::string name, units, description;
  /// If set, the dataset is NAME_by_DIM [runs, steps, labels], else NAME [runs, steps].
  std::optional<Breakdown> by;

  /// Values per step: 1, or the number of labels of the breakdown.
  [[nodiscard]] std::size_t width() const;
  /// NAME, or NAME_by_DIM for a breakdown.
  [[nodiscard]] std::string dataset_name() const;
};

/// How one run went, for the /runs table. `index` is the run's slot in [0, run_count).
struct RunRecord {
  std::uint32_t index = 0;
  std::uint64_t seed = 0;
  std::uint32_t replicate = 0;
  std::string status = "ok";
  double wall_seconds = 0;
  /// Sweeps only: the design point the run belongs to, and the value of each of the header's
  /// run_parameters at that point, in header order.
  std::uint32_t point = 0;
  std::vector<double> parameters = {};
};

/// Something that happened once: a niche breakthrough, a tipping point, a goal met...
struct Event {
  std::uint32_t run = 0;
  std::uint32_t step = 0;
  std::string kind, subject;
  double value = 0;
};

/// A goal of the mission as the output file describes it: a KPI to bring above or below a target
/// by a deadline. The recorder only stores it; judging it is the model's business.
struct GoalSpec {
  std::string name;
  /// A human description, e.g. "early_stage_share_by_region[north], mean over 1 year".
  std::string kpi;
  std::string direction;                                       ///< "at_most" or "at_least"
  std::string deadline;                                        ///< "YYYY-MM-DD"
  double baseline = std::numeric_limits<double>::quiet_NaN();  ///< NaN when there is none
  double target = 0;
};

/// How one goal went in one run.
struct GoalOutcome {
  std::int8_t achieved = -1;  ///< 1 met, 0 missed, -1 not decided (e.g. the run ended first)
  double value_at_deadline = std::numeric_limits<double>::quiet_NaN();
};

/// The names the file's fixed layout takes at its root (/scenarios is where `compare` keeps one
/// scenario text per mix). Every other root group is an analysis group.
inline constexpr std::array<std::string_view, 6> reserved_root_names{"metrics", "runs",     "events",
                                                                     "goals",   "scenario", "scenarios"};

/// One named result of an analysis, e.g. qalys_gained in QALY: a float64 per run in the file, or,
/// with `is_text`, a UTF-8 string per run (e.g. icer_note: "dominant", "dominated" or "").
struct AnalysisValueSpec {
  std::string name, units, description;
  bool is_text = false;
};

/// An analysis written to a group of its own, /GROUP (e.g. "impact": a policy run against its
/// baseline), holding a run axis and one dataset per value, in this order.
struct AnalysisSpec {
  std::string group;
  std::vector<AnalysisValueSpec> values;
};

/// One result of one run, as handed to record_analysis: `number` for a numeric value, `text` for
/// a value whose spec is_text (the other field is ignored). The text is copied before the call
/// returns.
struct AnalysisValue {
  double number = std::numeric_limits<double>::quiet_NaN();
  std::string_view text{};
};

/// A result along a dimension of its own rather than the runs' (a tipping curve over
/// withdrawal steps): /GROUP with a dimension scale DIM holding `coordinates`, one float64
/// column per Column over it, and `numbers` and `texts` as attributes of the group.
struct ResultTable {
  struct Column {
    std::string name, units, description;
    std::vector<double> values;  ///< one per coordinate
  };
  std::string group, dim, dim_units;
  std::vector<double> coordinates;
  std::vector<Column> columns;
  std::vector<std::pair<std::string, double>> numbers;
  std::vector<std::pair<std::string, std::string>> texts;
};

/// Everything known before the first step.
struct RecordingHeader {
  std::string scenario_name, scenario_text, command_line;
  std::string time_units;         ///< CF units of time_days, e.g. "days since 2025-01-01"
  std::vector<double> time_days;  ///< first day of each step, in days since the start
  std::uint32_t run_count = 1;
  std::vector<MetricSpec> metrics;
  std::vector<GoalSpec> goals;
  std::vector<AnalysisSpec> analyses;
  /// Sweeps only: the parameters that vary (scenario key paths), each a float64 column of /runs
  /// beside a `point` column; with none, /runs has neither. `run_parameter_ranges` are their
  /// --param bounds (the columns' `lower` and `upper` attributes), empty for a design file.
  /// `run_attributes` become attributes of /runs of their own type (the design's method,
  /// sample count, replicates...).
  std::vector<std::string> run_parameters = {};
  std::vector<std::pair<double, double>> run_parameter_ranges = {};
  using AttributeValue = std::variant<std::string, std::int64_t, double>;
  std::vector<std::pair<std::string, AttributeValue>> run_attributes = {};
  /// A run attribute as text ("" when absent), for messages and checks.
  [[nodiscard]] std::string run_attribute_text(const std::string& name) const;

  [[nodiscard]] std::size_t step_count() const noexcept { return time_days.size(); }
  /// Values per record_step call: the sum of the metrics' widths.
  [[nodiscard]] std::size_t values_per_step() const;
};

/// Checks a header before anything is recorded: at least one run and one step, metric and
/// dimension names usable as dataset names and distinct, non-empty breakdowns, the same labels
/// wherever a dimension is used twice, and goals with distinct identifier names (not "run"), a
/// direction of "at_most" or "at_least" and a YYYY-MM-DD deadline, and analyses whose groups are
/// distinct identifiers other than the reserved_root_names and whose values have distinct
/// identifier names (not "run") within their group, and run parameters that are distinct,
/// non-empty, free of '/' and not a /runs column of their own. Throws InternalError (headers come from code).
void validate_header(const RecordingHeader& header);

/// Throws InternalError unless the group is an identifier other than the reserved_root_names and
/// the header's analyses, the dimension and column names are distinct identifiers, and every
/// column has one value per coordinate.
void check_result_table(const RecordingHeader& header, const ResultTable& table);

/// For recorders: throws InternalError unless `run` is a run slot of `header`, there is one
/// outcome per goal and each `achieved` is -1, 0 or 1. Allocates only to throw.
void check_goal_outcomes(const RecordingHeader& header, std::uint32_t run,
                         std::span<const GoalOutcome> outcomes);

/// For recorders: throws InternalError unless `run` is a run slot of `header`, `analysis` indexes
/// header.analyses and there is one value per value spec of that analysis. Allocates only to throw.
void check_analysis_values(const RecordingHeader& header, std::uint32_t run, std::size_t analysis,
                           std::span<const AnalysisValue> values);

/// Receives a run's output. The calls come in the order begin, (record_step | record_event |
/// record_goals | record_analysis | end_run)*, finish; record_goals and record_analysis for a run
/// come before its end_run. `run` is a slot in [0, run_count) and `step` an index into time_days.
/// record_step calls for different runs may come from different threads at once; every other call
/// must be serialised by the caller.
class Recorder {
 public:
  virtual ~Recorder() = default;
  virtual void begin(const RecordingHeader& header) = 0;
  /// One step of one run: every metric in declaration order, each width() values, concatenated.
  virtual void record_step(std::uint32_t run, std::uint32_t step, std::span<const double> values) = 0;
  virtual void record_event(const Event& e) = 0;
  /// One outcome per header goal, in header order, once per run. A run whose goals are never
  /// recorded keeps GoalOutcome{} (-1, NaN); a second call for the same run replaces the first.
  /// Never allocates.
  virtual void record_goals(std::uint32_t run, std::span<const GoalOutcome> outcomes) = 0;
  /// The results of analysis `analysis` (an index into header.analyses) for one run: one value per
  /// value spec, in order. Called at most once per run and analysis (a second call replaces the
  /// first); a run never recorded keeps NaN, or "" for text. Numbers never allocate; text is
  /// copied, which allocates when it outgrows the small-string buffer (rare: notes are short).
  /// Kept until finish(); at most one table per group. Not for the step loop (it copies).
  virtual void record_table(const ResultTable& table) = 0;
  virtual void record_analysis(std::uint32_t run, std::size_t analysis,
                               std::span<const AnalysisValue> values) = 0;
  virtual void end_run(const RunRecord& run) = 0;
  /// Everything written; for files: closed and renamed into place.
  virtual void finish() = 0;

 protected:
  Recorder() = default;
  Recorder(const Recorder&) = default;
  Recorder& operator=(const Recorder&) = default;
  Recorder(Recorder&&) = default;
  Recorder& operator=(Recorder&&) = default;
};

}  // namespace missionsim
