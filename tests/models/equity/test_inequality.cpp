// The inequality measures against values worked out by hand from their definitions.
#include "models/equity/inequality.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

namespace missionsim::model {

namespace {
constexpr double nan = std::numeric_limits<double>::quiet_NaN();

// Values listed from the most deprived (q5) to the least (q1), the concentration index's
// ranking order, turned into QuintileValues (index 0 = q1).
QuintileValues from_q5_to_q1(double q5, double q4, double q3, double q2, double q1) {
  return {q1, q2, q3, q4, q5};
}
}  // namespace

TEST_CASE("Concentration index of a gradient falling from the most to the least deprived") {
  const auto h = from_q5_to_q1(50, 40, 30, 20, 10);
  // Ranked q5 first: R = 0.1, 0.3, 0.5, 0.7, 0.9 (mean 0.5); μ = 30.
  // cov(h, R) = (1/5)[(20)(−0.4) + (10)(−0.2) + 0·0 + (−10)(0.2) + (−20)(0.4)] = −20/5 = −4,
  // CI = (2/30)(−4) = −4/15.
  const double by_hand = -4.0 / 15.0;
  CHECK(concentration_index(h) == Approx(by_hand).epsilon(1e-12));
  // The same from O'Donnell et al.'s "convenient" form, CI = 2/(nμ) Σ h_j R_j − 1:
  // Σ h_j R_j = 5 + 12 + 15 + 14 + 9 = 55, so CI = 110/150 − 1 = −4/15.
  CHECK(2.0 / (5 * 30) * 55 - 1 == Approx(by_hand).epsilon(1e-12));
  CHECK(concentration_index(h) < 0);  // concentrated among the deprived

  // Reversing the gradient mirrors the index; scaling the indicator leaves it alone.
  CHECK(concentration_index(from_q5_to_q1(10, 20, 30, 40, 50)) == Approx(-by_hand).epsilon(1e-12));
  CHECK(concentration_index(from_q5_to_q1(5, 4, 3, 2, 1)) == Approx(by_hand).epsilon(1e-12));
}

TEST_CASE("Concentration index is 0 for equal values and ±0.8 at its five-group extremes") {
  CHECK(concentration_index(from_q5_to_q1(7, 7, 7, 7, 7)) == 0.0);
  // Everything in q5 (rank 0.1): cov = (1/5)[(5μ − μ)(−0.4) + Σ_{others} (−μ)(R_j − 0.5)]
  // = (1/5)[−1.6μ − 0.4μ] = −0.4μ, CI = −0.8; everything in q1 mirrors it.
  CHECK(concentration_index(from_q5_to_q1(1, 0, 0, 0, 0)) == Approx(-0.8).epsilon(1e-12));
  CHECK(concentration_index(from_q5_to_q1(0, 0, 0, 0, 1)) == Approx(0.8).epsilon(1e-12));
}

TEST_CASE("Concentration index is NaN without a mean or with a missing quintile") {
  CHECK(std::isnan(concentration_index(from_q5_to_q1(0, 0, 0, 0, 0))));
  CHECK(std::isnan(concentration_index(from_q5_to_q1(1, 2, nan, 3, 4))));
}

TEST_CASE("Absolute and relative gaps are q5 against q1, signed") {
  const auto worse_for_deprived = from_q5_to_q1(300, 0, 0, 0, 100);
  CHECK(gap_absolute(worse_for_deprived) == 200.0);
  CHECK(gap_relative(worse_for_deprived) == 3.0);
  const auto better_for_deprived = from_q5_to_q1(0.4, 0, 0, 0, 0.8);
  CHECK(gap_absolute(better_for_deprived) == Approx(-0.4));
  CHECK(gap_relative(better_for_deprived) == Approx(0.5));
  CHECK(gap_absolute(from_q5_to_q1(5, 1, 1, 1, 5)) == 0.0);
}

TEST_CASE("Gaps are NaN where they are undefined") {
  CHECK(std::isnan(gap_relative(from_q5_to_q1(3, 1, 1, 1, 0))));
  CHECK(std::isnan(gap_relative(from_q5_to_q1(0, 1, 1, 1, 0))));
  CHECK(gap_relative(from_q5_to_q1(0, 1, 1, 1, 2)) == 0.0);
  CHECK(std::isnan(gap_absolute(from_q5_to_q1(nan, 1, 1, 1, 2))));
  CHECK(std::isnan(gap_relative(from_q5_to_q1(1, 1, 1, 1, nan))));
}

TEST_CASE("Spread leaves out NaN and is NaN when nothing is left") {
  Spread s;
  CHECK(std::isnan(s.width()));
  s.add(nan);
  CHECK(std::isnan(s.width()));
  s.add(4.0);
  CHECK(s.width() == 0.0);
  s.add(-1.5);
  s.add(nan);
  s.add(2.0);
  CHECK(s.width() == 5.5);
}

}  // namespace missionsim::model
