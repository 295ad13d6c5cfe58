// The generic loop over an ordered list of components: described and frozen on construction
// (no world), set up for one run, then stepped through the frozen plan by the executor.
#pragma once

#include "engine/model/component.hpp"
#include "engine/model/description.hpp"
#include "engine/schedule/step_executor.hpp"
#include "engine/schedule/step_plan.hpp"

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace missionsim {

/// Everything that changes between two steps: the metric values and each component's state.
struct ModelSnapshot {
  std::vector<double> values;
  std::vector<StateList::Snapshot> components;
};

class Model {
 public:
  /// Describes every component, in order, and freezes the description. The components must
  /// outlive the model.
  explicit Model(std::vector<Component*> components);
  /// The components' description, not yet frozen (for checks that come first, such as a
  /// scenario's goals against the metrics).
  [[nodiscard]] static ModelDescription describe(const std::vector<Component*>& components);
  ~Model();
  Model(const Model&) = delete;
  Model& operator=(const Model&) = delete;

  [[nodiscard]] const ModelDescription& description() const noexcept { return description_; }

  /// Sets the components up in order, then assembles the executable step; InternalError if a
  /// declared phase was given no body.
  void setup(std::uint64_t seed, std::uint32_t run, unsigned threads);
  /// Runs every phase of the plan once; afterwards values() holds the step's metrics.
  void run_step(const StepContext& ctx);
  [[nodiscard]] std::span<const double> values() const noexcept { return values_; }
  /// Moves the step's events of every component, in the components' order, to `out`.
  void take_events(std::vector<Event>& out);
  /// Lets every component record its goals and analyses after the last step.
  void conclude(Recorder& recorder, std::uint32_t run);

  [[nodiscard]] ModelSnapshot snapshot() const;
  void restore(const ModelSnapshot& s);

 private:
  friend class SetupContext;
  struct Body {
    BlockPartition blocks;
    std::function<void(const StepContext&, const AgentBlock&)> on_block;
    std::function<void(const StepContext&)> on_step;
  };
  std::vector<Component*> components_;
  ModelDescription description_;
  std::uint64_t seed_ = 0;
  std::uint32_t run_ = 0;
  std::vector<double> values_;
  std::vector<Body> bodies_;                              ///< per phase id
  std::vector<StateList> states_;                         ///< per component
  std::vector<std::unique_ptr<ColumnBinding>> bindings_;  ///< per column: the owner's data source
  StepPlan plan_;
  std::unique_ptr<StepExecutor> executor_;
};

}  // namespace missionsim
