#include <algorithm>

#include <catch2/catch.hpp>

#include "engine/scenario/document.hpp"
#include "tests/engine/scenario/fixture.hpp"

namespace missionsim {

using test::all;
using test::check;
using test::demo_schema;
using test::demo_text;
using test::with_line;

TEST_CASE("the demo scenario is valid") {
  const auto ds = check(demo_text);
  INFO(all(ds));
  CHECK(ds.empty());
}

TEST_CASE("each rule reports the key path, the line and what was expected") {
  struct Case {
    int line;                 // line of demo_text replaced
    std::string replacement;  // its new text
    int reported_line;        // where the diagnostic must point
    std::string key;
    std::string fragment;
  };
  const auto c = GENERATE(values<Case>({
      {3, "seed = -1", 3, "seed", "out of range: expected an integer ≥ 0, found -1"},
      {3, "seed = \"seven\"", 3, "seed", "expected an integer ≥ 0, found a string \"seven\""},
      {3, "sed = 7", 3, "sed", "unknown key 'sed'; did you mean 'seed'?"},
      {6, "step_years = 0", 6, "time.step_years", "expected a number > 0 (years), found 0"},
      {7, "steps = 2.5", 7, "time.steps",
       "expected an integer in [1, 1000], found a floating-point number 2.5"},
      {7, "steps = 1001", 7, "time.steps", "out of range"},
      {2, "start = \"2025-01-01\"", 2, "start", "expected a date YYYY-MM-DD (unquoted), found a string"},
      {8, "verbose = \"yes\"", 8, "time.verbose", "expected true or false, found a string \"yes\""},
      {10, "kind = \"scale_free\"", 10, "network.kind", "expected one of \"erdos_renyi\", \"small_world\""},
      {10, "kind = \"erdos_renyi\"", 12, "network.rewire_probability",
       "key 'rewire_probability' applies only when kind = \"small_world\" (here kind = \"erdos_renyi\")"},
      {10, "# kind left out: defaults to erdos_renyi", 12, "network.rewire_probability",
       "(here kind = \"erdos_renyi\")"},
      {11, "mean_degree = true", 11, "network.mean_degree", "found a boolean true"},
      {12, "rewire_probability = 1.5", 12, "network.rewire_probability", "expected a number in [0, 1]"},
      {12, "rewire_probability = nan", 12, "network.rewire_probability", "expected a finite number"},
      {13, "[extra]", 13, "extra", "unknown key 'extra'"},
      {15, "name = \"bad name\"", 15, "innovations.bad name.name", "expected a name of letters"},
      {15, "name = 3", 15, "innovations[0].name", "expected a string, found an integer 3"},
      {16, "rule = \"thresold\"", 16, "innovations.screening.rule", "did you mean \"threshold\"?"},
      {17, "treshold = 0.3", 17, "innovations.screening.treshold", "did you mean 'threshold'?"},
      {20, "name = \"screening\"", 20, "innovations.screening.name",
       "duplicate name \"screening\" in innovations (first used at line 15)"},
      {22, "# imitation left out", 19, "innovations.diet.imitation", "required key 'imitation' is missing"},
      {22, "imitaton = 0.4", 22, "innovations.diet.imitaton", "did you mean 'imitation'?"},
      {1, "# no title", 1, "title",
       "required key 'title' is missing (Name of the scenario); expected a string"},
      {17, "innovation = 0.1", 17, "innovations.screening.innovation",
       "applies only when rule = \"bass\" (here rule = \"threshold\")"},
  }));
  const std::string text = with_line(demo_text, c.line, c.replacement);
  const auto ds = check(text);
  INFO("line " << c.line << " -> " << c.replacement << "\n" << all(ds));
  const auto hit = std::find_if(ds.begin(), ds.end(), [&](const Diagnostic& d) {
    return d.message.find(c.fragment) != std::string::npos;
  });
  REQUIRE(hit != ds.end());
  CHECK(hit->key == c.key);
  CHECK(hit->where.file == "demo.toml");
  CHECK(hit->where.line == c.reported_line);
}

TEST_CASE("the column of a diagnostic points at the value") {
  const auto ds = check(with_line(demo_text, 3, "seed   = -1"));
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].where.column == static_cast<int>(std::string("seed   = ").size()) + 1);
}

TEST_CASE("validate reports every problem, in file order") {
  std::string text = with_line(demo_text, 3, "seed = -1");
  text = with_line(text, 7, "steps = \"many\"");
  text = with_line(text, 17, "threshold = 2");
  const auto ds = check(text);
  INFO(all(ds));
  REQUIRE(ds.size() == 3);
  CHECK(ds[0].where.line == 3);
  CHECK(ds[1].where.line == 7);
  CHECK(ds[2].where.line == 17);
  CHECK(ds[2].key == "innovations.screening.threshold");
}

TEST_CASE("switching a variant reports the keys of the other variant and the newly required ones") {
  const auto ds = check(with_line(demo_text, 16, "rule = \"bass\""));
  INFO(all(ds));
  REQUIRE(ds.size() == 2);
  CHECK(ds[0].where.line == 14);  // the element's header, where 'imitation' is missing
  CHECK(ds[0].key == "innovations.screening.imitation");
  CHECK(ds[1].where.line == 17);
  CHECK(ds[1].message.find("applies only when rule = \"threshold\"") != std::string::npos);
}

TEST_CASE("keys of an undeclared discriminator value are not reported twice") {
  // The bad discriminator is one error; its variant keys are neither accepted nor flagged.
  const auto ds = check(with_line(demo_text, 16, "rule = \"viral\""));
  INFO(all(ds));
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].key == "innovations.screening.rule");
}

TEST_CASE("a variant key without its discriminator set and no default says it is not set") {
  TableSpec schema;
  TableSpec& t = schema.table("net", "");
  t.choice("kind", {"a", "b"}, "");
  t.when("kind", "b").integer("k", "");
  const auto ds = validate(parse_document("[net]\nk = 1\n", "x.toml"), schema);
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].message == "key 'k' applies only when kind = \"b\" (here kind is not set)");
  CHECK(ds[0].where.line == 2);
}

TEST_CASE("wrong shapes for tables and arrays of tables are reported") {
  const auto ds = validate(parse_document("title = \"t\"\nstart = 2025-01-01\ninnovations = 3\n", "x.toml"),
                           demo_schema());
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].message == "expected an array of tables ([[innovations]]), found an integer 3");
  const auto ds2 = validate(
      parse_document("title = \"t\"\nstart = 2025-01-01\ninnovations = [1]\n", "x.toml"), demo_schema());
  REQUIRE(ds2.size() == 1);
  CHECK(ds2[0].key == "innovations[0]");
}

}  // namespace missionsim
