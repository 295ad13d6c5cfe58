// Scenarios built on other scenarios: `extends = "BASE"` at the top of a file. Several missions
// share one disease and cost parameterisation, and a policy comparison's intervention mixes
// share everything but their instruments; each file then says only how it differs.
#include <algorithm>
#include <string>
#include <vector>

#include "engine/core/file_kind.hpp"
#include "engine/scenario/detail/layers.hpp"
#include "engine/scenario/detail/text.hpp"
#include "engine/scenario/document.hpp"

namespace missionsim {
namespace {

using namespace scenario_detail;

constexpr const char* extends_key = "extends";
constexpr const char* remove_key = "remove";

void merge_table(toml::table& base, toml::table&& change, const TableSpec* spec);

/// Elements of an array of tables: one the base has by name takes the change's keys; a new one
/// is appended. An element without a usable name is appended for validation to report.
void merge_elements(toml::array& base, toml::array&& change, const TableSpec* spec) {
  for (auto& element : change) {
    toml::table* into = nullptr;
    if (const auto name = element_name(element)) {
      for (auto& b : base) {
        if (element_name(b) == name) into = b.as_table();
      }
    }
    if (into && element.is_table()) {
      merge_table(*into, std::move(*element.as_table()), spec);
    } else {
      // push_back of a node&& moves it, and with it the file and line it was written at.
      base.push_back(std::move(element));
    }
  }
}

/// Moves every key of `change` into `base`. Nodes are moved, never copied: a copied toml++ node
/// loses its source position, and with it the line a diagnostic would point at.
void merge_table(toml::table& base, toml::table&& change, const TableSpec* spec) {
  // A changed discriminator first drops the keys that only its other values use.
  if (spec) {
    for (auto&& [key, value] : change) {
      const std::string name(key.str());
      if (!spec->is_discriminator(name)) continue;
      const auto text = value.value<std::string>();
      if (text && text != discriminator_value(*spec, base, name))
        drop_other_variant_keys(base, *spec, name, *text);
    }
  }
  for (auto&& [key, value] : change) {
    const KeySpec* k = spec ? resolve(*spec, base, key.str()) : nullptr;
    const TableSpec* sub = k ? k->table_spec() : nullptr;
    toml::node* existing = base.get(key.str());
    // An inline table is a value (a distribution), replaced whole like a number.
    if (existing && existing->is_table() && value.is_table() && !value.as_table()->is_inline() &&
        !existing->as_table()->is_inline()) {
      merge_table(*existing->as_table(), std::move(*value.as_table()), sub);
    } else if (existing && existing->is_array() && value.is_array() &&
               existing->as_array()->is_array_of_tables() && value.as_array()->is_array_of_tables()) {
      merge_elements(*existing->as_array(), std::move(*value.as_array()), sub);
    } else {
      base.insert_or_assign(key, std::move(value));
    }
  }
}

Diagnostic at_key(const ScenarioDocument& doc, const toml::node& node, const char* key, std::string message) {
  return Diagnostic{position_of(node, key, doc.file, nullptr), key, std::move(message)};
}

Diagnostic at_extends(const ScenarioDocument& doc, std::string message) {
  return at_key(doc, *doc.root.get(extends_key), extends_key, std::move(message));
}

/// Removes one key or array element, named by a dotted path as an override names it
/// ("instruments.campaign", "landscape", "mission.budget"); false when the base has no such thing.
bool remove_path(toml::table& root, std::string_view path) {
  toml::table* t = &root;
  while (true) {
    const auto dot = path.find('.');
    const std::string segment(path.substr(0, dot));
    if (dot == std::string_view::npos) return t->erase(segment) > 0;
    path.remove_prefix(dot + 1);
    toml::node* next = t->get(segment);
    if (!next) return false;
    if (toml::array* elements = next->as_array(); elements && elements->is_array_of_tables()) {
      const auto name_end = path.find('.');
      const std::string name(path.substr(0, name_end));
      const auto it = std::find_if(elements->begin(), elements->end(),
                                   [&](const toml::node& e) { return element_name(e) == name; });
      if (it == elements->end()) return false;
      if (name_end == std::string_view::npos) {
        elements->erase(it);
        return true;
      }
      path.remove_prefix(name_end + 1);
      next = &*it;
    }
    t = next->as_table();
    if (!t) return false;
  }
}

/// `remove = ["PATH", ...]`: what the extending file takes out of its base before changing it.
void apply_removals(ScenarioDocument& merged, const ScenarioDocument& doc) {
  const toml::node* remove = doc.root.get(remove_key);
  if (!remove) return;
  const auto expected =
      "expected an array of key paths to take out of the base scenario, such as "
      "[\"instruments.campaign\"]";
  const toml::array* paths = remove->as_array();
  if (!paths) throw ScenarioError(at_key(doc, *remove, remove_key, expected));
  std::vector<Diagnostic> problems;
  for (const toml::node& p : *paths) {
    const auto path = p.value<std::string>();
    if (!p.is_string() || !path || path->empty()) {
      problems.push_back(at_key(doc, p, remove_key, expected));
    } else if (!remove_path(merged.root, *path)) {
      problems.push_back(
          at_key(doc, p, remove_key, "the base scenario has nothing at '" + *path + "' to remove"));
    }
  }
  if (!problems.empty()) throw ScenarioError(std::move(problems));
}

std::filesystem::path identity(const std::filesystem::path& file) {
  std::error_code ec;
  auto canonical = std::filesystem::weakly_canonical(file, ec);
  return ec ? file.lexically_normal() : canonical;
}

ScenarioDocument load_chain(const std::filesystem::path& file, const TableSpec& schema,
                            std::vector<std::filesystem::path>& chain) {
  ScenarioDocument doc = load_document(file);
  const toml::node* extends = doc.root.get(extends_key);
  if (!extends) {
    if (const toml::node* remove = doc.root.get(remove_key))
      throw ScenarioError(
          at_key(doc, *remove, remove_key,
                 "takes keys out of a base scenario, but this file extends none (add extends = \"BASE\")"));
    return doc;
  }
  const auto base_name = extends->value<std::string>();
  if (!extends->is_string() || !base_name || base_name->empty()) {
    throw ScenarioError(at_extends(
        doc, "expected a string: the path of the scenario this file builds on, relative to its folder"));
  }
  const std::filesystem::path base_file = (file.parent_path() / *base_name).lexically_normal();
  std::error_code ec;
  if (!std::filesystem::is_regular_file(base_file, ec)) {
    throw ScenarioError(at_extends(
        doc,
        "cannot read the base scenario " + base_file.string() + ": " +
            (std::filesystem::exists(base_file, ec)
                 ? "it is " + not_a_regular_file(base_file).value_or("of an unknown kind") + ", not a file"
                 : std::string("no such file"))));
  }
  chain.push_back(identity(file));
  if (std::find(chain.begin(), chain.end(), identity(base_file)) != chain.end()) {
    std::string cycle;
    for (const auto& f : chain) cycle += f.filename().string() + " -> ";
    throw ScenarioError(
        at_extends(doc, "scenarios extend each other in a cycle: " + cycle + base_file.filename().string()));
  }
  ScenarioDocument merged = load_chain(base_file, schema, chain);
  chain.pop_back();

  apply_removals(merged, doc);
  doc.root.erase(extends_key);
  doc.root.erase(remove_key);
  merge_table(merged.root, std::move(doc.root), &schema);
  merged.file = doc.file;
  merged.files.push_back(doc.file);
  return merged;
}

}  // namespace

ScenarioDocument load_document(const std::filesystem::path& file, const TableSpec& schema) {
  std::vector<std::filesystem::path> chain;
  return load_chain(file, schema, chain);
}

}  // namespace missionsim
