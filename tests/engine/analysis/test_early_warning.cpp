#include "engine/analysis/early_warning.hpp"

#include "engine/core/error.hpp"
#include "engine/rng/philox_stream.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>
#include <vector>

namespace missionsim {

namespace {
// x_t = a x_{t−1} + σ ε_t from its stationary distribution, ε standard normal (Box–Muller).
std::vector<double> ar1(double a, double sigma, std::size_t n, std::uint64_t seed) {
  PhiloxEngine rng(StreamKey{seed, 0, 0});
  auto normal = [&] {
    const double u = 1.0 - rng.uniform(), v = rng.uniform();
    return std::sqrt(-2 * std::log(u)) * std::cos(2 * std::numbers::pi * v);
  };
  std::vector<double> x(n);
  x[0] = sigma / std::sqrt(1 - a * a) * normal();
  for (std::size_t t = 1; t < n; ++t) x[t] = a * x[t - 1] + sigma * normal();
  return x;
}

// The O(n²) definition of tau-b, to check the O(n log n) one against.
double naive_tau_b(const std::vector<double>& x, const std::vector<double>& y) {
  double concordant = 0, discordant = 0, x_ties = 0, y_ties = 0;
  for (std::size_t i = 0; i < x.size(); ++i)
    for (std::size_t j = i + 1; j < x.size(); ++j) {
      const double s = (x[i] - x[j]) * (y[i] - y[j]);
      concordant += s > 0;
      discordant += s < 0;
      x_ties += x[i] == x[j];
      y_ties += y[i] == y[j];
    }
  const double pairs = x.size() * (x.size() - 1.0) / 2;
  return (concordant - discordant) / std::sqrt((pairs - x_ties) * (pairs - y_ties));
}

constexpr double k = 4;  // tolerances are k standard errors
}  // namespace

TEST_CASE("window_indicators of a known sample") {
  // d = (−3, −2, −1, 6): Σd² = 50, Σd³ = 180, Σ d_i d_{i−1} = 2, Σ_{i<n} d_i² = 14.
  const std::vector<double> r{1, 2, 3, 10};
  const auto v = window_indicators(r);
  CHECK(v.variance == Approx(50.0 / 3).epsilon(1e-14));
  CHECK(v.ac1 == Approx(2.0 / 14).epsilon(1e-14));
  CHECK(v.skewness == Approx((180.0 / 4) / std::pow(50.0 / 4, 1.5)).epsilon(1e-14));
  CHECK(v.skewness == Approx(1.018233).epsilon(1e-6));
  // Mirrored, the skewness changes sign; a symmetric sample has none.
  CHECK(window_indicators(std::vector<double>{-1, -2, -3, -10}).skewness == Approx(-1.018233).epsilon(1e-6));
  CHECK(window_indicators(std::vector<double>{1, 2, 3}).skewness == 0.0);
}

TEST_CASE("window_indicators: no variation, too short") {
  const auto flat = window_indicators(std::vector<double>{0.3, 0.3, 0.3, 0.3});
  CHECK(flat.variance == 0.0);
  CHECK(std::isnan(flat.ac1));
  CHECK(std::isnan(flat.skewness));
  CHECK(std::isnan(window_indicators(std::vector<double>{1, 2}).variance));
}

TEST_CASE("Window length is a share of the series, at least 3 steps") {
  CHECK(early_warning_window({0.5, Detrending::none, 0.1}, 120) == 60);
  CHECK(early_warning_window({0.25, Detrending::none, 0.1}, 10) == 3);   // round(2.5) = 2, but at least 3
  CHECK(early_warning_window({0.5, Detrending::none, 0.1}, 121) == 60);  // R: round(60.5) = 60
  CHECK(early_warning_window({0.5, Detrending::none, 0.1}, 123) == 62);  // R: round(61.5) = 62
  CHECK(early_warning_window({0.1, Detrending::none, 0.1}, 12) == 3);
  CHECK(early_warning_window({1.0, Detrending::none, 0.1}, 7) == 7);
}

TEST_CASE("AR(1): lag-1 autocorrelation tends to a, variance to sigma^2 / (1 - a^2)") {
  const double a = GENERATE(0.2, 0.7, 0.9);
  const double sigma = 0.5;
  const std::size_t n = 20000;
  const auto x = ar1(a, sigma, n, 42);
  // One window over the whole series, no detrending: the estimators themselves.
  EarlyWarningWindow window({1.0, Detrending::none, 0.1}, n);
  EarlyWarningValues v;
  for (std::size_t t = 0; t < n; ++t) {
    v = window.push(x[t]);
    if (t + 1 < n) REQUIRE(std::isnan(v.variance));
  }
  const double gamma0 = sigma * sigma / (1 - a * a);
  // Standard errors for n values of a Gaussian AR(1): ac1 √((1 − a²)/n); the variance
  // γ₀ √(2(1 + a²)/((1 − a²) n)); the skewness √(6 (1 + 2a³/(1 − a³)) / n).
  const double nd = static_cast<double>(n);
  INFO("a = " << a);
  CHECK(std::abs(v.ac1 - a) < k * std::sqrt((1 - a * a) / nd));
  CHECK(std::abs(v.variance - gamma0) < k * gamma0 * std::sqrt(2 * (1 + a * a) / ((1 - a * a) * nd)));
  CHECK(std::abs(v.skewness) < k * std::sqrt(6 * (1 + 2 * a * a * a / (1 - a * a * a)) / nd));
}

TEST_CASE("AR(1) under a rolling window and a linear trend, removed by linear detrending") {
  const double a = 0.6, sigma = 1.0;
  const std::size_t n = 8000;
  auto x = ar1(a, sigma, n, 7);
  for (std::size_t t = 0; t < n; ++t) x[t] += 5.0 + 0.01 * static_cast<double>(t);
  // Half the series per window: 4000 values, of which the line takes 2 degrees of freedom.
  const auto s = early_warning_series(x, {0.5, Detrending::linear, 0.1});
  const std::size_t w = 4000;
  REQUIRE(std::isnan(s.ac1[w - 2]));
  const double gamma0 = sigma * sigma / (1 - a * a);
  for (const std::size_t t : {w - 1, n / 2 + 1000, n - 1}) {
    INFO("step " << t);
    CHECK(std::abs(s.ac1[t] - a) < k * std::sqrt((1 - a * a) / w));
    CHECK(std::abs(s.variance[t] - gamma0) < k * gamma0 * std::sqrt(2 * (1 + a * a) / ((1 - a * a) * w)));
  }
  // Without detrending the trend dominates: variance ≈ γ₀ + (0.01 w)²/12 = 1.56 + 133.
  const auto raw = early_warning_series(x, {0.5, Detrending::none, 0.1});
  CHECK(raw.variance[n - 1] > 100);
}

TEST_CASE("Linear detrending leaves nothing of a constant or an exact ramp") {
  std::vector<double> ramp(50), flat(50, 0.1);
  for (std::size_t t = 0; t < ramp.size(); ++t) ramp[t] = 0.1 * static_cast<double>(t);
  for (const auto* x : {&ramp, &flat}) {
    const auto s = early_warning_series(*x, {0.5, Detrending::linear, 0.1});
    CHECK(s.variance.back() == 0.0);
    CHECK(std::isnan(s.ac1.back()));
    CHECK(std::isnan(s.skewness.back()));
  }
}

TEST_CASE("Gaussian detrending: causal, exact on a constant, and near-neutral on AR(1) noise") {
  SECTION("a constant series has residuals of exactly 0") {
    const std::vector<double> flat(40, 0.37);
    const auto s = early_warning_series(flat, {0.5, Detrending::gaussian, 0.1});
    CHECK(s.variance.back() == 0.0);
    CHECK(std::isnan(s.ac1.back()));
  }
  SECTION("the kernel reaches back as far as ksmooth's cutoff, 4 sd") {
    // Bandwidth 0.1 × 200 = 20 steps: sd 7.413, cutoff 29.65, so 29 steps back.
    EarlyWarningWindow w({0.5, Detrending::gaussian, 0.1}, 200);
    CHECK(w.kernel_reach() == 29);
    CHECK(w.window() == 100);
  }
  SECTION("a value at step t depends on no later value") {
    auto x = ar1(0.5, 1.0, 300, 3);
    const auto before = early_warning_series(x, {0.5, Detrending::gaussian, 0.1});
    x[200] += 10;
    const auto after = early_warning_series(x, {0.5, Detrending::gaussian, 0.1});
    for (std::size_t t = 0; t < 200; ++t)
      REQUIRE(((std::isnan(before.variance[t]) && std::isnan(after.variance[t])) ||
               before.variance[t] == after.variance[t]));
    CHECK(before.variance[200] != after.variance[200]);
  }
  SECTION("a slow trend is removed, AR(1) dependence stays visible") {
    const double a = 0.5;
    const std::size_t n = 4000;
    auto x = ar1(a, 1.0, n, 11);
    for (std::size_t t = 0; t < n; ++t) x[t] += 5.0 * std::sin(static_cast<double>(t) / 800);
    const auto s = early_warning_series(x, {0.5, Detrending::gaussian, 0.05});
    // The kernel (sd 74 steps) averages the noise away, so residuals are the noise itself up to
    // O(1/√74); lagging the trend by about 0.8 sd leaves at most 5/800 × 59 ≈ 0.4 of the slow
    // swing: ac1 and variance stay near the AR(1) values.
    CHECK(s.ac1.back() == Approx(a).margin(0.1));
    CHECK(s.variance.back() == Approx(1 / (1 - a * a)).epsilon(0.2));
  }
}

TEST_CASE("NaN values make the windows holding them NaN, and only those") {
  auto x = ar1(0.3, 1.0, 60, 5);
  x[20] = std::numeric_limits<double>::quiet_NaN();
  for (const auto d : {Detrending::none, Detrending::linear, Detrending::gaussian}) {
    const auto s = early_warning_series(x, {0.25, d, 0.1});  // 15-step windows
    CHECK_FALSE(std::isnan(s.variance[19]));
    for (std::size_t t = 20; t < 35; ++t) CHECK(std::isnan(s.variance[t]));
    CHECK_FALSE(std::isnan(s.variance[35]));
  }
}

TEST_CASE("reset() starts the window afresh") {
  const auto x = ar1(0.3, 1.0, 30, 9);
  EarlyWarningWindow w({0.5, Detrending::gaussian, 0.2}, x.size());
  EarlyWarningValues first, second;
  for (const double v : x) first = w.push(v);
  w.reset();
  for (const double v : x) second = w.push(v);
  CHECK(first.variance == second.variance);
  CHECK(first.ac1 == second.ac1);
}

TEST_CASE("Kendall tau on hand-computed cases") {
  const std::vector<double> t{1, 2, 3, 4, 5};
  CHECK(kendall_tau(t, std::vector<double>{1, 2, 3, 4, 5}) == 1.0);
  CHECK(kendall_tau(t, std::vector<double>{5, 4, 3, 2, 1}) == -1.0);
  // 5 concordant, 1 discordant pair of 6.
  CHECK(kendall_tau(std::vector<double>{1, 2, 3, 4}, std::vector<double>{1, 3, 2, 4}) == Approx(4.0 / 6));
  // Ties in y: C = 5, D = 3, 2 tied pairs of 10: tau-b = 2 / √(10 × 8).
  CHECK(kendall_tau(t, std::vector<double>{1, 2, 2, 3, 1}) == Approx(2 / std::sqrt(80.0)).epsilon(1e-14));
  // Ties in x and y: C = 4, D = 0, one tied pair in each: 4 / √(5 × 5).
  CHECK(kendall_tau(std::vector<double>{1, 1, 2, 3}, std::vector<double>{1, 2, 2, 3}) == Approx(0.8));
  // A tie in both at once counts in neither C nor D: x = (1, 1, 2), y = (1, 1, 2): C = 2, D = 0,
  // one pair tied in x, one in y: 2 / √(2 × 2) = 1.
  CHECK(kendall_tau(std::vector<double>{1, 1, 2}, std::vector<double>{1, 1, 2}) == Approx(1.0));
  CHECK(std::isnan(kendall_tau(t, std::vector<double>{2, 2, 2, 2, 2})));
  CHECK(std::isnan(kendall_tau(std::vector<double>{1}, std::vector<double>{1})));
  CHECK_THROWS_AS(kendall_tau(t, std::vector<double>{1, 2}), InternalError);
}

TEST_CASE("Kendall tau in O(n log n) equals the O(n^2) definition, ties included") {
  PhiloxEngine rng(StreamKey{99, 0, 0});
  for (int rep = 0; rep < 20; ++rep) {
    std::vector<double> x(257), y(257);
    for (std::size_t i = 0; i < x.size(); ++i) {
      x[i] = static_cast<double>(rng.below(rep % 2 ? 5 : 1000));
      y[i] = static_cast<double>(rng.below(7)) + 0.5 * x[i];
    }
    CHECK(kendall_tau(x, y) == Approx(naive_tau_b(x, y)).epsilon(1e-12));
  }
}

TEST_CASE("Kendall tau against time skips NaN") {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  CHECK(kendall_tau_against_time(std::vector<double>{nan, nan, 1, 2, 3, nan, 4}) == 1.0);
  CHECK(kendall_tau_against_time(std::vector<double>{nan, 3, 2, 1}) == -1.0);
  CHECK(std::isnan(kendall_tau_against_time(std::vector<double>{nan, nan})));
}

}  // namespace missionsim
