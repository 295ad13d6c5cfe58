#include <catch2/catch.hpp>

#include "engine/core/error.hpp"
#include "engine/scenario/schema.hpp"
#include "tests/engine/scenario/fixture.hpp"

namespace missionsim {

TEST_CASE("schema mistakes are InternalErrors at declaration") {
  TableSpec t;
  CHECK_THROWS_AS(t.string("s", "").range(0, 1), InternalError);
  CHECK_THROWS_AS(t.integer("i", "").min(0).default_value(-1), InternalError);
  CHECK_THROWS_AS(t.integer("j", "").default_value(0.5), InternalError);
  CHECK_THROWS_AS(t.real("r", "").default_value(2.0).max(1), InternalError);
  CHECK_THROWS_AS(t.real("q", "").default_value(1.0).required(), InternalError);
  CHECK_THROWS_AS(t.choice("c", {"a", "b"}, "").default_value("z"), InternalError);
  CHECK_THROWS_AS(t.when("undeclared", "a"), InternalError);
  CHECK_THROWS_AS(t.when("c", "z"), InternalError);
  CHECK_THROWS_AS(t.integer("i", ""), InternalError);  // declared twice
}

TEST_CASE("a table_array element has a required name, when() returns the same variant twice") {
  TableSpec t;
  TableSpec& element = t.table_array("items", "");
  const KeySpec* name = element.find("name");
  REQUIRE(name != nullptr);
  CHECK(name->kind() == ValueKind::string);
  CHECK(name->is_required());
  element.choice("kind", {"a", "b"}, "");
  CHECK(&element.when("kind", "a") == &element.when("kind", "a"));
  CHECK(&element.when("kind", "a") != &element.when("kind", "b"));
  CHECK(element.is_discriminator("kind"));
}

TEST_CASE("a real key stores an integer default as a double and bounds are inclusive or not") {
  TableSpec t;
  const KeySpec& r = t.real("r", "").range(0, 1).default_value(1);
  CHECK(std::get<double>(*r.default_value()) == 1.0);
  CHECK(r.in_range(0.0));
  CHECK(r.in_range(1.0));
  CHECK_FALSE(r.in_range(1.0 + 1e-12));
  const KeySpec& g = t.real("g", "").greater_than(0);
  CHECK_FALSE(g.in_range(0.0));
  CHECK(g.in_range(1e-300));
}

TEST_CASE("copies of a schema are independent and deep") {
  const TableSpec original = test::demo_schema();
  TableSpec copy = original;
  copy.table("extra", "");
  CHECK(copy.find("extra") != nullptr);
  CHECK(original.find("extra") == nullptr);
  CHECK(copy.find("network")->table_spec() != original.find("network")->table_spec());
  CHECK(copy.find("network")->table_spec()->variants().size() == 2);
}

}  // namespace missionsim
