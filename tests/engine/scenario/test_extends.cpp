#include <algorithm>
#include <functional>

#include <catch2/catch.hpp>

#include "engine/scenario/document.hpp"
#include "engine/scenario/table_view.hpp"
#include "tests/engine/scenario/fixture.hpp"
#include "tests/support/temp_dir.hpp"

namespace missionsim {

using test::demo_schema;
using test::demo_text;

namespace {
std::vector<Diagnostic> diagnostics_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const ScenarioError& e) {
    return e.diagnostics();
  }
  FAIL("no ScenarioError");
  return {};
}

/// One of the TOML text's lines, for checking the order keys are written in.
std::size_t line_of(const std::string& text, const std::string& needle) {
  const auto at = text.find(needle);
  REQUIRE(at != std::string::npos);
  return static_cast<std::size_t>(
      std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}
}  // namespace

TEST_CASE("extends merges tables key by key and array elements by name") {
  test::TempDir dir;
  dir.write("base.toml", demo_text);
  const auto file = dir.write("change.toml",
                              "extends = \"base.toml\"\n"  // 1
                              "title = \"change\"\n"       // 2
                              "[time]\n"                   // 3
                              "steps = 36\n"               // 4
                              "[[innovations]]\n"          // 5
                              "name = \"screening\"\n"     // 6
                              "threshold = 0.25\n"         // 7
                              "[[innovations]]\n"          // 8
                              "name = \"vaccine\"\n"       // 9
                              "rule = \"bass\"\n"          // 10
                              "imitation = 0.2\n");        // 11
  const auto doc = load_document(file, demo_schema());
  CHECK(doc.file == file.string());
  CHECK(doc.files == std::vector<std::string>{(dir / "base.toml").string(), file.string()});
  CHECK_FALSE(doc.root.contains("extends"));
  CHECK(validate(doc, demo_schema()).empty());

  const TableView root(doc);
  CHECK(root.get<std::string>("title") == "change");
  CHECK(root.get<Date>("start") == Date{std::chrono::year(2025), std::chrono::January, std::chrono::day(1)});
  CHECK(root.table("time").get<std::int64_t>("steps") == 36);
  CHECK(root.table("time").get<double>("step_years") == 0.5);  // kept from the base
  const auto innovations = root.array("innovations");
  REQUIRE(innovations.size() == 3);
  CHECK(innovations[0].get<std::string>("name") == "screening");
  CHECK(innovations[0].get<double>("threshold") == 0.25);
  CHECK(innovations[0].get<std::string>("rule") == "threshold");
  CHECK(innovations[1].get<std::string>("name") == "diet");
  CHECK(innovations[2].get<std::string>("name") == "vaccine");

  // The stored text stands alone: the base's keys in its order, the changes in place, the
  // extending file's new elements after the base's.
  const auto text = to_toml_text(doc);
  CHECK(text.find("extends") == std::string::npos);
  CHECK(line_of(text, "name = \"diet\"") < line_of(text, "name = \"vaccine\""));
  CHECK(line_of(text, "start = 2025-01-01") < line_of(text, "[time]"));
  const auto reparsed = parse_document(text, "stored.toml");
  CHECK(validate(reparsed, demo_schema()).empty());
  CHECK(reparsed.root["time"]["steps"].value<std::int64_t>() == 36);
}

