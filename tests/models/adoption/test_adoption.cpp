#include "engine/core/error.hpp"
#include "engine/scenario/document.hpp"
#include "engine/scenario/schema.hpp"
#include "engine/scenario/table_view.hpp"
#include "engine/schedule/step_executor.hpp"
#include "models/adoption/adoption.hpp"
#include "models/adoption/adoption_rule.hpp"
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

  Harness(World w, std::vector<InnovationParams> ps, unsigned threads = 1, std::uint32_t block = 3,
          std::vector<AdopterProfile> profiles = {})
      : world(std::move(w)),
        adoption(std::move(ps), world, BlockPartition(world.population(), block), {}, std::move(profiles)) {
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
  for (double x : th) ss += (x - mean) * (x - mean);
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

namespace {
std::vector<NetworkLayer> one_layer(NodeId n, const std::vector<std::pair<NodeId, NodeId>>& edges) {
  std::vector<NetworkLayer> layers;
  layers.push_back({"net", false, hand_graph(n, edges)});
  return layers;
}

std::vector<NetworkLayer> well_mixed() {
  std::vector<NetworkLayer> layers;
  layers.push_back({"net", true, {}});
  return layers;
}

InnovationParams seeded_params(test::TempDir& dir, const std::string& seeds) {
  InnovationParams p;
  p.name = "idea";
  p.network = "net";
  p.initial = InitialAdopters::file;
  p.initial_file = dir.write("seeds.txt", seeds);
  return p;
}

std::vector<std::pair<NodeId, NodeId>> star(NodeId leaves) {
  std::vector<std::pair<NodeId, NodeId>> edges;
  for (NodeId v = 1; v <= leaves; ++v) edges.emplace_back(0, v);
  return edges;
}

std::vector<double> metrics(const Adoption& a) {
  std::vector<double> out(a.metric_width());
  a.write_metrics(out);
  return out;
}
}  // namespace

TEST_CASE("Complex contagion: one adopting contact is not enough, two are") {
  // Edges 0-1 1-2 2-3 3-4 0-2 2-4; seeds {0, 1}; θ = 0, m = 2.
  // Contacts: 0:{1,2} 1:{0,2} 2:{0,1,3,4} 3:{2,4} 4:{2,3}.
  // Step 1: 2 sees 0 and 1 → adopts; 3 and 4 see nobody. Step 2: 3 sees only 2 (1 of 2) and 4
  // sees only 2: neither adopts, and the cascade stops there (the threshold rule at θ = 0.5
  // would have taken both). With the bridge 1-3, 3:{1,2,4} sees 1 and 2 at step 2 and adopts;
  // then 4 sees 2 and 3 and adopts at step 3.
  test::TempDir dir;
  auto p = seeded_params(dir, "0\n1\n");
  p.rule = &adoption_rule("complex");
  p.threshold = 0.0;
  p.min_adopting_contacts = 2;
  std::vector<std::pair<NodeId, NodeId>> edges{{0, 1}, {1, 2}, {2, 3}, {3, 4}, {0, 2}, {2, 4}};
  const bool bridge = GENERATE(false, true);
  if (bridge) edges.emplace_back(1, 3);
  const unsigned threads = GENERATE(1u, 2u);
  Harness h(World(5, one_layer(5, edges)), {p}, threads, 2);
  const std::vector<std::set<NodeId>> expected =
      bridge
          ? std::vector<std::set<NodeId>>{{0, 1}, {0, 1, 2}, {0, 1, 2, 3}, {0, 1, 2, 3, 4}, {0, 1, 2, 3, 4}}
          : std::vector<std::set<NodeId>>{{0, 1}, {0, 1, 2}, {0, 1, 2}, {0, 1, 2}, {0, 1, 2}};
  CHECK(adopters(h.adoption) == expected[0]);
  for (std::size_t t = 1; t < expected.size(); ++t) {
    h.run_step();
    INFO("bridge " << bridge << ", after step " << t);
    CHECK(adopters(h.adoption) == expected[t]);
    CHECK(h.adoption.adopter_count(0) == expected[t].size());
    CHECK(h.adoption.abandonments(0) == 0);
  }
}

TEST_CASE("Complex contagion: enough adopting contacts must also be a share of at least θ") {
  // Centre 0 with 5 leaves, leaves 1 and 2 adopted: 2 adopting contacts, share 2/5 = 0.4.
  test::TempDir dir;
  auto p = seeded_params(dir, "1\n2\n");
  p.rule = &adoption_rule("complex");
  p.min_adopting_contacts = 2;
  p.threshold = GENERATE(0.4, 0.41);
  Harness h(World(6, one_layer(6, star(5))), {p});
  h.run_step();
  CHECK(static_cast<bool>(h.adoption.adopted(0)[0]) == (p.threshold == 0.4));
}

TEST_CASE("Complex contagion on a well-mixed layer counts everyone else as a contact") {
  // 11 people, θ = 0, m = 2: one adopter is one adopting contact (nobody follows), two are enough.
  InnovationParams p;
  p.name = "idea";
  p.network = "net";
  p.rule = &adoption_rule("complex");
  p.threshold = 0.0;
  p.min_adopting_contacts = 2;
  p.initial = InitialAdopters::most_central;
  const std::uint64_t seeds = GENERATE(1u, 2u);
  p.initial_share = static_cast<double>(seeds) / 11.0;
  Harness h(World(11, well_mixed()), {p});
  REQUIRE(h.adoption.adopter_count(0) == seeds);
  h.run_step();
  CHECK(h.adoption.adopter_count(0) == (seeds >= 2 ? 11u : 1u));
}

TEST_CASE("Abandonment: adopters whose contacts' adopting share falls below it leave, step by step") {
  // Path 0-1-2-3-4-5, seeds {0, 1, 4}, θ = 0.5, abandon below 0.3.
  // Step 1: 2 (1 of 2), 3 (1 of 2) and 5 (1 of 1) adopt; 4 sees 0 of 2 and leaves.
  // Step 2: 4 sees 3 and 5 (2 of 2) and adopts; 5 sees only 4, which had left: 0 of 1, leaves.
  // Step 3: 5 sees 4 (1 of 1) and adopts again; 4 sees 1 of 2 and stays. Then nothing moves.
  test::TempDir dir;
  auto p = seeded_params(dir, "0\n1\n4\n");
  p.threshold = 0.5;
  p.abandon_threshold = 0.3;
  const unsigned threads = GENERATE(1u, 2u);
  Harness h(World(6, one_layer(6, {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 5}})), {p}, threads, 2);
  struct Step {
    std::set<NodeId> adopters;
    std::uint64_t fresh, gone;
  };
  const std::vector<Step> expected{
      {{0, 1, 2, 3, 5}, 3, 1},
      {{0, 1, 2, 3, 4}, 1, 1},
      {{0, 1, 2, 3, 4, 5}, 1, 0},
      {{0, 1, 2, 3, 4, 5}, 0, 0},
  };
  for (std::size_t t = 0; t < expected.size(); ++t) {
    h.run_step();
    INFO("after step " << t + 1);
    CHECK(adopters(h.adoption) == expected[t].adopters);
    CHECK(h.adoption.adopter_count(0) == expected[t].adopters.size());
    CHECK(h.adoption.abandonments(0) == expected[t].gone);
    // Metrics in blocks of one value per innovation: share, new adopters, maturity, abandonments.
    const auto m = metrics(h.adoption);
    REQUIRE(m.size() == 4);
    CHECK(m[0] == static_cast<double>(expected[t].adopters.size()) / 6.0);
    CHECK(m[1] == static_cast<double>(expected[t].fresh));
    CHECK(m[3] == static_cast<double>(expected[t].gone));
  }
}

