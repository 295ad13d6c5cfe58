// The W1 rule written as plain loops over the CSR arrays, with no engine machinery: the
// yardstick the engine's threshold step is timed and checked against.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace missionsim::bench {

/// Synchronous fractional-threshold cascade (Watts 2002), single-threaded, adopters never
/// revert: a non-adopter with degree d > 0 adopts when (adopting neighbours) / d ≥ θ.
class ThresholdReference {
 public:
  /// `offsets` and `targets` are a CSR network; `thresholds` is per person, or empty when
  /// everyone has `theta`. The spans must outlive the kernel.
  ThresholdReference(std::span<const std::uint64_t> offsets, std::span<const std::uint32_t> targets,
                     double theta, std::span<const double> thresholds);

  /// Starts over from this adoption state (one byte per person, 0 or 1).
  void reset(std::span<const std::uint8_t> adopted);
  /// One synchronous step; returns the number of new adopters.
  std::uint64_t step();

  [[nodiscard]] std::span<const std::uint8_t> adopted() const noexcept { return current_; }
  [[nodiscard]] std::uint64_t adopter_count() const noexcept { return adopters_; }
  /// Neighbour entries read since reset(): adopters skip their row, so this is below 2E per step.
  [[nodiscard]] std::uint64_t edge_visits() const noexcept { return edge_visits_; }

 private:
  std::span<const std::uint64_t> offsets_;
  std::span<const std::uint32_t> targets_;
  double theta_;
  std::span<const double> thresholds_;
  std::vector<std::uint8_t> current_;
  std::vector<std::uint8_t> next_;
  std::uint64_t adopters_ = 0;
  std::uint64_t edge_visits_ = 0;
};

}  // namespace missionsim::bench
