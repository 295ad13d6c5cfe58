// The early-warning indicators of a run: for every value of the watched metrics (adoption shares
// per innovation, goal KPIs), variance, lag-1 autocorrelation and skewness over the window
// trailing each step, written as NAME_ews_* metrics, and their Kendall tau for the /ews group.
#pragma once

#include "engine/analysis/early_warning.hpp"
#include "engine/io/recorder.hpp"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace missionsim::model {

class EarlyWarnings {
 public:
  /// Follows every value of each metric in `metrics` whose dataset name is in `watched` (absent
  /// ones are skipped). `metrics` are those whose values on_step() receives, in order; the run
  /// has `steps` steps, of which window and bandwidth are shares.
  EarlyWarnings(const EarlyWarningSettings& settings, const std::vector<MetricSpec>& metrics,
                const std::vector<std::string>& watched, std::size_t steps);

  /// Forgets every value seen.
  void setup();
  /// The trailing windows and the indicators so far (a snapshot for counterfactual runs).
  struct State {
    std::vector<EarlyWarningWindow> windows;
    std::vector<EarlyWarningValues> current;
    std::vector<double> history;
    std::size_t steps_seen = 0;
  };
  [[nodiscard]] State state() const { return {windows_, current_, history_, steps_seen_}; }
  void restore(const State& s) {
    windows_ = s.windows;
    current_ = s.current;
    history_ = s.history;
    steps_seen_ = s.steps_seen;
  }
  /// After step `step` (0, 1, 2… in order): `values` starts with the step's values of the metrics
  /// given to the constructor. O(window + kernel reach) per value followed; does not allocate.
  void on_step(std::uint32_t step, std::span<const double> values);

  /// For each watched metric NAME (breakdown by DIM): NAME_ews_variance, NAME_ews_ac1 and
  /// NAME_ews_skewness, each by DIM.
  void describe_metrics(std::vector<MetricSpec>& out) const;
  [[nodiscard]] std::size_t metric_width() const noexcept { return 3 * series_.size(); }
  /// The values of describe_metrics() after the last on_step().
  void write_metrics(std::span<double> out) const;

  /// Values followed: one per label of each watched metric.
  [[nodiscard]] std::size_t series_count() const noexcept { return series_.size(); }
  /// The /ews group: per value followed and indicator, Kendall's tau against time
  /// (NAME_LABEL_ews_INDICATOR_tau), then window_steps, bandwidth_steps and detrending.
  [[nodiscard]] AnalysisSpec analysis_spec() const;
  /// The values of analysis_spec() for the steps seen so far (allocates: call after the run).
  [[nodiscard]] std::vector<AnalysisValue> analysis_values() const;

 private:
  static constexpr std::size_t indicators = 3;  // variance, ac1, skewness

  struct Source {  ///< one watched metric
    MetricSpec spec;
    std::size_t first_series = 0;
  };
  struct Series {            ///< one value followed
    std::size_t offset = 0;  ///< in the step's values
    std::size_t source = 0;
    std::string label;  ///< empty for a metric without breakdown
  };

  EarlyWarningSettings settings_;
  std::size_t steps_;
  std::vector<Source> sources_;
  std::vector<Series> series_;
  std::vector<EarlyWarningWindow> windows_;
  std::vector<EarlyWarningValues> current_;
  std::vector<double> history_;  ///< [series][indicator][step]
  std::size_t steps_seen_ = 0;
};

}  // namespace missionsim::model
