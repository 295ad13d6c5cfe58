// Equity on a small hand-built population: its metrics are the inequality measures of rates
// read from the pathway's tallies, and a deprivation gradient in onset shows up as a negative
// concentration index of incidence of the size the onset probabilities predict.
#include "models/equity/equity.hpp"
#include "tests/models/equity/pathway_world.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <set>
#include <string>

namespace missionsim::model {

namespace {
constexpr std::size_t Q = quintile_count;

// The concentration index written out from its definition, independently of inequality.cpp:
// groups ranked from the most deprived (q5, index 4) to the least (q1, index 0), fractional
// ranks R_j = (j − 0.5)/5, CI = (2/μ) cov(h, R) with equal weights.
double reference_ci(const QuintileValues& h) {
  double mean = 0, mean_rank = 0, cov = 0;
  for (std::size_t j = 1; j <= Q; ++j) {
    mean += h[Q - j] / Q;
    mean_rank += (j - 0.5) / Q;
  }
  for (std::size_t j = 1; j <= Q; ++j) cov += (h[Q - j] - mean) * ((j - 0.5) / Q - mean_rank) / Q;
  return 2.0 / mean * cov;
}

std::array<double, Q> people_by_quintile(const Population& p) {
  std::array<double, Q> n{};
  for (auto q : p.quintile()) n[q] += 1;
  return n;
}

// Offset of NAME_by_quintile[q] in Pathway::write_metrics: people by state, then per counted
// kind a total, the regions and the quintiles.
std::size_t pathway_quintile_slot(Pathway::Tally kind, std::size_t regions, std::size_t q) {
  return care_state_count + kind * (1 + regions + Q) + 1 + regions + q;
}

enum Slot : std::size_t { gap_absolute_slot, gap_relative_slot, ci_slot, gap_regions_slot };
std::size_t slot(EquityIndicator i, Slot s) {
  return static_cast<std::size_t>(i) * 4 + s;
}
}  // namespace

TEST_CASE("Equity describes twelve metrics, four per indicator, with distinct names") {
  const auto s = test::pathway_scenario(500, "[pathway]\n", 1, "1 month");
  test::PathwayWorld w(s);
  const Equity equity(w.pathway, w.population, s.calendar().dt_years());
  std::vector<MetricSpec> specs;
  equity.describe_metrics(specs);
  REQUIRE(specs.size() == Equity::metric_width());
  std::set<std::string> names;
  for (const auto& m : specs) {
    CHECK_FALSE(m.by.has_value());
    CHECK_FALSE(m.description.empty());
    names.insert(m.name);
  }
  CHECK(names.size() == specs.size());
  for (const char* n : {"incidence_rate", "disease_mortality_rate", "early_stage_share"})
    for (const char* suffix : {"_gap_absolute", "_gap_relative", "_concentration_index", "_gap_regions"})
      CHECK(names.count(std::string(n) + suffix) == 1);
  CHECK(specs[slot(EquityIndicator::disease_mortality_rate, ci_slot)].name ==
        "disease_mortality_rate_concentration_index");
}

TEST_CASE("Equity's metrics are the gaps and concentration index of rates from the pathway's tallies") {
  const std::string tables =
      "[[regions]]\nname = \"north\"\nshare = 0.4\n"
      "[[regions]]\nname = \"south\"\nshare = 0.6\nonset_multiplier = 2.0\n"
      "[[age_bands]]\nname = \"adults\"\nshare = 1.0\nother_mortality = 0.02\n"
      "[pathway]\nonset_rate = 0.3\nearly_detection_rate = 1.0\nundiagnosed_death_rate = 1.0\n"
      "[deprivation]\nonset_ratio = 3.0\ndetection_ratio = 0.5\n";
  auto s = test::pathway_scenario(6000, tables, 3, "1 month");
  s.population.scale = 10;  // rates are per real person: the scale must cancel
  test::PathwayWorld w(s);
  const double dt = s.calendar().dt_years();
  const Equity equity(w.pathway, w.population, dt);
  const auto persons = people_by_quintile(w.population);
  const std::size_t regions = s.population.regions.size();
  const auto& starts = w.population.region_starts();
  std::vector<double> out(Equity::metric_width()), pathway_out(w.pathway.metric_width());

  // Before any step the pathway has counted nothing: no incidence anywhere, so no relative gap
  // and no concentration index; no diagnoses, so no early-stage share.
  equity.write_metrics(out);
  CHECK(out[slot(EquityIndicator::incidence_rate, gap_absolute_slot)] == 0.0);
  CHECK(std::isnan(out[slot(EquityIndicator::incidence_rate, gap_relative_slot)]));
  CHECK(std::isnan(out[slot(EquityIndicator::incidence_rate, ci_slot)]));
  CHECK(out[slot(EquityIndicator::incidence_rate, gap_regions_slot)] == 0.0);
  for (std::size_t k = 0; k < 4; ++k)
    CHECK(std::isnan(out[slot(EquityIndicator::early_stage_share, Slot(k))]));

  double deaths = 0, diagnoses = 0;
  std::array<int, equity_indicator_count> complete_steps{};  // steps where every measure is defined
  const std::uint32_t steps = s.calendar().step_count();
  for (std::uint32_t t = 0; t < steps; ++t) {
    w.step(t);
    equity.write_metrics(out);
    w.pathway.write_metrics(pathway_out);
    INFO("step " << t);
    for (std::size_t i = 0; i < equity_indicator_count; ++i) {
      const auto indicator = static_cast<EquityIndicator>(i);
      // The rates in real persons, from the pathway's own (scaled) quintile metrics.
      QuintileValues h{};
      for (std::size_t q = 0; q < Q; ++q) {
        auto count = [&](Pathway::Tally k) { return pathway_out[pathway_quintile_slot(k, regions, q)]; };
        CHECK(count(Pathway::incidence) == w.pathway.last_step_in_quintile(Pathway::incidence, q) * 10);
        const double real_persons = persons[q] * s.population.scale;
        const double early = count(Pathway::diagnosed_early), late = count(Pathway::diagnosed_late);
        h[q] = indicator == EquityIndicator::incidence_rate
                   ? count(Pathway::incidence) / real_persons / dt * 1e5
               : indicator == EquityIndicator::disease_mortality_rate
                   ? count(Pathway::deaths_disease) / real_persons / dt * 1e5
                   : early / (early + late);  // NaN (0/0) without diagnoses
        const double got = equity.by_quintile(indicator)[q];
        if (std::isnan(h[q]))
          CHECK(std::isnan(got));
        else
          CHECK(got == Approx(h[q]).epsilon(1e-12));
      }
      if (indicator == EquityIndicator::early_stage_share && t == 0) {
        // One transition per person and step: nobody can be diagnosed in the first step.
        CHECK(std::isnan(out[slot(indicator, gap_absolute_slot)]));
        CHECK(std::isnan(out[slot(indicator, ci_slot)]));
        CHECK(std::isnan(out[slot(indicator, gap_regions_slot)]));
        continue;
      }
      const bool complete = !std::isnan(reference_ci(h)) && h[0] > 0;
      if (complete) {
        ++complete_steps[i];
        CHECK(out[slot(indicator, gap_absolute_slot)] == Approx(h[4] - h[0]).epsilon(1e-12).margin(1e-9));
        CHECK(out[slot(indicator, gap_relative_slot)] == Approx(h[4] / h[0]).epsilon(1e-12));
        CHECK(out[slot(indicator, ci_slot)] == Approx(reference_ci(h)).epsilon(1e-12).margin(1e-12));
      }
      double lo = 1e300, hi = -1e300;
      for (std::size_t r = 0; r < regions; ++r) {
        const double v = equity.in_region(indicator, r);
        if (std::isnan(v)) continue;
        lo = std::min(lo, v);
        hi = std::max(hi, v);
      }
      if (lo <= hi)
        CHECK(out[slot(indicator, gap_regions_slot)] == Approx(hi - lo).epsilon(1e-12).margin(1e-9));
    }
    // The region rates are counts over the region's people.
    const double north = starts[1] - starts[0];
    CHECK(equity.in_region(EquityIndicator::incidence_rate, 0) ==
          Approx(w.pathway.last_step_in_region(Pathway::incidence, 0) / north / dt * 1e5).epsilon(1e-12));
    for (std::size_t q = 0; q < Q; ++q) {
      deaths += w.pathway.last_step_in_quintile(Pathway::deaths_disease, q);
      diagnoses += w.pathway.last_step_in_quintile(Pathway::diagnosed_early, q) +
                   w.pathway.last_step_in_quintile(Pathway::diagnosed_late, q);
    }
  }
  // The checks above saw deaths and diagnoses, not only empty steps.
  CHECK(deaths > 50);
  CHECK(diagnoses > 100);
  for (int n : complete_steps) CHECK(n >= 10);
}

TEST_CASE("A higher onset rate among the deprived gives a negative concentration index of incidence") {
  // One yearly step from an all-healthy population with no other deaths: a person in quintile q
  // (0-based) has onset in the step with p_q = 1 − exp(−λ·ratio^(q/4)), independently of others,
  // so quintile q's count is Binomial(N_q, p_q) and its rate h_q = count / N_q · 1e5.
  const double ratio = GENERATE(1.0, 3.0);
  constexpr double lambda = 0.1;
  constexpr int people = 100'000;
  const auto s =
      test::pathway_scenario(people,
                             "[[age_bands]]\nname = \"adults\"\nshare = 1.0\nother_mortality = 0.0\n"
                             "[pathway]\nonset_rate = 0.1\n[deprivation]\nonset_ratio = " +
                                 std::to_string(ratio) + "\n",
                             1, "1 year");
  test::PathwayWorld w(s);
  REQUIRE(s.calendar().step_count() == 1);
  const Equity equity(w.pathway, w.population, s.calendar().dt_years());
  w.step(0);
  std::vector<double> out(Equity::metric_width());
  equity.write_metrics(out);

  const auto n = people_by_quintile(w.population);
  QuintileValues expected{}, variance{};
  for (std::size_t q = 0; q < Q; ++q) {
    const double p = -std::expm1(-lambda * std::pow(ratio, q / 4.0));
    expected[q] = p * 1e5;
    variance[q] = p * (1 - p) / n[q] * 1e10;
  }
  const double ci = reference_ci(expected);
  // Delta method: with T = Σh and CI = 2 Σ h_j R_j / T − 1, ∂CI/∂h_j = (2/T)(R_j − (1 + CI)/2).
  double total = 0;
  for (double x : expected) total += x;
  double ci_var = 0;
  for (std::size_t j = 1; j <= Q; ++j) {
    const double grad = 2.0 / total * ((j - 0.5) / Q - (1 + ci) / 2);
    ci_var += grad * grad * variance[Q - j];
  }
  constexpr double k = 5.0;  // allowed z-score
  const double ci_tolerance = k * std::sqrt(ci_var);
  const double gap = expected[4] - expected[0], gap_tolerance = k * std::sqrt(variance[4] + variance[0]);
  const double rel = expected[4] / expected[0];
  const double rel_tolerance =
      k * rel *
      std::sqrt(variance[4] / (expected[4] * expected[4]) + variance[0] / (expected[0] * expected[0]));

  INFO("onset ratio " << ratio << ": expected CI " << ci << " ± " << ci_tolerance);
  CHECK(std::abs(out[slot(EquityIndicator::incidence_rate, ci_slot)] - ci) <= ci_tolerance);
  CHECK(std::abs(out[slot(EquityIndicator::incidence_rate, gap_absolute_slot)] - gap) <= gap_tolerance);
  CHECK(std::abs(out[slot(EquityIndicator::incidence_rate, gap_relative_slot)] - rel) <= rel_tolerance);
  CHECK(out[slot(EquityIndicator::incidence_rate, gap_regions_slot)] == 0.0);  // one region
  if (ratio > 1) {
    REQUIRE(ci + ci_tolerance < 0);  // the population is large enough for the sign to be certain
    CHECK(out[slot(EquityIndicator::incidence_rate, ci_slot)] < 0);
    CHECK(out[slot(EquityIndicator::incidence_rate, gap_absolute_slot)] > 0);
  } else {
    CHECK(ci == 0.0);
  }
  // Nobody can have died of the disease or been diagnosed within the first step.
  CHECK(out[slot(EquityIndicator::disease_mortality_rate, gap_absolute_slot)] == 0.0);
  CHECK(std::isnan(out[slot(EquityIndicator::disease_mortality_rate, ci_slot)]));
  CHECK(std::isnan(out[slot(EquityIndicator::early_stage_share, gap_relative_slot)]));
}

}  // namespace missionsim::model
