// The W2 rule written as plain loops over the CSR arrays with double-buffered uint8 state and
// no engine machinery: the yardstick the engine's contagion step is timed and checked against.
#pragma once

#include "bench/contagion_ba/sir_rule.hpp"

#include <cstdint>
#include <span>
#include <vector>

namespace missionsim::bench {

/// Synchronous SIR, single-threaded, full sweep every step. Draws are Philox (step, agent, 0)
/// of the W2 stream, exactly those of the engine component, so both end in the same state.
class SirReference {
 public:
  /// The spans must outlive the kernel.
  SirReference(std::span<const std::uint64_t> offsets, std::span<const std::uint32_t> targets, SirParams p,
               StreamKey key);

  void reset(std::span<const std::uint8_t> state);
  void step(std::uint32_t t);

  [[nodiscard]] std::span<const std::uint8_t> state() const noexcept { return current_; }
  [[nodiscard]] std::uint64_t infected_count() const noexcept { return infected_; }
  [[nodiscard]] std::uint64_t recovered_count() const noexcept { return recovered_; }

 private:
  std::span<const std::uint64_t> offsets_;
  std::span<const std::uint32_t> targets_;
  double recovery_;
  PhiloxStream draws_;
  std::vector<double> infection_;
  std::vector<std::uint8_t> current_;
  std::vector<std::uint8_t> next_;
  std::uint64_t infected_ = 0;
  std::uint64_t recovered_ = 0;
};

}  // namespace missionsim::bench
