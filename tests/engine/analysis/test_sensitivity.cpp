#include "engine/analysis/sensitivity.hpp"

#include "engine/experiment/design.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numbers>
#include <vector>

namespace missionsim {

namespace {

// Ishigami & Homma (1990) with a = 7, b = 0.1 on [-pi, pi]^3: analytic indices from its
// variance decomposition (Sobol' & Levitan 1999).
constexpr double a = 7.0;
constexpr double b = 0.1;
constexpr double pi = std::numbers::pi;

double ishigami(std::span<const double> x) {
  return std::sin(x[0]) + a * std::sin(x[1]) * std::sin(x[1]) + b * std::pow(x[2], 4) * std::sin(x[0]);
}

struct Analytic {
  double s1[3], st[3];
};

Analytic analytic() {
  const double v1 = 0.5 * std::pow(1 + b * std::pow(pi, 4) / 5, 2);
  const double v2 = a * a / 8;
  const double v13 = std::pow(b, 2) * std::pow(pi, 8) * (1.0 / 18 - 1.0 / 50);
  const double v = v1 + v2 + v13;
  return {{v1 / v, v2 / v, 0.0}, {(v1 + v13) / v, v2 / v, v13 / v}};
}

const std::vector<ParameterRange> cube = {{"x1", -pi, pi}, {"x2", -pi, pi}, {"x3", -pi, pi}};

std::vector<double> evaluate(const Design& d) {
  std::vector<double> f;
  for (std::size_t p = 0; p < d.point_count(); ++p) f.push_back(ishigami(d.point(p)));
  return f;
}

}  // namespace

TEST_CASE("the analytic Ishigami indices are the published ones", "[sensitivity]") {
  const auto t = analytic();
  CHECK(t.s1[0] == Approx(0.314).margin(0.0005));
  CHECK(t.s1[1] == Approx(0.442).margin(0.0005));
  CHECK(t.st[0] == Approx(0.558).margin(0.0005));
  CHECK(t.st[2] == Approx(0.244).margin(0.0005));
}

// Tolerance: the estimate must lie within twice the half-width of its own 95% bootstrap
// interval of the analytic value (the bootstrap treats the Sobol points as independent, so it
// overstates the error of quasi-random sampling: a factor 2 is safe, not loose), and that
// half-width must be below 0.05 at N = 4096, or the check would say little.
TEST_CASE("Sobol indices of the Ishigami function from the engine's Saltelli design", "[sensitivity]") {
  const std::uint32_t n = 4096;
  const Design d = saltelli_design(cube, n);
  const auto s = sobol_indices(evaluate(d), 3, BootstrapSettings{300, 0.95, 7});
  const auto t = analytic();
  for (std::size_t i = 0; i < 3; ++i) {
    INFO("parameter x" << i + 1 << ": S1 " << s.first[i] << " [" << s.first_low[i] << ", " << s.first_high[i]
                       << "], ST " << s.total[i] << " [" << s.total_low[i] << ", " << s.total_high[i] << "]");
    const double h1 = (s.first_high[i] - s.first_low[i]) / 2;
    const double ht = (s.total_high[i] - s.total_low[i]) / 2;
    CHECK(h1 < 0.05);
    CHECK(ht < 0.05);
    CHECK(std::abs(s.first[i] - t.s1[i]) <= 2 * h1);
    CHECK(std::abs(s.total[i] - t.st[i]) <= 2 * ht);
    CHECK(s.first_low[i] <= s.first[i]);
    CHECK(s.first[i] <= s.first_high[i]);
  }
}

TEST_CASE("Sobol indices are NaN when an output is missing or constant", "[sensitivity]") {
  std::vector<double> outputs(std::size_t{4} * 5, 1.0);
  CHECK(std::isnan(sobol_indices(outputs, 3).first[0]));
  outputs[3] = std::nan("");
  CHECK(std::isnan(sobol_indices(outputs, 3).total[2]));
}

// On Morris's 4-level grid of [-pi, pi] (levels -pi, -pi/3, pi/3, pi; steps of 2/3 of the range
// join levels 0-2 and 1-3) the elementary effects take few values, so the expected mu* has a
// closed form. x2: 7 |sin^2 change| = 7 * 0.75 every time, mu* = 7.875 exactly. x1: |sin change|
// = sin(pi/3) every time, times 1 + b x3^4 with x3^4 equally often pi^4 or (pi/3)^4 (the level of
// x3 stays uniform along a trajectory). x3: b |x3^4 change| = b (pi^4 - (pi/3)^4), times |sin x1|,
// half the time sin(pi/3), half the time 0. Each of these two is a two-valued effect, so its sd is
// half the gap between the values; the tolerance is 4 sd / sqrt(N).
// So mu* ranks x2 > x1 > x3 as the first-order indices do (S1 0.442 > 0.314 > 0): a 4-level
// Morris screening gives x2 a slightly larger mu* than x1 although x1's total index is larger
// (0.558 against 0.442), as SALib's Ishigami example shows too. Both come out far above x3's.
TEST_CASE("Morris mu* of the Ishigami function: closed-form values and the first-order ranking",
          "[sensitivity]") {
  const std::uint32_t n = 20000;
  const Design d = morris_design(cube, n, 11);
  const auto m = morris_indices(d.values, evaluate(d), 3, d.morris_delta);
  const double delta = 2.0 / 3.0;
  const double s = std::sin(pi / 3);
  const double far = std::pow(pi, 4);
  const double near = std::pow(pi / 3, 4);
  const double x1_high = s * (1 + b * far) / delta;
  const double x1_low = s * (1 + b * near) / delta;
  const double x3_high = b * (far - near) * s / delta;
  INFO("mu* " << m.mu_star[0] << " " << m.mu_star[1] << " " << m.mu_star[2]);
  CHECK(m.mu_star[1] == Approx(7 * 0.75 / delta));
  CHECK(std::abs(m.mu_star[0] - (x1_high + x1_low) / 2) <= 4 * ((x1_high - x1_low) / 2) / std::sqrt(n));
  CHECK(std::abs(m.mu_star[2] - x3_high / 2) <= 4 * (x3_high / 2) / std::sqrt(n));
  const auto t = analytic();
  CHECK((m.mu_star[1] > m.mu_star[0]) == (t.s1[1] > t.s1[0]));
  CHECK((m.mu_star[0] > m.mu_star[2]) == (t.s1[0] > t.s1[2]));
  CHECK(m.mu_star[2] < 0.9 * m.mu_star[0]);
  for (std::size_t i = 0; i < 3; ++i) {
    CHECK(m.mu_star[i] >= std::abs(m.mu[i]));
    CHECK(m.sigma[i] >= 0);
  }
}

TEST_CASE("Morris effects of a linear function are its slopes times the range", "[sensitivity]") {
  const std::vector<ParameterRange> r = {{"x", 0, 1}, {"y", 0, 10}};
  const Design d = morris_design(r, 10, 3);
  std::vector<double> f;
  for (std::size_t p = 0; p < d.point_count(); ++p) f.push_back(3 * d.point(p)[0] - 0.5 * d.point(p)[1]);
  const auto m = morris_indices(d.values, f, 2, d.morris_delta);
  CHECK(m.mu[0] == Approx(3.0));
  CHECK(m.mu[1] == Approx(-5.0));
  CHECK(m.mu_star[1] == Approx(5.0));
  CHECK(m.sigma[0] == Approx(0.0).margin(1e-9));
}

namespace {
constexpr double nan = std::numeric_limits<double>::quiet_NaN();

// Indices of two parameters from their (estimate, low, high) triples: S1 then ST of each.
SobolIndices indices(std::array<std::array<double, 3>, 2> s1, std::array<std::array<double, 3>, 2> st) {
  SobolIndices out;
  for (std::size_t j = 0; j < 2; ++j) {
    out.first.push_back(s1[j][0]);
    out.first_low.push_back(s1[j][1]);
    out.first_high.push_back(s1[j][2]);
    out.total.push_back(st[j][0]);
    out.total_low.push_back(st[j][1]);
    out.total_high.push_back(st[j][2]);
  }
  return out;
}
}  // namespace

TEST_CASE("Sobol indices with narrow intervals, estimates outside [0, 1] within them, are trusted",
          "[sensitivity]") {
  // Widths 0.25, 0.375, 0.25, 0.25; S1 = -0.05 and ST = 1.05 lie outside [0, 1], but inside
  // their intervals: noise, which the intervals show.
  const std::vector<SobolIndices> all{
      indices({{{-0.05, -0.125, 0.125}, {0.5, 0.25, 0.625}}}, {{{1.05, 0.875, 1.125}, {0.5, 0.375, 0.625}}})};
  const auto r = sobol_reliability(all, 8);
  CHECK(r.trustworthy);
  CHECK(r.wide_intervals == 0);
  CHECK(r.stray_estimates == 0);
  CHECK(r.widest == 0.375);
  CHECK(r.widest_parameter == 1);
  CHECK_FALSE(r.widest_is_total);
  CHECK(r.samples_for_target == 113);  // 8 · (0.375 / 0.1)² = 112.5, rounded up
}

TEST_CASE("A Sobol interval wider than 0.5 is distrusted, and names the sample size for 0.1",
          "[sensitivity]") {
  const std::vector<SobolIndices> all{
      indices({{{0.25, 0.125, 0.375}, {0.5, 0.25, 0.625}}}, {{{0.5, 0.375, 0.625}, {0.5, 0.375, 0.625}}}),
      indices({{{0.25, 0.125, 0.375}, {0.5, 0.25, 0.75}}}, {{{0.5, 0.375, 0.625}, {0.75, 0.125, 1.375}}})};
  const auto r = sobol_reliability(all, 4);
  CHECK_FALSE(r.trustworthy);
  CHECK(r.intervals == 8);
  CHECK(r.wide_intervals == 1);  // [0.25, 0.75] is 0.5 wide: not wider than 0.5
  CHECK(r.widest == 1.25);
  CHECK(r.widest_output == 1);
  CHECK(r.widest_parameter == 1);
  CHECK(r.widest_is_total);
  CHECK(r.samples_for_target == 625);  // 4 · (1.25 / 0.1)²
  // The same widths with other limits: 1.25 is within 2, and 1.25 / 0.5 = 2.5 gives 4 · 6.25.
  const auto loose = sobol_reliability(all, 4, 2.0, 0.5);
  CHECK(loose.trustworthy);
  CHECK(loose.samples_for_target == 25);
}

TEST_CASE("An estimate outside [0, 1] and outside its own interval is distrusted, however narrow",
          "[sensitivity]") {
  // S1 = -0.25 below [-0.125, 0.125] and ST = 1.25 above [0.875, 1.125]: strays; S1 = 0.0625
  // below [0.125, 0.25] is not, being inside [0, 1].
  const std::vector<SobolIndices> all{indices({{{-0.25, -0.125, 0.125}, {0.0625, 0.125, 0.25}}},
                                              {{{1.25, 0.875, 1.125}, {0.5, 0.375, 0.625}}})};
  const auto r = sobol_reliability(all, 16);
  CHECK_FALSE(r.trustworthy);
  CHECK(r.wide_intervals == 0);
  CHECK(r.stray_estimates == 2);
  CHECK(r.samples_for_target == 100);  // 16 · (0.25 / 0.1)²
}

TEST_CASE("Sobol reliability leaves NaN intervals out, and keeps N once the widest is below 0.1",
          "[sensitivity]") {
  const std::vector<SobolIndices> all{
      indices({{{nan, nan, nan}, {0.5, 0.46875, 0.53125}}}, {{{nan, nan, nan}, {0.5, 0.5, 0.5625}}})};
  const auto r = sobol_reliability(all, 32);
  CHECK(r.trustworthy);
  CHECK(r.intervals == 2);
  CHECK(r.widest == 0.0625);
  CHECK(r.samples_for_target == 32);
  const auto none =
      sobol_reliability(std::vector<SobolIndices>{indices({{{nan, nan, nan}, {nan, nan, nan}}},
                                                          {{{nan, nan, nan}, {nan, nan, nan}}})},
                        32);
  CHECK(none.trustworthy);
  CHECK(none.widest == 0);
}

}  // namespace missionsim
