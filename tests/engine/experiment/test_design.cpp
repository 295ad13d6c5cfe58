#include "engine/experiment/design.hpp"

#include "engine/core/error.hpp"
#include "tests/support/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <set>
#include <vector>

namespace missionsim {

namespace {
const std::vector<ParameterRange> three = {{"a.x", 0.0, 1.0}, {"b.y", -2.0, 2.0}, {"c.z", 10.0, 20.0}};

double unit(const ParameterRange& r, double v) {
  return (v - r.low) / (r.high - r.low);
}
}  // namespace

TEST_CASE("run counts: grid N^k, lhs N, sobol N(k+2), morris N(k+1)", "[design]") {
  CHECK(grid_design(three, 3).point_count() == 27);
  CHECK(latin_hypercube_design(three, 7, 1).point_count() == 7);
  CHECK(saltelli_design(three, 8).point_count() == std::size_t{8} * (3 + 2));
  CHECK(morris_design(three, 5, 1).point_count() == std::size_t{5} * (3 + 1));
  CHECK(design_point_count(DesignMethod::sobol, 64, 4) == std::size_t{64} * 6);
  CHECK(design_point_count(DesignMethod::morris, 10, 7) == std::size_t{10} * 8);
  CHECK_THROWS_AS(design_point_count(DesignMethod::grid, 100, 20), InputError);
}

TEST_CASE("a grid spans each range evenly with the last parameter fastest", "[design]") {
  const auto d = grid_design(three, 3);
  CHECK(d.point(0)[0] == 0.0);
  CHECK(d.point(0)[2] == 10.0);
  CHECK(d.point(1)[2] == 15.0);
  CHECK(d.point(2)[2] == 20.0);
  CHECK(d.point(26)[1] == 2.0);
  CHECK(d.point(9)[0] == 0.5);
}

TEST_CASE("a Latin hypercube puts one point in each stratum of every dimension", "[design]") {
  const std::uint32_t n = GENERATE(1u, 2u, 10u, 97u);
  const auto d = latin_hypercube_design(three, n, 20251124);
  REQUIRE(d.point_count() == n);
  for (std::size_t j = 0; j < three.size(); ++j) {
    std::set<long> strata;
    for (std::size_t p = 0; p < n; ++p) {
      const double u = unit(three[j], d.point(p)[j]);
      REQUIRE(u >= 0.0);
      REQUIRE(u < 1.0);
      strata.insert(static_cast<long>(std::floor(u * n)));
    }
    CHECK(strata.size() == n);
  }
}

TEST_CASE("a Latin hypercube depends on its seed only", "[design]") {
  CHECK(latin_hypercube_design(three, 10, 5).values == latin_hypercube_design(three, 10, 5).values);
  CHECK(latin_hypercube_design(three, 10, 5).values != latin_hypercube_design(three, 10, 6).values);
}

TEST_CASE("the Sobol sequence starts at 0.5, then 0.25 and 0.75 in the first dimension", "[design]") {
  const auto p = sobol_points(3, 4);
  for (std::size_t j = 0; j < 4; ++j) CHECK(p[j] == 0.5);
  CHECK(std::min(p[4], p[8]) == 0.25);
  CHECK(std::max(p[4], p[8]) == 0.75);
}

TEST_CASE("Saltelli rows: A, B, then A with one column from B", "[design]") {
  const std::vector<ParameterRange> unit3 = {{"x", 0, 1}, {"y", 0, 1}, {"z", 0, 1}};
  const auto d = saltelli_design(unit3, 4);
  const auto sobol = sobol_points(4, 6);
  for (std::size_t j = 0; j < 4; ++j) {
    const std::size_t base = j * 5;
    for (std::size_t i = 0; i < 3; ++i) {
      CHECK(d.point(base)[i] == sobol[j * 6 + i]);
      CHECK(d.point(base + 1)[i] == sobol[j * 6 + 3 + i]);
      for (std::size_t mixed = 0; mixed < 3; ++mixed)
        CHECK(d.point(base + 2 + mixed)[i] == (i == mixed ? d.point(base + 1)[i] : d.point(base)[i]));
    }
  }
}

TEST_CASE("Morris trajectories change one parameter per step by delta", "[design]") {
  const auto d = morris_design(three, 12, 42);
  CHECK(d.morris_delta == Approx(2.0 / 3.0));
  const std::size_t k = three.size();
  for (std::size_t t = 0; t < 12; ++t) {
    std::set<std::size_t> moved;
    for (std::size_t step = 0; step < k; ++step) {
      const auto a = d.point(t * (k + 1) + step);
      const auto b = d.point(t * (k + 1) + step + 1);
      std::size_t changed = 0;
      for (std::size_t i = 0; i < k; ++i) {
        if (a[i] == b[i]) continue;
        ++changed;
        moved.insert(i);
        CHECK(std::abs(unit(three[i], b[i]) - unit(three[i], a[i])) == Approx(2.0 / 3.0));
        CHECK(unit(three[i], b[i]) >= -1e-12);
        CHECK(unit(three[i], b[i]) <= 1 + 1e-12);
      }
      CHECK(changed == 1);
    }
    CHECK(moved.size() == k);  // each parameter once per trajectory
  }
}

TEST_CASE("parameter ranges parse key=LO:HI and refuse the rest", "[design]") {
  const auto r = parse_parameter_range("pathway.onset_rate=0.001:0.01");
  CHECK(r.key == "pathway.onset_rate");
  CHECK(r.low == 0.001);
  CHECK(r.high == 0.01);
  for (const char* bad : {"x", "=1:2", "x=1", "x=a:2", "x=2:1", "x=1:1", "x=1:inf"})
    CHECK_THROWS_AS(parse_parameter_range(bad), InputError);
}

TEST_CASE("a design file gives one point per row and names the cell of an error", "[design]") {
  const test::TempDir dir;
  const auto ok = dir.write("ok.csv", "# a design\na.x,b.y\n0.5,1\n0.25,2\n");
  const auto d = read_design_file(ok);
  CHECK(d.method == DesignMethod::file);
  CHECK(d.keys == std::vector<std::string>{"a.x", "b.y"});
  CHECK(d.values == std::vector<double>{0.5, 1, 0.25, 2});

  const auto bad = dir.write("bad.csv", "a.x,b.y\n0.5,1\n0.25,oops\n");
  try {
    (void)read_design_file(bad);
    FAIL("expected an InputError");
  } catch (const InputError& e) {
    const auto& diag = e.diagnostics().front();
    CHECK(diag.where.file == bad.string());
    CHECK(diag.where.line == 3);
    CHECK(diag.key == "b.y");
  }
  CHECK_THROWS_AS(read_design_file(dir.write("empty.csv", "a.x\n")), InputError);
  CHECK_THROWS_AS(read_design_file(dir / "missing.csv"), InputError);
}

}  // namespace missionsim
