// Hooks for progress displays and timing around the step loop; they never change results.
#pragma once

#include <cstdint>

namespace missionsim {

class StepObserver {
 public:
  virtual ~StepObserver() = default;
  virtual void on_run_start(std::uint32_t /*run*/, std::uint32_t /*steps*/) {}
  /// Before the step's phases run.
  virtual void on_step_begin(std::uint32_t /*run*/, std::uint32_t /*step*/) {}
  /// After the phases and the metrics of the step, before anything is recorded: the span from
  /// on_step_begin to here is the simulation's own work.
  virtual void on_step_computed(std::uint32_t /*run*/, std::uint32_t /*step*/) {}
  /// After the step was recorded (metrics and events).
  virtual void on_step_end(std::uint32_t /*run*/, std::uint32_t /*step*/, std::uint32_t /*steps*/) {}
  virtual void on_run_end(std::uint32_t /*run*/) {}
};

}  // namespace missionsim
