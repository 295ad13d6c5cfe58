#include "engine/analysis/acceptability.hpp"

#include "engine/core/error.hpp"

#include <catch2/catch.hpp>

#include <vector>

namespace missionsim {

TEST_CASE("acceptability curve: hand cases at lambda 0 and high lambda") {
  // Option 1 gains 1 QALY for 1000 more in every set but one, where it gains 3 for 1000.
  const std::vector<std::vector<double>> qalys{{10, 10, 10, 10}, {11, 11, 11, 13}};
  const std::vector<std::vector<double>> costs{{0, 0, 0, 0}, {1000, 1000, 1000, 1000}};
  const std::vector<double> wtp{0, 300, 600, 2000};
  const auto c = acceptability_curve(qalys, costs, wtp);
  REQUIRE(c.probability.size() == 2);
  CHECK(c.probability[0] == std::vector<double>{1, 1, 0.75, 0});
  CHECK(c.probability[1] == std::vector<double>{0, 0, 0.25, 1});
}

TEST_CASE("acceptability curve sums to 1 at every lambda, ties shared") {
  const std::vector<std::vector<double>> qalys{{1, 2, 3}, {1, 2.5, 2}, {1, 1, 4}};
  const std::vector<std::vector<double>> costs{{0, 10, 5}, {0, 30, 0}, {0, 0, 90}};
  const auto wtp = willingness_to_pay_grid(100, 11);
  const auto c = acceptability_curve(qalys, costs, wtp);
  for (std::size_t w = 0; w < wtp.size(); ++w) {
    double sum = 0;
    for (const auto& p : c.probability) sum += p[w];
    CHECK(sum == Approx(1.0).epsilon(1e-12));
  }
  // Set 0 is a three-way tie at every lambda: a third each.
  const auto tie = acceptability_curve({{1}, {1}, {1}}, {{0}, {0}, {0}}, std::vector<double>{5});
  CHECK(tie.probability[0][0] == Approx(1.0 / 3));
}

TEST_CASE("acceptability curve rejects mismatched input") {
  CHECK_THROWS_AS(acceptability_curve({{1}}, {{1, 2}}, std::vector<double>{0}), InternalError);
  CHECK_THROWS_AS(acceptability_curve({{1}}, {{1}}, std::vector<double>{-1}), InternalError);
  CHECK_THROWS_AS(willingness_to_pay_grid(0, 5), InternalError);
  CHECK(willingness_to_pay_grid(10, 3) == std::vector<double>{0, 5, 10});
}

}  // namespace missionsim
