#include "models/population/params.hpp"
#include "models/population/population.hpp"

#include "engine/core/error.hpp"
#include "engine/scenario/document.hpp"
#include "engine/scenario/schema.hpp"
#include "engine/scenario/table_view.hpp"
#include "tests/support/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

namespace missionsim::model {

namespace {

// Runs the scenario text through the same steps as the scenario reader: parse, validate against
// the population schema, fill defaults, read_population with tables relative to `base_dir`.
struct ReadResult {
  PopulationParams params;
  std::vector<Diagnostic> problems;
};

ReadResult read(const std::string& text, const std::filesystem::path& base_dir) {
  TableSpec schema("test");
  declare_population_keys(schema);
  ScenarioDocument doc = parse_document(text, "test.toml");
  const auto invalid = validate(doc, schema);
  for (const auto& d : invalid) UNSCOPED_INFO(d.format());
  REQUIRE(invalid.empty());
  fill_defaults(doc, schema);
  ReadResult r;
  r.params = read_population(TableView(doc), base_dir, r.problems);
  return r;
}

std::string joined(const std::vector<Diagnostic>& ds) {
  std::string out;
  for (const auto& d : ds) out += d.format() + "\n";
  return out;
}

// The first diagnostic whose message contains `text`, or nullptr.
const Diagnostic* find(const std::vector<Diagnostic>& ds, const std::string& text) {
  for (const auto& d : ds)
    if (d.message.find(text) != std::string::npos) return &d;
  return nullptr;
}

std::string named(const std::string& array, const std::vector<std::string>& names,
                  const std::string& extra = "") {
  std::string out;
  for (const auto& n : names) out += "[[" + array + "]]\nname = \"" + n + "\"\n" + extra;
  return out;
}

// Data rows of a CSV file without quoting, '#' comments skipped: an independent reading of the
// demo table to derive the expected distribution from.
std::vector<std::vector<std::string>> plain_rows(const std::filesystem::path& file) {
  std::ifstream in(file);
  REQUIRE(in);
  std::vector<std::vector<std::string>> rows;
  std::string line;
  bool header = true;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (header) {
      header = false;
      continue;
    }
    std::vector<std::string> fields;
    std::stringstream s(line);
    for (std::string f; std::getline(s, f, ',');) fields.push_back(f);
    rows.push_back(fields);
  }
  return rows;
}

const std::vector<std::string> demo_regions = {"north", "south", "capital"};
const std::vector<std::string> demo_bands = {"0-39", "40-64", "65_plus"};

std::string demo_scenario(std::uint32_t size) {
  return "[population]\nsize = " + std::to_string(size) +
         "\ntable = \"data/population_demo.csv\"\nlife_table = \"data/life_table_demo.csv\"\n" +
         named("regions", demo_regions) + named("age_bands", demo_bands);
}

// A small grid, two regions × 5 quintiles × one band "all", with 100 persons per row; `edit`
// may change the text before it is written.
std::string small_grid() {
  std::string text = "region,quintile,age_band,persons\n";
  for (const char* r : {"east", "west"})
    for (int q = 1; q <= 5; ++q) text += std::string(r) + "," + std::to_string(q) + ",all,100\n";
  return text;
}

const std::string small_scenario =
    "[population]\nsize = 100\ntable = \"grid.csv\"\n" + named("regions", {"east", "west"});

}  // namespace

