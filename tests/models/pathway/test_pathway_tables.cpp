#include "models/pathway/params.hpp"
#include "models/population/params.hpp"

#include "engine/core/error.hpp"
#include "engine/scenario/document.hpp"
#include "engine/scenario/schema.hpp"
#include "engine/scenario/table_view.hpp"
#include "tests/support/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace missionsim::model {

namespace {

// Runs the scenario text through the same steps as the scenario reader: parse, validate against
// the population and pathway schema, fill defaults, read_pathway with tables relative to
// `base_dir` and the band names read_population found.
struct ReadResult {
  PathwayParams params;
  std::vector<Diagnostic> problems;
};

ReadResult read(const std::string& text, const std::filesystem::path& base_dir) {
  TableSpec schema("test");
  declare_population_keys(schema);
  declare_pathway_keys(schema);
  ScenarioDocument doc = parse_document("[population]\nsize = 10\n" + text, "test.toml");
  const auto invalid = validate(doc, schema);
  for (const auto& d : invalid) UNSCOPED_INFO(d.format());
  REQUIRE(invalid.empty());
  fill_defaults(doc, schema);
  ReadResult r;
  const TableView root(doc);
  const auto population = read_population(root, base_dir, r.problems);
  std::vector<std::string> bands;
  for (const auto& b : population.age_bands) bands.push_back(b.name);
  r.params = read_pathway(root, bands, base_dir, r.problems);
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

std::string bands_text(const std::vector<std::string>& names, const std::string& extra = "") {
  std::ostringstream share;
  share.precision(17);
  share << 1.0 / static_cast<double>(names.size());
  std::string out;
  for (const auto& n : names)
    out += "[[age_bands]]\nname = \"" + n + "\"\nshare = " + share.str() + "\n" + extra;
  return out;
}

// Data rows of a CSV file without quoting, '#' comments skipped, keyed by the first field: an
// independent reading of the demo tables to derive the expected values from.
std::map<std::string, std::vector<double>> plain_rows(const std::filesystem::path& file) {
  std::ifstream in(file);
  REQUIRE(in);
  std::map<std::string, std::vector<double>> rows;
  std::string line;
  bool header = true;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (header) {
      header = false;
      continue;
    }
    std::stringstream s(line);
    std::string key;
    std::getline(s, key, ',');
    for (std::string f; std::getline(s, f, ',');) rows[key].push_back(std::stod(f));
  }
  return rows;
}

const std::vector<std::string> demo_bands = {"0-39", "40-64", "65_plus"};

}  // namespace

TEST_CASE("the demo onset and survival tables fill the pathway's rates", "[pathway][tables]") {
  const auto scenarios = test::source_dir() / "scenarios";
  const auto r = read(
      "[pathway]\nonset_table = \"data/onset_demo.csv\"\n"
      "survival_table = \"data/survival_demo.csv\"\n" +
          bands_text(demo_bands),
      scenarios);
  INFO(joined(r.problems));
  REQUIRE(r.problems.empty());
  const auto& p = r.params;
  REQUIRE(p.enabled);

  const auto onset = plain_rows(scenarios / "data" / "onset_demo.csv");
  REQUIRE(p.onset_rate_by_band.size() == demo_bands.size());
  for (std::size_t b = 0; b < demo_bands.size(); ++b) {
    INFO(demo_bands[b]);
    REQUIRE(onset.count(demo_bands[b]) == 1);
    CHECK(p.onset_rate_by_band[b] == onset.at(demo_bands[b]).at(0));
  }

  const auto survival = plain_rows(scenarios / "data" / "survival_demo.csv");
  CHECK(p.early_cure_rate == survival.at("early").at(0));
  CHECK(p.early_death_rate == survival.at("early").at(1));
  CHECK(p.late_cure_rate == survival.at("late").at(0));
  CHECK(p.late_death_rate == survival.at("late").at(1));
}

TEST_CASE("without tables the rates are the scenario's or the defaults", "[pathway][tables]") {
  const PathwayParams defaults;
  test::TempDir dir;
  const auto r = read("[pathway]\nlate_cure_rate = 0.125\n", dir.path());
  INFO(joined(r.problems));
  REQUIRE(r.problems.empty());
  CHECK(r.params.onset_rate_by_band.empty());
  CHECK(r.params.onset_rate == defaults.onset_rate);
  CHECK(r.params.early_cure_rate == defaults.early_cure_rate);
  CHECK(r.params.late_death_rate == defaults.late_death_rate);
  CHECK(r.params.late_cure_rate == 0.125);
}

TEST_CASE("a table's rows follow the file's order, not the bands' order", "[pathway][tables]") {
  test::TempDir dir;
  dir.write("onset.csv", "onset_rate,age_band\n0.25,old\n0.5,young\n");
  dir.write("survival.csv", "death_rate,stage,cure_rate\n0.75,late,0.125\n0.0625,early,2\n");
  const auto r = read("[pathway]\nonset_table = \"onset.csv\"\nsurvival_table = \"survival.csv\"\n" +
                          bands_text({"young", "old"}),
                      dir.path());
  INFO(joined(r.problems));
  REQUIRE(r.problems.empty());
  REQUIRE(r.params.onset_rate_by_band.size() == 2);
  CHECK(r.params.onset_rate_by_band[0] == 0.5);
  CHECK(r.params.onset_rate_by_band[1] == 0.25);
  CHECK(r.params.early_cure_rate == 2.0);
  CHECK(r.params.early_death_rate == 0.0625);
  CHECK(r.params.late_cure_rate == 0.125);
  CHECK(r.params.late_death_rate == 0.75);
}

