#include "engine/analysis/health_economics.hpp"

#include "engine/analysis/discounting.hpp"
#include "engine/core/error.hpp"

#include <cmath>
#include <cstddef>
#include <limits>
#include <string>
#include <string_view>

namespace missionsim {
namespace {

[[noreturn]] void fail(const std::string& what) {
  throw InternalError("health economics: " + what);
}

void check_column(std::string_view arm, std::string_view name, const std::vector<double>& column,
                  std::size_t steps) {
  if (column.size() != steps)
    fail(std::string(arm) + "." + std::string(name) + " has " + std::to_string(column.size()) +
         " entries, time_years has " + std::to_string(steps));
  for (std::size_t k = 0; k < column.size(); ++k)
    if (!std::isfinite(column[k]))
      fail(std::string(arm) + "." + std::string(name) + "[" + std::to_string(k) + "] is not finite");
}

void check_arm(std::string_view arm, const EconomicSeries& s) {
  const std::size_t steps = s.time_years.size();
  if (!std::isfinite(s.dt_years) || s.dt_years <= 0.0)
    fail(std::string(arm) + ".dt_years must be finite and > 0, got " + std::to_string(s.dt_years));
  check_column(arm, "time_years", s.time_years, steps);
  check_column(arm, "qalys", s.qalys, steps);
  check_column(arm, "life_years_lost", s.life_years_lost, steps);
  check_column(arm, "deaths", s.deaths, steps);
  check_column(arm, "costs", s.costs, steps);
  if (!s.equity_gap.empty()) check_column(arm, "equity_gap", s.equity_gap, steps);
}

void check_same_steps(const EconomicSeries& policy, const EconomicSeries& baseline) {
  if (policy.time_years.size() != baseline.time_years.size())
    fail("policy has " + std::to_string(policy.time_years.size()) + " steps, baseline has " +
         std::to_string(baseline.time_years.size()));
  // Exact equality on purpose: both arms come from the same calendar through the same code, so
  // any difference means the series were assembled from different run layouts.
  if (policy.dt_years != baseline.dt_years) fail("policy and baseline have different dt_years");
  if (policy.time_years != baseline.time_years) fail("policy and baseline have different time_years");
  if (policy.equity_gap.empty() != baseline.equity_gap.empty()) fail("equity_gap is given for one arm only");
}

}  // namespace

EconomicComparison compare(const EconomicSeries& policy, const EconomicSeries& baseline,
                           const EconomicSettings& settings) {
  if (!std::isfinite(settings.willingness_to_pay) || settings.willingness_to_pay < 0.0)
    fail("willingness_to_pay must be finite and >= 0, got " + std::to_string(settings.willingness_to_pay));
  check_arm("policy", policy);
  check_arm("baseline", baseline);
  check_same_steps(policy, baseline);

  EconomicComparison out;
  out.settings = settings;
  const double nan = std::numeric_limits<double>::quiet_NaN();
  // Increments are summed as per-step differences (not as a difference of totals): under common
  // random numbers the arms share most of their flows, and differencing first keeps the digits
  // that differ.
  for (std::size_t k = 0; k < policy.time_years.size(); ++k) {
    const double d = step_discount_factor(settings.discount_rate, policy.time_years[k], policy.dt_years);
    const double dq = policy.qalys[k] - baseline.qalys[k];
    const double dc = policy.costs[k] - baseline.costs[k];
    const double dl = baseline.life_years_lost[k] - policy.life_years_lost[k];

    out.deaths_averted += baseline.deaths[k] - policy.deaths[k];
    out.life_years_gained += dl;
    out.life_years_gained_discounted += d * dl;
    out.qalys_gained += d * dq;
    out.qalys_gained_undiscounted += dq;
    out.incremental_cost += d * dc;
    out.incremental_cost_undiscounted += dc;
    out.policy_qalys += d * policy.qalys[k];
    out.baseline_qalys += d * baseline.qalys[k];
    out.policy_cost += d * policy.costs[k];
    out.baseline_cost += d * baseline.costs[k];
  }

  // The ratio is reported in every quadrant (the note says which ones are unambiguous); it only
  // has no value when the QALYs do not differ at all.
  out.icer = out.qalys_gained == 0.0 ? nan : out.incremental_cost / out.qalys_gained;
  out.net_monetary_benefit = settings.willingness_to_pay * out.qalys_gained - out.incremental_cost;
  // Weak dominance, as in the usual cost-effectiveness plane: no worse on either axis and better
  // on at least one. It names the ΔQALY == 0 cases that have no ratio.
  const double dq = out.qalys_gained;
  const double dc = out.incremental_cost;
  if (dq >= 0.0 && dc <= 0.0 && (dq > 0.0 || dc < 0.0))
    out.icer_note = "dominant";
  else if (dq <= 0.0 && dc >= 0.0 && (dq < 0.0 || dc > 0.0))
    out.icer_note = "dominated";

  out.equity_gap_closed = (policy.equity_gap.empty() || policy.time_years.empty())
                              ? nan
                              : baseline.equity_gap.back() - policy.equity_gap.back();
  return out;
}

}  // namespace missionsim
