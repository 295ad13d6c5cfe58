#include "engine/core/error.hpp"
#include "engine/scenario/document.hpp"
#include "engine/scenario/schema.hpp"
#include "engine/scenario/table_view.hpp"
#include "models/early_warning/params.hpp"

#include <catch2/catch.hpp>

#include <string>

namespace missionsim::model {

namespace {
struct Reading {
  std::vector<Diagnostic> problems;
  EarlyWarningSettings settings;
};

// Validates against the declared keys first, as the scenario reader does, then reads.
Reading read(const std::string& text) {
  TableSpec schema;
  declare_early_warning_keys(schema);
  auto doc = parse_document(text, "s.toml");
  Reading r;
  r.problems = validate(doc, schema);
  if (!r.problems.empty()) return r;
  fill_defaults(doc, schema);
  r.settings = read_early_warning(TableView(doc));
  return r;
}
}  // namespace

TEST_CASE("[early_warning] defaults: half-run window, Gaussian detrending, 10 % bandwidth") {
  const auto r = read("[early_warning]\n");
  REQUIRE(r.problems.empty());
  CHECK(r.settings.window_share == 0.5);
  CHECK(r.settings.detrending == Detrending::gaussian);
  CHECK(r.settings.bandwidth_share == 0.1);
}

TEST_CASE("[early_warning] reads its keys") {
  auto r = read("[early_warning]\nwindow = 0.3\ndetrending = \"gaussian\"\nbandwidth = 0.25\n");
  REQUIRE(r.problems.empty());
  CHECK(r.settings.window_share == 0.3);
  CHECK(r.settings.bandwidth_share == 0.25);
  r = read("[early_warning]\ndetrending = \"linear\"\n");
  REQUIRE(r.problems.empty());
  CHECK(r.settings.detrending == Detrending::linear);
  CHECK(std::string(detrending_name(r.settings.detrending)) == "linear");
  CHECK(read("[early_warning]\ndetrending = \"none\"\n").settings.detrending == Detrending::none);
}

TEST_CASE("[early_warning] rejects what it cannot use, naming the key and line") {
  SECTION("a window of nothing") {
    const auto r = read("[early_warning]\nwindow = 0\n");
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].key == "early_warning.window");
    CHECK(r.problems[0].where.line == 2);
  }
  SECTION("a window longer than the run") {
    const auto r = read("[early_warning]\nwindow = 1.5\n");
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].key == "early_warning.window");
  }
  SECTION("an unknown detrending") {
    const auto r = read("[early_warning]\ndetrending = \"loess\"\n");
    REQUIRE(r.problems.size() == 1);
    CHECK_THAT(r.problems[0].message, Catch::Contains("gaussian"));
  }
  SECTION("a bandwidth without Gaussian detrending") {
    const auto r = read("[early_warning]\ndetrending = \"linear\"\nbandwidth = 0.2\n");
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].key == "early_warning.bandwidth");
  }
}

}  // namespace missionsim::model
