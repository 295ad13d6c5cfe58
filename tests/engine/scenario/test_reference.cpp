#include <sstream>

#include <catch2/catch.hpp>

#include "engine/scenario/reference.hpp"
#include "tests/engine/scenario/fixture.hpp"

namespace missionsim {

using test::demo_schema;

namespace {
/// The Markdown row whose first cell is `path`, or "" when there is none.
std::string row(const std::string& md, const std::string& path) {
  std::istringstream in(md);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("| `" + path + "` |", 0) == 0) return line;
  }
  return {};
}

struct Listed {
  std::string path;
  const KeySpec* key;
  std::string condition;
};

/// Every key of the schema with its documented path, walked independently of the writer.
void collect(const TableSpec& spec, const std::string& path, const std::string& condition,
             std::vector<Listed>& out) {
  for (const KeySpec& k : spec.keys()) {
    const std::string p = path.empty() ? k.name() : path + "." + k.name();
    out.push_back({p, &k, condition});
    if (k.kind() == ValueKind::table) collect(*k.table_spec(), p, "", out);
    if (k.kind() == ValueKind::table_array) collect(*k.table_spec(), p + ".<name>", "", out);
  }
  for (const VariantSpec& v : spec.variants()) {
    collect(*v.keys, path, v.discriminator + " = \"" + v.value + "\"", out);
  }
}
}  // namespace

TEST_CASE("reference_markdown lists every key with type, default, range, requirement and condition") {
  const TableSpec schema = demo_schema();
  const std::string md = reference_markdown(schema);
  std::vector<Listed> keys;
  collect(schema, "", "", keys);
  REQUIRE(keys.size() > 15);
  for (const auto& listed : keys) {
    INFO(listed.path);
    const std::string r = row(md, listed.path);
    REQUIRE_FALSE(r.empty());
    const KeySpec& k = *listed.key;
    CHECK(r.find(" | " + std::string(kind_name(k.kind()))) != std::string::npos);
    CHECK(r.find(k.range_text()) != std::string::npos);
    CHECK(r.find(k.is_required() ? "| yes |" : "| no |") != std::string::npos);
    CHECK(r.find(k.description()) != std::string::npos);
    if (!k.unit_label().empty()) CHECK(r.find("| " + k.unit_label() + " |") != std::string::npos);
    if (!listed.condition.empty()) CHECK(r.find("`" + listed.condition + "`") != std::string::npos);
    for (const auto& choice : k.choices()) CHECK(r.find("\"" + choice + "\"") != std::string::npos);
  }
}

TEST_CASE("reference_markdown writes defaults as TOML would") {
  const std::string md = reference_markdown(demo_schema());
  CHECK(row(md, "seed").find("| `1` |") != std::string::npos);
  CHECK(row(md, "end").find("| `2030-01-01` |") != std::string::npos);
  CHECK(row(md, "network.kind").find("| `\"erdos_renyi\"` |") != std::string::npos);
  CHECK(row(md, "network.rewire_probability").find("| `0.1` |") != std::string::npos);
  CHECK(row(md, "network.rewire_probability").find("in [0, 1]") != std::string::npos);
  CHECK(row(md, "time.step_years").find("> 0") != std::string::npos);
  CHECK(row(md, "innovations.<name>.threshold").find("| `0.18` |") != std::string::npos);
  CHECK(md.find("## `[[innovations]]`") != std::string::npos);
  CHECK(md.find("## `[network]`") != std::string::npos);
}

}  // namespace missionsim
