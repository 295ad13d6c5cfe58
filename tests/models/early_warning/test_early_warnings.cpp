#include "models/early_warning/early_warnings.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

namespace missionsim::model {

namespace {
const std::vector<MetricSpec> metrics{
    {"adopter_share", "1", "", Breakdown{"innovation", {"diet", "screening"}}},
    {"deaths", "persons", "", std::nullopt},
    {"goal_kpi", "KPI units of each goal", "", Breakdown{"goal", {"fewer"}}}};
const std::vector<std::string> watched{"adopter_share_by_innovation", "absent_by_nothing",
                                       "goal_kpi_by_goal"};
constexpr std::size_t steps = 40;

// Step t's values: diet a noisy rise, screening flat, deaths ignored, the KPI NaN for 5 steps.
std::vector<double> values_at(std::size_t t) {
  const double x = static_cast<double>(t);
  return {0.01 * x + 0.05 * std::sin(1.7 * x * x), 0.2, 100 + x, t < 5 ? NAN : std::cos(x) * x};
}
}  // namespace

TEST_CASE("EarlyWarnings describes NAME_ews_* metrics for the watched metrics present") {
  const EarlyWarnings ews({0.5, Detrending::linear, 0.1}, metrics, watched, steps);
  std::vector<MetricSpec> out;
  ews.describe_metrics(out);
  std::vector<std::string> names;
  names.reserve(out.size());
  for (const auto& m : out) names.push_back(m.dataset_name());
  CHECK(names == std::vector<std::string>{
                     "adopter_share_ews_variance_by_innovation", "adopter_share_ews_ac1_by_innovation",
                     "adopter_share_ews_skewness_by_innovation", "goal_kpi_ews_variance_by_goal",
                     "goal_kpi_ews_ac1_by_goal", "goal_kpi_ews_skewness_by_goal"});
  CHECK(out[0].units == "1");
  CHECK(out[3].units == "(KPI units of each goal)^2");
  CHECK(out[0].by->labels == std::vector<std::string>{"diet", "screening"});
  CHECK(ews.series_count() == 3);
  CHECK(ews.metric_width() == 9);
}

TEST_CASE("EarlyWarnings writes what EarlyWarningWindow computes on each followed value") {
  const EarlyWarningSettings settings{0.5, Detrending::gaussian, 0.2};
  EarlyWarnings ews(settings, metrics, watched, steps);
  ews.setup();
  EarlyWarningWindow diet(settings, steps), kpi(settings, steps);
  std::vector<double> out(ews.metric_width());
  for (std::uint32_t t = 0; t < steps; ++t) {
    const auto v = values_at(t);
    ews.on_step(t, v);
    ews.write_metrics(out);
    const auto d = diet.push(v[0]), k = kpi.push(v[3]);
    // Layout: adopter_share variance [diet, screening], ac1 [..], skewness [..], then the goal's.
    const auto same = [](double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; };
    REQUIRE(same(out[0], d.variance));
    REQUIRE(same(out[2], d.ac1));
    REQUIRE(same(out[4], d.skewness));
    REQUIRE(same(out[6], k.variance));
    REQUIRE(same(out[7], k.ac1));
    REQUIRE(same(out[8], k.skewness));
    if (t >= 19) {
      CHECK(out[1] == 0.0);  // screening is flat: no variance, no autocorrelation
      CHECK(std::isnan(out[3]));
    } else {
      CHECK(std::isnan(out[0]));  // the 20-step window is not full yet
    }
  }
}

TEST_CASE("EarlyWarnings' /ews values: a tau per series and indicator, then the settings") {
  EarlyWarnings ews({0.25, Detrending::none, 0.1}, metrics, watched, steps);
  ews.setup();
  for (std::uint32_t t = 0; t < steps; ++t) {
    // diet's spread grows with t: its rolling variance rises at every step.
    auto v = values_at(t);
    v[0] = (t % 2 ? 1.0 : -1.0) * static_cast<double>(t * t);
    ews.on_step(t, v);
  }
  const auto spec = ews.analysis_spec();
  const auto values = ews.analysis_values();
  REQUIRE(spec.values.size() == values.size());
  CHECK(spec.group == "ews");
  REQUIRE(spec.values.size() == 3 * 3 + 3);
  CHECK(spec.values[0].name == "adopter_share_diet_ews_variance_tau");
  CHECK(spec.values[1].name == "adopter_share_diet_ews_ac1_tau");
  CHECK(spec.values[5].name == "adopter_share_screening_ews_skewness_tau");
  CHECK(spec.values[6].name == "goal_kpi_fewer_ews_variance_tau");
  CHECK(spec.values[0].description.find("adopter_share_ews_variance_by_innovation[diet]") !=
        std::string::npos);
  CHECK(values[0].number == 1.0);
  CHECK(std::isnan(values[4].number));  // screening's variance is 0 throughout: all ties
  CHECK(spec.values[9].name == "window_steps");
  CHECK(values[9].number == 10);
  CHECK(std::isnan(values[10].number));  // no Gaussian kernel
  CHECK(spec.values[11].is_text);
  CHECK(values[11].text == "none");
}

TEST_CASE("EarlyWarnings follows nothing when no watched metric is present") {
  EarlyWarnings ews({}, {{"deaths", "persons", "", std::nullopt}}, watched, steps);
  CHECK(ews.series_count() == 0);
  CHECK(ews.metric_width() == 0);
  CHECK(ews.analysis_spec().values.size() == 3);
}

}  // namespace missionsim::model
