#include <catch2/catch.hpp>

#include "engine/scenario/document.hpp"
#include "engine/scenario/table_view.hpp"
#include "tests/engine/scenario/fixture.hpp"

namespace missionsim {

using test::demo_schema;
using test::demo_text;

TEST_CASE("fill_defaults fills absent keys, only for the active variant") {
  auto doc = parse_document(demo_text, "demo.toml");
  const TableSpec schema = demo_schema();
  REQUIRE(validate(doc, schema).empty());
  fill_defaults(doc, schema);
  CHECK(validate(doc, schema).empty());
  const TableView root(doc);

  const auto& end_default = std::get<Date>(*schema.find("end")->default_value());
  CHECK(root.get<Date>("end") == end_default);
  CHECK(root.get<std::int64_t>("seed") == 7);  // given, not replaced
  CHECK(root.table("time").get<bool>("verbose") == false);

  const TableView network = root.table("network");  // kind = small_world in the file
  CHECK(network.get<double>("rewire_probability") == 0.2);
  CHECK_FALSE(network.has("allow_self_loops"));

  const auto elements = root.array("innovations");
  REQUIRE(elements.size() == 2);
  const TableSpec& element_spec = *schema.find("innovations")->table_spec();
  const auto& bass = *std::find_if(element_spec.variants().begin(), element_spec.variants().end(),
                                   [](const VariantSpec& v) { return v.value == "bass"; });
  CHECK(elements[0].get<double>("cost") == 0.0);
  CHECK(elements[0].get<double>("threshold") == 0.3);
  CHECK_FALSE(elements[0].has("innovation"));
  CHECK(elements[1].get<double>("innovation") ==
        std::get<double>(*bass.keys->find("innovation")->default_value()));
  CHECK_FALSE(elements[1].has("threshold"));
}

TEST_CASE("a discriminator's default selects the variant whose defaults are filled") {
  auto doc = parse_document("title = \"t\"\nstart = 2025-01-01\n", "small.toml");
  const TableSpec schema = demo_schema();
  REQUIRE(validate(doc, schema).empty());
  fill_defaults(doc, schema);
  const TableView root(doc);
  // Absent tables without required keys are created with their defaults...
  REQUIRE(root.has("network"));
  CHECK(root.table("network").get<std::string>("kind") == "erdos_renyi");
  CHECK(root.table("network").get<bool>("allow_self_loops") == false);
  CHECK_FALSE(root.table("network").has("rewire_probability"));
  CHECK(root.table("time").get<std::int64_t>("steps") == 12);
  CHECK(root.table("time").get<double>("step_years") == 1.0 / 12);
  // ...but not those declared keep_absent() or having required keys; arrays stay absent.
  CHECK_FALSE(root.has("field_lab"));
  CHECK_FALSE(root.has("budget"));
  CHECK(root.array("innovations").empty());
  CHECK(validate(doc, schema).empty());
}

TEST_CASE("a keep_absent table that is given gets its defaults") {
  auto doc = parse_document("title = \"t\"\nstart = 2025-01-01\n[field_lab]\n", "small.toml");
  fill_defaults(doc, demo_schema());
  CHECK(TableView(doc).table("field_lab").get<std::int64_t>("size") == 100000);
}

}  // namespace missionsim
