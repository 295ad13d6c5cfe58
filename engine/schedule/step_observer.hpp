// Hooks for progress displays and timing around the step loop; they never change results.
#pragma once

#include <cstdint>

namespace missionsim {

class StepObserver {
 public:
  virtual ~StepObserver() = default;
  virtual void on_run_start(std::uint32_t /*run*/, std::uint32_t /*steps*/) {}
  virtual void on_step_end(std::uint32_t /*run*/, std::uint32_t /*step*/, std::uint32_t /*steps*/) {}
  virtual void on_run_end(std::uint32_t /*run*/) {}
};

}  // namespace missionsim
