#include "engine/table/csv_table.hpp"

#include "engine/core/error.hpp"
#include "tests/support/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <vector>

namespace missionsim {

namespace {

// The columns most cases use: a label, a bounded integer and a bounded real.
const std::vector<ColumnSpec> region_rate_columns = {
    {"region", ColumnSpec::Type::text},
    {"quintile", ColumnSpec::Type::integer, 1.0, 5.0},
    {"rate", ColumnSpec::Type::real, 0.0, 1.0},
};

const std::string header = "region,quintile,rate\n";

std::vector<Diagnostic> diagnostics_of(const std::filesystem::path& file,
                                       const std::vector<ColumnSpec>& columns,
                                       std::optional<std::size_t> expected_rows = std::nullopt,
                                       bool allow_extra_columns = false) {
  try {
    (void)CsvTable::read(file, columns, expected_rows, allow_extra_columns);
  } catch (const InputError& e) {
    return e.diagnostics();
  }
  FAIL("expected an InputError from " << file.string());
  return {};
}

}  // namespace

TEST_CASE("A good table with quotes, comments, blank lines, CRLF and a BOM is read as intended") {
  const test::TempDir dir;
  const auto file = dir.write("good.csv",
                              "\xEF\xBB\xBF# population table\r\n"
                              "\r\n"
                              "region, quintile ,rate,notes\r\n"
                              "north,1,0.25,plain\r\n"
                              "# a comment between rows\r\n"
                              "\"south, coast\",+2,\"0.5\",\"said \"\"hi\"\"\"\r\n"
                              "  east  ,03,1e-1,\"two\r\nlines\"\r\n"
                              "west,5,1,last");  // no line end at the end of the file
  const std::vector<ColumnSpec> columns = {
      region_rate_columns[0],
      region_rate_columns[1],
      region_rate_columns[2],
      {"notes", ColumnSpec::Type::text},
      {.name = "weight", .required = false},  // optional, absent
  };
  const CsvTable table = CsvTable::read(file, columns, 4);

  CHECK(table.rows() == 4);
  CHECK(table.file() == file.string());
  CHECK(table.text("region") == std::vector<std::string>{"north", "south, coast", "east", "west"});
  CHECK(table.integers("quintile") == std::vector<std::int64_t>{1, 2, 3, 5});
  CHECK(table.reals("rate") == std::vector<double>{0.25, 0.5, 0.1, 1.0});
  CHECK(table.text("notes") == std::vector<std::string>{"plain", "said \"hi\"", "two\nlines", "last"});
  CHECK_FALSE(table.has("weight"));
  CHECK(table.has("rate"));

  // Lines count the BOM line, the blank line, the comment and the line inside quotes.
  CHECK(table.line_of_row(0) == 4);
  CHECK(table.line_of_row(1) == 6);
  CHECK(table.line_of_row(2) == 7);
  CHECK(table.line_of_row(3) == 9);

  CHECK(table.cell(2, "quintile") == "3");  // "03" is the integer 3
  CHECK(table.cell(2, "rate") == "0.1");
  CHECK(table.cell(1, "region") == "south, coast");

  const Diagnostic d = table.diagnostic(3, "rate", "too high for the west");
  CHECK(d.where.file == file.string());
  CHECK(d.where.line == 9);
  CHECK(d.where.column == 3);  // the field index of "rate" in the header
  CHECK(d.key == "rate");
  CHECK(table.diagnostic(0, "", "whole row").where.column == 0);
}

TEST_CASE("Asking a table for a column it did not read, or as the wrong type, is a programming error") {
  const test::TempDir dir;
  const CsvTable table = CsvTable::read(dir.write("t.csv", header + "north,1,0.5\n"), region_rate_columns);
  CHECK_THROWS_AS(table.integers("region"), InternalError);
  CHECK_THROWS_AS(table.reals("quintile"), InternalError);
  CHECK_THROWS_AS(table.text("nowhere"), InternalError);
  CHECK_THROWS_AS(table.line_of_row(1), InternalError);
  CHECK_THROWS_AS(CsvTable::read(dir / "t.csv", {{"a"}, {"a"}}), InternalError);  // specs repeat a name
}

TEST_CASE("Extra columns are an error unless allowed, but a near miss of a missing column always is") {
  const test::TempDir dir;
  const auto extra = dir.write("extra.csv", "region,quintile,rate,source\nnorth,1,0.5,census\n");
  CHECK(CsvTable::read(extra, region_rate_columns, 1, true).rows() == 1);
  const auto two = dir.write("two.csv", "zeta,region,quintile,rate,alpha\nz,north,1,0.5,a\n");
  const auto ds_two = diagnostics_of(two, region_rate_columns);
  REQUIRE(ds_two.size() == 2);  // in header order, each at its field
  CHECK((ds_two[0].key == "zeta" && ds_two[0].where.column == 1));
  CHECK((ds_two[1].key == "alpha" && ds_two[1].where.column == 5));

  auto columns = region_rate_columns;
  columns.push_back({.name = "weight", .required = false});
  const auto typo = dir.write("typo.csv", "region,quintile,rate,wieght\nnorth,1,0.5,2\n");
  const auto ds = diagnostics_of(typo, columns, std::nullopt, true);
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].key == "weight");
  CHECK(ds[0].where.column == 4);
  CHECK_THAT(ds[0].message, Catch::Contains("did you mean 'weight'?"));
}

