// DESIGN.md decision 2: common random numbers. A scenario compared with itself differs by
// exactly zero; with one instrument added, pairing each run with its baseline on the same seed
// removes most of the noise of the comparison.
#include "models/composition/scenario.hpp"
#include "tests/support/run_scenario.hpp"
#include "tests/support/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <numeric>

namespace missionsim::model {

namespace {
std::string scenario(long seed, bool campaign) {
  std::string text = R"(schema_version = 1
[scenario]
name = "crn"
seed = )" + std::to_string(seed) +
                     R"(
[time]
start = 2025-01-01
end = 2029-01-01
[population]
size = 20000
scale = 50
[[age_bands]]
name = "adults"
share = 1.0
other_mortality = 0.01
[pathway]
onset_rate = 0.05
[[network]]
name = "net"
kind = "small_world"
mean_degree = 8
[[innovations]]
name = "diet"
network = "net"
rule = "bass"
innovation_rate = 0.02
imitation_rate = 0.4
initial_share = 0.01
onset_multiplier = 0.6
)";
  if (campaign)
    text += R"([[instruments]]
name = "ads"
kind = "campaign"
innovation = "diet"
start = 2025-01-01
end = 2029-01-01
innovation_rate_boost = 0.1
)";
  return text;
}

// The outcome compared: new cases over the four years.
double cases(long seed, bool campaign) {
  test::TempDir dir;
  const auto rec = test::run_in_memory(load_scenario(dir.write("s.toml", scenario(seed, campaign))), 2);
  const auto s = rec->series("incidence", 0);
  return std::accumulate(s.begin(), s.end(), 0.0);
}

double variance(const std::vector<double>& x) {
  const double mean = std::accumulate(x.begin(), x.end(), 0.0) / x.size();
  double ss = 0;
  for (double v : x) ss += (v - mean) * (v - mean);
  return ss / (x.size() - 1);
}
}  // namespace

TEST_CASE("A scenario compared with itself differs by exactly zero") {
  CHECK(cases(11, true) - cases(11, true) == 0.0);
  CHECK(cases(11, false) - cases(11, false) == 0.0);
}

TEST_CASE("Paired differences vary at most a quarter as much as unpaired ones") {
  constexpr std::size_t replicates = 12;
  std::vector<double> with(2 * replicates), without(2 * replicates);
  for (std::size_t r = 0; r < 2 * replicates; ++r) {
    with[r] = cases(100 + static_cast<long>(r), true);
    without[r] = cases(100 + static_cast<long>(r), false);
  }
  std::vector<double> paired, unpaired;
  for (std::size_t r = 0; r < replicates; ++r) {
    paired.push_back(with[r] - without[r]);                 // same seed: common random numbers
    unpaired.push_back(with[r] - without[r + replicates]);  // independent seeds
  }
  INFO("paired variance " << variance(paired) << ", unpaired " << variance(unpaired));
  CHECK(variance(paired) <= 0.25 * variance(unpaired));
  // The campaign does prevent cases on average.
  CHECK(std::accumulate(paired.begin(), paired.end(), 0.0) < 0);
}

}  // namespace missionsim::model
