// Summary measures of inequality in a health indicator across deprivation quintiles or regions:
// the gap and ratio between the extreme quintiles, and the concentration index.
#pragma once

#include "models/population/params.hpp"

#include <array>
#include <limits>

namespace missionsim::model {

/// An indicator's value in each deprivation quintile, index 0 = q1 (least deprived) to
/// 4 = q5 (most deprived), as in Population::quintile().
using QuintileValues = std::array<double, quintile_count>;

/// q5 − q1: positive when the most deprived fifth has the higher value (for a rate of disease,
/// the deprived are worse off; for an early-stage share, better off). NaN if either is NaN.
[[nodiscard]] double gap_absolute(const QuintileValues& h) noexcept;

/// q5 / q1; NaN if q1 is 0 or either is NaN.
[[nodiscard]] double gap_relative(const QuintileValues& h) noexcept;

/// The health concentration index over five equal-sized groups ranked from the most deprived
/// (rank 1 = q5) to the least deprived (rank 5 = q1) (O'Donnell, van Doorslaer, Wagstaff and
/// Lindelow 2008, "Analyzing Health Equity Using Household Survey Data", World Bank, ch. 8):
///   CI = (2/μ) · cov(h, R),  R_j = (j − 0.5)/5 the fractional rank,  μ = mean of h,
///   cov(h, R) = (1/5) Σ_j (h_j − μ)(R_j − 1/2).
/// CI < 0: the indicator is concentrated among the more deprived; 0: equal. Lies in [−1, 1]
/// for non-negative h (in fact within ±0.8 with five groups). NaN if any value is NaN or μ = 0.
[[nodiscard]] double concentration_index(const QuintileValues& h) noexcept;

/// The spread (max − min) of values added one at a time, leaving out NaN (e.g. a region
/// without diagnoses in the step): NaN if every value was NaN or none was added.
class Spread {
 public:
  void add(double x) noexcept;
  [[nodiscard]] double width() const noexcept;

 private:
  double lo_ = std::numeric_limits<double>::infinity();
  double hi_ = -std::numeric_limits<double>::infinity();
};

}  // namespace missionsim::model
