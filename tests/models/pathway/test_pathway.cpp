// The care pathway against the Markov chain it implements, computed with Eigen, and its
// bookkeeping: conservation, breakdowns, scale, and the direction of innovation effects.
#include "models/composition/scenario.hpp"
#include "models/pathway/params.hpp"
#include "tests/support/run_scenario.hpp"
#include "tests/support/scenario_text.hpp"
#include "tests/support/temp_dir.hpp"

#include <Eigen/Dense>
#include <catch2/catch.hpp>

#include <cmath>
#include <numeric>

namespace missionsim::model {

namespace {
constexpr std::size_t S = care_state_count;
using Chain = Eigen::Matrix<double, S, S>;

// Rates chosen so that every state is visited within a few years.
const PathwayParams rates = [] {
  PathwayParams p;
  p.onset_rate = 0.2;
  p.progression_rate = 0.8;
  p.early_detection_rate = 0.6;
  p.late_detection_rate = 1.5;
  p.undiagnosed_death_rate = 0.4;
  p.treatment_start_rate = 6.0;
  p.early_cure_rate = 1.0;
  p.early_death_rate = 0.1;
  p.late_cure_rate = 0.3;
  p.late_death_rate = 0.7;
  return p;
}();
constexpr double other_mortality = 0.05;

std::string pathway_table(const PathwayParams& p) {
  auto kv = [](const char* k, double v) { return std::string(k) + " = " + std::to_string(v) + "\n"; };
  return "[pathway]\n" + kv("onset_rate", p.onset_rate) + kv("progression_rate", p.progression_rate) +
         kv("early_detection_rate", p.early_detection_rate) +
         kv("late_detection_rate", p.late_detection_rate) +
         kv("undiagnosed_death_rate", p.undiagnosed_death_rate) +
         kv("treatment_start_rate", p.treatment_start_rate) + kv("early_cure_rate", p.early_cure_rate) +
         kv("early_death_rate", p.early_death_rate) + kv("late_cure_rate", p.late_cure_rate) +
         kv("late_death_rate", p.late_death_rate);
}

// One step's transition matrix: from each state, leave with 1 − exp(−R·Δt) and split by rate;
// deaths go back to healthy (replacement).
Chain step_matrix(const PathwayParams& p, double mu, double dt) {
  using St = CareState;
  auto i = [](St s) { return static_cast<int>(s); };
  std::vector<std::vector<std::pair<double, St>>> out(S);
  out[i(St::healthy)] = {{p.onset_rate, St::preclinical_early}};
  out[i(St::preclinical_early)] = {{p.progression_rate, St::preclinical_late},
                                   {p.early_detection_rate, St::diagnosed_early}};
  out[i(St::preclinical_late)] = {{p.late_detection_rate, St::diagnosed_late},
                                  {p.undiagnosed_death_rate, St::healthy}};
  out[i(St::diagnosed_early)] = {{p.treatment_start_rate, St::treated_early}};
  out[i(St::diagnosed_late)] = {{p.treatment_start_rate, St::treated_late}};
  out[i(St::treated_early)] = {{p.early_cure_rate, St::survivor}, {p.early_death_rate, St::healthy}};
  out[i(St::treated_late)] = {{p.late_cure_rate, St::survivor}, {p.late_death_rate, St::healthy}};
  Chain m = Chain::Zero();
  for (std::size_t s = 0; s < S; ++s) {
    out[s].push_back({mu, St::healthy});
    double total = 0;
    for (auto [r, to] : out[s]) total += r;
    const double leave = -std::expm1(-total * dt);
    m(s, s) += 1.0 - leave;
    for (auto [r, to] : out[s]) m(s, i(to)) += leave * r / total;
  }
  return m;
}

std::string one_band(double mu) {
  return "[[age_bands]]\nname = \"adults\"\nshare = 1.0\nother_mortality = " + std::to_string(mu) + "\n";
}
}  // namespace

TEST_CASE("The simulated cohort follows the Markov chain's state distribution") {
  constexpr int n = 100'000;
  test::TempDir dir;
  const auto file = dir.write(
      "chain.toml",
      test::scenario_text(n, "kind = \"well_mixed\"", "rule = \"threshold\"\ninitial = \"none\"", 5) +
          one_band(other_mortality) + pathway_table(rates));
  const auto rec = test::run_in_memory(load_scenario(file), 2);
  const auto people = rec->series("people_by_care_state", 0);  // steps × states
  const std::size_t steps = people.size() / S;
  REQUIRE(steps == 60);

  const Chain step = step_matrix(rates, other_mortality, 1.0 / 12.0);
  REQUIRE(step.rowwise().sum().isApprox(Eigen::Matrix<double, S, 1>::Ones(), 1e-12));
  Eigen::Matrix<double, 1, S> pi = Eigen::Matrix<double, 1, S>::Zero();
  pi(0) = 1.0;               // everyone starts healthy
  constexpr double k = 5.0;  // allowed z-score per state and checkpoint
  Chain power = Chain::Identity();
  for (std::size_t t = 0; t < steps; ++t) {
    power = power * step;  // the state after t + 1 steps is pi · P^(t+1)
    if ((t + 1) % 12 != 0) continue;
    const Eigen::Matrix<double, 1, S> expected = pi * power;
    double total = 0;
    for (std::size_t s = 0; s < S; ++s) {
      const double share = people[t * S + s] / n, p = expected(s);
      total += people[t * S + s];
      INFO("step " << t << " state " << care_state_labels()[s] << ": simulated " << share << ", chain " << p);
      CHECK(std::abs(share - p) <= k * std::sqrt(p * (1 - p) / n) + 1e-12);
    }
    CHECK(total == n);  // conservation
  }
}

TEST_CASE("Population is conserved every step, and breakdowns add up to the totals") {
  test::TempDir dir;
  const std::string regions =
      "[[regions]]\nname = \"north\"\nshare = 0.3\n[[regions]]\nname = \"south\"\nshare = 0.7\n"
      "onset_multiplier = 1.5\ndetection_multiplier = 0.7\n";
  auto text =
      test::scenario_text(20'000, "kind = \"well_mixed\"", "rule = \"threshold\"\ninitial = \"none\"", 3) +
      regions + one_band(0.3) + pathway_table(rates) + "[deprivation]\nonset_ratio = 2.0\n";
  text.replace(text.find("size = 20000"), 12, "size = 20000\nscale = 10");
  const auto rec = test::run_in_memory(load_scenario(dir.write("r.toml", text)), 2);
  const auto people = rec->series("people_by_care_state", 0);
  for (std::size_t t = 0; t < people.size() / S; ++t)
    CHECK(std::accumulate(people.begin() + t * S, people.begin() + (t + 1) * S, 0.0) == 200'000.0);
  for (const char* m : {"incidence", "deaths_disease", "diagnoses_early", "life_years_lost", "qalys"}) {
    const auto total = rec->series(m, 0);
    double sum_total = 0, sum_regions = 0, sum_quintiles = 0;
    for (const double v : total) sum_total += v;
    for (std::uint32_t t = 0; t < total.size(); ++t) {
      for (std::size_t r = 0; r < 2; ++r) sum_regions += rec->value(std::string(m) + "_by_region", 0, t, r);
      for (std::size_t q = 0; q < 5; ++q)
        sum_quintiles += rec->value(std::string(m) + "_by_quintile", 0, t, q);
    }
    INFO(m);
    CHECK(sum_total > 0);
    CHECK(sum_regions == Approx(sum_total).epsilon(1e-12));
    CHECK(sum_quintiles == Approx(sum_total).epsilon(1e-12));
  }
}

TEST_CASE("A prevention innovation adopted by everyone halves the onset rate") {
  constexpr int n = 200'000;
  test::TempDir dir;
  const auto run = [&](double multiplier) {
    const auto file = dir.write(
        "p.toml", test::scenario_text(n, "kind = \"well_mixed\"",
                                      "rule = \"threshold\"\ninitial = \"random\"\ninitial_share = 1.0\n"
                                      "onset_multiplier = " +
                                          std::to_string(multiplier),
                                      1) +
                      one_band(0.0) + "[pathway]\nonset_rate = 0.1\n");
    const auto rec = test::run_in_memory(load_scenario(file), 2);
    double cases = 0;
    for (double x : rec->series("incidence", 0)) cases += x;
    return cases;
  };
  const double base = run(1.0), prevented = run(0.5);
  // Onsets in a year are nearly Poisson: sd ≈ √count. k = 5 on the ratio's delta-method sd.
  const double expected_ratio = -std::expm1(-0.05) / -std::expm1(-0.1);
  const double sd = expected_ratio * std::sqrt(1.0 / base + 1.0 / prevented);
  CHECK(std::abs(prevented / base - expected_ratio) < 5.0 * sd);
}

TEST_CASE("The preventable share is the onsets' share attributable to the risk factors") {
  // One risk factor, prevalence 0.3 and relative risk 3, everywhere alike: an onset with it is
  // preventable with probability 1 − 1/3. Everyone adopts an innovation that multiplies the onset
  // hazard by `effect`: with 0.5 only the factor's carriers keep an excess risk (1.5).
  constexpr int n = 200'000;
  constexpr double prevalence = 0.3, rr = 3.0, onset = 0.02, dt = 1.0 / 12;
  test::TempDir dir;
  const auto run = [&](double effect) {
    const auto file = dir.write(
        "p.toml", test::scenario_text(n, "kind = \"well_mixed\"",
                                      "rule = \"threshold\"\ninitial = \"random\"\ninitial_share = 1.0\n"
                                      "onset_multiplier = " +
                                          std::to_string(effect),
                                      1) +
                      one_band(0.0) +
                      "[[risk_factors]]\nname = \"smoking\"\nprevalence = 0.3\nonset_multiplier = 3\n" +
                      "[pathway]\nonset_rate = " + std::to_string(onset) + "\n");
    const auto rec = test::run_in_memory(load_scenario(file), 2);
    double onsets = 0, preventable = 0;
    for (double x : rec->series("incidence", 0)) onsets += x;
    for (double x : rec->series("preventable_incidence", 0)) preventable += x;
    // The share recorded per step is the same ratio, step by step.
    const auto share = rec->series("preventable_share", 0);
    const auto per_step = rec->series("incidence", 0), prev_step = rec->series("preventable_incidence", 0);
    for (std::size_t t = 0; t < share.size(); ++t)
      if (per_step[t] > 0) CHECK(share[t] == Approx(prev_step[t] / per_step[t]).epsilon(1e-12));
    return std::pair(preventable / onsets, onsets);
  };
  for (const double effect : {1.0, 0.5}) {
    // Expected over the year, with the healthy carriers thinning faster than the others (no
    // other deaths here, so the healthy only leave by onset).
    double carriers = prevalence, others = 1 - prevalence, expected_onsets = 0, expected_preventable = 0;
    const double fraction = 1 - 1 / (rr * effect);
    for (int step = 0; step < 12; ++step) {
      const double c = carriers * -std::expm1(-onset * rr * effect * dt);
      const double o = others * -std::expm1(-onset * effect * dt);
      expected_onsets += c + o;
      expected_preventable += c * fraction;
      carriers -= c;
      others -= o;
    }
    const double expected = expected_preventable / expected_onsets;
    const auto [observed, onsets] = run(effect);
    // Each onset counts `fraction` if a carrier's, else 0: a binomial share of the onsets.
    const double carrier_share = expected / fraction;
    const double sd = fraction * std::sqrt(carrier_share * (1 - carrier_share) / onsets);
    INFO("effect " << effect << ": expected " << expected << ", observed " << observed << ", sd " << sd);
    CHECK(std::abs(observed - expected) < 5 * sd);
  }
}

TEST_CASE("Without [pathway] the disease model is off and writes no pathway metrics") {
  test::TempDir dir;
  const auto file =
      dir.write("off.toml", test::scenario_text(100, "kind = \"well_mixed\"", "rule = \"threshold\""));
  const auto rec = test::run_in_memory(load_scenario(file), 1);
  for (const auto& m : rec->header().metrics) CHECK(m.name.find("incidence") == std::string::npos);
}

}  // namespace missionsim::model
