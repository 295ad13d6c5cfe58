// The description of every key a scenario may contain: its type, unit, bounds, default, and the
// variant it belongs to. The models layer declares the concrete schema; this module checks files
// against it, fills defaults and documents it.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "engine/core/calendar.hpp"

namespace missionsim {

enum class ValueKind { integer, real, boolean, string, date, choice, table, table_array };

/// "integer", "real", ..., "array of tables": the words used in messages and the reference.
std::string_view kind_name(ValueKind kind);

using DefaultValue = std::variant<std::int64_t, double, bool, std::string, Date>;

class TableSpec;

/// One allowed key. Setters are fluent; a setter that contradicts the kind (a range on a string,
/// a default of the wrong type or out of range) is a schema bug and throws InternalError.
class KeySpec {
 public:
  KeySpec(std::string name, ValueKind kind, std::string description);
  KeySpec(const KeySpec& other);
  KeySpec& operator=(const KeySpec& other);
  KeySpec(KeySpec&&) noexcept;
  KeySpec& operator=(KeySpec&&) noexcept;
  ~KeySpec();

  KeySpec& unit(std::string u);
  KeySpec& range(double lo, double hi);  ///< inclusive at both ends
  KeySpec& min(double lo);               ///< inclusive
  KeySpec& max(double hi);               ///< inclusive
  KeySpec& greater_than(double lo);      ///< exclusive lower bound
  KeySpec& default_value(DefaultValue v);
  /// A default that applies only while `other` is absent: a sibling key of the same table
  /// ("survival_table"), or a dotted path from the root ("population.life_table"). For a value
  /// that the other key gives instead, where giving both is an error the model reports.
  KeySpec& default_unless(DefaultValue v, std::string other);
  KeySpec& required();
  /// For a table: fill_defaults() leaves it absent when the file leaves it out, because its
  /// presence means something (an optional feature). Other tables without required keys are
  /// created so that readers find their defaults.
  KeySpec& keep_absent();

  [[nodiscard]] const std::string& name() const noexcept { return name_; }
  [[nodiscard]] ValueKind kind() const noexcept { return kind_; }
  [[nodiscard]] const std::string& description() const noexcept { return description_; }
  [[nodiscard]] const std::string& unit_label() const noexcept { return unit_; }
  [[nodiscard]] std::optional<double> lower_bound() const noexcept { return lower_; }
  [[nodiscard]] bool lower_bound_exclusive() const noexcept { return lower_exclusive_; }
  [[nodiscard]] std::optional<double> upper_bound() const noexcept { return upper_; }
  [[nodiscard]] const std::optional<DefaultValue>& default_value() const noexcept { return default_; }
  /// The key whose presence turns the default off (default_unless), or empty.
  [[nodiscard]] const std::string& default_unless() const noexcept { return default_unless_; }
  [[nodiscard]] bool is_required() const noexcept { return required_; }
  [[nodiscard]] bool keeps_absent() const noexcept { return keep_absent_; }
  [[nodiscard]] const std::vector<std::string>& choices() const noexcept { return choices_; }
  /// The keys of a table or of each element of a table_array; nullptr for scalar kinds.
  [[nodiscard]] const TableSpec* table_spec() const noexcept { return table_.get(); }
  /// True when `value` satisfies the bounds (always true without bounds).
  [[nodiscard]] bool in_range(double value) const noexcept;
  /// "in [0, 1]", "≥ 0", "> 0 and ≤ 10", or empty without bounds.
  [[nodiscard]] std::string range_text() const;

 private:
  friend class TableSpec;
  void check_numeric(std::string_view what) const;
  void check_default() const;

  std::string name_;
  ValueKind kind_;
  std::string description_;
  std::string unit_;
  std::optional<double> lower_;
  std::optional<double> upper_;
  bool lower_exclusive_ = false;
  std::optional<DefaultValue> default_;
  std::string default_unless_;
  bool required_ = false;
  bool keep_absent_ = false;
  std::vector<std::string> choices_;
  std::unique_ptr<TableSpec> table_;
};

/// Keys allowed only when a choice key of the same table has a given value.
struct VariantSpec {
  std::string discriminator;
  std::string value;
  std::unique_ptr<TableSpec> keys;

  VariantSpec(std::string d, std::string v);
  VariantSpec(const VariantSpec& other);
  VariantSpec& operator=(const VariantSpec& other);
  VariantSpec(VariantSpec&&) noexcept;
  VariantSpec& operator=(VariantSpec&&) noexcept;
  ~VariantSpec();
};

/// The keys of one TOML table, in declaration order (the reference lists them that way).
/// References returned by the declaring functions stay valid while the TableSpec lives,
/// including across moves of it.
class TableSpec {
 public:
  explicit TableSpec(std::string description = {});

  KeySpec& integer(std::string name, std::string description);
  /// Accepts TOML integers too.
  KeySpec& real(std::string name, std::string description);
  KeySpec& boolean(std::string name, std::string description);
  KeySpec& string(std::string name, std::string description);
  /// A TOML local date such as 2025-01-01 (unquoted).
  KeySpec& date(std::string name, std::string description);
  /// A string from a fixed set.
  KeySpec& choice(std::string name, std::vector<std::string> choices, std::string description);
  /// A sub-table [name].
  TableSpec& table(std::string name, std::string description);
  /// An array of tables [[name]]. Every element has a required string key "name", unique in the
  /// array, by which overrides and messages address it.
  TableSpec& table_array(std::string name, std::string description);
  /// Keys declared on the returned spec are allowed (and their defaults filled) only when the
  /// choice key `discriminator` of this table, already declared, has value `value`. Calling it
  /// again with the same pair returns the same spec.
  TableSpec& when(const std::string& discriminator, const std::string& value);
  /// The KeySpec of a table or table_array declared here, to set required()/keep_absent() on it.
  KeySpec& key(std::string_view name);

  [[nodiscard]] const std::string& description() const noexcept { return description_; }
  [[nodiscard]] const std::deque<KeySpec>& keys() const noexcept { return keys_; }
  [[nodiscard]] const std::deque<VariantSpec>& variants() const noexcept { return variants_; }
  /// A key declared directly on this table (not in a variant), or nullptr.
  [[nodiscard]] const KeySpec* find(std::string_view name) const noexcept;
  /// True when a variant of this table depends on the key `name`.
  [[nodiscard]] bool is_discriminator(std::string_view name) const noexcept;

 private:
  KeySpec& add(std::string name, ValueKind kind, std::string description);

  std::string description_;
  std::deque<KeySpec> keys_;
  std::deque<VariantSpec> variants_;
};

}  // namespace missionsim
