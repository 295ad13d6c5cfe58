#include "engine/rng/philox_stream.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

namespace missionsim {

namespace {

// How many standard deviations a statistic may stray before a test calls it a failure. With
// fixed seeds the tests are deterministic; k = 5 makes a false alarm on a new seed ~ 1 in 10^6.
constexpr double k_sigma = 5.0;

// Upper quantile of the standard normal: solves 0.5 * erfc(z / sqrt 2) = tail by bisection.
double normal_upper_quantile(double tail) {
  double lo = 0.0;
  double hi = 10.0;
  for (int i = 0; i < 200; ++i) {
    const double mid = 0.5 * (lo + hi);
    if (0.5 * std::erfc(mid / std::sqrt(2.0)) > tail) {
      lo = mid;
    } else {
      hi = mid;
    }
  }
  return 0.5 * (lo + hi);
}

// Upper-tail critical value of chi-square with `df` degrees of freedom (Wilson–Hilferty, 1931;
// for df = 99 at tail 0.001 it gives 148.28 against the tabulated 148.23).
double chi_square_critical(double df, double tail) {
  const double z = normal_upper_quantile(tail);
  const double c = 2.0 / (9.0 * df);
  return df * std::pow(1.0 - c + z * std::sqrt(c), 3);
}

double chi_square(const std::vector<std::uint64_t>& counts, double expected_per_bin) {
  double sum = 0.0;
  for (const auto c : counts) {
    const double d = static_cast<double>(c) - expected_per_bin;
    sum += d * d / expected_per_bin;
  }
  return sum;
}

constexpr StreamKey base_key{20240917, 3, 7};

}  // namespace

TEST_CASE("Wilson-Hilferty gives the tabulated chi-square quantile") {
  // Table value of the 0.999 quantile for df = 99 (NIST/SEMATECH e-Handbook, table 1.3.6.7.4).
  CHECK(chi_square_critical(99, 0.001) == Approx(148.230).epsilon(1e-3));
  CHECK(normal_upper_quantile(0.001) == Approx(3.090232).epsilon(1e-6));
}

TEST_CASE("Philox4x64-10 matches Random123's known-answer vector") {
  // kat_vectors of Random123: philox4x64 10, counter 0 and key 0. Our layout maps key
  // (seed 0, run 0, stream 0) and counter (step 0, agent 0, block 0) onto those zeros.
  const PhiloxStream s(StreamKey{0, 0, 0});
  const auto words = s.block(0, 0, 0);
  CHECK(words[0] == 0x16554d9eca36314cULL);
  CHECK(words[1] == 0xdb20fe9d672d0fdcULL);
  CHECK(words[2] == 0xd7e772cee186176bULL);
  CHECK(words[3] == 0x7e68b68aec7ba23bULL);
}

TEST_CASE("to_unit_interval keeps the top 53 bits and never reaches 1") {
  CHECK(to_unit_interval(0) == 0.0);
  CHECK(to_unit_interval(UINT64_MAX) < 1.0);
  CHECK(to_unit_interval(UINT64_MAX) == 1.0 - std::ldexp(1.0, -53));
  CHECK(to_unit_interval(std::uint64_t{1} << 63) == 0.5);
  CHECK(to_unit_interval((std::uint64_t{1} << 11) - 1) == 0.0);  // the 11 low bits are dropped
}

TEST_CASE("The same key and counter give the same draw, also from a copy") {
  const PhiloxStream a(base_key);
  const PhiloxStream b(base_key);
  const PhiloxStream copy = a;
  CHECK(a.key().seed == base_key.seed);
  CHECK(a.key().run == base_key.run);
  CHECK(a.key().stream == base_key.stream);
  for (std::uint64_t step = 0; step < 5; ++step) {
    for (std::uint64_t agent = 0; agent < 50; ++agent) {
      for (std::uint32_t draw = 0; draw < 9; ++draw) {
        const double x = a.uniform(step, agent, draw);
        REQUIRE(x == b.uniform(step, agent, draw));
        REQUIRE(x == copy.uniform(step, agent, draw));
      }
    }
  }
}

TEST_CASE("Draw d is word d % 4 of block d / 4") {
  const PhiloxStream s(base_key);
  for (std::uint32_t draw = 0; draw < 12; ++draw) {
    CHECK(s.uniform(4, 9, draw) == to_unit_interval(s.block(4, 9, draw / 4)[draw % 4]));
  }
}

TEST_CASE("Changing any part of the key or counter changes the draw") {
  const std::uint64_t step = 11;
  const std::uint64_t agent = 42;
  const std::uint32_t draw = 2;
  const double reference = PhiloxStream(base_key).uniform(step, agent, draw);

  SECTION("seed") {
    CHECK(PhiloxStream({base_key.seed + 1, base_key.run, base_key.stream}).uniform(step, agent, draw) !=
          reference);
  }
  SECTION("run") {
    CHECK(PhiloxStream({base_key.seed, base_key.run + 1, base_key.stream}).uniform(step, agent, draw) !=
          reference);
  }
  SECTION("stream") {
    CHECK(PhiloxStream({base_key.seed, base_key.run, base_key.stream + 1}).uniform(step, agent, draw) !=
          reference);
  }
  SECTION("run and stream do not alias") {
    // run and stream share one key word; swapping them must still give another stream.
    CHECK(PhiloxStream({base_key.seed, base_key.stream, base_key.run}).uniform(step, agent, draw) !=
          reference);
  }
  SECTION("step") {
    CHECK(PhiloxStream(base_key).uniform(step + 1, agent, draw) != reference);
  }
  SECTION("agent") {
    CHECK(PhiloxStream(base_key).uniform(step, agent + 1, draw) != reference);
  }
  SECTION("draw within a block") {
    CHECK(PhiloxStream(base_key).uniform(step, agent, draw + 1) != reference);
  }
  SECTION("draw in the next block") {
    CHECK(PhiloxStream(base_key).uniform(step, agent, draw + 4) != reference);
  }
}

TEST_CASE("Different streams are uncorrelated") {
  // Under independence the sample Pearson correlation of N pairs has sd ~ 1/sqrt(N).
  constexpr std::uint64_t pairs = 100'000;
  const PhiloxStream a({base_key.seed, base_key.run, 1});
  const PhiloxStream b({base_key.seed, base_key.run, 2});
  double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
  for (std::uint64_t agent = 0; agent < pairs; ++agent) {
    const double x = a.uniform(0, agent);
    const double y = b.uniform(0, agent);
    sx += x;
    sy += y;
    sxx += x * x;
    syy += y * y;
    sxy += x * y;
  }
  const double n = static_cast<double>(pairs);
  const double cov = sxy / n - (sx / n) * (sy / n);
  const double r = cov / std::sqrt((sxx / n - (sx / n) * (sx / n)) * (syy / n - (sy / n) * (sy / n)));
  CHECK(std::abs(r) < k_sigma / std::sqrt(n));
}

TEST_CASE("Uniform draws fill 100 bins evenly (chi-square)") {
  constexpr std::uint64_t draws = 1'000'000;
  constexpr std::size_t bins = 100;
  const PhiloxStream s(base_key);
  std::vector<std::uint64_t> counts(bins, 0);
  double lowest = 1.0;
  double highest = 0.0;
  for (std::uint64_t i = 0; i < draws; ++i) {
    // Spread over steps, agents and draws so every counter word takes part.
    const double x = s.uniform(i % 7, i / 7, static_cast<std::uint32_t>(i % 5));
    lowest = std::min(lowest, x);
    highest = std::max(highest, x);
    ++counts[static_cast<std::size_t>(x * bins)];
  }
  CHECK(lowest >= 0.0);
  CHECK(highest < 1.0);
  const double statistic = chi_square(counts, static_cast<double>(draws) / bins);
  CHECK(statistic < chi_square_critical(bins - 1, 0.001));
}

TEST_CASE("PhiloxEngine walks the setup counter and replays from its key") {
  PhiloxEngine e(base_key);
  PhiloxEngine again(base_key);
  const PhiloxStream s(base_key);
  for (std::uint64_t block = 0; block < 5; ++block) {
    const auto words = s.block(PhiloxEngine::setup_step, 0, block);
    for (const auto w : words) {
      CHECK(e() == w);
      CHECK(again() == w);
    }
  }
  PhiloxEngine other({base_key.seed + 1, base_key.run, base_key.stream});
  PhiloxEngine fresh(base_key);
  CHECK(other() != fresh());
}

TEST_CASE("PhiloxEngine drives std::uniform_int_distribution") {
  constexpr std::uint64_t draws = 100'000;
  constexpr int faces = 10;
  PhiloxEngine e(base_key);
  std::uniform_int_distribution<int> dist(0, faces - 1);
  std::vector<std::uint64_t> counts(faces, 0);
  for (std::uint64_t i = 0; i < draws; ++i) {
    const int x = dist(e);
    REQUIRE(x >= 0);
    REQUIRE(x < faces);
    ++counts[static_cast<std::size_t>(x)];
  }
  CHECK(chi_square(counts, static_cast<double>(draws) / faces) < chi_square_critical(faces - 1, 0.001));
}

TEST_CASE("PhiloxEngine::below stays in range and looks unbiased") {
  PhiloxEngine e(base_key);
  SECTION("range, including bounds where rejection is likely") {
    const std::uint64_t n = GENERATE(std::uint64_t{1}, std::uint64_t{2}, std::uint64_t{3},
                                     std::uint64_t{1000003}, (std::uint64_t{1} << 63) + 1, UINT64_MAX);
    for (int i = 0; i < 10'000; ++i) REQUIRE(e.below(n) < n);
  }
  SECTION("six outcomes evenly (chi-square)") {
    constexpr std::uint64_t draws = 60'000;
    constexpr std::uint64_t n = 6;
    std::vector<std::uint64_t> counts(n, 0);
    for (std::uint64_t i = 0; i < draws; ++i) ++counts[e.below(n)];
    CHECK(chi_square(counts, static_cast<double>(draws) / n) < chi_square_critical(n - 1, 0.001));
  }
  SECTION("a bound of two thirds of 2^64 splits evenly between its halves") {
    // With n = 2/3 * 2^64 a plain x % n gives the lower half of [0, n) two preimages per value
    // and the upper half one, so two thirds of draws would land below n / 2 instead of half.
    constexpr std::uint64_t draws = 100'000;
    const std::uint64_t n = UINT64_MAX / 3 * 2;
    std::uint64_t lower_half = 0;
    for (std::uint64_t i = 0; i < draws; ++i) lower_half += e.below(n) < n / 2 ? 1 : 0;
    const double share = static_cast<double>(lower_half) / draws;
    CHECK(std::abs(share - 0.5) < k_sigma * 0.5 / std::sqrt(static_cast<double>(draws)));
  }
  SECTION("uniform() is in [0, 1)") {
    for (int i = 0; i < 10'000; ++i) {
      const double x = e.uniform();
      REQUIRE(x >= 0.0);
      REQUIRE(x < 1.0);
    }
  }
}

}  // namespace missionsim
