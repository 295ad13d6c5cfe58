// The values of every metric of every run, held in memory: allocated once when recording
// begins so that storing a step never allocates. Shared by the recorders.
#pragma once

#include "engine/io/recorder.hpp"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace missionsim {

/// Per metric one contiguous block laid out [run][step][label], so one run's series of one
/// metric is a contiguous slice (the shape of one HDF5 chunk). Unrecorded values are NaN.
class MetricBuffer {
 public:
  MetricBuffer() = default;
  /// Allocates for the header's metrics, runs and steps (validate the header first).
  explicit MetricBuffer(const RecordingHeader& header);

  /// Copies one step of one run (every metric's values, concatenated). Throws InternalError if
  /// the run, the step or the number of values does not fit the header. Never allocates.
  void store_step(std::uint32_t run, std::uint32_t step, std::span<const double> values);

  [[nodiscard]] std::size_t metric_count() const noexcept { return widths_.size(); }
  /// Index of the metric named `name` (its MetricSpec::dataset_name(): NAME, or NAME_by_DIM for a breakdown);
  /// InternalError if unknown.
  [[nodiscard]] std::size_t metric_index(std::string_view name) const;
  /// One run's series of one metric: steps × width values, row-major.
  [[nodiscard]] std::span<const double> run_series(std::size_t metric, std::uint32_t run) const;
  [[nodiscard]] double value(std::size_t metric, std::uint32_t run, std::uint32_t step,
                             std::size_t label) const;

 private:
  std::vector<std::string> names_;
  std::vector<std::size_t> widths_;
  std::vector<std::size_t> offsets_;  // start of each metric's block in values_
  std::size_t runs_ = 0;
  std::size_t steps_ = 0;
  std::size_t values_per_step_ = 0;
  std::vector<double> values_;
};

}  // namespace missionsim
