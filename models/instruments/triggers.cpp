#include "models/instruments/triggers.hpp"

#include "engine/io/metric_index.hpp"
#include "engine/scenario/schema.hpp"
#include "engine/scenario/table_view.hpp"
#include "models/instruments/instruments.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <optional>

namespace missionsim::model {

void declare_trigger_keys(TableSpec& root) {
  auto& t = root.table_array(
      "triggers",
      "Signposts and triggers: after every step a trigger compares one metric value with a threshold; the "
      "first "
      "time the condition holds it fires once (a trigger_fired event) and starts, stops or scales an "
      "instrument "
      "from the next step on. An instrument named by a start trigger waits for it, whatever its start date.");
  t.string("instrument", "Name of the [[instruments]] element it acts on.").required();
  t.string("metric", "Dataset name of the metric it watches, e.g. early_stage_share or incidence_by_region.")
      .required();
  t.string("label", "For a metric broken down by a dimension: the label watched (e.g. a region's name).")
      .default_value(std::string());
  t.choice("when", {"below", "above"}, "Fire when the value falls below, or rises above, `value`.")
      .required();
  t.real("value", "The threshold, in the metric's units.").required();
  t.choice(
       "action", {"start", "stop", "scale"},
       "What happens to the instrument from the next step: start it, stop it, or scale its planned spending "
       "and its effect by `factor`.")
      .default_value(std::string("start"));
  t.when("action", "scale")
      .real("factor",
            "Multiplies the instrument's yearly spending and its effect. Its total_budget stays the cap (a "
            "mission's envelope is fixed), so an instrument scaled up reaches it sooner.")
      .greater_than(0)
      .default_value(2.0);
  t.date("after", "Not watched before this day (a signpost's review date). Default: from the start.")
      .default_value(Date{std::chrono::year{1}, std::chrono::January, std::chrono::day{1}});
}

std::vector<TriggerParams> read_triggers(const TableView& root, const std::vector<std::string>& instruments,
                                         std::vector<Diagnostic>& problems) {
  std::vector<TriggerParams> out;
  for (const auto& t : root.array("triggers")) {
    TriggerParams p;
    p.name = t.get<std::string>("name");
    p.instrument = t.get<std::string>("instrument");
    if (std::find(instruments.begin(), instruments.end(), p.instrument) == instruments.end())
      problems.push_back(
          t.diagnostic("instrument", "no [[instruments]] element is named '" + p.instrument + "'"));
    p.metric = t.get<std::string>("metric");
    p.label = t.get<std::string>("label");
    p.above = t.get<std::string>("when") == "above";
    p.value = t.get<double>("value");
    const auto action = t.get<std::string>("action");
    p.action = action == "stop"    ? TriggerAction::stop
               : action == "scale" ? TriggerAction::scale
                                   : TriggerAction::start;
    if (p.action == TriggerAction::scale) p.factor = t.get<double>("factor");
    p.after = t.get<Date>("after");
    p.where_metric = t.diagnostic("metric", "");
    p.where_label = t.diagnostic("label", "");
    out.push_back(std::move(p));
  }
  return out;
}

namespace {
// Where the watched value sits in the step's vector, or why it cannot be found.
struct Located {
  std::optional<std::size_t> offset;
  std::string problem;  ///< empty with no offset: no such metric
};

Located locate(const std::vector<MetricSpec>& metrics, const std::string& dataset, const std::string& label) {
  const auto m = std::find_if(metrics.begin(), metrics.end(),
                              [&](const MetricSpec& s) { return s.dataset_name() == dataset; });
  if (m == metrics.end()) return {std::nullopt, ""};
  if (const auto offset = metric_offset(metrics, dataset, label)) return {offset, ""};
  if (!m->by) return {std::nullopt, "'" + dataset + "' has no breakdown: leave label empty"};
  std::string all;
  for (const auto& l : m->by->labels) all += (all.empty() ? "" : ", ") + l;
  return {std::nullopt, "'" + dataset + "' is broken down by " + m->by->dim + ": label must be one of " +
                            all + (label.empty() ? " (none given)" : ", found '" + label + "'")};
}
}  // namespace

std::vector<Diagnostic> check_triggers(const std::vector<TriggerParams>& triggers,
                                       const std::vector<MetricSpec>& metrics) {
  std::vector<Diagnostic> out;
  for (const auto& t : triggers) {
    const auto found = locate(metrics, t.metric, t.label);
    if (found.offset) continue;
    if (found.problem.empty()) {
      Diagnostic d = t.where_metric;
      d.message =
          "no metric named '" + t.metric + "' in this scenario's output (see `missionsim info` of a run)";
      out.push_back(std::move(d));
    } else {
      Diagnostic d = t.where_label;
      d.message = found.problem;
      out.push_back(std::move(d));
    }
  }
  return out;
}

Triggers::Triggers(std::vector<TriggerParams> params, const std::vector<MetricSpec>& metrics,
                   std::vector<std::size_t> instrument_index, const Calendar& calendar,
                   Instruments& instruments)
    : params_(std::move(params)),
      instrument_(std::move(instrument_index)),
      calendar_(calendar),
      instruments_(instruments) {
  for (const auto& p : params_) {
    const auto found = locate(metrics, p.metric, p.label);
    if (!found.offset)
      throw InternalError("trigger '" + p.name + "' watches a metric the reader should have refused");
    offset_.push_back(*found.offset);
    after_days_.push_back(static_cast<double>(
        (std::chrono::sys_days{p.after} - std::chrono::sys_days{calendar.start()}).count()));
  }
  fired_.assign(params_.size(), 0);
  events_.reserve(params_.size());
}

void Triggers::setup(std::uint32_t run) {
  run_ = run;
  std::fill(fired_.begin(), fired_.end(), 0);
  events_.clear();
}

void Triggers::on_step(std::uint32_t step, std::span<const double> values) {
  const double today = calendar_.time_days()[step];
  for (std::size_t i = 0; i < params_.size(); ++i) {
    const auto& p = params_[i];
    if (fired_[i] || today < after_days_[i]) continue;
    const double v = values[offset_[i]];
    if (std::isnan(v) || !(p.above ? v > p.value : v < p.value)) continue;
    fired_[i] = 1;
    switch (p.action) {
      case TriggerAction::start:
        instruments_.start(instrument_[i]);
        break;
      case TriggerAction::stop:
        instruments_.stop(instrument_[i]);
        break;
      case TriggerAction::scale:
        instruments_.scale(instrument_[i], p.factor);
        break;
    }
    events_.push_back({run_, step, "trigger_fired", p.name, v});
  }
}

}  // namespace missionsim::model
