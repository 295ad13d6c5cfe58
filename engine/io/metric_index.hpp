// Where a metric's value sits in a step's value vector (metrics in declaration order, each
// width() values), for code that watches metrics during a run: goals, triggers, economics.
#pragma once

#include "engine/io/recorder.hpp"

#include <algorithm>
#include <optional>
#include <string_view>
#include <vector>

namespace missionsim {

/// Offset of the first value of the metric whose dataset name is `dataset`; nullopt if absent.
inline std::optional<std::size_t> metric_offset(const std::vector<MetricSpec>& metrics,
                                                std::string_view dataset) {
  std::size_t offset = 0;
  for (const auto& m : metrics) {
    if (m.dataset_name() == dataset) return offset;
    offset += m.width();
  }
  return std::nullopt;
}

/// Offset of one label's value of a breakdown metric; nullopt if the metric or label is absent.
inline std::optional<std::size_t> metric_offset(const std::vector<MetricSpec>& metrics,
                                                std::string_view dataset, std::string_view label) {
  const auto offset = metric_offset(metrics, dataset);
  if (!offset) return std::nullopt;
  const auto m = std::find_if(metrics.begin(), metrics.end(),
                              [&](const MetricSpec& s) { return s.dataset_name() == dataset; });
  if (!m->by) return label.empty() ? offset : std::nullopt;
  const auto& labels = m->by->labels;
  const auto it = std::find(labels.begin(), labels.end(), label);
  if (it == labels.end()) return std::nullopt;
  return *offset + static_cast<std::size_t>(it - labels.begin());
}

}  // namespace missionsim
