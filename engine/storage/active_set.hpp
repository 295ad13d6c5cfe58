// The agents to re-evaluate in a step when few agents change: a flag per agent set by pushing
// from the agents that changed (or that act on their neighbours), and a flag per block so that
// blocks nobody touched are skipped whole. Decisions stay pure functions of the state at the
// start of the step, so evaluating only the touched agents gives the full sweep's result.
#pragma once

#include "engine/storage/block_partition.hpp"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <span>
#include <vector>

namespace missionsim {

class ActiveSet {
 public:
  ActiveSet() = default;
  explicit ActiveSet(BlockPartition blocks)
      : blocks_(blocks), touched_(blocks.agents(), 0), block_touched_(blocks.block_count(), 0) {}

  /// Marks agent v for evaluation. Safe from any thread: every writer stores the same 1.
  void touch(std::uint32_t v) noexcept {
    std::atomic_ref<std::uint8_t>(touched_[v]).store(1, std::memory_order_relaxed);
    std::atomic_ref<std::uint8_t>(block_touched_[v / blocks_.block_size()])
        .store(1, std::memory_order_relaxed);
  }
  /// Marks v and its neighbours (a CSR row).
  template <class Offsets, class Targets>
  void touch_with_neighbours(std::uint32_t v, const Offsets& offsets, const Targets& targets) noexcept {
    touch(v);
    for (auto e = offsets[v]; e < offsets[v + 1]; ++e) touch(targets[e]);
  }

  [[nodiscard]] bool touched(const AgentBlock& b) const noexcept { return block_touched_[b.index] != 0; }

  /// Calls f(v) for every touched agent of block b in increasing order and clears the block's
  /// flags. Only the block's own task may call it (after the touching phase is over).
  template <class F>
  void drain(const AgentBlock& b, F&& f) {
    if (!block_touched_[b.index]) return;
    block_touched_[b.index] = 0;
    std::uint8_t* flags = touched_.data();
    for (std::uint32_t v = b.begin; v < b.end; ++v) {
      if (!flags[v]) continue;
      flags[v] = 0;
      f(v);
    }
  }

  /// Clears every flag (after setup, or when a step swept everyone instead).
  void clear() noexcept {
    std::fill(touched_.begin(), touched_.end(), std::uint8_t{0});
    std::fill(block_touched_.begin(), block_touched_.end(), std::uint8_t{0});
  }

 private:
  BlockPartition blocks_;
  std::vector<std::uint8_t> touched_;
  std::vector<std::uint8_t> block_touched_;
};

/// True if block b of two state columns differs: the agents that changed in the last step are
/// where `current` differs from the double buffer's other half, which still holds the state
/// before it.
template <class T>
[[nodiscard]] bool block_differs(std::span<const T> current, std::span<const T> before, const AgentBlock& b) {
  return !std::equal(current.begin() + b.begin, current.begin() + b.end, before.begin() + b.begin);
}

}  // namespace missionsim
