// What a run hands to its recorders: a header once, then metric values step by step, events,
// and a record per run. Recorders (HDF5 file, memory for tests) never allocate per step.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
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
};

/// Something that happened once: a niche breakthrough, a tipping point, a goal met...
struct Event {
  std::uint32_t run = 0;
  std::uint32_t step = 0;
  std::string kind, subject;
  double value = 0;
};

/// Everything known before the first step.
struct RecordingHeader {
  std::string scenario_name, scenario_text, command_line;
  std::string time_units;         ///< CF units of time_days, e.g. "days since 2025-01-01"
  std::vector<double> time_days;  ///< first day of each step, in days since the start
  std::uint32_t run_count = 1;
  std::vector<MetricSpec> metrics;

  [[nodiscard]] std::size_t step_count() const noexcept { return time_days.size(); }
  /// Values per record_step call: the sum of the metrics' widths.
  [[nodiscard]] std::size_t values_per_step() const;
};

/// Checks a header before anything is recorded: at least one run and one step, metric and
/// dimension names usable as dataset names and distinct, non-empty breakdowns, and the same
/// labels wherever a dimension is used twice. Throws InternalError (headers come from code).
void validate_header(const RecordingHeader& header);

/// Receives a run's output. The calls come in the order begin, (record_step | record_event |
/// end_run)*, finish. `run` is a slot in [0, run_count) and `step` an index into time_days.
/// record_step calls for different runs may come from different threads at once; every other
/// call must be serialised by the caller.
class Recorder {
 public:
  virtual ~Recorder() = default;
  virtual void begin(const RecordingHeader& header) = 0;
  /// One step of one run: every metric in declaration order, each width() values, concatenated.
  virtual void record_step(std::uint32_t run, std::uint32_t step, std::span<const double> values) = 0;
  virtual void record_event(const Event& e) = 0;
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
