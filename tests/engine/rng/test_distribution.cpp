#include "engine/rng/distribution.hpp"

#include "engine/core/error.hpp"

#include <boost/math/distributions/beta.hpp>
#include <boost/math/distributions/gamma.hpp>
#include <boost/math/distributions/lognormal.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/triangular.hpp>
#include <boost/math/distributions/uniform.hpp>
#include <catch2/catch.hpp>

#include <cmath>

namespace missionsim {

namespace {
double kurtosis(const Distribution& d) {
  namespace bm = boost::math;
  switch (d.kind) {
    case DistributionKind::normal:
      return bm::kurtosis(bm::normal(d.a, d.b));
    case DistributionKind::lognormal:
      return bm::kurtosis(bm::lognormal(d.a, d.b));
    case DistributionKind::beta:
      return bm::kurtosis(bm::beta_distribution<>(d.a, d.b));
    case DistributionKind::gamma:
      return bm::kurtosis(bm::gamma_distribution<>(d.a, d.b));
    case DistributionKind::uniform:
      return bm::kurtosis(bm::uniform(d.a, d.b));
    case DistributionKind::triangular:
      return bm::kurtosis(bm::triangular(d.a, d.b, d.c));
  }
  return NAN;
}
}  // namespace

TEST_CASE("draws match each distribution's mean and variance within sampling tolerance") {
  const Distribution d = GENERATE(
      Distribution{DistributionKind::normal, 0.3, 0.05}, Distribution{DistributionKind::lognormal, -1.0, 0.4},
      Distribution{DistributionKind::beta, 2, 5}, Distribution{DistributionKind::gamma, 4, 0.02},
      Distribution{DistributionKind::uniform, 0.1, 0.3},
      Distribution{DistributionKind::triangular, 0, 0.2, 1});
  INFO(d.describe());
  constexpr std::uint32_t n = 20000;
  constexpr double k = 4.0;  // tolerance in standard errors: a false alarm about once in 16,000 runs
  double sum = 0, squares = 0;
  std::uint32_t outside = 0;
  for (std::uint32_t i = 0; i < n; ++i) {
    const double x = d.quantile(parameter_uniform(2025, i, "innovations.screening.threshold"));
    outside += !(x >= d.support_low() && x <= d.support_high());
    sum += x;
    squares += x * x;
  }
  CHECK(outside == 0);
  const double mean = sum / n;
  const double var = (squares - n * mean * mean) / (n - 1);
  const double sd = std::sqrt(d.variance());
  CHECK(std::fabs(mean - d.mean()) < k * sd / std::sqrt(double{n}));
  // The sample variance has variance (μ4 − σ⁴)/n = σ⁴ (kurtosis − 1)/n.
  const double var_se = d.variance() * std::sqrt((kurtosis(d) - 1) / n);
  CHECK(std::fabs(var - d.variance()) < k * var_se);
}

TEST_CASE("closed forms: means and variances of the parameterisations") {
  CHECK(Distribution{DistributionKind::beta, 2, 5}.mean() == Approx(2.0 / 7));
  CHECK(Distribution{DistributionKind::gamma, 4, 0.02}.mean() == Approx(0.08));
  CHECK(Distribution{DistributionKind::gamma, 4, 0.02}.variance() == Approx(4 * 0.02 * 0.02));
  CHECK(Distribution{DistributionKind::lognormal, 0, 0.5}.mean() == Approx(std::exp(0.125)));
  CHECK(Distribution{DistributionKind::triangular, 0, 0.2, 1}.mean() == Approx(0.4));
  CHECK(Distribution{DistributionKind::uniform, 1, 3}.variance() == Approx(4.0 / 12));
  CHECK(Distribution{DistributionKind::normal, 1, 2}.quantile(0.5) == Approx(1));
  CHECK_THROWS_AS(Distribution({DistributionKind::beta, -1, 5}).mean(), InternalError);
  CHECK_THROWS_AS(Distribution({DistributionKind::uniform, 0, 1}).quantile(1.0), InternalError);
}

TEST_CASE("parameter uniforms: in (0, 1), a pure function of seed, set and key path") {
  const double u = parameter_uniform(7, 3, "a.b");
  CHECK(u > 0);
  CHECK(u < 1);
  CHECK(parameter_uniform(7, 3, "a.b") == u);
  CHECK(parameter_uniform(7, 4, "a.b") != u);
  CHECK(parameter_uniform(8, 3, "a.b") != u);
  CHECK(parameter_uniform(7, 3, "a.c") != u);
}

}  // namespace missionsim
