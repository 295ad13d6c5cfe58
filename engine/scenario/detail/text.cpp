#include "engine/scenario/detail/text.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <sstream>

namespace missionsim::scenario_detail {

namespace {
std::string format_date_value(const Date& d) {
  return format_date(d);
}
}  // namespace

std::string format_value(const DefaultValue& v) {
  return std::visit(
      [](const auto& x) -> std::string {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, std::int64_t>) {
          return std::to_string(x);
        } else if constexpr (std::is_same_v<T, double>) {
          // As TOML writes a real, so that a documented default of 4.0 reads as a real.
          std::string s = format_number(x);
          if (s.find_first_of(".eEn") == std::string::npos) s += ".0";
          return s;
        } else if constexpr (std::is_same_v<T, bool>) {
          return x ? "true" : "false";
        } else if constexpr (std::is_same_v<T, std::string>) {
          return '"' + x + '"';
        } else {
          return format_date_value(x);
        }
      },
      v);
}

std::string quoted_list(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) {
    if (!out.empty()) out += ", ";
    out += '"' + s + '"';
  }
  return out;
}

std::string expected_text(const KeySpec& key) {
  std::string out;
  switch (key.kind()) {
    case ValueKind::integer:
      out = "an integer";
      break;
    case ValueKind::real:
      out = "a number";
      break;
    case ValueKind::boolean:
      return "true or false";
    case ValueKind::string:
      return "a string";
    case ValueKind::date:
      return "a date YYYY-MM-DD (unquoted)";
    case ValueKind::choice:
      return "one of " + quoted_list(key.choices());
    case ValueKind::table:
      return "a table";
    case ValueKind::table_array:
      return "an array of tables ([[" + key.name() + "]])";
  }
  const std::string range = key.range_text();
  if (!range.empty()) out += ' ' + range;
  if (!key.unit_label().empty()) out += " (" + key.unit_label() + ")";
  return out;
}

std::string describe_found(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::string:
      return "a string \"" + std::string(*node.value<std::string_view>()) + "\"";
    case toml::node_type::integer:
      return "an integer " + std::to_string(*node.value<std::int64_t>());
    case toml::node_type::floating_point:
      return "a floating-point number " + format_number(*node.value<double>());
    case toml::node_type::boolean:
      return *node.value<bool>() ? "a boolean true" : "a boolean false";
    case toml::node_type::date: {
      std::ostringstream os;
      os << *node.value<toml::date>();
      return "a date " + os.str();
    }
    case toml::node_type::time:
      return "a time of day";
    case toml::node_type::date_time:
      return "a date-time";
    case toml::node_type::table:
      return "a table";
    case toml::node_type::array:
      return "an array";
    case toml::node_type::none:
      break;
  }
  return "nothing";
}

std::string join_path(std::string_view parent, std::string_view key) {
  if (parent.empty()) return std::string(key);
  std::string out(parent);
  out += '.';
  out += key;
  return out;
}

std::optional<std::string> element_name(const toml::node& element) {
  const toml::table* t = element.as_table();
  if (!t) return std::nullopt;
  auto name = (*t)["name"].value<std::string>();
  if (!name || name->empty()) return std::nullopt;
  return name;
}

std::string element_path(std::string_view array_path, const toml::node& element, std::size_t index) {
  if (auto name = element_name(element)) return join_path(array_path, *name);
  return std::string(array_path) + '[' + std::to_string(index) + ']';
}

SourcePosition position_of(const toml::node& node, const std::string& path, const std::string& file,
                           const std::set<std::string>* overridden) {
  if (overridden && overridden->count(path)) return {"--set", 0, 0};
  const auto& source = node.source();
  // A node from a base scenario names the base; a node made in memory (a default) has no path.
  return {source.path ? *source.path : file, static_cast<int>(source.begin.line),
          static_cast<int>(source.begin.column)};
}

std::size_t file_rank(const std::vector<std::string>& files, std::string_view file) {
  const auto it = std::find(files.begin(), files.end(), file);
  return static_cast<std::size_t>(it - files.begin());
}

}  // namespace missionsim::scenario_detail
