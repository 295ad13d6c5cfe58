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