TEST_CASE("a population table gives the joint distribution of region, quintile and age band",
          "[population][tables]") {
  const auto scenarios = test::source_dir() / "scenarios";
  constexpr std::uint32_t n = 200000;
  const auto r = read(demo_scenario(n), scenarios);
  INFO(joined(r.problems));
  REQUIRE(r.problems.empty());
  const auto& p = r.params;

  // Expected: the table's persons, read here without the code under test.
  const auto rows = plain_rows(scenarios / "data" / "population_demo.csv");
  REQUIRE(rows.size() == demo_regions.size() * quintile_count * demo_bands.size());
  std::map<std::tuple<std::string, int, std::string>, double> persons;
  std::map<std::string, double> region_persons;
  double total = 0;
  for (const auto& row : rows) {
    const double v = std::stod(row[3]);
    persons[{row[0], std::stoi(row[1]), row[2]}] = v;
    region_persons[row[0]] += v;
    total += v;
  }
  REQUIRE(p.joint_persons.size() == rows.size());
  for (std::size_t k = 0; k < demo_regions.size(); ++k)
    CHECK(p.regions[k].share == Approx(region_persons[demo_regions[k]] / total).epsilon(1e-12));

  const Population pop(p, 11, 0);
  // Region sizes are the largest-remainder split: within one person of share·n.
  const auto& starts = pop.region_starts();
  REQUIRE(starts.size() == demo_regions.size() + 1);
  CHECK(starts.back() == n);
  for (std::size_t k = 0; k < demo_regions.size(); ++k)
    CHECK(std::abs(static_cast<double>(starts[k + 1] - starts[k]) - p.regions[k].share * n) < 1.0);
  // Contiguous: every id in [starts[k], starts[k+1]) is in region k.
  for (std::size_t k = 0; k < demo_regions.size(); ++k)
    for (std::uint32_t i = starts[k]; i < starts[k + 1]; ++i) REQUIRE(pop.region()[i] == k);

  // Within a region, each cell's count is binomial(n_r, p): 45 cells checked at once, so a wide
  // k keeps the family-wise false alarm rate near 45 · 6.8e-6.
  constexpr double k_sigma = 4.5;
  std::map<std::tuple<std::size_t, int, std::size_t>, double> counts;
  for (std::uint32_t i = 0; i < n; ++i) counts[{pop.region()[i], pop.quintile()[i], pop.age_band()[i]}] += 1;
  for (std::size_t k = 0; k < demo_regions.size(); ++k) {
    const double n_r = starts[k + 1] - starts[k];
    for (int q = 0; q < quintile_count; ++q)
      for (std::size_t b = 0; b < demo_bands.size(); ++b) {
        const double prob =
            persons[{demo_regions[k], q + 1, demo_bands[b]}] / region_persons[demo_regions[k]];
        const double sd = std::sqrt(n_r * prob * (1 - prob));
        INFO(demo_regions[k] << " q" << q + 1 << " " << demo_bands[b]);
        CHECK(std::abs(counts[{k, q, b}] - n_r * prob) <= k_sigma * sd);
      }
  }
}

TEST_CASE("a cell with no persons in the table gets nobody", "[population][tables]") {
  test::TempDir dir;
  std::string text = "region,quintile,age_band,persons\n";
  for (int q = 1; q <= 5; ++q) text += "east," + std::to_string(q) + ",all," + (q == 3 ? "0" : "10") + "\n";
  dir.write("grid.csv", text);
  const auto r =
      read("[population]\nsize = 5000\ntable = \"grid.csv\"\n" + named("regions", {"east"}), dir.path());
  REQUIRE(r.problems.empty());
  const Population pop(r.params, 3, 0);
  std::vector<int> per_quintile(quintile_count, 0);
  for (auto q : pop.quintile()) ++per_quintile[q];
  CHECK(per_quintile[2] == 0);
  for (int q : {0, 1, 3, 4}) CHECK(per_quintile[static_cast<std::size_t>(q)] > 0);
}

