#include "engine/core/error.hpp"
#include "engine/schedule/step_executor.hpp"
#include "models/adoption/adoption.hpp"
#include "tests/support/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <numeric>
#include <set>

namespace missionsim::model {

namespace {
// Builds a CSR graph from an undirected edge list, written out by hand so the test does not
// depend on the builder it could be testing.
CsrGraph hand_graph(NodeId n, const std::vector<std::pair<NodeId, NodeId>>& edges) {
  std::vector<std::vector<NodeId>> rows(n);
  for (auto [a, b] : edges) {
    rows[a].push_back(b);
    rows[b].push_back(a);
  }
  std::vector<EdgeIndex> offsets{0};
  std::vector<NodeId> targets;
  for (auto& r : rows) {
    std::sort(r.begin(), r.end());
    targets.insert(targets.end(), r.begin(), r.end());
    offsets.push_back(targets.size());
  }
  return CsrGraph(std::move(offsets), std::move(targets));
}

std::set<NodeId> adopters(const Adoption& a, std::size_t i = 0) {
  std::set<NodeId> out;
  const auto col = a.adopted(i);
  for (NodeId v = 0; v < col.size(); ++v)
    if (col[v]) out.insert(v);
  return out;
}

struct Harness {
  World world;
  Adoption adoption;
  StepPlan plan;
  std::unique_ptr<StepExecutor> exec;
  std::uint32_t step = 0;