TEST_CASE("A bad table is reported with its line, column name, field and what was wrong") {
  struct Case {
    std::string name;
    std::string text;
    std::optional<std::size_t> expected_rows;
    int line;
    std::string key;
    int column;  // 1-based field index; 0 for the whole line or file
    std::string says;
  };
  const auto c = GENERATE(
      Case{"missing column, near miss",
           "regoin,quintile,rate\nnorth,1,0.5\n",
           {},
           1,
           "region",
           1,
           "missing required column; the header has 'regoin': did you mean 'region'?"},
      Case{"missing column",
           "quintile,rate\n1,0.5\n",
           {},
           1,
           "region",
           0,
           "missing required column; the header has 'quintile' and 'rate'"},
      Case{"duplicate column",
           "region,rate,quintile,rate\nnorth,0.5,1,0.5\n",
           {},
           1,
           "rate",
           4,
           "duplicate column: the header names it already as field 2"},
      Case{"unknown column",
           "region,quintile,rate,notes\nnorth,1,0.5,x\n",
           {},
           1,
           "notes",
           4,
           "unknown column; expected only 'region', 'quintile' and 'rate'"},
      Case{"empty column name",
           "region,,quintile,rate\nnorth,x,1,0.5\n",
           {},
           1,
           "",
           2,
           "empty column name in the header"},
      Case{"short row",
           header + "north,1,0.5\nsouth,2\n",
           {},
           3,
           "rate",
           3,
           "expected 3 fields as in the header, found 2"},
      Case{"long row",
           header + "north,1,0.5,extra\n",
           {},
           2,
           "",
           4,
           "expected 3 fields as in the header, found 4"},
      Case{"word for an integer",
           header + "north,three,0.5\n",
           {},
           2,
           "quintile",
           2,
           "expected an integer, found 'three'"},
      Case{"decimal for an integer",
           header + "north,3.0,0.5\n",
           {},
           2,
           "quintile",
           2,
           "expected an integer, found '3.0'"},
      Case{"integer too large",
           header + "north,99999999999999999999,0.5\n",
           {},
           2,
           "quintile",
           2,
           "which is too large"},
      Case{"trailing junk on a number",
           header + "north,1,0.5%\n",
           {},
           2,
           "rate",
           3,
           "expected a number, found '0.5%'"},
      Case{"empty number", header + "north,1,\n", {}, 2, "rate", 3, "expected a number, found an empty cell"},
      Case{"empty text", header + " ,1,0.5\n", {}, 2, "region", 1, "expected text, found an empty cell"},
      Case{"not a number",
           header + "north,1,nan\n",
           {},
           2,
           "rate",
           3,
           "expected a finite number, found 'nan'"},
      Case{"infinite", header + "north,1,-inf\n", {}, 2, "rate", 3, "expected a finite number, found '-inf'"},
      Case{"beyond double", header + "north,1,1e999\n", {}, 2, "rate", 3, "beyond the range of a double"},
      Case{"real above bound",
           header + "north,1,1.5\n",
           {},
           2,
           "rate",
           3,
           "expected a number between 0 and 1, found 1.5"},
      Case{"integer below bound",
           header + "north,0,0.5\n",
           {},
           2,
           "quintile",
           2,
           "expected an integer between 1 and 5, found 0"},
      Case{"too many rows", header + "north,1,0.5\nsouth,2,0.5\neast,3,0.5\n", 2, 4, "", 0,
           "expected 2 data rows, found 3; this is the first extra row"},
      Case{"too few rows", header + "north,1,0.5\n\nsouth,2,0.5\n# end\n", 3, 4, "", 0,
           "expected 3 data rows, found 2; the table ends here"},
      Case{"header only", header, 1, 1, "", 0, "expected 1 data row, found 0"},
      Case{"empty file", "", {}, 0, "", 0, "empty table: expected a header line naming the columns"},
      Case{"only comments", "# nothing yet\n\n   \n", {}, 0, "", 0, "found no lines with data"},
      Case{"unterminated quote", header + "north,1,\"0.5\n", {}, 2, "", 3, "unterminated quoted field"},
      Case{"text after quote",
           header + "\"north\"x,1,0.5\n",
           {},
           2,
           "",
           1,
           "unexpected text after the closing double quote"},
      Case{"quote inside unquoted",
           header + "nor\"th,1,0.5\n",
           {},
           2,
           "",
           1,
           "a double quote inside an unquoted field"},
      Case{"comments, blank lines and CRLF count as lines",
           "# t\r\n\r\n" + header + "# c\r\nnorth,1,x\r\n",
           {},
           5,
           "rate",
           3,
           "found 'x'"},
      Case{"line inside quotes counts",
           header + "\"nor\nth\",1,0.5\nsouth,9,0.5\n",
           {},
           4,
           "quintile",
           2,
           "found 9"});

  CAPTURE(c.name);
  const test::TempDir dir;
  const auto file = dir.write("bad.csv", c.text);
  const auto ds = diagnostics_of(file, region_rate_columns, c.expected_rows);
  REQUIRE(ds.size() == 1);
  CAPTURE(ds[0].format());
  CHECK(ds[0].where.file == file.string());
  CHECK(ds[0].where.line == c.line);
  CHECK(ds[0].key == c.key);
  CHECK(ds[0].where.column == c.column);
  CHECK_THAT(ds[0].message, Catch::Contains(c.says));
}

