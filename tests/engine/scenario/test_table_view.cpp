#include <catch2/catch.hpp>

#include "engine/scenario/table_view.hpp"
#include "tests/engine/scenario/fixture.hpp"

namespace missionsim {

using test::demo_schema;
using test::demo_text;

TEST_CASE("TableView reads every value type") {
  const auto doc = parse_document(demo_text, "demo.toml");
  const TableView root(doc);
  CHECK(root.get<std::string>("title") == "demo");
  CHECK(root.get<std::int64_t>("seed") == 7);
  CHECK(root.get<Date>("start") == Date{std::chrono::year(2025), std::chrono::January, std::chrono::day(1)});
  const TableView time = root.table("time");
  CHECK(time.get<double>("step_years") == 0.5);
  CHECK(time.get<double>("steps") == 24.0);  // a real reader accepts an integer
  CHECK(root.table("network").get<std::string>("kind") == "small_world");
  CHECK(root.has("network"));
  CHECK_FALSE(root.has("budget"));
}

TEST_CASE("TableView paths follow tables and array elements by name") {
  const auto doc = parse_document(demo_text, "demo.toml");
  const TableView root(doc);
  CHECK(root.path().empty());
  CHECK(root.key_path("seed") == "seed");
  CHECK(root.table("time").key_path("steps") == "time.steps");
  const auto elements = root.array("innovations");
  REQUIRE(elements.size() == 2);
  CHECK(elements[0].path() == "innovations.screening");
  CHECK(elements[1].key_path("imitation") == "innovations.diet.imitation");
  CHECK(root.array("absent").empty());
}

TEST_CASE("TableView diagnostics point at the key, the table, or --set") {
  auto doc = parse_document(demo_text, "demo.toml");
  const auto at_key = TableView(doc).table("time").diagnostic("steps", "too many");
  CHECK(at_key.where.file == "demo.toml");
  CHECK(at_key.where.line == 7);
  CHECK(at_key.key == "time.steps");
  CHECK(at_key.message == "too many");
  const auto at_table = TableView(doc).table("time").diagnostic("verbose", "missing");
  CHECK(at_table.where.line == 5);
  CHECK(at_table.key == "time.verbose");
  const auto in_element = TableView(doc).array("innovations")[1].diagnostic("imitation", "x");
  CHECK(in_element.where.line == 22);

  apply_override(doc, demo_schema(), "time.steps=30");
  const auto overridden = TableView(doc).table("time").diagnostic("steps", "too many");
  CHECK(overridden.where.file == "--set");
  CHECK(overridden.where.line == 0);
}

TEST_CASE("TableView raises InternalError for absent keys and wrong types") {
  const auto doc = parse_document(demo_text, "demo.toml");
  const TableView root(doc);
  CHECK_THROWS_AS(root.get<std::int64_t>("nope"), InternalError);
  CHECK_THROWS_AS(root.get<std::int64_t>("title"), InternalError);
  CHECK_THROWS_AS(root.get<double>("title"), InternalError);
  CHECK_THROWS_AS(root.get<bool>("seed"), InternalError);
  CHECK_THROWS_AS(root.get<std::string>("seed"), InternalError);
  CHECK_THROWS_AS(root.get<Date>("title"), InternalError);
  CHECK_THROWS_AS(root.table("seed"), InternalError);
  CHECK_THROWS_AS(root.table("nope"), InternalError);
  CHECK_THROWS_AS(root.array("seed"), InternalError);
}

TEST_CASE("the three-argument constructor views any table") {
  const auto doc = parse_document(demo_text, "demo.toml");
  const TableView time(*doc.root["time"].as_table(), "time", "demo.toml");
  CHECK(time.get<std::int64_t>("steps") == 24);
  CHECK(time.diagnostic("steps", "m").where.line == 7);
}

}  // namespace missionsim