TEST_CASE("a diagnostic points at the file and line where the bad value was written") {
  test::TempDir dir;
  std::string base = demo_text;
  base.replace(base.find("steps = 24"), 10, "steps = 0");  // line 7, out of range
  const auto base_file = dir.write("base.toml", base);
  const auto file = dir.write("change.toml",
                              "extends = \"base.toml\"\n"  // 1
                              "[network]\n"                // 2
                              "mean_degree = -1\n"         // 3
                              "[[innovations]]\n"          // 4
                              "name = \"vaccine\"\n"       // 5
                              "rule = \"bass\"\n"          // 6
                              "imitation = 2\n");          // 7, a new element's bad value
  const auto found = validate(load_document(file, demo_schema()), demo_schema());
  REQUIRE(found.size() == 3);
  // Base first, then the extending file.
  CHECK(found[0].where.file == base_file.string());
  CHECK(found[0].where.line == 7);
  CHECK(found[0].key == "time.steps");
  CHECK(found[1].where.file == file.string());
  CHECK(found[1].where.line == 3);
  CHECK(found[1].key == "network.mean_degree");
  CHECK(found[2].where.file == file.string());
  CHECK(found[2].where.line == 7);
  CHECK(found[2].key == "innovations.vaccine.imitation");
}

TEST_CASE("changing a choice in an extending file drops the base's keys of its other values") {
  test::TempDir dir;
  dir.write("base.toml", demo_text);
  const auto file = dir.write("change.toml",
                              "extends = \"base.toml\"\n"
                              "[network]\n"
                              "kind = \"erdos_renyi\"\n"
                              "[[innovations]]\n"
                              "name = \"screening\"\n"
                              "rule = \"bass\"\n"
                              "imitation = 0.5\n");
  const auto doc = load_document(file, demo_schema());
  CHECK(validate(doc, demo_schema()).empty());
  CHECK_FALSE(doc.root["network"]["rewire_probability"]);  // small_world only
  CHECK(doc.root["network"]["mean_degree"].value<std::int64_t>() == 6);
  CHECK_FALSE(doc.root["innovations"][0]["threshold"]);  // threshold rule only

  // Restating the base's own choice keeps the base as it was: an error there is still reported.
  std::string bad_base = demo_text;
  bad_base.replace(bad_base.find("threshold = 0.3"), 15, "imitation = 0.3");  // line 17, a bass key
  dir.write("bad_base.toml", bad_base);
  const auto restating = dir.write("restate.toml",
                                   "extends = \"bad_base.toml\"\n"
                                   "[[innovations]]\n"
                                   "name = \"screening\"\n"
                                   "rule = \"threshold\"\n");
  const auto found = validate(load_document(restating, demo_schema()), demo_schema());
  REQUIRE(found.size() == 1);
  CHECK(found[0].where.line == 17);
  CHECK(found[0].key == "innovations.screening.imitation");
}

TEST_CASE("extends chains, resolving each base against its own file's folder") {
  test::TempDir dir;
  std::filesystem::create_directories(dir / "shared");
  dir.write("shared/base.toml", demo_text);
  dir.write("shared/middle.toml", "extends = \"base.toml\"\nseed = 11\n");
  const auto file = dir.write("top.toml", "extends = \"shared/middle.toml\"\ntitle = \"top\"\n");
  const auto doc = load_document(file, demo_schema());
  CHECK(doc.files.size() == 3);
  CHECK(doc.root["seed"].value<std::int64_t>() == 11);
  CHECK(doc.root["title"].value<std::string>() == "top");
  CHECK(doc.root["network"]["kind"].value<std::string>() == "small_world");
}

TEST_CASE("extends reports a bad value, a missing base and a cycle at its own line") {
  test::TempDir dir;
  auto file = dir.write("a.toml", "title = \"a\"\nextends = 3\n");
  auto d = diagnostics_of([&] { load_document(file, demo_schema()); });
  REQUIRE(d.size() == 1);
  CHECK(d[0].where.file == file.string());
  CHECK(d[0].where.line == 2);
  CHECK(d[0].key == "extends");
  CHECK(d[0].message.find("expected a string") == 0);

  file = dir.write("a.toml", "extends = \"nowhere.toml\"\n");
  d = diagnostics_of([&] { load_document(file, demo_schema()); });
  REQUIRE(d.size() == 1);
  CHECK(d[0].where.line == 1);
  CHECK(d[0].message.find("cannot read the base scenario") == 0);
  CHECK(d[0].message.find("nowhere.toml: no such file") != std::string::npos);

  dir.write("a.toml", "extends = \"b.toml\"\ntitle = \"a\"\n");
  const auto b = dir.write("b.toml", "title = \"b\"\n\nextends = \"a.toml\"\n");
  d = diagnostics_of([&] { load_document(b, demo_schema()); });
  REQUIRE(d.size() == 1);
  CHECK(d[0].where.file == (dir / "a.toml").string());
  CHECK(d[0].where.line == 1);
  CHECK(d[0].message == "scenarios extend each other in a cycle: b.toml -> a.toml -> b.toml");

  // Anywhere but the top level it is an unknown key, like any other.
  file = dir.write("c.toml", std::string(demo_text) + "[time.extends]\n");
  CHECK_FALSE(validate(load_document(file, demo_schema()), demo_schema()).empty());
}