TEST_CASE("Abandonment applies to the Bass rule too") {
  // Path 0-1-2, seed {0}; p = q = 0, so nobody adopts, and 0 sees 0 of 1 adopting.
  test::TempDir dir;
  auto p = seeded_params(dir, "0\n");
  p.rule = &adoption_rule("bass");
  p.innovation_rate = 0.0;
  p.imitation_rate = 0.0;
  p.abandon_threshold = GENERATE(0.0, 0.1);
  Harness h(World(3, one_layer(3, {{0, 1}, {1, 2}})), {p});
  h.run_step();
  const std::uint64_t gone = p.abandon_threshold > 0.0 ? 1u : 0u;
  CHECK(h.adoption.abandonments(0) == gone);
  CHECK(h.adoption.adopter_count(0) == 1 - gone);
}

TEST_CASE("Well-mixed abandonment: an adopter compares the share of the others with the threshold") {
  // 10 people, adopters {0, 1}: each adopter sees 1 of 9 others adopting (0.111…); a
  // non-adopter sees 2 of 9 (0.222…) < θ = 0.5 and does not adopt.
  InnovationParams p;
  p.name = "idea";
  p.network = "net";
  p.threshold = 0.5;
  p.initial = InitialAdopters::most_central;
  p.initial_share = 0.2;
  p.abandon_threshold = GENERATE(0.1, 0.12);
  Harness h(World(10, well_mixed()), {p});
  REQUIRE(h.adoption.adopter_count(0) == 2);
  h.run_step();
  const bool leave = 1.0 / 9.0 < p.abandon_threshold;
  CHECK(h.adoption.abandonments(0) == (leave ? 2u : 0u));
  CHECK(h.adoption.adopter_count(0) == (leave ? 0u : 2u));
}

