// A model as it is before any world exists: its components' state columns, phases (with the
// columns and metrics each reads and writes), metrics, event kinds, analyses and goals. The
// components fill it in from the scenario alone; freeze() checks it and orders the phases into
// the plan every run of the model executes (FLAME GPU 2's ModelDescription, as an idea).
#pragma once

#include "engine/io/recorder.hpp"
#include "engine/schedule/step_plan.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <typeindex>
#include <vector>

namespace missionsim {

/// A typed handle on one piece of declared state: a per-agent column or an aggregate. Resolved
/// by name once, when the description is frozen; the step loop never looks a name up.
template <class T>
struct Column {
  std::uint32_t id = 0;
};

/// A handle on a metric: one the component writes, or one of another component's it reads.
struct MetricHandle {
  std::uint32_t id = 0;
};

/// Metrics a component declared one after the other, written as one span of values.
struct MetricBlock {
  MetricHandle first;
  std::uint32_t count = 0;
};

/// A handle on a per-run analysis the component records when the run concludes.
struct AnalysisHandle {
  std::uint32_t index = 0;
};

struct PhaseHandle {
  std::uint32_t id = 0;
};

/// One column as declared: by its owner, or only named by a reader (then owner stays empty
/// until the owner declares it).
struct ColumnInfo {
  std::string name;  ///< "component.column"
  std::string owner;
  std::string description;
  std::type_index type = typeid(void);
  const char* type_name = "";  ///< what the first mention expected, for messages
  bool set_up = false;         ///< written by its owner's setup
  bool declared = false;
};

/// A reference to a metric by its dataset name, resolved at freeze.
struct MetricRef {
  std::string dataset;
  std::uint32_t metric = 0;  ///< index into metrics(), once resolved
  std::string by_component;  ///< who named it
};

struct PhaseInfo {
  std::string name;  ///< "component.phase"
  std::string component;
  Phase::Kind kind = Phase::Kind::serial;
  int stage = 0;
  std::vector<std::uint32_t> reads, writes;                  ///< columns
  std::vector<std::uint32_t> reads_metrics, writes_metrics;  ///< metric references
  std::vector<std::string> after;  ///< earlier phases that write a column this one also writes
};

class ModelDescription;

/// A phase being declared; the calls chain. Valid while its description lives.
class PhaseDecl {
 public:
  PhaseDecl(ModelDescription& d, std::uint32_t id) : d_(&d), id_(id) {}
  template <class... T>
  PhaseDecl& reads(Column<T>... c) {
    (add_read(c.id), ...);
    return *this;
  }
  template <class... T>
  PhaseDecl& writes(Column<T>... c) {
    (add_write(c.id), ...);
    return *this;
  }
  PhaseDecl& reads_metric(MetricHandle m);
  PhaseDecl& writes_metric(MetricHandle m);
  PhaseDecl& writes_metrics(MetricBlock b);
  /// This phase writes a column that the earlier phase `phase` ("component.phase") writes too,
  /// after it: the order is intended. Without it, two writers of one column are an error.
  PhaseDecl& after(std::string phase);
  [[nodiscard]] PhaseHandle handle() const noexcept { return {id_}; }
  operator PhaseHandle() const noexcept { return handle(); }  // NOLINT(google-explicit-constructor)

 private:
  void add_read(std::uint32_t column);
  void add_write(std::uint32_t column);
  ModelDescription* d_;
  std::uint32_t id_;
};

/// What one component sees of the description: every name it declares is prefixed with its
/// own ("adoption" + "adopted" → "adoption.adopted"); names of others' columns are given whole.
class ComponentDescription {
 public:
  ComponentDescription(ModelDescription& d, std::string component);

  /// A column this component owns and its phases write.
  template <class T>
  Column<T> column(std::string_view name, const std::string& description) {
    return {own(name, description, typeid(T), type_label<T>(), false)};
  }
  /// A column this component owns and writes in its setup (and perhaps its phases).
  template <class T>
  Column<T> set_up_column(std::string_view name, const std::string& description) {
    return {own(name, description, typeid(T), type_label<T>(), true)};
  }
  /// Another component's column, by its full name; checked when the description is frozen.
  template <class T>
  Column<T> use(std::string_view full_name) {
    return {mention(full_name, typeid(T), type_label<T>())};
  }
  /// A metric this component writes every step.
  MetricHandle metric(MetricSpec spec);
  /// Metrics this component writes every step, in this order, as one block of values.
  MetricBlock metrics(const std::vector<MetricSpec>& specs);
  /// Metrics every component declared so far, in order.
  [[nodiscard]] const std::vector<MetricSpec>& declared_metrics() const noexcept;
  /// A metric written by another component, by its dataset name (deaths_by_region).
  MetricHandle use_metric(std::string_view dataset);
  /// A kind of event this component records (goal_met, budget_exhausted...).
  void event_kind(std::string kind);
  AnalysisHandle analysis(AnalysisSpec spec);
  void goal(GoalSpec goal);
  /// A phase of kind `kind` in `stage` (phases run by stage, then in the order of the
  /// components, then in the order each declares them).
  PhaseDecl phase(std::string_view name, Phase::Kind kind, int stage);

