#include "engine/core/error.hpp"
#include "engine/scenario/document.hpp"
#include "engine/scenario/schema.hpp"
#include "engine/scenario/table_view.hpp"
#include "models/stakeholders/params.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

namespace missionsim::model {

namespace {
const std::vector<std::string> regions = {"north", "south"};

struct Reading {
  std::vector<Diagnostic> problems;
  StakeholderParams params;
};

// Validates against the declared keys first, as the scenario reader does, then reads.
Reading read(const std::string& text, const std::vector<std::string>& region_names = regions) {
  TableSpec schema;
  declare_stakeholder_keys(schema);
  auto doc = parse_document(text, "s.toml");
  Reading r;
  r.problems = validate(doc, schema);
  if (!r.problems.empty()) return r;
  fill_defaults(doc, schema);
  r.params = read_stakeholders(TableView(doc), region_names, r.problems);
  return r;
}

// 1-based line of the first occurrence of `needle` in `text`.
int line_of(const std::string& text, const std::string& needle) {
  const auto at = text.find(needle);
  REQUIRE(at != std::string::npos);
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

const Diagnostic* find_key(const std::vector<Diagnostic>& ds, const std::string& key) {
  for (const auto& d : ds)
    if (d.key == key) return &d;
  return nullptr;
}
}  // namespace

TEST_CASE("no [[stakeholders]] is allowed and gives no stakeholder model", "[stakeholders][params]") {
  // A document cannot be empty, so it holds only the (optional) network table.
  const auto r = read("[stakeholder_network]\n");
  CHECK(r.problems.empty());
  CHECK(r.params.groups.empty());
  CHECK(r.params.organisation_count() == 0);
}

TEST_CASE("defaults of a group and of the network", "[stakeholders][params]") {
  const auto r = read("[[stakeholders]]\nname = \"gp\"\ntype = \"care_provider\"\n");
  REQUIRE(r.problems.empty());
  REQUIRE(r.params.groups.size() == 1);
  const auto& g = r.params.groups[0];
  const CollaborationParams defaults;
  CHECK(g.name == "gp");
  CHECK(g.type == StakeholderType::care_provider);
  CHECK(g.region == national_region);
  CHECK(g.count == 1);
  CHECK(g.resources == 0.0);
  CHECK(g.engagement == 0.5);
  CHECK(g.incumbency == 0.5);
  CHECK(g.engagement_spread == 0.0);
  CHECK(g.capacity == 0.0);
  CHECK(r.params.network.within_type_and_region == defaults.within_type_and_region);
  CHECK(r.params.network.within_type == defaults.within_type);
  CHECK(r.params.network.within_region == defaults.within_region);
  CHECK(r.params.network.across == defaults.across);
}

TEST_CASE("every key of a group is read, regions by index", "[stakeholders][params]") {
  const auto r = read(R"(
[[stakeholders]]
name = "hospitals"
type = "cancer_centre"
region = "south"
count = 3
resources = 2.5e6
engagement = 0.8
engagement_spread = 0.1
incumbency = 0.3
incumbency_spread = 0.2
capacity = 40000
[[stakeholders]]
name = "gps"
type = "care_provider"
region = "north"
[[stakeholders]]
name = "uni"
type = "academia"
[stakeholder_network]
within_type_and_region = 6
within_type = 1.5
within_region = 3
across = 0.25
)");
  REQUIRE(r.problems.empty());
  REQUIRE(r.params.groups.size() == 3);
  const auto& g = r.params.groups[0];
  CHECK(g.type == StakeholderType::cancer_centre);
  CHECK(g.region == 1);
  CHECK(g.count == 3);
  CHECK(g.resources == 2.5e6);
  CHECK(g.engagement == 0.8);
  CHECK(g.engagement_spread == 0.1);
  CHECK(g.incumbency == 0.3);
  CHECK(g.incumbency_spread == 0.2);
  CHECK(g.capacity == 40000.0);
  CHECK(r.params.groups[1].region == 0);
  CHECK(r.params.groups[2].type == StakeholderType::academia);
  CHECK(r.params.organisation_count() == 5);
  CHECK(r.params.network.within_type_and_region == 6.0);
  CHECK(r.params.network.within_type == 1.5);
  CHECK(r.params.network.within_region == 3.0);
  CHECK(r.params.network.across == 0.25);
}

TEST_CASE("an unknown region names the key, the line and a likely typo", "[stakeholders][params]") {
  const std::string text =
      "[[stakeholders]]\nname = \"nat\"\ntype = \"care_provider\"\n"
      "[[stakeholders]]\nname = \"gp\"\ntype = \"care_provider\"\nregion = \"nort\"\n";
  const auto r = read(text);
  const auto* d = find_key(r.problems, "stakeholders.gp.region");
  REQUIRE(d != nullptr);
  CHECK(d->where.file == "s.toml");
  CHECK(d->where.line == line_of(text, "region = \"nort\""));
  CHECK_THAT(d->message, Catch::Contains("'nort'") && Catch::Contains("did you mean 'north'"));
}

TEST_CASE("capacity on an organisation without patients is refused", "[stakeholders][params]") {
  const std::string text = "[[stakeholders]]\nname = \"moh\"\ntype = \"ministry\"\ncapacity = 10\n";
  const auto r = read(text);
  const auto* d = find_key(r.problems, "stakeholders.moh.capacity");
  REQUIRE(d != nullptr);
  CHECK(d->where.line == line_of(text, "capacity"));
  CHECK_THAT(d->message, Catch::Contains("care_provider") && Catch::Contains("cancer_centre"));
}

TEST_CASE("a region whose citizens have no provider is reported", "[stakeholders][params]") {
  SECTION("only one region has a provider") {
    const std::string text =
        "[[stakeholders]]\nname = \"moh\"\ntype = \"ministry\"\n"
        "[[stakeholders]]\nname = \"gp\"\ntype = \"care_provider\"\nregion = \"north\"\n";
    const auto r = read(text);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].key == "stakeholders");
    CHECK(r.problems[0].where.line == line_of(text, "[[stakeholders]]"));
    CHECK_THAT(r.problems[0].message, Catch::Contains("'south'") && !Catch::Contains("'north'"));
  }
  SECTION("a national provider serves every region") {
    const auto r = read(
        "[[stakeholders]]\nname = \"moh\"\ntype = \"ministry\"\n"
        "[[stakeholders]]\nname = \"cc\"\ntype = \"cancer_centre\"\n");
    CHECK(r.problems.empty());
  }
  SECTION("an unknown region does not count as national") {
    const auto r = read("[[stakeholders]]\nname = \"gp\"\ntype = \"care_provider\"\nregion = \"wset\"\n");
    CHECK(find_key(r.problems, "stakeholders.gp.region") != nullptr);
    CHECK(find_key(r.problems, "stakeholders") != nullptr);
  }
}

