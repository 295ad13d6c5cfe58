#include "engine/scenario/detail/layers.hpp"

#include <algorithm>

namespace missionsim::scenario_detail {

const KeySpec* Layers::find_active(std::string_view name) const {
  for (const TableSpec* layer : active) {
    if (const KeySpec* k = layer->find(name)) return k;
  }
  return nullptr;
}

std::vector<const VariantSpec*> Layers::inactive_with(std::string_view name) const {
  std::vector<const VariantSpec*> out;
  for (const VariantSpec* v : inactive) {
    if (v->keys->find(name)) out.push_back(v);
  }
  return out;
}

bool Layers::undetermined_has(std::string_view name) const {
  return std::any_of(undetermined.begin(), undetermined.end(),
                     [&](const VariantSpec* v) { return v->keys->find(name) != nullptr; });
}

std::optional<std::string> discriminator_value(const TableSpec& spec, const toml::table& t,
                                               const std::string& discriminator) {
  if (const toml::node* n = t.get(discriminator)) {
    if (auto s = n->value<std::string>()) return s;
    return std::nullopt;
  }
  const KeySpec* k = spec.find(discriminator);
  if (k && k->default_value()) return std::get<std::string>(*k->default_value());
  return std::nullopt;
}

namespace {
void collect(const TableSpec& spec, const toml::table& t, Layers& out) {
  out.active.push_back(&spec);
  for (const VariantSpec& v : spec.variants()) {
    const toml::node* given = t.get(v.discriminator);
    const KeySpec* d = spec.find(v.discriminator);
    const auto value = discriminator_value(spec, t, v.discriminator);
    const bool valid = !given || (value && std::find(d->choices().begin(), d->choices().end(), *value) !=
                                               d->choices().end());
    if (!valid) {
      out.undetermined.push_back(&v);
    } else if (value == v.value) {
      collect(*v.keys, t, out);
    } else {
      out.inactive.push_back(&v);
    }
  }
}

void names(const TableSpec& spec, std::vector<std::string>& out) {
  for (const auto& k : spec.keys()) out.push_back(k.name());
  for (const auto& v : spec.variants()) names(*v.keys, out);
}
}  // namespace

Layers layers_for(const TableSpec& spec, const toml::table& t) {
  Layers out;
  collect(spec, t, out);
  return out;
}

std::vector<std::string> all_key_names(const TableSpec& spec) {
  std::vector<std::string> out;
  names(spec, out);
  return out;
}

const KeySpec* resolve(const TableSpec& spec, const toml::table& t, std::string_view name) {
  if (const KeySpec* k = layers_for(spec, t).find_active(name)) return k;
  if (const KeySpec* k = spec.find(name)) return k;
  for (const VariantSpec& v : spec.variants()) {
    if (const KeySpec* k = resolve(*v.keys, t, name)) return k;
  }
  return nullptr;
}

void drop_other_variant_keys(toml::table& t, const TableSpec& spec, const std::string& discriminator,
                             const std::string& value) {
  for (const VariantSpec& v : spec.variants()) {
    if (v.discriminator != discriminator || v.value == value) continue;
    for (const KeySpec& k : v.keys->keys()) {
      const bool kept =
          spec.find(k.name()) != nullptr ||
          std::any_of(spec.variants().begin(), spec.variants().end(), [&](const VariantSpec& w) {
            return w.discriminator == discriminator && w.value == value && w.keys->find(k.name());
          });
      if (!kept) t.erase(k.name());
    }
  }
}

}  // namespace missionsim::scenario_detail
