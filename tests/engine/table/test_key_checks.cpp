#include "engine/table/key_checks.hpp"

#include "engine/core/error.hpp"
#include "tests/support/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace missionsim {

namespace {

const std::vector<ColumnSpec> population_columns = {
    {"region", ColumnSpec::Type::text},
    {"quintile", ColumnSpec::Type::integer, 1.0, 5.0},
    {"age_band", ColumnSpec::Type::text},
    {"people", ColumnSpec::Type::real, 0.0},
};

const std::vector<GridAxis> population_axes = {
    {"region", {"north", "south"}},
    {"quintile", {"1", "2", "3"}},
    {"age_band", {"0-64", "65-74", "75+"}},
};

// One row per combination of the axes' labels, in odometer order, leaving out `skip` if given.
std::string grid_csv(const std::string& skip = "") {
  std::string text = "region,quintile,age_band,people\n";
  for (const auto& region : population_axes[0].labels) {
    for (const auto& quintile : population_axes[1].labels) {
      for (const auto& age : population_axes[2].labels) {
        const std::string row = region + "," + quintile + "," + age;
        if (row != skip) text += row + ",1000\n";
      }
    }
  }
  return text;
}

std::size_t grid_size() {
  std::size_t n = 1;
  for (const auto& axis : population_axes) n *= axis.labels.size();
  return n;
}

std::vector<Diagnostic> diagnostics_of(const auto& check) {
  try {
    check();
  } catch (const InputError& e) {
    return e.diagnostics();
  }
  FAIL("expected an InputError");
  return {};
}

}  // namespace

TEST_CASE("A complete grid with one row per combination passes both checks") {
  const test::TempDir dir;
  const CsvTable table = CsvTable::read(dir.write("grid.csv", grid_csv()), population_columns, grid_size());
  CHECK_NOTHROW(require_unique_keys(table, {"region", "quintile", "age_band"}));
  CHECK_NOTHROW(require_complete_grid(table, population_axes));
}

TEST_CASE("A repeated key combination names both lines, integers compared by value") {
  const test::TempDir dir;
  // "02" and "2" are the same quintile.
  const auto file = dir.write("dup.csv",
                              "region,quintile,age_band,people\n"
                              "north,2,75+,10\n"
                              "# comment\n"
                              "south,2,75+,10\n"
                              "north,02,75+,12\n");
  const CsvTable table = CsvTable::read(file, population_columns);
  CHECK_NOTHROW(require_unique_keys(table, {"region", "quintile", "age_band", "people"}));
  const auto ds = diagnostics_of([&] { require_unique_keys(table, {"region", "quintile", "age_band"}); });
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].where.file == file.string());
  CHECK(ds[0].where.line == 5);
  CHECK_THAT(ds[0].message, Catch::Contains("duplicate row for region=north, quintile=2, age_band=75+") &&
                                Catch::Contains("already on line 2"));
}

TEST_CASE("An incomplete grid names each missing combination") {
  const test::TempDir dir;
  const std::string absent = "north,3,65-74";
  const CsvTable table = CsvTable::read(dir.write("gap.csv", grid_csv(absent)), population_columns);
  REQUIRE(table.rows() == grid_size() - 1);
  const auto ds = diagnostics_of([&] { require_complete_grid(table, population_axes); });
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].where.file == table.file());
  CHECK(ds[0].message == "missing row for region=north, quintile=3, age_band=65-74");
}

TEST_CASE("A label outside the grid is reported at its cell with a suggestion, and its row is missing") {
  const test::TempDir dir;
  std::string text = grid_csv("south,1,0-64");
  text += "sotuh,1,0-64,1000\n";  // the last row is line grid_size() + 1
  const CsvTable table = CsvTable::read(dir.write("label.csv", text), population_columns);
  const auto ds = diagnostics_of([&] { require_complete_grid(table, population_axes); });
  REQUIRE(ds.size() == 2);
  CHECK(ds[0].where.line == static_cast<int>(grid_size()) + 1);
  CHECK(ds[0].key == "region");
  CHECK(ds[0].where.column == 1);
  CHECK_THAT(ds[0].message,
             Catch::Contains("unexpected label 'sotuh'; expected one of 'north' and 'south'") &&
                 Catch::Contains("did you mean 'south'?"));
  CHECK(ds[1].message == "missing row for region=south, quintile=1, age_band=0-64");
}

TEST_CASE("A grid reports repeats, strays and gaps together") {
  const test::TempDir dir;
  std::string text = grid_csv("north,1,0-64");
  text += "north,2,75+,5\n";  // repeat
  text += "north,4,75+,5\n";  // quintile 4 is not on this grid
  const CsvTable table = CsvTable::read(dir.write("mixed.csv", text), population_columns);
  const auto ds = diagnostics_of([&] { require_complete_grid(table, population_axes); });
  REQUIRE(ds.size() == 3);
  CHECK((ds[0].key == "quintile" && ds[0].where.column == 2));
  CHECK_THAT(ds[0].message, Catch::Contains("unexpected label '4'"));
  CHECK_THAT(ds[1].message, Catch::Contains("duplicate row for region=north, quintile=2, age_band=75+"));
  CHECK(ds[2].message == "missing row for region=north, quintile=1, age_band=0-64");
}

}  // namespace missionsim