TEST_CASE("A missing file is an InputError that names it") {
  const test::TempDir dir;
  const auto file = dir / "absent.csv";
  const auto ds = diagnostics_of(file, region_rate_columns);
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].where.file == file.string());
  CHECK_THAT(ds[0].format(), Catch::Contains("absent.csv") && Catch::Contains("cannot read table"));
  CHECK_THAT(diagnostics_of(dir.path(), region_rate_columns)[0].message, Catch::Contains("directory"));
}

TEST_CASE("Every problem in a file is reported together, in file order") {
  const test::TempDir dir;
  const auto file = dir.write("many.csv",
                              "region,quintile,rat\n"  // rate misspelt: reported, other rows still read
                              "north,1,0.5\n"
                              "south,x,0.5\n"
                              "east,2\n"
                              "west,7,0.5\n");
  const auto ds = diagnostics_of(file, region_rate_columns, 5);
  REQUIRE(ds.size() == 5);
  CHECK((ds[0].where.line == 1 && ds[0].key == "rate"));
  CHECK((ds[1].where.line == 3 && ds[1].key == "quintile"));
  CHECK((ds[2].where.line == 4 && ds[2].key == "rat"));  // the short row lacks the header's third field
  CHECK((ds[3].where.line == 5 && ds[3].key == "quintile"));
  CHECK((ds[4].where.line == 5 && ds[4].key.empty()));
  CHECK_THAT(ds[4].message, Catch::Contains("expected 5 data rows, found 4"));
}

TEST_CASE("A file with more problems than the cap reports the cap and how many were left out") {
  constexpr std::size_t cap = 20;  // ProblemList::default_cap
  constexpr std::size_t bad_rows = cap + 10;
  std::string text = header;
  for (std::size_t i = 0; i < bad_rows; ++i) text += "north,1,oops\n";
  const test::TempDir dir;
  const auto ds = diagnostics_of(dir.write("cap.csv", text), region_rate_columns);
  REQUIRE(ds.size() == cap + 1);
  CHECK(ds[cap - 1].where.line == static_cast<int>(cap) + 1);  // the header is line 1
  CHECK_THAT(ds[cap].message, Catch::Contains("stopped after 20 problems") &&
                                  Catch::Contains(std::to_string(bad_rows - cap) + " more"));
}

}  // namespace missionsim
