#include "models/early_warning/early_warnings.hpp"

#include "engine/core/seatbelt.hpp"
#include "engine/io/metric_index.hpp"
#include "models/early_warning/params.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace missionsim::model {

namespace {
constexpr const char* indicator_names[] = {"variance", "ac1", "skewness"};

double pick(const EarlyWarningValues& v, std::size_t indicator) {
  return indicator == 0 ? v.variance : indicator == 1 ? v.ac1 : v.skewness;
}
}  // namespace

EarlyWarnings::EarlyWarnings(const EarlyWarningSettings& settings, const std::vector<MetricSpec>& metrics,
                             const std::vector<std::string>& watched, std::size_t steps)
    : settings_(settings), steps_(steps) {
  for (const auto& name : watched) {
    const auto offset = metric_offset(metrics, name);
    if (!offset) continue;
    const auto spec = std::find_if(metrics.begin(), metrics.end(),
                                   [&](const MetricSpec& m) { return m.dataset_name() == name; });
    sources_.push_back({*spec, series_.size()});
    for (std::size_t k = 0; k < spec->width(); ++k)
      series_.push_back({*offset + k, sources_.size() - 1, spec->by ? spec->by->labels[k] : std::string()});
  }
  windows_.assign(series_.size(), EarlyWarningWindow(settings, steps));
  current_.assign(series_.size(), EarlyWarningValues{});
  history_.assign(series_.size() * indicators * steps, std::numeric_limits<double>::quiet_NaN());
}

void EarlyWarnings::setup() {
  for (auto& w : windows_) w.reset();
  std::fill(current_.begin(), current_.end(), EarlyWarningValues{});
  std::fill(history_.begin(), history_.end(), std::numeric_limits<double>::quiet_NaN());
  steps_seen_ = 0;
}

void EarlyWarnings::on_step(std::uint32_t step, std::span<const double> values) {
  MS_SEATBELT(step == steps_seen_ && step < steps_, "EarlyWarnings::on_step: steps out of order");
  for (std::size_t s = 0; s < series_.size(); ++s) {
    current_[s] = windows_[s].push(values[series_[s].offset]);
    for (std::size_t i = 0; i < indicators; ++i)
      history_[(s * indicators + i) * steps_ + step] = pick(current_[s], i);
  }
  steps_seen_ = step + 1;
}

void EarlyWarnings::describe_metrics(std::vector<MetricSpec>& out) const {
  const std::string window = std::to_string(early_warning_window(settings_, steps_)) + "-step window";
  const std::string detrended =
      settings_.detrending == Detrending::none
          ? ""
          : std::string(", ") + detrending_name(settings_.detrending) + " detrending";
  for (const auto& src : sources_) {
    const std::string& n = src.spec.name;
    const std::string of = " of " + src.spec.dataset_name() + " over the " + window + " ending at the step" +
                           detrended + " (NaN until the window is full)";
    const std::string squared = src.spec.units == "1" ? "1" : "(" + src.spec.units + ")^2";
    out.push_back({n + "_ews_variance", squared, "Variance of the residuals" + of, src.spec.by});
    out.push_back({n + "_ews_ac1", "1", "Lag-1 autocorrelation of the residuals" + of, src.spec.by});
    out.push_back({n + "_ews_skewness", "1", "Skewness of the residuals" + of, src.spec.by});
  }
}

void EarlyWarnings::write_metrics(std::span<double> out) const {
  MS_SEATBELT(out.size() >= metric_width(), "EarlyWarnings::write_metrics: span too short");
  for (const auto& src : sources_) {
    const std::size_t width = src.spec.width();
    for (std::size_t k = 0; k < width; ++k) {
      const auto& v = current_[src.first_series + k];
      out[k] = v.variance;
      out[width + k] = v.ac1;
      out[2 * width + k] = v.skewness;
    }
    out = out.subspan(3 * width);
  }
}

AnalysisSpec EarlyWarnings::analysis_spec() const {
  AnalysisSpec spec{"ews", {}};
  for (const auto& s : series_) {
    const auto& src = sources_[s.source].spec;
    const std::string key = s.label.empty() ? src.name : src.name + "_" + s.label;
    for (const char* name : indicator_names) {
      std::string indicator = src.name + "_ews_" + name;
      if (src.by) indicator += "_by_" + src.by->dim + "[" + s.label + "]";
      spec.values.push_back({key + "_ews_" + name + "_tau", "1",
                             "Kendall's tau-b of " + indicator +
                                 " against time, over the steps where it is defined (NaN if fewer than 2)"});
    }
  }
  spec.values.push_back({"window_steps", "steps", "Steps in the rolling window"});
  spec.values.push_back(
      {"bandwidth_steps", "steps",
       "Bandwidth of the Gaussian kernel in steps, as R's ksmooth reads it (NaN without Gaussian "
       "detrending)"});
  spec.values.push_back(
      {"detrending", "", "What was removed from each series: gaussian, linear or none", true});
  return spec;
}

std::vector<AnalysisValue> EarlyWarnings::analysis_values() const {
  std::vector<AnalysisValue> out;
  for (std::size_t s = 0; s < series_.size(); ++s)
    for (std::size_t i = 0; i < indicators; ++i) {
      const std::span<const double> h(history_.data() + (s * indicators + i) * steps_, steps_seen_);
      out.push_back({kendall_tau_against_time(h)});
    }
  out.push_back({static_cast<double>(early_warning_window(settings_, steps_))});
  out.push_back({settings_.detrending == Detrending::gaussian
                     ? settings_.bandwidth_share * static_cast<double>(steps_)
                     : std::numeric_limits<double>::quiet_NaN()});
  AnalysisValue d;
  d.text = detrending_name(settings_.detrending);
  out.push_back(d);
  return out;
}

}  // namespace missionsim::model
