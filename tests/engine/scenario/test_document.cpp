#include <functional>

#include <catch2/catch.hpp>

#include "engine/scenario/document.hpp"
#include "tests/engine/scenario/fixture.hpp"
#include "tests/support/temp_dir.hpp"

namespace missionsim {

using test::demo_schema;
using test::demo_text;

namespace {
Diagnostic only_diagnostic(const std::function<void()>& f) {
  try {
    f();
  } catch (const ScenarioError& e) {
    REQUIRE(e.diagnostics().size() == 1);
    return e.diagnostics()[0];
  }
  FAIL("no ScenarioError");
  return {};
}
}  // namespace

TEST_CASE("load_document reads a file and names it in messages") {
  test::TempDir dir;
  const auto path = dir.write("demo.toml", demo_text);
  const auto doc = load_document(path);
  CHECK(doc.file == path.string());
  CHECK(doc.root["title"].value<std::string>() == "demo");
  CHECK(validate(doc, demo_schema()).empty());
}

TEST_CASE("load_document reports missing, unreadable and empty files") {
  test::TempDir dir;
  const auto missing = dir / "missing.toml";
  auto d = only_diagnostic([&] { load_document(missing); });
  CHECK(d.message.find("cannot read " + missing.string() + ": ") == 0);
  CHECK(d.message.find("No such file") != std::string::npos);

  d = only_diagnostic([&] { load_document(dir.path()); });
  CHECK(d.message == "cannot read " + dir.path().string() + ": it is a directory, not a file");

  const auto empty = dir.write("empty.toml", "");
  d = only_diagnostic([&] { load_document(empty); });
  CHECK(d.where.file == empty.string());
  CHECK(d.message.find("empty") != std::string::npos);

  const auto comments = dir.write("comments.toml", "# nothing here\n\n");
  d = only_diagnostic([&] { load_document(comments); });
  CHECK(d.message.find("empty") != std::string::npos);
}

TEST_CASE("a TOML syntax error gives line and column") {
  const std::string text = "title = \"t\"\nseed = \n";
  const auto d = only_diagnostic([&] { parse_document(text, "bad.toml"); });
  CHECK(d.where.file == "bad.toml");
  CHECK(d.where.line == 2);
  CHECK(d.where.column == static_cast<int>(std::string("seed = ").size()) + 1);
  CHECK(d.message.find("not valid TOML") == 0);
  // An impossible date is a syntax error in TOML, not a schema error.
  const auto d2 = only_diagnostic([&] { parse_document("start = 2025-13-01\n", "bad.toml"); });
  CHECK(d2.where.line == 1);
}

TEST_CASE("to_toml_text round-trips through parse_document") {
  auto doc = parse_document(demo_text, "demo.toml");
  const TableSpec schema = demo_schema();
  apply_override(doc, schema, "network.rewire_probability=0.1");
  fill_defaults(doc, schema);
  doc.root.insert("extra list", toml::array{1, 2.5, "x"});
  doc.root.insert("odd", "quote \" backslash \\ newline \n tab \t bell \x07");
  doc.root.insert("inline", toml::table{{"a", 1}, {"b", toml::table{{"c", true}}}});
  const std::string text = to_toml_text(doc);
  INFO(text);
  const auto again = parse_document(text, "again.toml");
  CHECK(again.root == doc.root);
  // Shortest exact numbers, not 17 digits.
  CHECK(text.find("rewire_probability = 0.1\n") != std::string::npos);
  CHECK(text.find("mean_degree = 6\n") != std::string::npos);
  CHECK(text.find("cost = 0.0\n") != std::string::npos);
  CHECK(text.find("[[innovations]]") != std::string::npos);
  // Keys keep their file order (toml++ sorts them by name: seed would come before title).
  CHECK(text.find("title =") < text.find("seed ="));
}

TEST_CASE("to_toml_text keeps doubles exact") {
  ScenarioDocument doc{"x", {}};
  const double third = 1.0 / 3.0;
  const double tiny = 1e-300;
  doc.root.insert("third", third);
  doc.root.insert("tiny", tiny);
  doc.root.insert("whole", 2.0);
  const auto again = parse_document(to_toml_text(doc), "x");
  CHECK(again.root["third"].value<double>() == third);
  CHECK(again.root["tiny"].value<double>() == tiny);
  CHECK(again.root["whole"].is_floating_point());
}

}  // namespace missionsim
