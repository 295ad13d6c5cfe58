// A per-agent column read by everyone during a step and written for the next: agents see
// only the state at the start of the step, whatever order the blocks run in.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace missionsim {

template <class T>
class DoubleBuffer {
 public:
  DoubleBuffer() = default;
  DoubleBuffer(std::size_t size, T initial) : current_(size, initial), next_(size, initial) {}

  [[nodiscard]] std::size_t size() const noexcept { return current_.size(); }
  /// State at the start of the step: read-only for the phases of the step.
  [[nodiscard]] std::span<const T> current() const noexcept { return current_; }
  /// State being built for the next step; every agent's slot is written by its own block.
  [[nodiscard]] std::span<T> next() noexcept { return next_; }
  /// Setup-time access to the current state (initial conditions), never during a step.
  [[nodiscard]] std::span<T> initial() noexcept { return current_; }
  /// Makes `next` the current state. The old current becomes scratch for the next step.
  void swap() noexcept { current_.swap(next_); }
  /// Copies current into next, for state that setup wrote into current only.
  void sync() { next_ = current_; }

 private:
  std::vector<T> current_;
  std::vector<T> next_;
};

}  // namespace missionsim
