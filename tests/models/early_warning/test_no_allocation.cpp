// EarlyWarnings::on_step and write_metrics promise not to allocate: they run in the step loop.
#include "models/early_warning/early_warnings.hpp"
#include "tests/support/allocation_counter.hpp"

#include <catch2/catch.hpp>

#include <cmath>

namespace missionsim::model {

TEST_CASE("EarlyWarnings allocates nothing per step, whatever the detrending") {
  const auto detrending = GENERATE(Detrending::none, Detrending::gaussian, Detrending::linear);
  const std::vector<MetricSpec> metrics{{"adopter_share", "1", "", Breakdown{"innovation", {"a", "b", "c"}}}};
  const std::size_t steps = 120;
  EarlyWarnings ews({0.5, detrending, 0.1}, metrics, {"adopter_share_by_innovation"}, steps);
  ews.setup();
  std::vector<double> values(3), out(ews.metric_width());
  const std::size_t before = test::allocation_count();
  for (std::uint32_t t = 0; t < steps; ++t) {
    for (std::size_t k = 0; k < values.size(); ++k) values[k] = std::sin(static_cast<double>(t * (k + 1)));
    ews.on_step(t, values);
    ews.write_metrics(out);
  }
  CHECK(test::allocation_count() == before);
  CHECK_FALSE(std::isnan(out[0]));
}

}  // namespace missionsim::model
