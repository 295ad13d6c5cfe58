// Command-line overrides: "a.b.c=value", resolved and typed through the schema.
#include <algorithm>
#include <charconv>
#include <cmath>

#include "engine/scenario/detail/layers.hpp"
#include "engine/scenario/detail/text.hpp"
#include "engine/scenario/document.hpp"

namespace missionsim {
namespace {

using namespace scenario_detail;

std::string_view trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t");
  return s.substr(first, last - first + 1);
}

std::string_view unquote(std::string_view s) {
  if (s.size() >= 2 && (s.front() == '"' || s.front() == '\'') && s.back() == s.front()) {
    return s.substr(1, s.size() - 2);
  }
  return s;
}

[[noreturn]] void fail(const std::string& key, const std::string& message) {
  throw ScenarioError(Diagnostic{{"--set", 0, 0}, key, message});
}

std::optional<std::int64_t> parse_integer(std::string_view s) {
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  std::int64_t x = 0;
  const auto r = std::from_chars(s.data(), s.data() + s.size(), x);
  if (s.empty() || r.ec != std::errc{} || r.ptr != s.data() + s.size()) return std::nullopt;
  return x;
}

std::optional<double> parse_real(std::string_view s) {
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  double x = 0;
  const auto r = std::from_chars(s.data(), s.data() + s.size(), x);
  if (s.empty() || r.ec != std::errc{} || r.ptr != s.data() + s.size() || !std::isfinite(x))
    return std::nullopt;
  return x;
}

std::optional<toml::date> parse_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  const auto y = parse_integer(s.substr(0, 4));
  const auto m = parse_integer(s.substr(5, 2));
  const auto d = parse_integer(s.substr(8, 2));
  if (!y || !m || !d || *y < 0 || *m < 1 || *d < 1) return std::nullopt;
  const Date date{std::chrono::year(static_cast<int>(*y)), std::chrono::month(static_cast<unsigned>(*m)),
                  std::chrono::day(static_cast<unsigned>(*d))};
  if (!date.ok()) return std::nullopt;
  return toml::date{static_cast<std::uint16_t>(*y), static_cast<std::uint8_t>(*m),
                    static_cast<std::uint8_t>(*d)};
}

/// The value typed as the key declares, or a ScenarioError saying what was expected.
void assign(toml::table& t, const KeySpec& k, const std::string& path, std::string_view text) {
  switch (k.kind()) {
    case ValueKind::integer:
      if (auto x = parse_integer(text)) return void(t.insert_or_assign(k.name(), *x));
      break;
    case ValueKind::real:
      // An integer stays an integer, like in a file; readers accept both for reals.
      if (auto i = parse_integer(text)) return void(t.insert_or_assign(k.name(), *i));
      if (auto x = parse_real(text)) return void(t.insert_or_assign(k.name(), *x));
      break;
    case ValueKind::boolean:
      if (text == "true" || text == "false") return void(t.insert_or_assign(k.name(), text == "true"));
      break;
    case ValueKind::date:
      if (auto d = parse_date(unquote(text))) return void(t.insert_or_assign(k.name(), *d));
      break;
    case ValueKind::string:
      return void(t.insert_or_assign(k.name(), std::string(unquote(text))));
    case ValueKind::choice: {
      const std::string s(unquote(text));
      if (std::find(k.choices().begin(), k.choices().end(), s) == k.choices().end()) {
        std::string message = "expected one of " + quoted_list(k.choices()) + ", found \"" + s + "\"";
        if (auto guess = did_you_mean(s, k.choices())) message += "; did you mean \"" + *guess + "\"?";
        fail(path, message);
      }
      return void(t.insert_or_assign(k.name(), s));
    }
    case ValueKind::table:
    case ValueKind::table_array:
      fail(path, "a " + std::string(kind_name(k.kind())) + " cannot be given a value directly");
  }
  fail(path, "expected " + expected_text(k) + ", found '" + std::string(text) + "'");
}

std::vector<std::string> split_path(std::string_view key) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    const auto dot = key.find('.', start);
    out.emplace_back(trim(key.substr(start, dot == std::string_view::npos ? dot : dot - start)));
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return out;
}

}  // namespace

void apply_override(ScenarioDocument& doc, const TableSpec& schema, std::string_view assignment) {
  const auto eq = assignment.find('=');
  const std::string key(trim(assignment.substr(0, eq)));
  if (eq == std::string_view::npos || key.empty()) {
    fail(key, "expected KEY.PATH=VALUE, found '" + std::string(assignment) + "'");
  }
  const std::string_view text = trim(assignment.substr(eq + 1));
  const auto segments = split_path(key);
  if (std::any_of(segments.begin(), segments.end(), [](const std::string& s) { return s.empty(); })) {
    fail(key, "malformed key path '" + key + "' (empty segment)");
  }

  toml::table* t = &doc.root;
  const TableSpec* spec = &schema;
  std::string path;
  std::vector<std::string> created;  // tables made here, all marked as overridden below
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const std::string& segment = segments[i];
    const bool last = i + 1 == segments.size();
    const KeySpec* k = resolve(*spec, *t, segment);
    const std::string where = path.empty() ? "at the top level" : "in " + path;
    path = join_path(path, segment);
    if (!k) {
      std::string message = "unknown key '" + segment + "' " + where;
      if (auto guess = did_you_mean(segment, all_key_names(*spec)))
        message += "; did you mean '" + *guess + "'?";
      fail(key, message);
    }
    if (k->kind() == ValueKind::table) {
      if (last) fail(key, "'" + path + "' is a table; give a key inside it, e.g. " + path + ".KEY=VALUE");
      toml::table* sub = t->get_as<toml::table>(segment);
      if (!sub) {
        sub = t->insert_or_assign(segment, toml::table{}).first->second.as_table();
        created.push_back(path);
      }
      t = sub;
      spec = k->table_spec();
      continue;
    }
    if (k->kind() == ValueKind::table_array) {
      if (last) {
        fail(key, "'" + path + "' is an array of tables; name an element and a key, e.g. " + path +
                      ".NAME.KEY=VALUE");
      }
      const std::string& name = segments[++i];
      std::vector<std::string> names;
      toml::table* element = nullptr;
      if (toml::array* array = t->get_as<toml::array>(segment)) {
        for (auto& node : *array) {
          const auto element_name_text = element_name(node);
          if (!element_name_text) continue;
          names.push_back(*element_name_text);
          if (*element_name_text == name) element = node.as_table();
        }
      }
      if (!element) {
        std::string message = "no element named '" + name + "' in " + path;
        message += names.empty() ? " (it has no named elements)" : "; the elements are " + quoted_list(names);
        if (auto guess = did_you_mean(name, names)) message += "; did you mean '" + *guess + "'?";
        fail(key, message);
      }
      path = join_path(path, name);
      if (i + 1 == segments.size()) {
        fail(key, "'" + path + "' is an element; give a key inside it, e.g. " + path + ".KEY=VALUE");
      }
      t = element;
      spec = k->table_spec();
      continue;
    }
    if (!last) {
      fail(key, "'" + path + "' is a value of type " + std::string(kind_name(k->kind())) +
                    ", not a table; nothing can follow it");
    }
    assign(*t, *k, key, text);
    if (k->kind() == ValueKind::choice && spec->is_discriminator(k->name())) {
      drop_other_variant_keys(*t, *spec, k->name(), *t->get(k->name())->value<std::string>());
    }
    doc.overridden.insert(path);
  }
  doc.overridden.insert(created.begin(), created.end());
}

}  // namespace missionsim
