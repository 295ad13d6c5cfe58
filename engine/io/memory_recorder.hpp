// A recorder that keeps everything in memory, for tests and for callers that want the numbers
// without a file.
#pragma once

#include "engine/io/metric_buffer.hpp"
#include "engine/io/recorder.hpp"

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace missionsim {

/// An analysis result as the memory recorder keeps it: AnalysisValue with the text owned.
struct RecordedAnalysisValue {
  double number = std::numeric_limits<double>::quiet_NaN();
  std::string text;
};

class MemoryRecorder final : public Recorder {
 public:
  void begin(const RecordingHeader& header) override;
  void record_step(std::uint32_t run, std::uint32_t step, std::span<const double> values) override;
  void record_event(const Event& e) override;
  void record_goals(std::uint32_t run, std::span<const GoalOutcome> outcomes) override;
  void record_analysis(std::uint32_t run, std::size_t analysis,
                       std::span<const AnalysisValue> values) override;
  void record_table(const ResultTable& table) override;
  /// A second record for the same run replaces the first.
  void end_run(const RunRecord& run) override;
  void finish() override;

  [[nodiscard]] const RecordingHeader& header() const noexcept { return header_; }
  /// The value of `metric` (its MetricSpec::dataset_name(): NAME, or NAME_by_DIM for a breakdown) at one step
  /// of one run; `label` indexes the breakdown's labels. NaN if never recorded; InternalError if out of
  /// range.
  [[nodiscard]] double value(std::string_view metric, std::uint32_t run, std::uint32_t step,
                             std::size_t label = 0) const;
  /// One run's series of one metric: steps × width values, row-major.
  [[nodiscard]] std::span<const double> series(std::string_view metric, std::uint32_t run) const;
  /// How goal `goal` (a GoalSpec::name) went in one run; GoalOutcome{} (-1, NaN) if never
  /// recorded; InternalError for an unknown goal or run.
  [[nodiscard]] GoalOutcome goal_outcome(std::uint32_t run, std::string_view goal) const;
  /// Every goal's outcome in one run, in header order.
  [[nodiscard]] std::span<const GoalOutcome> goal_outcomes(std::uint32_t run) const;
  /// Value `name` of analysis group `group` (e.g. "impact", "icer") in one run: the number for a
  /// numeric value, the text for a text value, the other field left NaN or "". NaN and "" if never
  /// recorded; InternalError for an unknown group, value or run.
  [[nodiscard]] RecordedAnalysisValue analysis_value(std::uint32_t run, std::string_view group,
                                                     std::string_view name) const;
  /// In the order they were recorded.
  [[nodiscard]] const std::vector<Event>& events() const noexcept { return events_; }
  [[nodiscard]] const std::vector<ResultTable>& tables() const noexcept { return tables_; }
  /// Sorted by index.
  [[nodiscard]] const std::vector<RunRecord>& runs() const noexcept { return runs_; }
  [[nodiscard]] bool began() const noexcept { return began_; }
  [[nodiscard]] bool finished() const noexcept { return finished_; }

 private:
  [[nodiscard]] std::size_t goal_offset(std::uint32_t run) const noexcept;

  RecordingHeader header_;
  MetricBuffer values_;
  std::vector<GoalOutcome> goal_outcomes_;  // run-major: run_count × goals
  // One table per analysis, run-major: run_count × its values.
  std::vector<std::vector<RecordedAnalysisValue>> analysis_values_;
  std::vector<Event> events_;
  std::vector<ResultTable> tables_;
  std::vector<RunRecord> runs_;
  bool began_ = false;
  bool finished_ = false;
};

}  // namespace missionsim
