#include "engine/analysis/health_economics.hpp"

#include "engine/core/error.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace missionsim {
namespace {

constexpr double kRelTol = 1e-9;  // the acceptance tolerance

bool rel_close(double got, double want) {
  return std::fabs(got - want) <= kRelTol * std::fabs(want) || (want == 0.0 && std::fabs(got) <= kRelTol);
}

EconomicSeries yearly(std::vector<double> qalys, std::vector<double> costs) {
  EconomicSeries s;
  for (std::size_t k = 0; k < qalys.size(); ++k) s.time_years.push_back(static_cast<double>(k));
  s.dt_years = 1.0;
  s.life_years_lost.assign(qalys.size(), 0.0);
  s.deaths.assign(qalys.size(), 0.0);
  s.qalys = std::move(qalys);
  s.costs = std::move(costs);
  return s;
}

}  // namespace

TEST_CASE("Two-state hand case: QALYs, discounted costs, ICER and NMB equal hand arithmetic") {
  // 1000 persons for three yearly steps. Policy: utility 0.9 each year and 100 per person per year;
  // baseline: utility 0.8, no cost. Policy deaths 2, 1, 1 lose 0.5, 1.5, 2.5 life-years in-horizon;
  // baseline deaths 3, 2, 2 lose 1.5, 4.0, 6.0.
  EconomicSeries policy = yearly({900, 900, 900}, {100000, 100000, 100000});
  EconomicSeries baseline = yearly({800, 800, 800}, {0, 0, 0});
  policy.deaths = {2, 1, 1};
  baseline.deaths = {3, 2, 2};
  policy.life_years_lost = {0.5, 1.5, 2.5};
  baseline.life_years_lost = {1.5, 4.0, 6.0};
  const EconomicSettings settings{0.03, 30000};

  // Mid-point factors 1.03^-0.5, 1.03^-1.5, 1.03^-2.5, written out by hand.
  const double s = std::sqrt(1.03);
  const double d0 = 1.0 / s;
  const double d1 = 1.0 / (1.03 * s);
  const double d2 = 1.0 / (1.03 * 1.03 * s);
  const double dqaly = 100 * d0 + 100 * d1 + 100 * d2;
  const double dcost = 100000 * d0 + 100000 * d1 + 100000 * d2;

  const EconomicComparison c = compare(policy, baseline, settings);
  CHECK(rel_close(c.qalys_gained, dqaly));
  CHECK(rel_close(c.qalys_gained_undiscounted, 300.0));
  CHECK(rel_close(c.incremental_cost, dcost));
  CHECK(rel_close(c.incremental_cost_undiscounted, 300000.0));
  CHECK(rel_close(c.policy_qalys, 900 * (d0 + d1 + d2)));
  CHECK(rel_close(c.baseline_qalys, 800 * (d0 + d1 + d2)));
  CHECK(rel_close(c.policy_cost, dcost));
  CHECK(c.baseline_cost == 0.0);
  CHECK(rel_close(c.icer, dcost / dqaly));
  CHECK(rel_close(c.icer, 1000.0));  // the same flows every year: the ratio does not depend on r
  CHECK(rel_close(c.net_monetary_benefit, 30000 * dqaly - dcost));
  CHECK(rel_close(c.deaths_averted, (3 + 2 + 2) - (2 + 1 + 1)));
  CHECK(rel_close(c.life_years_gained, (1.5 + 4.0 + 6.0) - (0.5 + 1.5 + 2.5)));
  CHECK(rel_close(c.life_years_gained_discounted, 1.0 * d0 + 2.5 * d1 + 3.5 * d2));
  CHECK(c.icer_note.empty());  // more QALYs for more money: a trade-off, not dominance
  CHECK(std::isnan(c.equity_gap_closed));
  CHECK(c.settings.discount_rate == 0.03);
  CHECK(c.settings.willingness_to_pay == 30000);
}

TEST_CASE("Uneven half-year flows: discounting changes the ICER as hand arithmetic says") {
  // Front-loaded spend and back-loaded health: discounting raises the ICER.
  EconomicSeries policy;
  policy.time_years = {0.0, 0.5, 1.0, 1.5};
  policy.dt_years = 0.5;
  policy.qalys = {400, 410, 430, 460};
  policy.costs = {5000, 1000, 1000, 1000};
  policy.deaths = {1, 1, 0, 0};
  policy.life_years_lost = {0.25, 0.75, 1.0, 1.0};
  EconomicSeries baseline = policy;
  baseline.qalys = {400, 400, 400, 400};
  baseline.costs = {0, 0, 0, 0};
  baseline.deaths = {1, 1, 1, 1};
  baseline.life_years_lost = {0.25, 0.75, 1.25, 1.75};
  const EconomicSettings settings{0.05, 20000};

  // Mid-points 0.25, 0.75, 1.25, 1.75 years: factors 1.05^-t with q = 1.05^(1/4) = √√1.05.
  const double q = std::sqrt(std::sqrt(1.05));
  const double d[4] = {1 / q, 1 / (q * q * q), 1 / (1.05 * q), 1 / (1.05 * q * q * q)};
  const double dqaly = 0 * d[0] + 10 * d[1] + 30 * d[2] + 60 * d[3];
  const double dcost = 5000 * d[0] + 1000 * d[1] + 1000 * d[2] + 1000 * d[3];

  const EconomicComparison c = compare(policy, baseline, settings);
  CHECK(rel_close(c.qalys_gained, dqaly));
  CHECK(rel_close(c.incremental_cost, dcost));
  CHECK(rel_close(c.icer, dcost / dqaly));
  CHECK(c.icer > c.incremental_cost_undiscounted / c.qalys_gained_undiscounted);
  CHECK(rel_close(c.net_monetary_benefit, 20000 * dqaly - dcost));
  CHECK(rel_close(c.deaths_averted, 2.0));
  CHECK(rel_close(c.life_years_gained, 1.0));
  CHECK(rel_close(c.life_years_gained_discounted, 0.25 * d[2] + 0.75 * d[3]));
}