TEST_CASE("a life table fills every band's mortality and life expectancy", "[population][tables]") {
  const auto scenarios = test::source_dir() / "scenarios";
  const auto r = read(demo_scenario(1000), scenarios);
  REQUIRE(r.problems.empty());
  const auto rows = plain_rows(scenarios / "data" / "life_table_demo.csv");
  REQUIRE(rows.size() == demo_bands.size());
  for (const auto& row : rows) {
    const auto b = static_cast<std::size_t>(std::find(demo_bands.begin(), demo_bands.end(), row[0]) -
                                            demo_bands.begin());
    REQUIRE(b < demo_bands.size());
    CHECK(r.params.age_bands[b].other_mortality == std::stod(row[1]));
    CHECK(r.params.age_bands[b].life_expectancy == std::stod(row[2]));
  }

  SECTION("without [[age_bands]] the single band \"all\"") {
    test::TempDir dir;
    dir.write("life.csv", "age_band,mortality,life_expectancy\nall,0.02,25.5\n");
    const auto all = read("[population]\nsize = 10\nlife_table = \"life.csv\"\n", dir.path());
    REQUIRE(all.problems.empty());
    REQUIRE(all.params.age_bands.size() == 1);
    CHECK(all.params.age_bands[0].other_mortality == 0.02);
    CHECK(all.params.age_bands[0].life_expectancy == 25.5);
  }
}

TEST_CASE("without tables the shares and per-band values are read as before", "[population][tables]") {
  const auto r = read(
      "[population]\nsize = 10\n[[regions]]\nname = \"a\"\nshare = 0.25\n[[regions]]\nname = "
      "\"b\"\nshare = 0.75\n[[age_bands]]\nname = \"young\"\nshare = 1\nother_mortality = 0.002\n",
      ".");
  REQUIRE(r.problems.empty());
  CHECK(r.params.joint_persons.empty());
  CHECK(r.params.regions[1].share == 0.75);
  CHECK(r.params.age_bands[0].other_mortality == 0.002);
  CHECK(r.params.age_bands[0].life_expectancy == AgeBandParams{}.life_expectancy);
}

TEST_CASE("a malformed population table is reported with file, line and column", "[population][tables]") {
  struct Case {
    std::string what;
    std::string from, to;  // the edit that breaks the grid
    int line;              // 0: the whole file
    std::string column;    // key of the diagnostic ("" for a whole line)
    int field;             // 1-based field index, 0 for a whole line
    std::string message;   // part of the message
  };
  const auto c = GENERATE(
      Case{"missing column", "age_band,persons\n", "age_band\n", 1, "persons", 0, "missing required column"},
      Case{"non-numeric cell", "west,2,all,100", "west,2,all,many", 8, "persons", 4, "many"},
      Case{"negative count", "east,4,all,100", "east,4,all,-5", 5, "persons", 4, "-5"},
      Case{"quintile out of range", "east,5,all", "east,6,all", 6, "quintile", 2, "6"},
      Case{"unknown region", "west,1,all", "wets,1,all", 7, "region", 1, "did you mean 'west'"},
      Case{"a row too many", "west,5,all,100\n", "west,5,all,100\nwest,5,all,7\n", 12, "", 0,
           "duplicate row"},
      Case{"a missing row", "west,3,all,100\n", "", 0, "", 0, "missing row for region=west, quintile=3"});
  INFO(c.what);
  test::TempDir dir;
  std::string text = small_grid();
  const auto at = text.find(c.from);
  REQUIRE(at != std::string::npos);
  text.replace(at, c.from.size(), c.to);
  const auto file = dir.write("grid.csv", text);

  const auto r = read(small_scenario, dir.path());
  INFO(joined(r.problems));
  const Diagnostic* d = find(r.problems, c.message);
  REQUIRE(d != nullptr);
  CHECK(d->where.file == file.string());
  CHECK(d->where.line == c.line);
  CHECK(d->key == c.column);
  CHECK(d->where.column == c.field);
  CHECK(r.params.joint_persons.empty());
}

TEST_CASE("a malformed life table is reported with file, line and column", "[population][tables]") {
  test::TempDir dir;
  const auto file =
      dir.write("life.csv", "age_band,mortality,life_expectancy\nyoung,0.001,60\nold,high,12\n");
  const auto r = read("[population]\nsize = 10\nlife_table = \"life.csv\"\n" +
                          named("age_bands", {"young", "old"}, "share = 0.5\n"),
                      dir.path());
  INFO(joined(r.problems));
  const Diagnostic* d = find(r.problems, "high");
  REQUIRE(d != nullptr);
  CHECK(d->format().rfind(file.string() + ":3:2: mortality: ", 0) == 0);
}

