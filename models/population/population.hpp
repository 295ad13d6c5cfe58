// The citizens as columns: region, deprivation quintile, age band, risk factors, and the
// relative risk of onset that follows from them. People are placed in regions contiguously
// (ids of a region form one range), so region-based networks are blocks of ids.
#pragma once

#include "models/population/params.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace missionsim::model {

/// First id of each region when n people are split by the regions' shares (largest remainder,
/// so sizes are exact and reproducible), then n: regions + 1 entries. The scenario's checks
/// and Population use the same split. No regions: one block of everyone.
[[nodiscard]] std::vector<std::uint32_t> region_starts(std::uint32_t n,
                                                       std::span<const RegionParams> regions);

class Population {
 public:
  /// Places everyone; draws come from the "population" stream of (seed, run). Region sizes are
  /// the shares' largest-remainder split; with params.joint_persons, each person's quintile and
  /// band are drawn from their region's row of the table, otherwise independently (quintiles
  /// uniform, bands by share).
  Population(PopulationParams params, std::uint64_t seed, std::uint32_t run);

  [[nodiscard]] std::uint32_t size() const noexcept { return params_.size; }
  [[nodiscard]] double scale() const noexcept { return params_.scale; }
  [[nodiscard]] const PopulationParams& params() const noexcept { return params_; }

  [[nodiscard]] std::span<const std::uint16_t> region() const noexcept { return region_; }
  [[nodiscard]] std::span<const std::uint8_t> quintile() const noexcept {
    return quintile_;
  }  ///< 0 = least deprived
  [[nodiscard]] std::span<const std::uint8_t> age_band() const noexcept { return age_band_; }
  /// Bit k set: the person has risk factor k.
  [[nodiscard]] std::span<const std::uint32_t> risk_factors() const noexcept { return risks_; }
  /// Product of the relative risks of onset of region, age band, quintile and risk factors.
  [[nodiscard]] std::span<const float> onset_risk() const noexcept { return onset_risk_; }
  /// First id of each region, and the population size at the end (regions + 1 entries).
  [[nodiscard]] const std::vector<std::uint32_t>& region_starts() const noexcept { return region_starts_; }

  [[nodiscard]] std::vector<std::string> region_labels() const;
  [[nodiscard]] static std::vector<std::string> quintile_labels();
  [[nodiscard]] std::vector<std::string> age_band_labels() const;

 private:
  PopulationParams params_;
  std::vector<std::uint16_t> region_;
  std::vector<std::uint8_t> quintile_;
  std::vector<std::uint8_t> age_band_;
  std::vector<std::uint32_t> risks_;
  std::vector<float> onset_risk_;
  std::vector<std::uint32_t> region_starts_;
};

}  // namespace missionsim::model