TEST_CASE("a malformed table is reported with its file, line and column", "[pathway][tables]") {
  test::TempDir dir;
  const std::string survival_scenario = "[pathway]\nsurvival_table = \"s.csv\"\n";
  const std::string onset_scenario = "[pathway]\nonset_table = \"o.csv\"\n" + bands_text({"young", "old"});

  SECTION("a missing column") {
    const auto file = dir.write("s.csv", "stage,cure_rate\nearly,1\nlate,0.5\n");
    const auto r = read(survival_scenario, dir.path());
    INFO(joined(r.problems));
    REQUIRE(r.problems.size() == 1);
    const auto& d = r.problems.front();
    CHECK(d.key == "death_rate");
    CHECK(d.where.file == file.string());
    CHECK(d.where.line == 1);  // the header
  }
  SECTION("a cell that is not a number") {
    const auto file = dir.write("s.csv", "stage,cure_rate,death_rate\nearly,1,0.1\nlate,0.5,often\n");
    const auto r = read(survival_scenario, dir.path());
    INFO(joined(r.problems));
    REQUIRE(r.problems.size() == 1);
    const auto& d = r.problems.front();
    CHECK(d.where.file == file.string());
    CHECK(d.where.line == 3);
    CHECK(d.where.column == 3);  // the third field
    CHECK(d.key == "death_rate");
  }
  SECTION("a negative rate") {
    dir.write("o.csv", "age_band,onset_rate\nyoung,0.1\nold,-0.5\n");
    const auto r = read(onset_scenario, dir.path());
    INFO(joined(r.problems));
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems.front().where.line == 3);
    CHECK(r.problems.front().key == "onset_rate");
  }
  SECTION("a third stage row") {
    const auto file =
        dir.write("s.csv", "stage,cure_rate,death_rate\nearly,1,0.1\nlate,0.5,0.2\nlate,0.5,0.2\n");
    const auto r = read(survival_scenario, dir.path());
    INFO(joined(r.problems));
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems.front().where.file == file.string());
    CHECK(r.problems.front().where.line == 4);  // the first extra row
  }
  SECTION("a band without a row") {
    const auto file = dir.write("o.csv", "age_band,onset_rate\nyoung,0.1\n");
    const auto r = read(onset_scenario, dir.path());
    INFO(joined(r.problems));
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems.front().where.file == file.string());
    CHECK(r.problems.front().where.line == 2);  // where the table ends
  }
  SECTION("an unknown stage") {
    const auto file = dir.write("s.csv", "stage,cure_rate,death_rate\nearly,1,0.1\nlater,0.5,0.2\n");
    const auto r = read(survival_scenario, dir.path());
    INFO(joined(r.problems));
    const auto* d = find(r.problems, "unexpected label 'later'");
    REQUIRE(d);
    CHECK(d->where.file == file.string());
    CHECK(d->where.line == 3);
    CHECK(d->where.column == 1);
    CHECK(d->key == "stage");
    CHECK(d->message.find("did you mean 'late'") != std::string::npos);
  }
  SECTION("an unknown age band") {
    const auto file = dir.write("o.csv", "# comment\nage_band,onset_rate\nyoung,0.1\nelderly,0.2\n");
    const auto r = read(onset_scenario, dir.path());
    INFO(joined(r.problems));
    const auto* d = find(r.problems, "unexpected label 'elderly'");
    REQUIRE(d);
    CHECK(d->where.file == file.string());
    CHECK(d->where.line == 4);
    CHECK(d->where.column == 1);
    CHECK(d->key == "age_band");
  }
  SECTION("a file that does not exist") {
    const auto r = read(survival_scenario, dir.path());
    INFO(joined(r.problems));
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems.front().key.find("survival_table") != std::string::npos);
    CHECK(r.problems.front().message.find("no such file") != std::string::npos);
  }
}

TEST_CASE("a rate given both by a table and in the scenario is an error", "[pathway][tables]") {
  test::TempDir dir;
  dir.write("s.csv", "stage,cure_rate,death_rate\nearly,1,0.1\nlate,0.5,0.2\n");
  dir.write("o.csv", "age_band,onset_rate\nall,0.01\n");

  SECTION("a survival rate") {
    const auto r = read("[pathway]\nsurvival_table = \"s.csv\"\nlate_death_rate = 0.3\n", dir.path());
    INFO(joined(r.problems));
    REQUIRE(r.problems.size() == 1);
    const auto& d = r.problems.front();
    CHECK(d.key.find("late_death_rate") != std::string::npos);
    CHECK(d.where.file == "test.toml");
    CHECK(d.where.line == 5);  // two population lines, then [pathway], then the table
    CHECK(d.message.find("pathway.survival_table") != std::string::npos);
  }
  SECTION("the onset rate") {
    const auto r = read("[pathway]\nonset_table = \"o.csv\"\nonset_rate = 0.3\n", dir.path());
    INFO(joined(r.problems));
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems.front().key.find("onset_rate") != std::string::npos);
    CHECK(r.problems.front().message.find("pathway.onset_table") != std::string::npos);
  }
  SECTION("a band's onset multiplier") {
    dir.write("o2.csv", "age_band,onset_rate\nyoung,0.01\nold,0.02\n");
    const auto r =
        read("[pathway]\nonset_table = \"o2.csv\"\n" + bands_text({"young", "old"}, "onset_multiplier = 2\n"),
             dir.path());
    INFO(joined(r.problems));
    REQUIRE(r.problems.size() == 2);
    for (const auto& d : r.problems) {
      CHECK(d.key.find("onset_multiplier") != std::string::npos);
      CHECK(d.where.file == "test.toml");
      CHECK(d.where.line > 0);
    }
  }
}

}  // namespace missionsim::model