TEST_CASE("every problem of the scenario and its tables is collected at once", "[population][tables]") {
  test::TempDir dir;
  const auto grid = dir.write("grid.csv", "region,quintile,age_band,persons\neast,1,all,x\n");
  const auto life = dir.write("life.csv", "age_band,mortality\nall,0.01\n");
  const auto r = read("[population]\nsize = 10\ntable = \"grid.csv\"\nlife_table = \"life.csv\"\n" +
                          named("regions", {"east"}, "share = 1\n"),
                      dir.path());
  INFO(joined(r.problems));
  CHECK(find(r.problems, "share comes from population.table") != nullptr);
  const Diagnostic* cell = find(r.problems, "'x'");
  REQUIRE(cell != nullptr);
  CHECK(cell->where.file == grid.string());
  const Diagnostic* column = find(r.problems, "missing required column");
  REQUIRE(column != nullptr);
  CHECK(column->where.file == life.string());
  CHECK(column->key == "life_expectancy");
}

TEST_CASE("tables and the keys they replace exclude each other", "[population][tables]") {
  test::TempDir dir;
  dir.write("grid.csv", small_grid());
  dir.write("life.csv", "age_band,mortality,life_expectancy\nall,0.01,30\n");

  SECTION("a share beside population.table") {
    const auto r = read(
        "[population]\nsize = 10\ntable = \"grid.csv\"\n[[regions]]\nname = \"east\"\nshare = "
        "0.5\n[[regions]]\nname = \"west\"\n",
        dir.path());
    REQUIRE(r.problems.size() == 1);
    const auto& d = r.problems[0];
    CHECK(d.message.find("share comes from population.table") != std::string::npos);
    CHECK(d.where.file == "test.toml");
    CHECK(d.where.line == 6);  // the share of "east"
    CHECK(d.key.find("share") != std::string::npos);
  }
  SECTION("a band's other_mortality beside population.life_table") {
    const auto r = read(
        "[population]\nsize = 10\nlife_table = \"life.csv\"\n[[age_bands]]\nname = "
        "\"all\"\nshare = 1\nother_mortality = 0.03\n",
        dir.path());
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].message.find("comes from population.life_table") != std::string::npos);
    CHECK(r.problems[0].where.line == 7);
  }
  SECTION("no share and no table") {
    const auto r = read("[population]\nsize = 10\n" + named("regions", {"east"}), dir.path());
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].message.find("population.table") != std::string::npos);
  }
  SECTION("a table file that does not exist") {
    const auto r = read("[population]\nsize = 10\ntable = \"nope.csv\"\n", dir.path());
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].where.line == 3);
    CHECK(r.problems[0].message.find("no such file") != std::string::npos);
  }
}

TEST_CASE("real_size makes any sample stand for the same real population", "[population]") {
  CHECK(read("[population]\nsize = 1000\n", ".").params.scale == 1.0);
  CHECK(read("[population]\nsize = 1000\nscale = 40\n", ".").params.scale == 40.0);
  const auto sample = read("[population]\nsize = 4000\nreal_size = 83_000_000\n", ".");
  CHECK(sample.problems.empty());
  CHECK(sample.params.scale == 20750.0);
  CHECK(read("[population]\nsize = 83000000\nreal_size = 83_000_000\n", ".").params.scale == 1.0);

  const auto both = read("[population]\nsize = 4000\nscale = 2\nreal_size = 8000\n", ".");
  REQUIRE(both.problems.size() == 1);
  CHECK(both.problems[0].key == "population.scale");
  CHECK(both.problems[0].where.line == 3);
  CHECK(both.problems[0].message.find("not both") != std::string::npos);
}

}  // namespace missionsim::model