TEST_CASE("more organisations than the limit are refused", "[stakeholders][params]") {
  const std::uint32_t half = max_organisations / 2 + 1;
  const std::string text =
      "[[stakeholders]]\nname = \"a\"\ntype = \"care_provider\"\ncount = " + std::to_string(half) +
      "\n[[stakeholders]]\nname = \"b\"\ntype = \"sme\"\ncount = " + std::to_string(half) + "\n";
  const auto r = read(text);
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].key == "stakeholders.b.count");
  CHECK(r.problems[0].where.line == line_of(text, "name = \"b\"") + 2);  // name, type, count
  CHECK_THAT(r.problems[0].message, Catch::Contains(std::to_string(max_organisations)));
}

TEST_CASE("values outside the schema are refused by validation", "[stakeholders][params]") {
  const std::string text =
      "[[stakeholders]]\nname = \"x\"\ntype = \"hospital\"\n"
      "[[stakeholders]]\nname = \"y\"\ntype = \"sme\"\nengagement = 1.5\ncount = 0\n";
  const auto r = read(text);
  const auto* type = find_key(r.problems, "stakeholders.x.type");
  const auto* engagement = find_key(r.problems, "stakeholders.y.engagement");
  const auto* count = find_key(r.problems, "stakeholders.y.count");
  REQUIRE(type != nullptr);
  REQUIRE(engagement != nullptr);
  REQUIRE(count != nullptr);
  CHECK(type->where.line == line_of(text, "hospital"));
  CHECK(engagement->where.line == line_of(text, "engagement = 1.5"));
  CHECK(count->where.line == line_of(text, "count = 0"));
}

}  // namespace missionsim::model