TEST_CASE("an input file named in a base scenario is found beside the base") {
  test::TempDir dir;
  std::filesystem::create_directories(dir / "shared");
  dir.write("shared/rates.csv", "x\n");
  // `title` stands in for a path key: input_file reads any string key.
  dir.write("shared/base.toml", "title = \"rates.csv\"\nstart = 2025-01-01\n");
  auto file = dir.write("top.toml", "extends = \"shared/base.toml\"\n");
  auto doc = load_document(file, demo_schema());
  std::vector<Diagnostic> problems;
  CHECK(TableView(doc).input_file("title", dir.path(), problems) == dir / "shared" / "rates.csv");
  CHECK(problems.empty());

  // Written again in the extending file, the same name is taken from that file's folder.
  file = dir.write("top.toml", "extends = \"shared/base.toml\"\ntitle = \"rates.csv\"\n");
  doc = load_document(file, demo_schema());
  CHECK_FALSE(TableView(doc).input_file("title", dir.path(), problems));
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].where.line == 2);
  CHECK(problems[0].message == "no such file: " + (dir / "rates.csv").string());
}

TEST_CASE("remove takes keys and elements out of the base before the change") {
  test::TempDir dir;
  dir.write("base.toml", demo_text);
  auto file = dir.write("change.toml",
                        "extends = \"base.toml\"\n"
                        "remove = [\"innovations.diet\", \"time.steps\", \"network\"]\n"
                        "[[innovations]]\n"
                        "name = \"diet\"\n"  // added back, as new: no key of the base's survives
                        "rule = \"threshold\"\n");
  const auto doc = load_document(file, demo_schema());
  CHECK(validate(doc, demo_schema()).empty());
  CHECK_FALSE(doc.root.contains("remove"));
  CHECK_FALSE(doc.root.contains("network"));
  CHECK_FALSE(doc.root["time"]["steps"]);
  CHECK(doc.root["time"]["step_years"].value<double>() == 0.5);
  REQUIRE(doc.root["innovations"].as_array()->size() == 2);
  CHECK_FALSE(doc.root["innovations"][1]["imitation"]);

  file = dir.write("change.toml",
                   "extends = \"base.toml\"\n"
                   "remove = [\"innovations.screening\",\n"
                   "          \"innovations.vaccine\", \"time.nothing\", 4]\n");
  const auto d = diagnostics_of([&] { load_document(file, demo_schema()); });
  REQUIRE(d.size() == 3);
  CHECK(d[0].where.line == 3);
  CHECK(d[0].key == "remove");
  CHECK(d[0].message == "the base scenario has nothing at 'innovations.vaccine' to remove");
  CHECK(d[1].message == "the base scenario has nothing at 'time.nothing' to remove");
  CHECK(d[2].message.find("expected an array of key paths") == 0);

  file = dir.write("alone.toml", "remove = [\"time\"]\n" + std::string(demo_text));
  const auto alone = diagnostics_of([&] { load_document(file, demo_schema()); });
  REQUIRE(alone.size() == 1);
  CHECK(alone[0].message.find("extends none") != std::string::npos);
}

}  // namespace missionsim