TEST_CASE("Hysteresis: who adopted at θ stays while the share is between the two thresholds") {
  // Centre 0 with 10 leaves; θ = 0.6. Leaves 1–4 are placed by a field lab (protected), leaves
  // 5 and 6 are ordinary initial adopters.
  // Step 1: the centre sees 6 of 10 ≥ θ and adopts. Leaves 1–6 see the centre not adopting
  // (0 of 1): 5 and 6 leave, the protected 1–4 stay.
  // Step 2: the centre sees 4 of 10 = 0.4, below θ (a non-adopter would not adopt at 0.4) but
  // not below abandon = 0.3: it stays. With abandon = 0.45 it leaves.
  test::TempDir dir;
  auto p = seeded_params(dir, "5\n6\n");
  p.threshold = 0.6;
  p.abandon_threshold = GENERATE(0.3, 0.45);
  Harness h(World(11, one_layer(11, star(10))), {p});
  CHECK(h.adoption.seed_adopters(0, 1, 4) == 4);
  const auto kept = h.adoption.protected_adopters(0);
  CHECK(std::vector<std::uint8_t>(kept.begin(), kept.end()) ==
        std::vector<std::uint8_t>{0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0});
  h.run_step();
  CHECK(adopters(h.adoption) == std::set<NodeId>{0, 1, 2, 3, 4});
  CHECK(h.adoption.abandonments(0) == 2);
  CHECK(metrics(h.adoption)[1] == 5.0);  // 4 seeded by the field lab, and the centre
  h.run_step();
  CHECK(static_cast<bool>(h.adoption.adopted(0)[0]) == (p.abandon_threshold < 0.4));
  CHECK(h.adoption.adopter_count(0) == adopters(h.adoption).size());
}

