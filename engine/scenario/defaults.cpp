// Filling in defaults, so that the models read every value without checking for absence.
#include "engine/scenario/detail/layers.hpp"
#include "engine/scenario/document.hpp"

namespace missionsim {
namespace {

void insert_default(toml::table& t, const KeySpec& k) {
  std::visit(
      [&](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, Date>) {
          t.insert(k.name(), toml::date{static_cast<std::uint16_t>(static_cast<int>(v.year())),
                                        static_cast<std::uint8_t>(static_cast<unsigned>(v.month())),
                                        static_cast<std::uint8_t>(static_cast<unsigned>(v.day()))});
        } else {
          t.insert(k.name(), v);
        }
      },
      *k.default_value());
}

bool has_required_keys(const TableSpec& spec) {
  for (const KeySpec& k : spec.keys()) {
    if (k.is_required()) return true;
  }
  return false;
}

void fill_table(const toml::table& root, toml::table& t, const TableSpec& spec);

// A conditional default's other key: a sibling of `t`, or a dotted path from the root.
bool present(const toml::table& root, const toml::table& t, const std::string& other) {
  if (other.find('.') == std::string::npos) return t.contains(other);
  return static_cast<bool>(root.at_path(other));
}

void fill_layer(const toml::table& root, toml::table& t, const TableSpec& layer) {
  for (const KeySpec& k : layer.keys()) {
    toml::node* node = t.get(k.name());
    if (!node) {
      if (k.default_value()) {
        if (!k.default_unless().empty() && present(root, t, k.default_unless())) continue;
        insert_default(t, k);
      } else if (k.kind() == ValueKind::table && !k.keeps_absent() && !has_required_keys(*k.table_spec())) {
        fill_table(root, *t.insert(k.name(), toml::table{}).first->second.as_table(), *k.table_spec());
      }
    } else if (k.kind() == ValueKind::table && node->is_table()) {
      fill_table(root, *node->as_table(), *k.table_spec());
    } else if (k.kind() == ValueKind::table_array && node->is_array()) {
      for (auto& element : *node->as_array()) {
        if (toml::table* e = element.as_table()) fill_table(root, *e, *k.table_spec());
      }
    }
  }
}

void fill_table(const toml::table& root, toml::table& t, const TableSpec& spec) {
  // The table's own keys first: a discriminator's default decides which variant is active.
  fill_layer(root, t, spec);
  const auto layers = scenario_detail::layers_for(spec, t);
  for (std::size_t i = 1; i < layers.active.size(); ++i) fill_layer(root, t, *layers.active[i]);
}

}  // namespace

void fill_defaults(ScenarioDocument& doc, const TableSpec& schema) {
  fill_table(doc.root, doc.root, schema);
}

}  // namespace missionsim
