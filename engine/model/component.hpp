// The component contract: a component declares itself (from the scenario alone, before any
// world exists), sets up from the run's seed, runs its phases in the frozen plan, writes its
// metrics through handles, keeps its state in one list, records its events after each step and
// concludes after the last (Chaste's simulation modifiers, as an idea).
#pragma once

#include "engine/core/error.hpp"
#include "engine/io/recorder.hpp"
#include "engine/model/description.hpp"
#include "engine/model/state_list.hpp"
#include "engine/schedule/step_plan.hpp"
#include "engine/storage/block_partition.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

namespace missionsim {

class Model;

/// A step's metric values; components write theirs through their handles, in any order.
class MetricValues {
 public:
  MetricValues(const ModelDescription& d, std::span<double> values) : d_(&d), values_(values) {}
  /// The values of one metric: one, or one per label of its breakdown.
  [[nodiscard]] std::span<double> operator[](MetricHandle h) const {
    const std::uint32_t m = d_->metric_of(h);
    return values_.subspan(d_->metric_offsets()[m], d_->metrics()[m].width());
  }
  /// The values of metrics first … last of one component, declared one after the other.
  [[nodiscard]] std::span<double> range(MetricHandle first, MetricHandle last) const {
    const std::uint32_t a = d_->metric_of(first), b = d_->metric_of(last);
    const std::size_t begin = d_->metric_offsets()[a];
    return values_.subspan(begin, d_->metric_offsets()[b] + d_->metrics()[b].width() - begin);
  }
  /// The values of a block of metrics (empty for an empty block).
  [[nodiscard]] std::span<double> operator[](MetricBlock b) const {
    if (b.count == 0) return {};
    return range(b.first, {b.first.id + b.count - 1});
  }
  /// Every value of the step, in metrics() order (for observers that watch by offset).
  [[nodiscard]] std::span<const double> all() const noexcept { return values_; }

 private:
  const ModelDescription* d_;
  std::span<double> values_;
};

/// Where a column's data comes from, as its owner bound it during setup.
struct ColumnBinding {
  virtual ~ColumnBinding() = default;
};
template <class T>
struct TypedColumnBinding final : ColumnBinding {
  std::function<std::span<const T>()> source;
};

/// A read-only view of another component's column, bound by its owner during setup and
/// resolved on use (the owner may swap buffers between steps).
template <class T>
class ColumnView {
 public:
  explicit ColumnView(const TypedColumnBinding<T>& binding) : binding_(&binding) {}
  /// InternalError if the owner bound no data to the column.
  [[nodiscard]] std::span<const T> operator()() const {
    if (!binding_->source) throw InternalError("a column read through a view was never bound by its owner");
    return binding_->source();
  }

 private:
  const TypedColumnBinding<T>* binding_;
};

/// What setup sees: the run, the description, the model's metric values, and the bodies and
/// data bindings it hands back.
class SetupContext {
 public:
  SetupContext(Model& model, std::uint32_t component) : model_(model), component_(component) {}
  [[nodiscard]] std::uint64_t seed() const noexcept;
  [[nodiscard]] std::uint32_t run() const noexcept;
  [[nodiscard]] const ModelDescription& description() const noexcept;
  /// The step's metric values (stable for the run).
  [[nodiscard]] MetricValues values() const;
  /// The body of an agent phase, over the agents of `blocks`.
  void body(PhaseHandle phase, BlockPartition blocks,
            std::function<void(const StepContext&, const AgentBlock&)> f);
  /// The body of a serial phase.
  void body(PhaseHandle phase, std::function<void(const StepContext&)> f);
  /// The bodies of phases a class adds to a plan of its own (its add_phases()), each bound to
  /// the declared phase of this component with the same name; agent phases without a
  /// partition of their own run over `blocks`. InternalError for a phase not declared.
  void bodies_from(const StepPlan& plan, const BlockPartition& blocks);
  /// The component's state between steps, for snapshot and restore.
  [[nodiscard]] StateList& state();
  /// Makes an owned column's data readable by other components.
  template <class T, class Data>
  void bind(Column<T> column, Data data) {
    slot(column).source = std::move(data);
  }
  /// Another component's column data, read through its owner's binding.
  template <class T>
  [[nodiscard]] ColumnView<T> view(Column<T> column) {
    return ColumnView<T>(slot(column));
  }

 private:
  // The freeze checked every column's type, so the slot of a Column<T> holds a T binding.
  template <class T>
  TypedColumnBinding<T>& slot(Column<T> column) {
    auto& b = binding(column.id);
    if (!b) b = std::make_unique<TypedColumnBinding<T>>();
    return static_cast<TypedColumnBinding<T>&>(*b);
  }
  std::unique_ptr<ColumnBinding>& binding(std::uint32_t column);
  Model& model_;
  std::uint32_t component_;
};

/// What a component records when the run concludes.
class ConcludeContext {
 public:
  ConcludeContext(Recorder& recorder, std::uint32_t run) : recorder_(recorder), run_(run) {}
  [[nodiscard]] std::uint32_t run() const noexcept { return run_; }
  void record_goals(std::span<const GoalOutcome> outcomes) { recorder_.record_goals(run_, outcomes); }
  void record_analysis(AnalysisHandle a, std::span<const AnalysisValue> values) {
    recorder_.record_analysis(run_, a.index, values);
  }

 private:
  Recorder& recorder_;
  std::uint32_t run_;
};

class Component {
 public:
  virtual ~Component() = default;
  /// The prefix of its columns and phases ("adoption"); unique in a model.
  [[nodiscard]] virtual std::string_view name() const = 0;
  /// Declares columns, phases, metrics, event kinds, analyses and goals, from what the
  /// component was constructed with (the scenario) alone: no world exists yet.
  virtual void describe(ComponentDescription& d) = 0;
  /// Builds the component's part of the world and binds its phase bodies. Components are set
  /// up in the model's order, so a component may rely on those before it.
  virtual void setup(SetupContext& ctx) = 0;
  /// After each step: moves the step's events (of declared kinds) to `out`, in order.
  virtual void take_events(std::vector<Event>& /*out*/) {}
  /// After the last step: records goals and analyses.
  virtual void conclude(ConcludeContext& /*ctx*/) {}
};

}  // namespace missionsim
