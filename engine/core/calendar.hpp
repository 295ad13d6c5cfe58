// Simulated time: a start date, an end date and a step length. Rates in scenarios are per
// year; a step turns a rate into a probability with 1 − exp(−rate·Δt).
#pragma once

#include <chrono>
#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace missionsim {

using Date = std::chrono::year_month_day;

/// A step length such as "1 month", "2 weeks" or "0.01 year". Months (and whole years) follow
/// the calendar; days, weeks and fractional years are fixed lengths (a year is 365.25 days).
struct StepLength {
  enum class Unit { day, week, month, year };
  double count = 1.0;
  Unit unit = Unit::month;

  /// Parses "<positive number> <unit>" (unit singular or plural). nullopt if malformed;
  /// months must be whole.
  static std::optional<StepLength> parse(std::string_view text);
  /// Nominal length in years (a month is 1/12 year), the Δt that rates are multiplied by.
  [[nodiscard]] double years() const;
  [[nodiscard]] std::string to_string() const;
  /// True when steps follow calendar months rather than a fixed number of days.
  [[nodiscard]] bool is_calendar() const;
};

/// The time axis of a run. Steps start at `start`; the last step is the last one that starts
/// before `end`.
class Calendar {
 public:
  /// Requires start < end (checked by the scenario reader, asserted here).
  Calendar(Date start, Date end, StepLength step);

  [[nodiscard]] std::size_t step_count() const noexcept { return days_.size(); }
  [[nodiscard]] double dt_years() const noexcept { return step_.years(); }
  [[nodiscard]] Date start() const noexcept { return start_; }
  [[nodiscard]] Date end() const noexcept { return end_; }
  [[nodiscard]] const StepLength& step() const noexcept { return step_; }
  /// First day of each step, in days since the start date.
  [[nodiscard]] const std::vector<double>& time_days() const noexcept { return days_; }
  /// CF-convention units of time_days(): "days since YYYY-MM-DD".
  [[nodiscard]] std::string cf_units() const;

 private:
  Date start_;
  Date end_;
  StepLength step_;
  std::vector<double> days_;
};

/// "YYYY-MM-DD".
std::string format_date(Date d);

/// Probability that an event with the given yearly rate happens within dt years.
inline double step_probability(double rate_per_year, double dt_years) {
  return -std::expm1(-rate_per_year * dt_years);
}

/// A bound that needs no exp: `u >= step_probability_bound(r, dt)` implies
/// `u >= step_probability(r, dt)` bit for bit, because 1 − e^(−x) < x for x > 0 and the margin
/// (10^−12, thousands of ulps) covers the rounding of expm1. In a step loop most agents do not
/// move, and this spares them the exp (and the reads behind the rate, if the rate is bounded).
inline double step_probability_bound(double rate_per_year, double dt_years) {
  return rate_per_year * dt_years * (1.0 + 1e-12);
}

}  // namespace missionsim
