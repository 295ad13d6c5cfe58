#include "engine/analysis/replicate_statistics.hpp"

#include "engine/core/error.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <vector>

namespace missionsim {

TEST_CASE("summarize: mean, sample sd, t interval of the mean and the 95% range of replicates") {
  const std::vector<double> x{1, 2, 3, 4, 5};
  const Summary s = summarize(x);
  CHECK(s.n == 5);
  CHECK(s.mean == Approx(3.0));
  CHECK(s.sd == Approx(std::sqrt(2.5)));
  // t(0.975, 4) = 2.776445105 (tables).
  const double half = 2.776445105 * std::sqrt(2.5) / std::sqrt(5.0);
  CHECK(s.ci_low == Approx(3.0 - half).epsilon(1e-8));
  CHECK(s.ci_high == Approx(3.0 + half).epsilon(1e-8));
  CHECK(s.range_low == Approx(1.1));  // type 7: 1 + 0.025·4·(2 − 1)
  CHECK(s.range_high == Approx(4.9));
}

TEST_CASE("summarize leaves out non-finite values and has no interval below two replicates") {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const Summary one = summarize(std::vector<double>{nan, 7.0, INFINITY});
  CHECK(one.n == 1);
  CHECK(one.mean == 7.0);
  CHECK(std::isnan(one.ci_low));
  CHECK(std::isnan(one.sd));
  CHECK(summarize(std::vector<double>{}).n == 0);
  CHECK(std::isnan(summarize(std::vector<double>{}).mean));
}

TEST_CASE("summarize_difference of identical columns is exactly zero") {
  const std::vector<double> a{1.5, 2.25, 1e9, -3};
  const Summary d = summarize_difference(a, a);
  CHECK(d.mean == 0.0);
  CHECK(d.sd == 0.0);
  CHECK(d.ci_low == 0.0);
  CHECK(d.ci_high == 0.0);
  CHECK_THROWS_AS(summarize_difference(a, std::vector<double>{1}), InternalError);
}

TEST_CASE("summarize_difference pairs the samples: a constant shift has no spread") {
  const std::vector<double> a{10, 20, 30, 40};
  const std::vector<double> b{12, 22, 32, 42};
  const Summary d = summarize_difference(a, b);
  CHECK(d.mean == Approx(2.0));
  CHECK(d.sd == Approx(0.0).margin(1e-12));
  CHECK(d.ci_low == Approx(2.0));
}

TEST_CASE("quantile interpolates, and +inf (not reached) sorts last") {
  const std::vector<double> x{4, 1, 3, 2};
  CHECK(quantile(x, 0.0) == 1);
  CHECK(quantile(x, 1.0) == 4);
  CHECK(quantile(x, 0.5) == Approx(2.5));
  const std::vector<double> y{1, 2, INFINITY, INFINITY};
  CHECK(quantile(y, 0.25) == Approx(1.75));
  CHECK(std::isinf(quantile(y, 0.5)));  // h = 1.5: between 2 and +inf
  CHECK(std::isinf(quantile(y, 0.9)));
  CHECK_THROWS_AS(quantile(x, 1.5), InternalError);
}

TEST_CASE("proportion: Wilson interval inside [0, 1] with width at 0 and 1") {
  const Proportion none = proportion(0, 20);
  CHECK(none.estimate == 0.0);
  CHECK(none.low == 0.0);
  CHECK(none.high > 0.1);
  CHECK(none.high < 0.2);  // Wilson upper bound for 0/20 is 0.161
  const Proportion all = proportion(20, 20);
  CHECK(all.high == 1.0);
  CHECK(all.low == Approx(1 - 0.16113).epsilon(1e-3));
  const Proportion half = proportion(50, 100);
  CHECK(half.low == Approx(0.4038).epsilon(1e-3));
  CHECK(half.high == Approx(0.5962).epsilon(1e-3));
  CHECK_THROWS_AS(proportion(3, 2), InternalError);
}

}  // namespace missionsim
