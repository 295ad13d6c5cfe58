#include "engine/core/calendar.hpp"

#include <catch2/catch.hpp>

#include <cmath>

namespace missionsim {
using namespace std::chrono;

TEST_CASE("StepLength parses counts and units, and refuses the rest") {
  CHECK(StepLength::parse("1 month")->unit == StepLength::Unit::month);
  CHECK(StepLength::parse("month")->count == 1.0);
  CHECK(StepLength::parse("2 weeks")->years() == Approx(14.0 / 365.25));
  CHECK(StepLength::parse("0.01 year")->years() == Approx(0.01));
  CHECK_FALSE(StepLength::parse("1.5 months"));
  CHECK_FALSE(StepLength::parse("0 days"));
  CHECK_FALSE(StepLength::parse("-1 day"));
  CHECK_FALSE(StepLength::parse("3 fortnights"));
  CHECK_FALSE(StepLength::parse("x month"));
}

TEST_CASE("Monthly calendar follows calendar months, end exclusive") {
  const Calendar c{2025y / January / 1d, 2035y / January / 1d, *StepLength::parse("1 month")};
  REQUIRE(c.step_count() == 120);
  CHECK(c.time_days()[0] == 0.0);
  CHECK(c.time_days()[1] == 31.0);  // January has 31 days
  CHECK(c.time_days()[2] == 59.0);  // 2025 is not a leap year
  CHECK(c.dt_years() == Approx(1.0 / 12.0));
  CHECK(c.cf_units() == "days since 2025-01-01");
}

TEST_CASE("A month step from the 31st clamps to the month's last day") {
  const Calendar c{2024y / January / 31d, 2024y / April / 1d, *StepLength::parse("1 month")};
  REQUIRE(c.step_count() == 3);
  CHECK(c.time_days()[1] == 29.0);  // 2024-02-29
}

TEST_CASE("Fixed-length steps count the steps that start before the end") {
  const Calendar c{2025y / January / 1d, 2026y / January / 1d, *StepLength::parse("0.01 year")};
  // 365 days / 3.6525 days per step = 99.93..., so steps 0..99 start before the end
  CHECK(c.step_count() == 100);
  CHECK(c.time_days()[1] == Approx(3.6525));
}

TEST_CASE("step_probability turns a yearly rate into a step probability") {
  CHECK(step_probability(0.0, 1.0 / 12) == 0.0);
  CHECK(step_probability(1.2, 1.0 / 12) == Approx(1.0 - std::exp(-0.1)));
}

}  // namespace missionsim
