#include "engine/io/memory_recorder.hpp"

#include "engine/core/error.hpp"

#include <algorithm>
#include <string>

namespace missionsim {

void MemoryRecorder::begin(const RecordingHeader& header) {
  if (began_) throw InternalError("MemoryRecorder: begin called twice");
  validate_header(header);
  header_ = header;
  values_ = MetricBuffer(header_);
  goal_outcomes_.assign(std::size_t{header_.run_count} * header_.goals.size(), GoalOutcome{});
  analysis_values_.clear();
  for (const auto& a : header_.analyses) {
    analysis_values_.emplace_back(std::size_t{header_.run_count} * a.values.size());
  }
  began_ = true;
}

void MemoryRecorder::record_step(std::uint32_t run, std::uint32_t step, std::span<const double> values) {
  values_.store_step(run, step, values);
}

void MemoryRecorder::record_event(const Event& e) {
  if (e.run >= header_.run_count || e.step >= header_.step_count()) {
    throw InternalError("record_event: run " + std::to_string(e.run) + " or step " + std::to_string(e.step) +
                        " out of range");
  }
  events_.push_back(e);
}

void MemoryRecorder::record_goals(std::uint32_t run, std::span<const GoalOutcome> outcomes) {
  check_goal_outcomes(header_, run, outcomes);
  std::copy(outcomes.begin(), outcomes.end(), goal_outcomes_.data() + goal_offset(run));
}

void MemoryRecorder::record_analysis(std::uint32_t run, std::size_t analysis,
                                     std::span<const AnalysisValue> values) {
  check_analysis_values(header_, run, analysis, values);
  const auto& specs = header_.analyses[analysis].values;
  auto* row = analysis_values_[analysis].data() + std::size_t{run} * specs.size();
  for (std::size_t v = 0; v < specs.size(); ++v) {
    row[v] = specs[v].is_text ? RecordedAnalysisValue{std::numeric_limits<double>::quiet_NaN(),
                                                      std::string(values[v].text)}
                              : RecordedAnalysisValue{values[v].number, std::string()};
  }
}

void MemoryRecorder::record_table(const ResultTable& table) {
  if (!began_ || finished_) throw InternalError("MemoryRecorder: record_table outside begin … finish");
  check_result_table(header_, table);
  for (const auto& t : tables_)
    if (t.group == table.group)
      throw InternalError("MemoryRecorder: table '" + table.group + "' recorded twice");
  tables_.push_back(table);
}

void MemoryRecorder::end_run(const RunRecord& run) {
  if (run.index >= header_.run_count) throw InternalError("end_run: run index out of range");
  const auto at = std::lower_bound(runs_.begin(), runs_.end(), run.index,
                                   [](const RunRecord& r, std::uint32_t i) { return r.index < i; });
  if (at != runs_.end() && at->index == run.index) {
    *at = run;
  } else {
    runs_.insert(at, run);
  }
}

void MemoryRecorder::finish() {
  finished_ = true;
}

double MemoryRecorder::value(std::string_view metric, std::uint32_t run, std::uint32_t step,
                             std::size_t label) const {
  return values_.value(values_.metric_index(metric), run, step, label);
}

GoalOutcome MemoryRecorder::goal_outcome(std::uint32_t run, std::string_view goal) const {
  const auto& goals = header_.goals;
  const auto at = std::find_if(goals.begin(), goals.end(), [&](const GoalSpec& g) { return g.name == goal; });
  if (at == goals.end()) throw InternalError("goal_outcome: no goal named '" + std::string(goal) + "'");
  return goal_outcomes(run)[static_cast<std::size_t>(at - goals.begin())];
}

RecordedAnalysisValue MemoryRecorder::analysis_value(std::uint32_t run, std::string_view group,
                                                     std::string_view name) const {
  const auto& analyses = header_.analyses;
  const auto a =
      std::find_if(analyses.begin(), analyses.end(), [&](const AnalysisSpec& s) { return s.group == group; });
  if (a == analyses.end())
    throw InternalError("analysis_value: no analysis group '" + std::string(group) + "'");
  const auto v = std::find_if(a->values.begin(), a->values.end(),
                              [&](const AnalysisValueSpec& s) { return s.name == name; });
  if (v == a->values.end()) {
    throw InternalError("analysis_value: analysis '" + a->group + "' has no value '" + std::string(name) +
                        "'");
  }
  if (run >= header_.run_count)
    throw InternalError("analysis_value: run " + std::to_string(run) + " out of range");
  const auto table = static_cast<std::size_t>(a - analyses.begin());
  const auto column = static_cast<std::size_t>(v - a->values.begin());
  return analysis_values_[table][std::size_t{run} * a->values.size() + column];
}

std::span<const GoalOutcome> MemoryRecorder::goal_outcomes(std::uint32_t run) const {
  if (run >= header_.run_count)
    throw InternalError("goal_outcomes: run " + std::to_string(run) + " out of range");
  return std::span<const GoalOutcome>(goal_outcomes_).subspan(goal_offset(run), header_.goals.size());
}

std::size_t MemoryRecorder::goal_offset(std::uint32_t run) const noexcept {
  return std::size_t{run} * header_.goals.size();
}

std::span<const double> MemoryRecorder::series(std::string_view metric, std::uint32_t run) const {
  return values_.run_series(values_.metric_index(metric), run);
}

}  // namespace missionsim
