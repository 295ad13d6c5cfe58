#include "engine/core/error.hpp"
#include "models/stakeholders/stakeholders.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <set>

namespace missionsim::model {

namespace {
constexpr double k_sigma = 4.0;  // tolerance in standard deviations for every stochastic check

Population make_population(std::uint32_t size, double scale, std::vector<double> shares) {
  PopulationParams p;
  p.size = size;
  p.scale = scale;
  for (std::size_t r = 0; r < shares.size(); ++r) p.regions.push_back({"r" + std::to_string(r), shares[r]});
  p.age_bands.push_back({"all"});
  return Population(std::move(p), 7, 0);
}

StakeholderGroupParams group(std::string name, StakeholderType type, int region, std::uint32_t count,
                             double capacity = 0) {
  StakeholderGroupParams g;
  g.name = std::move(name);
  g.type = type;
  g.region = region;
  g.count = count;
  g.capacity = capacity;
  return g;
}

using T = StakeholderType;
}  // namespace

TEST_CASE("organisations are placed group by group with their type and region", "[stakeholders]") {
  const auto population = make_population(1000, 1.0, {0.5, 0.5});
  StakeholderParams p;
  p.groups = {group("moh", T::ministry, national_region, 1), group("gp0", T::care_provider, 0, 3),
              group("gp1", T::care_provider, 1, 2), group("uni", T::academia, 1, 4)};
  p.groups[3].resources = 1e6;
  const Stakeholders s(p, population, 1, 0);

  REQUIRE(s.size() == 10);
  const std::vector<std::uint32_t> starts = {0, 1, 4, 6, 10};
  CHECK(std::equal(starts.begin(), starts.end(), s.group_starts().begin(), s.group_starts().end()));
  for (std::size_t g = 0; g < p.groups.size(); ++g)
    for (auto o = starts[g]; o < starts[g + 1]; ++o) {
      CHECK(s.type()[o] == static_cast<std::uint8_t>(p.groups[g].type));
      CHECK(s.region()[o] == p.groups[g].region);
      CHECK(s.resources()[o] == p.groups[g].resources);
    }
  CHECK(s.organisation_labels().front() == "moh");
  CHECK(s.organisation_labels()[1] == "gp0#1");
  CHECK(s.organisation_labels()[3] == "gp0#3");
  CHECK(Stakeholders::type_labels().size() == stakeholder_type_count);
  CHECK(Stakeholders::type_labels()[3] == "care_provider");

  const auto providers = s.members_of_types(type_mask(T::care_provider) | type_mask(T::cancer_centre));
  CHECK(providers == std::vector<std::uint32_t>{1, 2, 3, 4, 5});
  CHECK(s.members_of_types(type_mask(T::ministry)) == std::vector<std::uint32_t>{0});
  CHECK(s.members_of_types(type_mask(T::payer)).empty());
  // Unlimited providers hold +infinity; other organisations have no capacity.
  CHECK(std::isinf(s.capacity()[1]));
  CHECK(s.capacity()[0] == 0.0);

  SECTION("metrics count organisations and average engagement by type") {
    std::vector<MetricSpec> specs;
    s.describe_metrics(specs);
    REQUIRE(specs.size() == 2);
    CHECK(specs[0].dataset_name() == "stakeholders_by_type");
    CHECK(specs[1].dataset_name() == "mean_engagement_by_type");
    CHECK(specs[0].width() + specs[1].width() == Stakeholders::metric_width());
    std::vector<double> values(Stakeholders::metric_width());
    s.write_metrics(values);
    const auto n = stakeholder_type_count;
    CHECK(values[static_cast<std::size_t>(T::care_provider)] == 5.0);
    CHECK(values[static_cast<std::size_t>(T::academia)] == 4.0);
    CHECK(values[static_cast<std::size_t>(T::payer)] == 0.0);
    CHECK(std::accumulate(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(n), 0.0) == s.size());
    CHECK(values[n + static_cast<std::size_t>(T::ministry)] == Approx(0.5));
    CHECK(std::isnan(values[n + static_cast<std::size_t>(T::payer)]));
  }
}

TEST_CASE("spread engagement and incumbency stay in their band and in [0, 1]", "[stakeholders]") {
  const auto population = make_population(100, 1.0, {1.0});
  StakeholderParams p;
  const std::uint32_t n = 4000;
  auto g = group("smes", T::sme, national_region, n);
  g.engagement = 0.4;
  g.engagement_spread = 0.2;
  g.incumbency = 0.9;
  g.incumbency_spread = 0.5;  // reaches past 1, so clamped
  p.groups = {g, group("gp", T::care_provider, national_region, 1)};
  p.network = {0, 0, 0, 0};
  const Stakeholders s(p, population, 3, 0);

  double sum = 0;
  std::uint32_t at_one = 0;
  for (std::uint32_t o = 0; o < n; ++o) {
    const double e = s.engagement()[o];
    CHECK(e >= 0.2 - 1e-6);
    CHECK(e <= 0.6 + 1e-6);
    sum += e;
    CHECK(s.incumbency()[o] >= 0.4f - 1e-6);
    CHECK(s.incumbency()[o] <= 1.0f);
    at_one += s.incumbency()[o] == 1.0f;
  }
  // Uniform on mean ± spread: sd = spread / sqrt(3).
  CHECK(std::abs(sum / n - 0.4) < k_sigma * (0.2 / std::sqrt(3.0)) / std::sqrt(static_cast<double>(n)));
  // Clamped at 1: the part of the band [mean − spread, mean + spread] above 1, over its width.
  const double q = (g.incumbency + g.incumbency_spread - 1.0) / (2 * g.incumbency_spread);
  CHECK(std::abs(at_one / static_cast<double>(n) - q) < k_sigma * std::sqrt(q * (1 - q) / n));
}

TEST_CASE("every citizen is served by a provider of their region, else a national one", "[stakeholders]") {
  const std::uint32_t citizens = 20000;
  const auto population = make_population(citizens, 1.0, {0.5, 0.3, 0.2});
  StakeholderParams p;
  // Region 0 has two providers of unequal capacity; regions 1 and 2 have none and use the national ones.
  p.groups = {group("small", T::care_provider, 0, 1, 1000), group("big", T::cancer_centre, 0, 1, 3000),
              group("national", T::care_provider, national_region, 2), group("lab", T::academia, 0, 5)};
  const Stakeholders s(p, population, 11, 0);

  const auto& starts = population.region_starts();
  for (std::uint32_t i = 0; i < citizens; ++i) {
    const auto o = s.provider_of()[i];
    REQUIRE(o < s.size());
    CHECK(serves_patients(static_cast<StakeholderType>(s.type()[o])));
    const int expected_region = population.region()[i] == 0 ? 0 : national_region;
    CHECK(s.region()[o] == expected_region);
  }
  // Region 0 splits by capacity: "small" gets 1000 / 4000 of its citizens, binomially.
  const double n0 = starts[1] - starts[0];
  const double q = 1000.0 / 4000.0;
  CHECK(std::abs(s.patients(0).size() / n0 - q) < k_sigma * std::sqrt(q * (1 - q) / n0));
  // Two unlimited national providers share the other regions equally.
  const double rest = citizens - n0;
  CHECK(std::abs(s.patients(2).size() / rest - 0.5) < k_sigma * std::sqrt(0.25 / rest));
  CHECK(s.patients(2).size() + s.patients(3).size() == rest);
  CHECK(s.patients(4).empty());  // academia has no patients
}

TEST_CASE("capacity limits the share of a provider's patients a new practice reaches", "[stakeholders]") {
  const std::uint32_t citizens = 10000;
  const double scale = 50.0;  // real persons per simulated person
  const auto population = make_population(citizens, scale, {0.6, 0.4});
  const double capacity = 120000.0;  // real persons: 2400 simulated, fewer than its ~6000 patients
  StakeholderParams p;
  p.groups = {group("limited", T::care_provider, 0, 1, capacity), group("unlimited", T::care_provider, 1, 1)};
  Stakeholders s(p, population, 5, 0);

  const auto limited = s.patients(0);
  REQUIRE(limited.size() == population.region_starts()[1]);
  const double share = std::min(1.0, capacity / (static_cast<double>(limited.size()) * scale));
  CHECK(std::abs(static_cast<double>(s.reached_count(0)) - share * static_cast<double>(limited.size())) <=
        0.5);
  CHECK(s.reached_count(1) == s.patients(1).size());
  // The reached patients are the first of each provider's priority order.
  for (std::size_t k = 0; k < limited.size(); ++k) CHECK(s.reached()[limited[k]] == (k < s.reached_count(0)));
  for (const auto i : s.patients(1)) CHECK(s.reached()[i] == 1);

  // Priority is random: the reached patients' mean id is that of a random sample of the region.
  const double r = s.reached_count(0), n = static_cast<double>(limited.size());
  double mean_id = 0;
  for (std::size_t k = 0; k < s.reached_count(0); ++k) mean_id += limited[k];
  mean_id /= r;
  const double id_sd = n / std::sqrt(12.0);  // ids of region 0 are uniform on [0, n)
  const double finite = std::sqrt((n - r) / (n - 1));
  CHECK(std::abs(mean_id - (n - 1) / 2) < k_sigma * id_sd / std::sqrt(r) * finite);

  SECTION("more capacity reaches the next patients and un-reaches nobody") {
    const std::vector<std::uint8_t> before(s.reached().begin(), s.reached().end());
    const std::uint32_t count_before = s.reached_count(0);
    const double extra = 30000.0;
    s.add_capacity(0, extra);
    const auto expected = static_cast<std::uint32_t>(std::llround((capacity + extra) / scale));
    CHECK(s.reached_count(0) == std::min<std::uint32_t>(expected, static_cast<std::uint32_t>(n)));
    CHECK(s.reached_count(0) > count_before);
    CHECK(s.capacity()[0] == capacity + extra);
    for (std::uint32_t i = 0; i < citizens; ++i) CHECK(s.reached()[i] >= before[i]);
    for (std::size_t k = 0; k < limited.size(); ++k)
      CHECK(s.reached()[limited[k]] == (k < s.reached_count(0)));

    s.add_capacity(0, 1e12);  // beyond its patients: everyone
    CHECK(s.reached_count(0) == limited.size());
    s.add_capacity(1, 1000.0);  // unlimited stays unlimited
    CHECK(std::isinf(s.capacity()[1]));
    CHECK(s.reached_count(1) == s.patients(1).size());
    s.add_capacity(0, 0.0);
    CHECK(s.reached_count(0) == limited.size());
  }
  SECTION("negative extra capacity or an unknown organisation is a bug") {
    CHECK_THROWS_AS(s.add_capacity(0, -1.0), InternalError);
    CHECK_THROWS_AS(s.add_capacity(2, 1.0), InternalError);
  }
}

namespace {
// Kind of pair by its own rule, not the component's: 0 same type and region, 1 same type,
// 2 same region, 3 neither.
std::size_t kind_of(const Stakeholders& s, std::uint32_t a, std::uint32_t b) {
  const bool type = s.type()[a] == s.type()[b], region = s.region()[a] == s.region()[b];
  return type ? (region ? 0 : 1) : (region ? 2 : 3);
}
}  // namespace

TEST_CASE("the collaboration network has the expected degrees of each kind, in silos", "[stakeholders]") {
  const auto seed = GENERATE(1u, 2u, 3u);
  const auto population = make_population(2000, 1.0, {0.25, 0.25, 0.25, 0.25});
  StakeholderParams p;
  for (int r = 0; r < 4; ++r) {
    const auto name = "r" + std::to_string(r);
    p.groups.push_back(group(name + "gp", T::care_provider, r, 30));
    p.groups.push_back(group(name + "uni", T::academia, r, 20));
    p.groups.push_back(group(name + "ind", T::industry, r, 25));
  }
  p.groups.push_back(group("moh", T::ministry, national_region, 5));
  p.groups.push_back(group("fund", T::funding_agency, national_region, 10));
  p.groups.push_back(group("pay", T::payer, national_region, 15));
  p.network = {4.0, 1.0, 2.0, 0.5};
  const Stakeholders s(p, population, seed, 0);
  const auto n = s.size();
  const auto& layer = s.collaboration();
  CHECK(layer.name == "collaboration");
  CHECK_FALSE(layer.well_mixed);
  REQUIRE(layer.graph.node_count() == n);
  CHECK(layer.graph.is_symmetric());

  std::array<double, 4> pairs{}, edges{};
  for (std::uint32_t a = 0; a < n; ++a)
    for (std::uint32_t b = a + 1; b < n; ++b) pairs[kind_of(s, a, b)] += 1;
  for (std::uint32_t a = 0; a < n; ++a)
    for (const auto b : layer.graph.neighbours(a))
      if (a < b) edges[kind_of(s, a, b)] += 1;

  const std::array<double, 4> degree = {p.network.within_type_and_region, p.network.within_type,
                                        p.network.within_region, p.network.across};
  std::array<double, 4> expected{}, variance{};
  for (std::size_t k = 0; k < 4; ++k) {
    const double prob = std::min(1.0, degree[k] * n / (2 * pairs[k]));
    CHECK(s.tie_probabilities()[k] == Approx(prob));
    REQUIRE(prob < 1.0);  // the set-up gives every kind enough pairs for the asked degree
    expected[k] = prob * pairs[k];
    variance[k] = pairs[k] * prob * (1 - prob);  // a sum of independent Bernoulli pairs
    CHECK(expected[k] == Approx(degree[k] * n / 2));
    // Mean degree of kind k: 2 E_k / n.
    CHECK(std::abs(2 * edges[k] / n - degree[k]) < k_sigma * 2 * std::sqrt(variance[k]) / n);
  }
  // Silos: the share of ties within type and region, X / (X + Y), by the delta method.
  const double x = expected[0];
  const double y = expected[1] + expected[2] + expected[3];
  const double var_y = variance[1] + variance[2] + variance[3];
  const double share_sd = std::sqrt(y * y * variance[0] + x * x * var_y) / std::pow(x + y, 2);
  const double observed = edges[0] / (edges[0] + edges[1] + edges[2] + edges[3]);
  CHECK(std::abs(observed - x / (x + y)) < k_sigma * share_sd);
}

TEST_CASE("too few pairs of a kind cap its probability at 1 or leave it unused", "[stakeholders]") {
  const auto population = make_population(100, 1.0, {1.0});
  StakeholderParams p;
  p.groups = {group("gp", T::care_provider, 0, 3)};  // only same-type-and-region pairs exist
  p.network = {10.0, 1.0, 1.0, 1.0};
  const Stakeholders s(p, population, 1, 0);
  CHECK(s.tie_probabilities()[0] == 1.0);
  CHECK(s.tie_probabilities()[1] == 0.0);
  CHECK(s.collaboration().graph.edge_count() == 3);  // complete graph on three
}

TEST_CASE("the same seed gives the same organisations, network and patients", "[stakeholders]") {
  const auto population = make_population(5000, 10.0, {0.7, 0.3});
  StakeholderParams p;
  p.groups = {group("gp", T::care_provider, 0, 6, 2000),
              group("cc", T::cancer_centre, national_region, 2, 5000), group("uni", T::academia, 1, 40)};
  p.groups[2].engagement_spread = 0.3;
  const Stakeholders a(p, population, 42, 3), b(p, population, 42, 3);
  const auto same = [](auto x, auto y) { return std::equal(x.begin(), x.end(), y.begin(), y.end()); };
  CHECK(same(a.engagement(), b.engagement()));
  CHECK(same(a.collaboration().graph.offsets(), b.collaboration().graph.offsets()));
  CHECK(same(a.collaboration().graph.targets(), b.collaboration().graph.targets()));
  CHECK(same(a.provider_of(), b.provider_of()));
  CHECK(same(a.reached(), b.reached()));

  SECTION("another seed or run gives other draws") {
    const Stakeholders c(p, population, 43, 3), d(p, population, 42, 4);
    CHECK_FALSE(same(a.provider_of(), c.provider_of()));
    CHECK_FALSE(same(a.engagement(), d.engagement()));
    CHECK_FALSE(same(a.collaboration().graph.targets(), c.collaboration().graph.targets()));
  }
  SECTION("a group added at the end leaves the others' draws and patients unchanged") {
    auto more = p;
    more.groups.push_back(group("moh", T::ministry, national_region, 3));
    more.groups.back().engagement_spread = 0.3;
    const Stakeholders e(more, population, 42, 3);
    CHECK(same(a.engagement(), e.engagement().first(a.size())));
    CHECK(same(a.provider_of(), e.provider_of()));
    CHECK(same(a.reached(), e.reached()));
  }
}

TEST_CASE("without organisations nobody has a provider and nothing limits reach", "[stakeholders]") {
  const auto population = make_population(300, 1.0, {0.5, 0.5});
  const Stakeholders s(StakeholderParams{}, population, 1, 0);
  CHECK(s.size() == 0);
  CHECK(s.collaboration().graph.node_count() == 0);
  CHECK(std::all_of(s.provider_of().begin(), s.provider_of().end(),
                    [](auto o) { return o == Stakeholders::no_provider; }));
  CHECK(std::all_of(s.reached().begin(), s.reached().end(), [](auto r) { return r == 1; }));
  CHECK(s.provider_of().size() == population.size());
}

TEST_CASE("a region with citizens but no provider is a bug the reader should have caught", "[stakeholders]") {
  const auto population = make_population(300, 1.0, {0.5, 0.5});
  StakeholderParams p;
  p.groups = {group("gp", T::care_provider, 0, 1)};
  CHECK_THROWS_AS(Stakeholders(p, population, 1, 0), InternalError);
}

}  // namespace missionsim::model
