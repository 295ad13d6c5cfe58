#include "engine/analysis/discounting.hpp"

#include "engine/core/error.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

namespace missionsim {

TEST_CASE("discount_factor matches (1 + r)^-t in closed form") {
  const double r = 0.03;
  CHECK(discount_factor(r, 0.0) == 1.0);
  CHECK(discount_factor(r, 1.0) == Approx(1.0 / 1.03).epsilon(1e-15));
  CHECK(discount_factor(r, 0.5) == Approx(1.0 / std::sqrt(1.03)).epsilon(1e-15));
  CHECK(discount_factor(r, 2.0) == Approx(1.0 / (1.03 * 1.03)).epsilon(1e-15));
  // A zero rate leaves every time undiscounted.
  CHECK(discount_factor(0.0, 7.25) == 1.0);
}

TEST_CASE("step_discount_factor values a step at its mid-point") {
  // A yearly step starting at t = 1 is valued at t = 1.5: 1 / (1.03 · √1.03).
  CHECK(step_discount_factor(0.03, 1.0, 1.0) == Approx(1.0 / (1.03 * std::sqrt(1.03))).epsilon(1e-15));
  // A half-year step starting at 0 is valued at t = 0.25: 1.03^(-1/4) = 1 / √√1.03.
  CHECK(step_discount_factor(0.03, 0.0, 0.5) == Approx(1.0 / std::sqrt(std::sqrt(1.03))).epsilon(1e-15));
}

TEST_CASE("discount_factor rejects rates and times that have no present value") {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  CHECK_THROWS_AS(discount_factor(-1.0, 1.0), InternalError);
  CHECK_THROWS_AS(discount_factor(nan, 1.0), InternalError);
  CHECK_THROWS_AS(discount_factor(0.03, nan), InternalError);
  CHECK_THROWS_AS(discount_factor(0.03, std::numeric_limits<double>::infinity()), InternalError);
}

}  // namespace missionsim
