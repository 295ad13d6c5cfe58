// The Bass rule in a well-mixed population against its deterministic limits: the closed form
// F(t) = (1 − e^{−(p+q)t}) / (1 + (q/p)·e^{−(p+q)t}) and the discrete recursion
// F_{k+1} = F_k + (1 − e^{−(p + q·F_k)Δt})(1 − F_k) that the model implements step by step.
#include "models/composition/scenario.hpp"
#include "tests/support/run_scenario.hpp"
#include "tests/support/scenario_text.hpp"
#include "tests/support/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <cmath>

namespace missionsim::model {

namespace {
constexpr double p = 0.03, q = 0.38;
constexpr int population = 100'000;
constexpr int replicates = 10;
// Allowed deviation in standard errors. The mean of R replicates of a share of N people has
// standard error sd/√(N·R) with sd = √(F(1−F)) per person; k = 6 leaves room for the
// imitation feedback, which makes replicate shares vary somewhat more than binomially.
constexpr double k = 6.0;

double closed_form(double t) {
  const double e = std::exp(-(p + q) * t);
  return (1.0 - e) / (1.0 + (q / p) * e);
}

// F after `steps` steps of length dt, from F_0 = 0.
double recursion(int steps, double dt) {
  double f = 0.0;
  for (int i = 0; i < steps; ++i) f += -std::expm1(-(p + q * f) * dt) * (1.0 - f);
  return f;
}

// Mean adopter share over replicates at the end of each step.
std::vector<double> mean_share(const std::string& step, int years) {
  test::TempDir dir;
  std::vector<double> mean;
  for (int r = 0; r < replicates; ++r) {
    const auto file = dir.write("bass.toml", test::scenario_text(population, "kind = \"well_mixed\"",
                                                                 "rule = \"bass\"\ninnovation_rate = 0.03\n"
                                                                 "imitation_rate = 0.38\ninitial = \"none\"",
                                                                 years, step, 1000 + r));
    const auto rec = test::run_in_memory(load_scenario(file), 2);
    const auto s = rec->series("adopter_share_by_innovation", 0);
    if (mean.empty()) mean.assign(s.size(), 0.0);
    for (std::size_t i = 0; i < s.size(); ++i) mean[i] += s[i] / replicates;
  }
  return mean;
}

double tolerance(double f) {
  return k * std::sqrt(f * (1.0 - f)) / std::sqrt(double(population) * replicates);
}
}  // namespace

TEST_CASE("Bass at monthly steps follows the discrete recursion") {
  const auto mean = mean_share("1 month", 10);
  REQUIRE(mean.size() == 120);
  for (int year = 1; year <= 10; ++year) {
    const int steps = 12 * year;  // the value at index i is the state after i + 1 steps
    const double expected = recursion(steps, 1.0 / 12);
    INFO("year " << year << ": simulated " << mean[steps - 1] << ", recursion " << expected);
    CHECK(std::abs(mean[steps - 1] - expected) < tolerance(expected));
  }
}

TEST_CASE("Bass at steps of 0.01 year follows the closed form, up to the O(dt) bias") {
  constexpr double dt = 0.01;
  const auto mean = mean_share("0.01 year", 10);
  REQUIRE(mean.size() >= 1000);
  for (int year = 1; year <= 10; ++year) {
    const int steps = 100 * year;
    const double exact = closed_form(year);
    // The discretisation bias is deterministic: the recursion at this dt minus the closed form.
    const double bias = std::abs(recursion(steps, dt) - exact);
    INFO("year " << year << ": simulated " << mean[steps - 1] << ", closed form " << exact << ", bias "
                 << bias);
    CHECK(std::abs(mean[steps - 1] - exact) < tolerance(exact) + bias);
  }
}

}  // namespace missionsim::model
