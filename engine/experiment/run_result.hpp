// One finished run of a sweep as plain values (its /runs record, every metric value, its goal
// outcomes and events), a recorder that captures a single run into one, and a compact binary
// form for the journal and for MPI messages.
#pragma once

#include "engine/io/recorder.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace missionsim {

struct RunResult {
  RunRecord record;            ///< record.index is the run's slot in the sweep
  std::vector<double> values;  ///< steps × values per step, as record_step receives them
  std::vector<GoalOutcome> goals;
  std::vector<Event> events;  ///< each event's run is record.index
};

/// Bytes that decode_run_result turns back into an equal RunResult (native byte order: the
/// journal is read back by the machine that wrote it, MPI ranks share one architecture).
std::string encode_run_result(const RunResult& result);
/// IoError if the bytes are not a whole encoded result.
RunResult decode_run_result(std::span<const char> bytes);

/// Records one run (whatever run slot the simulation uses) into a RunResult whose record
/// carries `index` instead: begin() with a single-run header, then the run, then take().
class RunCapture final : public Recorder {
 public:
  explicit RunCapture(std::uint32_t index) : index_(index) {}
  void begin(const RecordingHeader& header) override;
  void record_step(std::uint32_t run, std::uint32_t step, std::span<const double> values) override;
  void record_event(const Event& e) override;
  void record_goals(std::uint32_t run, std::span<const GoalOutcome> outcomes) override;
  /// Analyses are not part of a sweep's file: ignored.
  void record_analysis(std::uint32_t run, std::size_t analysis,
                       std::span<const AnalysisValue> values) override;
  /// Result tables are not part of a sweep's file either: ignored.
  void record_table(const ResultTable&) override {}
  void end_run(const RunRecord& run) override;
  void finish() override {}

  /// The captured run; call once, after end_run.
  [[nodiscard]] RunResult take();

 private:
  std::uint32_t index_;
  std::size_t width_ = 0;  // values per step
  bool ended_ = false;
  RunResult result_;
};

}  // namespace missionsim
