// The tipping step of a supported transition: the first withdrawal step from which adoption
// sustains itself with a stated probability, found on a coarse grid, refined by bisection, with
// a bootstrap interval over the replicates.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace missionsim {

struct WithdrawalPoint {
  std::uint32_t step = 0;
  std::vector<std::uint8_t> sustained;  ///< per replicate: 1 if adoption still reached the new normal
  [[nodiscard]] double probability() const;
};

struct TippingSearch {
  std::vector<WithdrawalPoint> points;  ///< every step evaluated, in step order
  std::optional<std::uint32_t> step;    ///< the tipping step; none if no evaluated step reaches the level
  /// 2.5 % and 97.5 % quantiles of the bootstrap's tipping steps; none where a share of the
  /// resamples that large never tips.
  std::optional<std::uint32_t> low, high;
};

struct TippingSearchSettings {
  double level = 0.9;              ///< sustain probability the tipping step must reach
  std::uint32_t bootstrap = 1000;  ///< resamples of the replicates
  std::uint64_t seed = 1;          ///< of the resampling
};

/// `sustained(step)` withdraws all support at `step` in every replicate and says, per replicate,
/// whether adoption still reaches the new normal. It is called once per grid step (ascending),
/// then for the bisection inside the first grid interval whose right end reaches the level,
/// which assumes the sustain probability does not fall again inside that interval. The
/// bootstrap resamples replicates and takes the first evaluated step reaching the level.
TippingSearch find_tipping_step(const std::vector<std::uint32_t>& grid, const TippingSearchSettings& settings,
                                const std::function<std::vector<std::uint8_t>(std::uint32_t)>& sustained);

}  // namespace missionsim
