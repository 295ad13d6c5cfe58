// Health equity metrics of the care pathway: for incidence, mortality from the disease and the
// early-stage share of diagnoses, the gap and ratio between the most and least deprived
// quintiles, the concentration index over quintiles, and the spread between regions.
#pragma once

#include "engine/io/recorder.hpp"
#include "models/equity/inequality.hpp"
#include "models/pathway/pathway.hpp"
#include "models/population/population.hpp"

#include <cstddef>
#include <span>
#include <vector>

namespace missionsim::model {

/// The indicators whose distribution Equity measures, each computed from one step's tallies.
enum class EquityIndicator : std::size_t {
  incidence_rate,          ///< new cases per 100,000 real persons per year
  disease_mortality_rate,  ///< deaths from the disease per 100,000 real persons per year
  early_stage_share,       ///< early diagnoses / all diagnoses in the step (NaN without any)
};
inline constexpr std::size_t equity_indicator_count = 3;

/// Reads the pathway's last step; holds no state of its own beyond the group sizes, so it has
/// no phase: the composition calls write_metrics() after the pathway's step has run. For each
/// indicator NAME it writes NAME_gap_absolute (q5 − q1), NAME_gap_relative (q5 / q1),
/// NAME_concentration_index (ranked from most to least deprived: negative means concentrated
/// among the deprived) and NAME_gap_regions (max − min over regions), as inequality.hpp defines.
class Equity {
 public:
  /// `dt_years` is the step length, which turns a step's counts into yearly rates. `pathway`
  /// must outlive the Equity; the population is read here only, for the groups' sizes.
  Equity(const Pathway& pathway, const Population& population, double dt_years);

  static void describe_metrics(std::vector<MetricSpec>& out);
  [[nodiscard]] static constexpr std::size_t metric_width() noexcept { return 4 * equity_indicator_count; }
  /// The values of describe_metrics() for the pathway's last step; allocates nothing.
  void write_metrics(std::span<double> out) const;

  /// The indicator in each quintile (0 = least deprived) at the pathway's last step; a rate's
  /// denominator is the quintile's persons (the population keeps its size: deaths are replaced).
  [[nodiscard]] QuintileValues by_quintile(EquityIndicator indicator) const noexcept;
  /// The indicator in region r at the pathway's last step.
  [[nodiscard]] double in_region(EquityIndicator indicator, std::size_t r) const noexcept;

 private:
  // One group's value of an indicator from the pathway's counts in that group.
  template <class CountOf>
  [[nodiscard]] double value(EquityIndicator indicator, CountOf count_of, double persons) const noexcept;

  const Pathway& pathway_;
  double dt_years_;
  std::vector<double> region_persons_;                     ///< simulated persons per region
  std::array<double, quintile_count> quintile_persons_{};  ///< simulated persons per quintile
};

}  // namespace missionsim::model