  Harness(World w, std::vector<InnovationParams> ps, unsigned threads = 1, std::uint32_t block = 3)
      : world(std::move(w)), adoption(std::move(ps), world, BlockPartition(world.population(), block)) {
    adoption.setup(11, 0);
    adoption.add_phases(plan);
    plan.freeze();
    exec = std::make_unique<StepExecutor>(plan, BlockPartition(world.population(), block), threads);
  }
  void run_step(double dt = 1.0 / 12) { exec->run_step({0, step++, dt}); }
};
}  // namespace

TEST_CASE("Threshold rule: adopters after each step equal the hand-computed cascade") {
  // 0-1, 0-2, 1-2, 2-3, 3-4, 4-5, 3-5, 5-6, 6-7; node 8 has no contacts. θ = 0.3, seed {0}.
  // Degrees: 0:2 1:2 2:3 3:3 4:2 5:3 6:2 7:1 8:0. Synchronous: a node sees the state at the
  // start of the step, so the cascade advances one ring per step.
  test::TempDir dir;
  NetworkLayer layer{"net", false,
                     hand_graph(9, {{0, 1}, {0, 2}, {1, 2}, {2, 3}, {3, 4}, {4, 5}, {3, 5}, {5, 6}, {6, 7}})};
  std::vector<NetworkLayer> layers;
  layers.push_back(std::move(layer));
  InnovationParams p;
  p.name = "idea";
  p.network = "net";
  p.threshold = 0.3;
  p.initial = InitialAdopters::file;
  p.initial_file = dir.write("seeds.txt", "# the first adopter\n0\n");
  const unsigned threads = GENERATE(1u, 2u);
  Harness h(World(9, std::move(layers)), {p}, threads);

  const std::vector<std::set<NodeId>> expected{
      {0},                       // initial
      {0, 1, 2},                 // 1: 1/2 ≥ .3, 2: 1/3 ≥ .3
      {0, 1, 2, 3},              // 3: 1/3
      {0, 1, 2, 3, 4, 5},        // 4: 1/2, 5: 1/3
      {0, 1, 2, 3, 4, 5, 6},     // 6: 1/2
      {0, 1, 2, 3, 4, 5, 6, 7},  // 7: 1/1
      {0, 1, 2, 3, 4, 5, 6, 7},  // 8 has no contacts: never adopts through them
  };
  CHECK(adopters(h.adoption) == expected[0]);
  for (std::size_t t = 1; t < expected.size(); ++t) {
    h.run_step();
    INFO("after step " << t);
    CHECK(adopters(h.adoption) == expected[t]);
    CHECK(h.adoption.adopter_count(0) == expected[t].size());
  }
}

TEST_CASE("Threshold rule: a share exactly at θ adopts (7 of 10 meets θ = 0.7)") {
  std::vector<std::pair<NodeId, NodeId>> star;
  for (NodeId v = 1; v <= 10; ++v) star.emplace_back(0, v);
  test::TempDir dir;
  InnovationParams p;
  p.name = "idea";
  p.network = "net";
  p.initial = InitialAdopters::file;
  p.initial_file = dir.write("seeds.txt", "1\n2\n3\n4\n5\n6\n7\n");
  p.threshold = GENERATE(0.7, 0.71);
  std::vector<NetworkLayer> layers;
  layers.push_back({"net", false, hand_graph(11, star)});
  Harness h(World(11, std::move(layers)), {p});
  h.run_step();
  CHECK(static_cast<bool>(h.adoption.adopted(0)[0]) == (p.threshold == 0.7));
}

TEST_CASE("Well-mixed threshold: everyone adopts at once when the adopting share reaches θ") {
  InnovationParams p;
  p.name = "idea";
  p.network = "all";
  p.initial = InitialAdopters::most_central;  // all degrees equal: the lowest ids
  p.initial_share = 0.25;
  p.threshold = GENERATE(0.25, 0.26);
  std::vector<NetworkLayer> layers;
  layers.push_back({"all", true, {}});
  Harness h(World(101, std::move(layers)), {p});
  CHECK(adopters(h.adoption) == std::set<NodeId>{0,  1,  2,  3,  4,  5,  6,  7,  8,  9,  10, 11, 12,
                                                 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24});
  h.run_step();
  // 25 adopters: each of the 76 others sees 25/100 = 0.25 of the rest.
  CHECK(h.adoption.adopter_count(0) == (p.threshold <= 0.25 ? 101u : 25u));
}

TEST_CASE("Most central initial adopters are the highest-degree people") {
  // A star of 5 leaves around 0 and a triangle 6-7-8: degrees 0:5, 6..8:2, leaves:1.
  std::vector<NetworkLayer> layers;
  layers.push_back(
      {"net", false, hand_graph(9, {{0, 1}, {0, 2}, {0, 3}, {0, 4}, {0, 5}, {6, 7}, {7, 8}, {6, 8}})});
  InnovationParams p;
  p.name = "idea";
  p.network = "net";
  p.initial = InitialAdopters::most_central;
  p.initial_share = 3.0 / 9.0;
  p.threshold = 1.0;
  Harness h(World(9, std::move(layers)), {p});
  CHECK(adopters(h.adoption) == std::set<NodeId>{0, 6, 7});  // ties broken towards lower ids
}

TEST_CASE("Random initial adopters: share within binomial tolerance, nested as the share grows") {
  const NodeId n = 200'000;
  std::vector<NetworkLayer> layers;
  layers.push_back({"all", true, {}});
  World world(n, std::move(layers));
  auto make = [&](double share) {
    InnovationParams p;
    p.name = "idea";
    p.network = "all";
    p.threshold = 1.0;
    p.initial_share = share;
    Adoption a({p}, world, BlockPartition(n));
    a.setup(5, 0);
    return adopters(a);
  };
  const auto small = make(0.01), large = make(0.05);
  constexpr double k = 5.0;  // z-score allowed
  const double sd = std::sqrt(n * 0.01 * 0.99);
  CHECK(std::abs(static_cast<double>(small.size()) - n * 0.01) < k * sd);
  CHECK(std::includes(large.begin(), large.end(), small.begin(), small.end()));
}

TEST_CASE("Heterogeneous thresholds have the requested mean and spread") {
  const NodeId n = 100'000;
  std::vector<NetworkLayer> layers;
  layers.push_back({"all", true, {}});
  World world(n, std::move(layers));
  const auto dist = GENERATE(ThresholdDistribution::uniform, ThresholdDistribution::normal);
  InnovationParams p;
  p.name = "idea";
  p.network = "all";
  p.threshold = 0.4;
  p.threshold_spread = 0.1;
  p.threshold_distribution = dist;
  Adoption a({p}, world, BlockPartition(n));
  a.setup(9, 0);
  const auto th = a.thresholds(0);
  REQUIRE(th.size() == n);
  const double mean = std::accumulate(th.begin(), th.end(), 0.0) / n;
  double ss = 0;
  for (float x : th) ss += (x - mean) * (x - mean);
  const double sd = std::sqrt(ss / (n - 1));
  // uniform on θ ± s has sd s/√3; the normal's clamping to [0, 1] is 4 sd away: negligible.
  const double expected_sd = dist == ThresholdDistribution::uniform ? 0.1 / std::sqrt(3.0) : 0.1;
  constexpr double k = 5.0;
  CHECK(std::abs(mean - 0.4) < k * expected_sd / std::sqrt(n));
  // The sample sd's own standard error is about sd/√(2n) (exact for the normal, close for the uniform).
  CHECK(std::abs(sd - expected_sd) < k * expected_sd / std::sqrt(2.0 * n));
  CHECK(*std::min_element(th.begin(), th.end()) >= 0.0f);
  if (dist == ThresholdDistribution::uniform) CHECK(*std::max_element(th.begin(), th.end()) <= 0.5f);
}

TEST_CASE("A fixed threshold stores no per-person column") {
  std::vector<NetworkLayer> layers;
  layers.push_back({"all", true, {}});
  World world(10, std::move(layers));
  InnovationParams p;
  p.name = "idea";
  p.network = "all";
  p.threshold_spread = 0.2;  // ignored: the distribution is fixed
  Adoption a({p}, world, BlockPartition(10));
  a.setup(1, 0);
  CHECK(a.thresholds(0).empty());
}

TEST_CASE("An initial-adopter file naming a person outside the population is an input error") {
  test::TempDir dir;
  std::vector<NetworkLayer> layers;
  layers.push_back({"all", true, {}});
  World world(10, std::move(layers));
  InnovationParams p;
  p.name = "idea";
  p.network = "all";
  p.initial = InitialAdopters::file;
  p.initial_file = dir.write("seeds.txt", "3\n10\n");
  Adoption a({p}, world, BlockPartition(10));
  CHECK_THROWS_AS(a.setup(1, 0), InputError);
}

}  // namespace missionsim::model
