// Adaptive policy: signposts and triggers. A trigger watches one metric value after every step;
// the first time its condition holds it fires once — starts, stops or scales an instrument
// from the next step on — and records a trigger_fired event, so the path the policy took can
// be read back from /events.
#pragma once

#include "engine/core/calendar.hpp"
#include "engine/core/error.hpp"
#include "engine/io/recorder.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace missionsim {
class TableSpec;
class TableView;
}  // namespace missionsim

namespace missionsim::model {

class Instruments;

enum class TriggerAction { start, stop, scale };

struct TriggerParams {
  std::string name;
  std::string instrument;
  std::string metric;  ///< dataset name, e.g. early_stage_share or adopter_share_by_innovation
  std::string label;   ///< for a breakdown metric: which label
  bool above = false;  ///< fire when the value is above (else below) `value`
  double value = 0;
  TriggerAction action = TriggerAction::start;
  double factor = 2.0;                   ///< scale: multiplies planned spending and effect
  Date after{};                          ///< not watched before this day
  Diagnostic where_metric, where_label;  ///< positions for checks made once metrics are known
};

/// Declares `[[triggers]]`.
void declare_trigger_keys(TableSpec& root);
/// Reads them; an unknown instrument is appended to `problems`.
std::vector<TriggerParams> read_triggers(const TableView& root, const std::vector<std::string>& instruments,
                                         std::vector<Diagnostic>& problems);
/// Once the metrics are known: an unknown metric (with a suggestion), a label missing or not
/// among the breakdown's labels.
std::vector<Diagnostic> check_triggers(const std::vector<TriggerParams>& triggers,
                                       const std::vector<MetricSpec>& metrics);

class Triggers {
 public:
  /// `metrics` are the metrics of the step's value vector, in order; `instrument_index[i]` is
  /// trigger i's instrument in `instruments`.
  Triggers(std::vector<TriggerParams> params, const std::vector<MetricSpec>& metrics,
           std::vector<std::size_t> instrument_index, const Calendar& calendar, Instruments& instruments);

  void setup(std::uint32_t run);
  /// Which triggers have fired (a snapshot for counterfactual runs).
  [[nodiscard]] std::vector<std::uint8_t> state() const { return fired_; }
  void restore(const std::vector<std::uint8_t>& fired) { fired_ = fired; }
  /// After step `step`'s metrics are written: fires what holds; effects start next step.
  void on_step(std::uint32_t step, std::span<const double> values);
  [[nodiscard]] std::span<const Event> events() const noexcept { return events_; }
  void clear_events() noexcept { events_.clear(); }

 private:
  std::vector<TriggerParams> params_;
  std::vector<std::size_t> offset_;  ///< of the watched value in the step's vector
  std::vector<std::size_t> instrument_;
  std::vector<double> after_days_;
  const Calendar& calendar_;
  Instruments& instruments_;
  std::vector<std::uint8_t> fired_;
  std::uint32_t run_ = 0;
  std::vector<Event> events_;
};

}  // namespace missionsim::model