  [[nodiscard]] const std::string& component() const noexcept { return component_; }

 private:
  template <class T>
  static const char* type_label() {
    return typeid(T).name();
  }
  std::uint32_t own(std::string_view name, std::string description, std::type_index type, const char* label,
                    bool set_up);
  std::uint32_t mention(std::string_view full_name, std::type_index type, const char* label);
  ModelDescription& d_;
  std::string component_;
};

class ModelDescription {
 public:
  /// Checks the description and orders the phases. InternalError, naming component, phase and
  /// column, for: a column or metric read that nothing writes (the owner's setup counts as a
  /// writer); a column a phase writes that no phase reads; two phases writing one column without the
  /// later one declaring after(); two agent phases writing one column with no serial phase
  /// between; a column mentioned with two types, declared twice or never declared.
  void freeze();
  [[nodiscard]] bool frozen() const noexcept { return frozen_; }

  [[nodiscard]] const std::vector<std::string>& components() const noexcept { return components_; }
  [[nodiscard]] const std::vector<ColumnInfo>& columns() const noexcept { return columns_; }
  [[nodiscard]] const std::vector<PhaseInfo>& phases() const noexcept { return phases_; }
  /// Phase ids in execution order; after freeze().
  [[nodiscard]] const std::vector<std::uint32_t>& order() const noexcept { return order_; }
  /// Every metric, in the order of the step's value vector (components' order, then declaration).
  [[nodiscard]] const std::vector<MetricSpec>& metrics() const noexcept { return metrics_; }
  /// Offset of metrics()[i]'s first value in the step's value vector.
  [[nodiscard]] const std::vector<std::size_t>& metric_offsets() const noexcept { return metric_offset_; }
  [[nodiscard]] std::size_t value_count() const noexcept { return value_count_; }
  /// Index into metrics() of a handle; after freeze().
  [[nodiscard]] std::uint32_t metric_of(MetricHandle h) const { return metric_refs_.at(h.id).metric; }
  /// The metrics written by phases that read no metric: what goals and triggers may watch
  /// (not indicators derived from other metrics). Valid before freeze().
  [[nodiscard]] std::vector<MetricSpec> primary_metrics() const;
  [[nodiscard]] const std::vector<std::string>& event_kinds() const noexcept { return event_kinds_; }
  [[nodiscard]] const std::vector<AnalysisSpec>& analyses() const noexcept { return analyses_; }
  [[nodiscard]] const std::vector<GoalSpec>& goals() const noexcept { return goals_; }

  /// The plan as `missionsim info --plan` prints it: one line per phase in execution order,
  /// `COMPONENT.PHASE reads: a, b writes: c`, after one `COMPONENT.setup writes: …` line for
  /// every component whose setup writes columns. Metrics appear as `metrics/DATASET`.
  [[nodiscard]] std::string plan_text() const;
  /// The same as Graphviz text: phases in order, the state each reads (dashed in) and writes.
  [[nodiscard]] std::string plan_dot() const;

 private:
  friend class ComponentDescription;
  friend class PhaseDecl;
  void begin_component(const std::string& name);
  [[nodiscard]] std::string state_name(bool metric, std::uint32_t id) const;

  std::vector<std::string> components_;
  std::vector<ColumnInfo> columns_;
  std::vector<PhaseInfo> phases_;
  std::vector<std::uint32_t> order_;
  std::vector<MetricSpec> metrics_;
  std::vector<std::string> metric_owner_;
  std::vector<std::size_t> metric_offset_;
  std::vector<MetricRef> metric_refs_;
  std::vector<std::string> event_kinds_;
  std::vector<AnalysisSpec> analyses_;
  std::vector<GoalSpec> goals_;
  std::size_t value_count_ = 0;
  bool frozen_ = false;
};

}  // namespace missionsim
