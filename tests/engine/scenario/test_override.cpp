#include <catch2/catch.hpp>

#include "engine/scenario/document.hpp"
#include "engine/scenario/table_view.hpp"
#include "tests/engine/scenario/fixture.hpp"

namespace missionsim {

using test::demo_schema;
using test::demo_text;

namespace {
ScenarioDocument demo() {
  return parse_document(demo_text, "demo.toml");
}
}  // namespace

TEST_CASE("an override addresses an array element by its name") {
  auto doc = demo();
  const TableSpec schema = demo_schema();
  apply_override(doc, schema, "innovations.diet.imitation=0.25");
  apply_override(doc, schema, "innovations.screening.threshold = 0.2");
  CHECK(validate(doc, schema).empty());
  const auto elements = TableView(doc).array("innovations");
  REQUIRE(elements.size() == 2);
  CHECK(elements[0].get<double>("threshold") == 0.2);
  CHECK(elements[1].get<double>("imitation") == 0.25);
  CHECK(doc.overridden.count("innovations.screening.threshold") == 1);
}

TEST_CASE("override values are typed by the schema") {
  auto doc = demo();
  const TableSpec schema = demo_schema();
  apply_override(doc, schema, "time.steps=36");
  apply_override(doc, schema, "time.step_years=1");
  apply_override(doc, schema, "network.mean_degree=2.5e1");
  apply_override(doc, schema, "time.verbose=true");
  apply_override(doc, schema, "start=2026-02-03");
  apply_override(doc, schema, "title=\"a \"quoted\" title\"");
  apply_override(doc, schema, "innovations.diet.rule='bass'");
  CHECK(validate(doc, schema).empty());
  const TableView root(doc);
  CHECK(root.table("time").get<std::int64_t>("steps") == 36);
  CHECK(root.table("time").raw()["steps"].is_integer());
  CHECK(root.table("time").get<double>("step_years") == 1.0);
  CHECK(root.table("network").get<double>("mean_degree") == 25.0);
  CHECK(root.table("time").get<bool>("verbose"));
  CHECK(root.get<Date>("start") == Date{std::chrono::year(2026), std::chrono::month(2), std::chrono::day(3)});
  CHECK(root.get<std::string>("title") == "a \"quoted\" title");
  CHECK(root.array("innovations")[1].get<std::string>("rule") == "bass");
}

TEST_CASE("an override creates missing tables and its diagnostics say --set") {
  auto doc = parse_document("title = \"t\"\nstart = 2025-01-01\n", "small.toml");
  const TableSpec schema = demo_schema();
  apply_override(doc, schema, "time.steps=5000");
  REQUIRE(TableView(doc).has("time"));
  const auto ds = validate(doc, schema);
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].where.file == "--set");
  CHECK(ds[0].where.line == 0);
  CHECK(ds[0].key == "time.steps");
  CHECK(ds[0].message.find("out of range") != std::string::npos);
}

TEST_CASE("setting a discriminator drops the keys of its other variants") {
  auto doc = demo();
  const TableSpec schema = demo_schema();
  apply_override(doc, schema, "network.kind=erdos_renyi");
  CHECK_FALSE(TableView(doc).table("network").has("rewire_probability"));
  CHECK(TableView(doc).table("network").has("mean_degree"));
  CHECK(validate(doc, schema).empty());
  // A variant key can be set whatever the discriminator says; validate then reports it.
  apply_override(doc, schema, "network.rewire_probability=0.5");
  const auto ds = validate(doc, schema);
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].where.file == "--set");
  CHECK(ds[0].message.find("applies only when kind = \"small_world\"") != std::string::npos);
}

TEST_CASE("each kind of bad override is a ScenarioError naming --set, the key and the problem") {
  struct Case {
    std::string assignment;
    std::string key;
    std::string fragment;
  };
  const auto c = GENERATE(values<Case>({
      {"seed", "seed", "expected KEY.PATH=VALUE"},
      {"=3", "", "expected KEY.PATH=VALUE"},
      {"time..steps=3", "time..steps", "malformed key path"},
      {"sed=1", "sed", "unknown key 'sed' at the top level; did you mean 'seed'?"},
      {"time.stepz=1", "time.stepz", "unknown key 'stepz' in time; did you mean 'steps'?"},
      {"innovations.dieet.cost=1", "innovations.dieet.cost",
       "no element named 'dieet' in innovations; the elements are \"screening\", \"diet\"; did you mean "
       "'diet'?"},
      {"innovations=1", "innovations", "is an array of tables"},
      {"innovations.diet=1", "innovations.diet", "is an element; give a key inside it"},
      {"time=3", "time", "is a table; give a key inside it"},
      {"seed.x=1", "seed.x", "'seed' is a value of type integer, not a table"},
      {"time.steps=abc", "time.steps", "expected an integer in [1, 1000], found 'abc'"},
      {"time.steps=3.5", "time.steps", "expected an integer"},
      {"time.step_years=fast", "time.step_years", "expected a number > 0 (years), found 'fast'"},
      {"time.step_years=inf", "time.step_years", "expected a number"},
      {"time.verbose=yes", "time.verbose", "expected true or false, found 'yes'"},
      {"start=2025-02-30", "start", "expected a date YYYY-MM-DD (unquoted), found '2025-02-30'"},
      {"start=1.1.2025", "start", "expected a date"},
      {"network.kind=small_wrld", "network.kind",
       "expected one of \"erdos_renyi\", \"small_world\", found \"small_wrld\"; did you mean "
       "\"small_world\"?"},
  }));
  auto doc = demo();
  INFO(c.assignment);
  try {
    apply_override(doc, demo_schema(), c.assignment);
    FAIL("no error");
  } catch (const ScenarioError& e) {
    REQUIRE(e.diagnostics().size() == 1);
    const Diagnostic& d = e.diagnostics()[0];
    INFO(d.format());
    CHECK(d.where.file == "--set");
    CHECK(d.key == c.key);
    CHECK(d.message.find(c.fragment) != std::string::npos);
  }
}

TEST_CASE("an override on a document without the array says it has no elements") {
  auto doc = parse_document("title = \"t\"\n", "small.toml");
  CHECK_THROWS_WITH(apply_override(doc, demo_schema(), "innovations.x.cost=1"),
                    Catch::Contains("no element named 'x' in innovations (it has no named elements)"));
}

}  // namespace missionsim
