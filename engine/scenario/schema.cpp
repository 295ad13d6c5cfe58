#include "engine/scenario/schema.hpp"

#include <algorithm>
#include <cmath>

#include "engine/core/error.hpp"
#include "engine/scenario/detail/text.hpp"

namespace missionsim {

std::string_view kind_name(ValueKind kind) {
  switch (kind) {
    case ValueKind::integer:
      return "integer";
    case ValueKind::real:
      return "real";
    case ValueKind::boolean:
      return "boolean";
    case ValueKind::string:
      return "string";
    case ValueKind::date:
      return "date";
    case ValueKind::choice:
      return "choice";
    case ValueKind::table:
      return "table";
    case ValueKind::table_array:
      return "array of tables";
  }
  return "?";
}

// ---- KeySpec -------------------------------------------------------------------------------

KeySpec::KeySpec(std::string name, ValueKind kind, std::string description)
    : name_(std::move(name)), kind_(kind), description_(std::move(description)) {
  if (kind_ == ValueKind::table || kind_ == ValueKind::table_array) {
    table_ = std::make_unique<TableSpec>(description_);
  }
}

KeySpec::KeySpec(const KeySpec& other)
    : name_(other.name_),
      kind_(other.kind_),
      description_(other.description_),
      unit_(other.unit_),
      lower_(other.lower_),
      upper_(other.upper_),
      lower_exclusive_(other.lower_exclusive_),
      default_(other.default_),
      default_unless_(other.default_unless_),
      required_(other.required_),
      keep_absent_(other.keep_absent_),
      choices_(other.choices_),
      table_(other.table_ ? std::make_unique<TableSpec>(*other.table_) : nullptr) {}

KeySpec& KeySpec::operator=(const KeySpec& other) {
  if (this != &other) *this = KeySpec(other);
  return *this;
}

KeySpec::KeySpec(KeySpec&&) noexcept = default;
KeySpec& KeySpec::operator=(KeySpec&&) noexcept = default;
KeySpec::~KeySpec() = default;

void KeySpec::check_numeric(std::string_view what) const {
  if (kind_ != ValueKind::integer && kind_ != ValueKind::real) {
    throw InternalError("schema: " + std::string(what) + " on non-numeric key '" + name_ + "'");
  }
}

void KeySpec::check_default() const {
  if (!default_) return;
  const auto fail = [&](std::string_view why) {
    throw InternalError("schema: default of '" + name_ + "' " + std::string(why));
  };
  if (required_) fail("contradicts required()");
  const DefaultValue& v = *default_;
  switch (kind_) {
    case ValueKind::integer:
      if (!std::holds_alternative<std::int64_t>(v)) fail("is not an integer");
      if (!in_range(static_cast<double>(std::get<std::int64_t>(v)))) fail("is out of range");
      break;
    case ValueKind::real:
      if (!std::holds_alternative<double>(v)) fail("is not a number");
      if (!in_range(std::get<double>(v))) fail("is out of range");
      break;
    case ValueKind::boolean:
      if (!std::holds_alternative<bool>(v)) fail("is not a boolean");
      break;
    case ValueKind::string:
      if (!std::holds_alternative<std::string>(v)) fail("is not a string");
      break;
    case ValueKind::date:
      if (!std::holds_alternative<Date>(v)) fail("is not a date");
      break;
    case ValueKind::choice:
      if (!std::holds_alternative<std::string>(v) ||
          std::find(choices_.begin(), choices_.end(), std::get<std::string>(v)) == choices_.end()) {
        fail("is not one of its choices");
      }
      break;
    case ValueKind::table:
    case ValueKind::table_array:
      fail("is not allowed on a table");
  }
}

KeySpec& KeySpec::unit(std::string u) {
  unit_ = std::move(u);
  return *this;
}

KeySpec& KeySpec::range(double lo, double hi) {
  check_numeric("range()");
  if (!(lo <= hi)) throw InternalError("schema: empty range on '" + name_ + "'");
  lower_ = lo;
  lower_exclusive_ = false;
  upper_ = hi;
  check_default();
  return *this;
}

KeySpec& KeySpec::min(double lo) {
  check_numeric("min()");
  lower_ = lo;
  lower_exclusive_ = false;
  check_default();
  return *this;
}

KeySpec& KeySpec::max(double hi) {
  check_numeric("max()");
  upper_ = hi;
  check_default();
  return *this;
}

KeySpec& KeySpec::greater_than(double lo) {
  check_numeric("greater_than()");
  lower_ = lo;
  lower_exclusive_ = true;
  check_default();
  return *this;
}

KeySpec& KeySpec::default_unless(DefaultValue v, std::string other) {
  default_value(std::move(v));
  default_unless_ = std::move(other);
  return *this;
}

KeySpec& KeySpec::default_value(DefaultValue v) {
  // A real key given an integer literal as default (default_value(1)) means 1.0.
  if (kind_ == ValueKind::real && std::holds_alternative<std::int64_t>(v)) {
    v = static_cast<double>(std::get<std::int64_t>(v));
  }
  default_ = std::move(v);
  check_default();
  return *this;
}

KeySpec& KeySpec::required() {
  required_ = true;
  check_default();
  return *this;
}

KeySpec& KeySpec::keep_absent() {
  if (kind_ != ValueKind::table) throw InternalError("schema: keep_absent() on non-table '" + name_ + "'");
  keep_absent_ = true;
  return *this;
}

bool KeySpec::in_range(double value) const noexcept {
  if (lower_ && (lower_exclusive_ ? !(value > *lower_) : !(value >= *lower_))) return false;
  if (upper_ && !(value <= *upper_)) return false;
  return true;
}

std::string KeySpec::range_text() const {
  using scenario_detail::format_number;
  if (lower_ && upper_) {
    if (lower_exclusive_) return "> " + format_number(*lower_) + " and ≤ " + format_number(*upper_);
    return "in [" + format_number(*lower_) + ", " + format_number(*upper_) + "]";
  }
  if (lower_) return (lower_exclusive_ ? "> " : "≥ ") + format_number(*lower_);
  if (upper_) return "≤ " + format_number(*upper_);
  return {};
}

// ---- VariantSpec ---------------------------------------------------------------------------

VariantSpec::VariantSpec(std::string d, std::string v)
    : discriminator(std::move(d)), value(std::move(v)), keys(std::make_unique<TableSpec>()) {}
VariantSpec::VariantSpec(const VariantSpec& other)
    : discriminator(other.discriminator),
      value(other.value),
      keys(std::make_unique<TableSpec>(*other.keys)) {}
VariantSpec& VariantSpec::operator=(const VariantSpec& other) {
  if (this != &other) *this = VariantSpec(other);
  return *this;
}
VariantSpec::VariantSpec(VariantSpec&&) noexcept = default;
VariantSpec& VariantSpec::operator=(VariantSpec&&) noexcept = default;
VariantSpec::~VariantSpec() = default;

// ---- TableSpec -----------------------------------------------------------------------------

TableSpec::TableSpec(std::string description) : description_(std::move(description)) {}

KeySpec& TableSpec::add(std::string name, ValueKind kind, std::string description) {
  if (find(name)) throw InternalError("schema: key '" + name + "' declared twice");
  return keys_.emplace_back(std::move(name), kind, std::move(description));
}

KeySpec& TableSpec::integer(std::string name, std::string description) {
  return add(std::move(name), ValueKind::integer, std::move(description));
}
KeySpec& TableSpec::real(std::string name, std::string description) {
  return add(std::move(name), ValueKind::real, std::move(description));
}
KeySpec& TableSpec::boolean(std::string name, std::string description) {
  return add(std::move(name), ValueKind::boolean, std::move(description));
}
KeySpec& TableSpec::string(std::string name, std::string description) {
  return add(std::move(name), ValueKind::string, std::move(description));
}
KeySpec& TableSpec::date(std::string name, std::string description) {
  return add(std::move(name), ValueKind::date, std::move(description));
}

KeySpec& TableSpec::choice(std::string name, std::vector<std::string> choices, std::string description) {
  if (choices.empty()) throw InternalError("schema: choice '" + name + "' without choices");
  KeySpec& k = add(std::move(name), ValueKind::choice, std::move(description));
  k.choices_ = std::move(choices);
  return k;
}

TableSpec& TableSpec::table(std::string name, std::string description) {
  return *add(std::move(name), ValueKind::table, std::move(description)).table_;
}

TableSpec& TableSpec::table_array(std::string name, std::string description) {
  TableSpec& element = *add(std::move(name), ValueKind::table_array, std::move(description)).table_;
  element.string("name", "Unique name of this element; messages and --set overrides address it by this name")
      .required();
  return element;
}

TableSpec& TableSpec::when(const std::string& discriminator, const std::string& value) {
  const KeySpec* d = find(discriminator);
  if (!d || d->kind() != ValueKind::choice) {
    throw InternalError("schema: when() needs a choice key '" + discriminator + "' declared first");
  }
  if (std::find(d->choices().begin(), d->choices().end(), value) == d->choices().end()) {
    throw InternalError("schema: when(): '" + value + "' is not a choice of '" + discriminator + "'");
  }
  for (auto& v : variants_) {
    if (v.discriminator == discriminator && v.value == value) return *v.keys;
  }
  return *variants_.emplace_back(discriminator, value).keys;
}

KeySpec& TableSpec::key(std::string_view name) {
  for (auto& k : keys_) {
    if (k.name() == name) return k;
  }
  throw InternalError("schema: no key '" + std::string(name) + "' declared");
}

const KeySpec* TableSpec::find(std::string_view name) const noexcept {
  for (const auto& k : keys_) {
    if (k.name() == name) return &k;
  }
  return nullptr;
}

bool TableSpec::is_discriminator(std::string_view name) const noexcept {
  return std::any_of(variants_.begin(), variants_.end(),
                     [&](const VariantSpec& v) { return v.discriminator == name; });
}

}  // namespace missionsim