TEST_CASE("Mandated adopters never abandon, unlike the same adopter placed at the start") {
  // Centre 0 with 3 leaves; only the centre may adopt, so it never sees an adopting contact.
  test::TempDir dir;
  auto p = seeded_params(dir, "0\n");
  p.threshold = 0.5;
  p.abandon_threshold = 0.25;
  const bool mandate = GENERATE(false, true);
  if (mandate) p.initial = InitialAdopters::none;
  AdopterProfile only_centre;
  only_centre.eligible = {1, 0, 0, 0};
  std::vector<AdopterProfile> profiles;
  profiles.push_back(only_centre);
  Harness h(World(4, one_layer(4, star(3))), {p}, 1, 3, std::move(profiles));
  h.adoption.levers(0).mandate = mandate;
  h.run_step();
  h.adoption.levers(0).mandate = false;
  CHECK(h.adoption.adopter_count(0) == (mandate ? 1u : 0u));
  CHECK(h.adoption.abandonments(0) == (mandate ? 0u : 1u));
  for (int t = 0; t < 3; ++t) h.run_step();
  CHECK(adopters(h.adoption) == (mandate ? std::set<NodeId>{0} : std::set<NodeId>{}));
  CHECK(h.adoption.protected_adopters(0)[0] == (mandate ? 1 : 0));
}

namespace {
struct Reading {
  std::vector<Diagnostic> problems;
  InnovationParams params;
};

// Validates against the declared keys first, as the scenario reader does, then reads.
Reading read(const std::string& body) {
  TableSpec schema;
  declare_innovation_keys(schema.table_array("innovations", "Innovations."));
  auto doc = parse_document("[[innovations]]\nname = \"idea\"\nnetwork = \"net\"\n" + body, "s.toml");
  Reading r;
  r.problems = validate(doc, schema);
  if (!r.problems.empty()) return r;
  fill_defaults(doc, schema);
  const auto elements = TableView(doc).array("innovations");
  REQUIRE(elements.size() == 1);
  r.params = read_innovation(elements[0], {"net"}, {}, ".", r.problems);
  return r;
}
}  // namespace

TEST_CASE("Complex contagion keys: defaults, and θ shared with the threshold rule") {
  const auto d = read("rule = \"complex\"\n");
  REQUIRE(d.problems.empty());
  CHECK(d.params.rule->name() == "complex");
  CHECK(d.params.threshold == 0.0);
  CHECK(d.params.min_adopting_contacts == 2);
  CHECK(d.params.abandon_threshold == 0.0);
  const auto set = read(
      "rule = \"complex\"\nthreshold = 0.3\nmin_adopting_contacts = 3\nthreshold_distribution = "
      "\"uniform\"\nthreshold_spread = 0.1\n");
  REQUIRE(set.problems.empty());
  CHECK(set.params.threshold == 0.3);
  CHECK(set.params.min_adopting_contacts == 3);
  CHECK(set.params.threshold_distribution == ThresholdDistribution::uniform);
  CHECK(set.params.threshold_spread == 0.1);
  CHECK(read("rule = \"threshold\"\n").params.threshold == 0.18);
  CHECK_FALSE(read("rule = \"complex\"\nmin_adopting_contacts = 0\n").problems.empty());
  CHECK_FALSE(read("rule = \"threshold\"\nmin_adopting_contacts = 2\n").problems.empty());
}

TEST_CASE("Hysteresis needs abandon_threshold below θ") {
  const auto ok = read("rule = \"threshold\"\nthreshold = 0.3\nabandon_threshold = 0.1\n");
  CHECK(ok.problems.empty());
  CHECK(ok.params.abandon_threshold == 0.1);
  const std::string rule = GENERATE(std::string("threshold"), std::string("complex"));
  const auto bad = read("rule = \"" + rule + "\"\nthreshold = 0.2\nabandon_threshold = 0.2\n");
  REQUIRE(bad.problems.size() == 1);
  CHECK(bad.problems[0].key == "innovations.idea.abandon_threshold");
  CHECK(bad.problems[0].where.line == 6);
  CHECK_THAT(bad.problems[0].message, Catch::Contains("hysteresis needs abandon_threshold < threshold"));
  // Bass has no θ: any abandon_threshold is fine.
  CHECK(read("rule = \"bass\"\nabandon_threshold = 0.5\n").problems.empty());
}

}  // namespace missionsim::model