TEST_CASE("A zero discount rate makes discounted and undiscounted figures equal") {
  const EconomicSeries policy = yearly({900, 950, 990}, {300, 200, 100});
  const EconomicSeries baseline = yearly({800, 800, 800}, {50, 50, 50});
  const EconomicComparison c = compare(policy, baseline, {0.0, 30000});
  const double dqaly = 100 + 150 + 190;
  const double dcost = 250 + 150 + 50;
  CHECK(c.qalys_gained == c.qalys_gained_undiscounted);
  CHECK(c.incremental_cost == c.incremental_cost_undiscounted);
  CHECK(rel_close(c.qalys_gained, dqaly));
  CHECK(rel_close(c.incremental_cost, dcost));
  CHECK(rel_close(c.icer, dcost / dqaly));
  CHECK(rel_close(c.net_monetary_benefit, 30000 * dqaly - dcost));
}

TEST_CASE("Cheaper and better is dominant, dearer and worse is dominated") {
  const EconomicSeries better_cheaper = yearly({900, 900}, {10, 10});
  const EconomicSeries worse_dearer = yearly({700, 700}, {90, 90});
  const EconomicSeries reference = yearly({800, 800}, {50, 50});
  const EconomicSettings settings{0.03, 30000};

  const EconomicComparison dominant = compare(better_cheaper, reference, settings);
  CHECK(dominant.icer_note == "dominant");
  CHECK(dominant.icer < 0.0);  // the ratio is still reported
  CHECK(dominant.net_monetary_benefit > 0.0);

  const EconomicComparison dominated = compare(worse_dearer, reference, settings);
  CHECK(dominated.icer_note == "dominated");
  CHECK(dominated.icer < 0.0);
  CHECK(dominated.net_monetary_benefit < 0.0);

  // Worse and cheaper (south-west quadrant) is a trade-off: a positive ratio and no note.
  const EconomicComparison south_west = compare(yearly({700, 700}, {10, 10}), reference, settings);
  CHECK(south_west.icer_note.empty());
  CHECK(south_west.icer > 0.0);
}

TEST_CASE("No QALY difference: ICER is NaN and the note still reads the costs") {
  const EconomicSeries reference = yearly({800, 800}, {50, 50});
  const EconomicSettings settings{0.03, 30000};
  const double s = std::sqrt(1.03);
  const double dcost = 20 / s + 20 / (1.03 * s);

  const EconomicComparison dearer = compare(yearly({800, 800}, {70, 70}), reference, settings);
  CHECK(dearer.qalys_gained == 0.0);
  CHECK(std::isnan(dearer.icer));
  CHECK(dearer.icer_note == "dominated");
  CHECK(rel_close(dearer.net_monetary_benefit, -dcost));

  CHECK(compare(yearly({800, 800}, {30, 30}), reference, settings).icer_note == "dominant");

  const EconomicComparison same = compare(reference, reference, settings);
  CHECK(std::isnan(same.icer));
  CHECK(same.icer_note.empty());
  CHECK(same.net_monetary_benefit == 0.0);
}

TEST_CASE("Equity gap closed is baseline minus policy at the last step") {
  EconomicSeries policy = yearly({900, 900, 900}, {0, 0, 0});
  EconomicSeries baseline = yearly({800, 800, 800}, {0, 0, 0});
  policy.equity_gap = {0.30, 0.20, 0.125};
  baseline.equity_gap = {0.30, 0.35, 0.375};
  CHECK(rel_close(compare(policy, baseline, {}).equity_gap_closed, 0.375 - 0.125));

  policy.equity_gap.clear();
  baseline.equity_gap.clear();
  CHECK(std::isnan(compare(policy, baseline, {}).equity_gap_closed));
}

TEST_CASE("Series that do not describe the same steps are an internal error") {
  const EconomicSeries good = yearly({900, 900, 900}, {1, 1, 1});
  EconomicSeries bad = good;
  const std::string broken = GENERATE(as<std::string>{}, "qalys", "costs", "deaths", "life_years_lost",
                                      "steps", "time", "dt", "equity_one_arm", "equity_length", "nan");
  if (broken == "qalys") bad.qalys.pop_back();
  if (broken == "costs") bad.costs.push_back(1);
  if (broken == "deaths") bad.deaths.pop_back();
  if (broken == "life_years_lost") bad.life_years_lost.clear();
  if (broken == "steps") bad = yearly({900, 900}, {1, 1});
  if (broken == "time") bad.time_years[2] = 2.5;
  if (broken == "dt") bad.dt_years = 0.5;
  if (broken == "equity_one_arm") bad.equity_gap = {0.1, 0.1, 0.1};
  if (broken == "equity_length") bad.equity_gap = {0.1, 0.1};
  if (broken == "nan") bad.qalys[1] = std::nan("");
  INFO(broken);
  CHECK_THROWS_AS(compare(bad, good, {}), InternalError);
  CHECK_THROWS_AS(compare(good, bad, {}), InternalError);
}

TEST_CASE("Settings out of range are an internal error") {
  const EconomicSeries arm = yearly({900}, {1});
  CHECK_THROWS_AS(compare(arm, arm, {-1.0, 30000}), InternalError);
  CHECK_THROWS_AS(compare(arm, arm, {0.03, -1.0}), InternalError);
  EconomicSeries zero_dt = arm;
  zero_dt.dt_years = 0.0;
  CHECK_THROWS_AS(compare(zero_dt, zero_dt, {}), InternalError);
}

}  // namespace missionsim
