// Equity::write_metrics runs every step: it promises not to allocate.
#include "models/equity/equity.hpp"
#include "tests/models/equity/pathway_world.hpp"
#include "tests/support/allocation_counter.hpp"

#include <catch2/catch.hpp>

namespace missionsim::model {

TEST_CASE("write_metrics allocates nothing") {
  const auto s = test::pathway_scenario(
      2000, "[[regions]]\nname = \"a\"\nshare = 0.5\n[[regions]]\nname = \"b\"\nshare = 0.5\n[pathway]\n", 1,
      "1 month");
  test::PathwayWorld w(s);
  const Equity equity(w.pathway, w.population, s.calendar().dt_years());
  std::vector<double> out(Equity::metric_width());
  std::size_t allocations = 0;
  for (std::uint32_t t = 0; t < s.calendar().step_count(); ++t) {
    w.step(t);
    const std::size_t before = test::allocation_count();
    equity.write_metrics(out);
    allocations += test::allocation_count() - before;
  }
  CHECK(allocations == 0);
  CHECK_FALSE(std::isnan(out[0]));  // incidence gap: defined once the step has run
}

}  // namespace missionsim::model
