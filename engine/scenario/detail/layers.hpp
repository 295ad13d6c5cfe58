// Internal to engine/scenario: which parts of a TableSpec apply to a given TOML table, given the
// values of its discriminator keys (variants declared with TableSpec::when).
#pragma once

#include <string>
#include <vector>

#include <toml++/toml.h>

#include "engine/scenario/schema.hpp"

namespace missionsim::scenario_detail {

struct Layers {
  /// The table's own keys first, then the keys of every active variant.
  std::vector<const TableSpec*> active;
  /// Variants whose discriminator has another value (or none).
  std::vector<const VariantSpec*> inactive;
  /// Variants whose discriminator has a wrong type or a value outside its choices: their keys
  /// are neither checked nor reported, since the discriminator's own error says enough.
  std::vector<const VariantSpec*> undetermined;

  /// The key as declared in an active layer, or nullptr.
  [[nodiscard]] const KeySpec* find_active(std::string_view name) const;
  /// Every inactive variant that declares `name`.
  [[nodiscard]] std::vector<const VariantSpec*> inactive_with(std::string_view name) const;
  [[nodiscard]] bool undetermined_has(std::string_view name) const;
};

/// The layers of `spec` for table `t`; a discriminator absent from `t` takes its default.
Layers layers_for(const TableSpec& spec, const toml::table& t);

/// The discriminator's value in `t` (or its default) as text, or nullopt when unset.
std::optional<std::string> discriminator_value(const TableSpec& spec, const toml::table& t,
                                               const std::string& discriminator);

/// The key `name` in `spec` for table `t`: the active declaration if there is one, else one from
/// any variant (so a variant key can be set before or after its discriminator).
const KeySpec* resolve(const TableSpec& spec, const toml::table& t, std::string_view name);

/// After a discriminator changed to `value`: drops the keys only its other variants declare, which
/// would otherwise make the document invalid with no way to remove them (from the command line,
/// or from a base scenario).
void drop_other_variant_keys(toml::table& t, const TableSpec& spec, const std::string& discriminator,
                             const std::string& value);

/// Every key name declared in `spec` and in all of its variants, for did-you-mean.
std::vector<std::string> all_key_names(const TableSpec& spec);

}  // namespace missionsim::scenario_detail
