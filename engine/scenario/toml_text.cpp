// Writing a document back as TOML. toml++ has a writer, but it prints every float with 17
// significant digits (0.1 becomes 0.10000000000000001), which makes the stored scenario hard to
// read; this writer uses the shortest text that reads back to the same double.
#include <algorithm>
#include <cstdint>
#include <limits>
#include <sstream>
#include <tuple>
#include <utility>
#include <vector>

#include "engine/scenario/detail/text.hpp"
#include "engine/scenario/document.hpp"

namespace missionsim {
namespace {

using scenario_detail::file_rank;

bool is_bare_key(std::string_view k) {
  if (k.empty()) return false;
  for (char c : k) {
    const bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

std::string quoted(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
          static constexpr char hex[] = "0123456789ABCDEF";
          out += "\\u00";
          out += hex[(static_cast<unsigned char>(c) >> 4) & 0xF];
          out += hex[static_cast<unsigned char>(c) & 0xF];
        } else {
          out += c;
        }
    }
  }
  return out + '"';
}

std::string key_text(std::string_view k) {
  return is_bare_key(k) ? std::string(k) : quoted(k);
}

std::string float_text(double x) {
  std::string s = scenario_detail::format_number(x);
  // TOML needs a '.' or an exponent to read a float back as a float.
  if (s.find_first_of(".eEn") == std::string::npos) s += ".0";
  return s;
}

std::string inline_value(const toml::node& node);

std::string inline_table(const toml::table& t) {
  std::string out = "{ ";
  bool first = true;
  for (const auto& [k, v] : t) {
    if (!first) out += ", ";
    first = false;
    out += key_text(k.str()) + " = " + inline_value(v);
  }
  return out + (first ? "}" : " }");
}

std::string inline_value(const toml::node& node) {
  std::ostringstream os;
  switch (node.type()) {
    case toml::node_type::string:
      return quoted(*node.value<std::string_view>());
    case toml::node_type::integer:
      return std::to_string(*node.value<std::int64_t>());
    case toml::node_type::floating_point:
      return float_text(*node.value<double>());
    case toml::node_type::boolean:
      return *node.value<bool>() ? "true" : "false";
    case toml::node_type::date:
      os << *node.value<toml::date>();
      return os.str();
    case toml::node_type::time:
      os << *node.value<toml::time>();
      return os.str();
    case toml::node_type::date_time:
      os << *node.value<toml::date_time>();
      return os.str();
    case toml::node_type::table:
      return inline_table(*node.as_table());
    case toml::node_type::array: {
      std::string out = "[";
      bool first = true;
      for (const auto& e : *node.as_array()) {
        if (!first) out += ", ";
        first = false;
        out += inline_value(e);
      }
      return out + "]";
    }
    case toml::node_type::none:
      break;
  }
  return "\"\"";
}

bool is_section(const toml::node& node) {
  // An inline table (a distribution) stays a value on its key's line.
  return (node.is_table() && !node.as_table()->is_inline()) ||
         (node.is_array() && !node.as_array()->empty() && node.as_array()->is_array_of_tables());
}

/// The table's entries in the order they had in their files (a base scenario's before the
/// extending file's); entries without a position (defaults, overrides) follow in key order.
/// toml++ itself keeps tables sorted by key.
std::vector<std::pair<std::string_view, const toml::node*>> in_file_order(
    const toml::table& t, const std::vector<std::string>& files) {
  std::vector<std::pair<std::string_view, const toml::node*>> out;
  for (const auto& [k, v] : t) out.emplace_back(k.str(), &v);
  const auto rank = [&](const toml::node* n) {
    const auto& source = n->source();
    if (source.begin.line == 0) return std::tuple(files.size() + 1, 0u, 0u);
    return std::tuple(source.path ? file_rank(files, *source.path) : files.size(),
                      static_cast<std::uint32_t>(source.begin.line),
                      static_cast<std::uint32_t>(source.begin.column));
  };
  std::stable_sort(out.begin(), out.end(),
                   [&](const auto& a, const auto& b) { return rank(a.second) < rank(b.second); });
  return out;
}

void write_table(std::string& out, const toml::table& t, const std::string& header_path,
                 const std::vector<std::string>& files) {
  const auto entries = in_file_order(t, files);
  // Plain values first: after a [header] every key belongs to that section.
  for (const auto& [k, v] : entries) {
    if (!is_section(*v)) out += key_text(k) + " = " + inline_value(*v) + '\n';
  }
  for (const auto& [k, v] : entries) {
    if (!is_section(*v)) continue;
    const std::string path = header_path.empty() ? key_text(k) : header_path + '.' + key_text(k);
    if (v->is_table()) {
      out += "\n[" + path + "]\n";
      write_table(out, *v->as_table(), path, files);
    } else {
      for (const auto& element : *v->as_array()) {
        out += "\n[[" + path + "]]\n";
        write_table(out, *element.as_table(), path, files);
      }
    }
  }
}

}  // namespace

std::string to_toml_text(const ScenarioDocument& doc) {
  std::string out;
  write_table(out, doc.root, "", doc.files);
  return out;
}

}  // namespace missionsim
