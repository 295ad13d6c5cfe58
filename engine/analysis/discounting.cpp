#include "engine/analysis/discounting.hpp"

#include "engine/core/error.hpp"

#include <cmath>
#include <string>

namespace missionsim {

double discount_factor(double rate, double t_years) {
  if (!std::isfinite(rate) || rate <= -1.0)
    throw InternalError("discount_factor: discount rate must be finite and > -1, got " +
                        std::to_string(rate));
  if (!std::isfinite(t_years))
    throw InternalError("discount_factor: time must be finite, got " + std::to_string(t_years));
  // pow(1 + r, −t) rather than exp(−t·log1p(r)): both are exact at r = 0 and t = 0, and pow is
  // what a reader checks the formula against.
  return std::pow(1.0 + rate, -t_years);
}

double step_discount_factor(double rate, double step_start_years, double step_years) {
  return discount_factor(rate, step_start_years + 0.5 * step_years);
}

}  // namespace missionsim
