#include "engine/core/calendar.hpp"

#include "engine/core/error.hpp"

#include <charconv>
#include <cstdio>

namespace missionsim {

namespace {
constexpr double days_per_year = 365.25;

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

Date add_months(Date d, long months) {
  using namespace std::chrono;
  const year_month ym = year_month{d.year(), d.month()} + std::chrono::months{months};
  const auto last = year_month_day_last{ym.year(), month_day_last{ym.month()}}.day();
  return Date{ym.year(), ym.month(), d.day() <= last ? d.day() : last};
}
}  // namespace

std::optional<StepLength> StepLength::parse(std::string_view text) {
  text = trim(text);
  const auto space = text.find_first_of(" \t");
  std::string_view number = text.substr(0, space);
  std::string_view unit = space == std::string_view::npos ? std::string_view{} : trim(text.substr(space));
  if (space == std::string_view::npos) {  // "month" alone means one month
    number = "1";
    unit = text;
  }
  StepLength out;
  const auto [ptr, ec] = std::from_chars(number.data(), number.data() + number.size(), out.count);
  if (ec != std::errc{} || ptr != number.data() + number.size() || !(out.count > 0) ||
      !std::isfinite(out.count))
    return std::nullopt;
  if (unit.ends_with('s')) unit.remove_suffix(1);
  if (unit == "day")
    out.unit = Unit::day;
  else if (unit == "week")
    out.unit = Unit::week;
  else if (unit == "month")
    out.unit = Unit::month;
  else if (unit == "year")
    out.unit = Unit::year;
  else
    return std::nullopt;
  if (out.unit == Unit::month && out.count != std::floor(out.count)) return std::nullopt;
  return out;
}

double StepLength::years() const {
  switch (unit) {
    case Unit::day:
      return count / days_per_year;
    case Unit::week:
      return count * 7.0 / days_per_year;
    case Unit::month:
      return count / 12.0;
    case Unit::year:
      return count;
  }
  return count;
}

bool StepLength::is_calendar() const {
  return unit == Unit::month || (unit == Unit::year && count == std::floor(count));
}

std::string StepLength::to_string() const {
  static constexpr const char* names[] = {"day", "week", "month", "year"};
  char buf[64];
  std::snprintf(buf, sizeof buf, "%g %s%s", count, names[static_cast<int>(unit)], count == 1.0 ? "" : "s");
  return buf;
}

Calendar::Calendar(Date start, Date end, StepLength step) : start_(start), end_(end), step_(step) {
  using namespace std::chrono;
  const sys_days s{start}, e{end};
  if (!(s < e)) throw InternalError("Calendar: end must be after start");
  const double total_days = static_cast<double>((e - s).count());
  if (step.is_calendar()) {
    const long months_per_step =
        static_cast<long>(step.unit == StepLength::Unit::month ? step.count : step.count * 12.0);
    for (long k = 0;; ++k) {
      const sys_days d{add_months(start, k * months_per_step)};
      if (!(d < e)) break;
      days_.push_back(static_cast<double>((d - s).count()));
    }
  } else {
    const double step_days = step.years() * days_per_year;
    for (std::size_t k = 0;; ++k) {
      const double d = static_cast<double>(k) * step_days;
      if (!(d < total_days)) break;
      days_.push_back(d);
    }
  }
}

std::string Calendar::cf_units() const {
  return "days since " + format_date(start_);
}

std::string format_date(Date d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()),
                static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
  return buf;
}

}  // namespace missionsim
