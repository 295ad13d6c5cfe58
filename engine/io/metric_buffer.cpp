#include "engine/io/metric_buffer.hpp"

#include "engine/core/error.hpp"

#include <algorithm>
#include <limits>
#include <string>

namespace missionsim {

MetricBuffer::MetricBuffer(const RecordingHeader& header)
    : runs_(header.run_count), steps_(header.step_count()), values_per_step_(header.values_per_step()) {
  std::size_t offset = 0;
  for (const auto& m : header.metrics) {
    names_.push_back(m.dataset_name());
    widths_.push_back(m.width());
    offsets_.push_back(offset);
    offset += runs_ * steps_ * m.width();
  }
  values_.assign(offset, std::numeric_limits<double>::quiet_NaN());
}

void MetricBuffer::store_step(std::uint32_t run, std::uint32_t step, std::span<const double> values) {
  if (run >= runs_ || step >= steps_ || values.size() != values_per_step_) {
    throw InternalError("record_step: run " + std::to_string(run) + ", step " + std::to_string(step) +
                        " with " + std::to_string(values.size()) + " values does not fit " +
                        std::to_string(runs_) + " runs, " + std::to_string(steps_) + " steps, " +
                        std::to_string(values_per_step_) + " values per step");
  }
  auto from = values.begin();
  for (std::size_t m = 0; m < widths_.size(); ++m) {
    const std::size_t w = widths_[m];
    const auto to = values_.begin() + static_cast<std::ptrdiff_t>(offsets_[m] + (run * steps_ + step) * w);
    std::copy_n(from, w, to);
    from += static_cast<std::ptrdiff_t>(w);
  }
}

std::size_t MetricBuffer::metric_index(std::string_view name) const {
  const auto it = std::find(names_.begin(), names_.end(), name);
  if (it == names_.end()) throw InternalError("no metric named '" + std::string(name) + "' was recorded");
  return static_cast<std::size_t>(it - names_.begin());
}

std::span<const double> MetricBuffer::run_series(std::size_t metric, std::uint32_t run) const {
  if (metric >= widths_.size() || run >= runs_) throw InternalError("run_series: metric or run out of range");
  const std::size_t length = steps_ * widths_[metric];
  return std::span<const double>(values_).subspan(offsets_[metric] + run * length, length);
}

double MetricBuffer::value(std::size_t metric, std::uint32_t run, std::uint32_t step,
                           std::size_t label) const {
  if (step >= steps_ || metric >= widths_.size() || label >= widths_[metric]) {
    throw InternalError("value: step or label out of range");
  }
  return run_series(metric, run)[step * widths_[metric] + label];
}

}  // namespace missionsim
