// Checks a document against its schema, collecting every problem rather than stopping at the
// first, so a user fixes a scenario in one round.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <tuple>

#include "engine/scenario/detail/layers.hpp"
#include "engine/scenario/detail/text.hpp"
#include "engine/scenario/document.hpp"
#include "engine/scenario/uncertain.hpp"

namespace missionsim {
namespace {

using namespace scenario_detail;

class Validator {
 public:
  explicit Validator(const ScenarioDocument& doc) : doc_(doc) {}

  void table(const toml::table& t, const TableSpec& spec, const std::string& path) {
    const Layers layers = layers_for(spec, t);
    for (const auto& [key_node, node] : t) {
      const std::string key(key_node.str());
      const std::string key_path = join_path(path, key);
      if (const KeySpec* k = layers.find_active(key)) {
        value(node, *k, key_path);
      } else if (layers.undetermined_has(key)) {
        continue;
      } else if (auto variants = layers.inactive_with(key); !variants.empty()) {
        report(node, key_path, wrong_variant(spec, t, key, variants));
      } else {
        std::string message = "unknown key '" + key + "'";
        if (auto guess = did_you_mean(key, all_key_names(spec)))
          message += "; did you mean '" + *guess + "'?";
        report(node, key_path, message);
      }
    }
    for (const TableSpec* layer : layers.active) {
      for (const KeySpec& k : layer->keys()) {
        if (k.is_required() && !t.contains(k.name())) {
          std::string message = "required key '" + k.name() + "' is missing";
          if (!k.description().empty()) message += " (" + k.description() + ")";
          report(t, join_path(path, k.name()), message + "; expected " + expected_text(k), path);
        }
      }
    }
  }

  std::vector<Diagnostic> take() {
    // File order reads best (base scenarios first, overrides last); stable so that several
    // findings on one node keep their order.
    const auto& files = doc_.files;
    std::stable_sort(found_.begin(), found_.end(), [&](const Diagnostic& a, const Diagnostic& b) {
      return std::tuple(file_rank(files, a.where.file), a.where.line, a.where.column) <
             std::tuple(file_rank(files, b.where.file), b.where.line, b.where.column);
    });
    return std::move(found_);
  }

 private:
  void report(const toml::node& node, const std::string& key_path, std::string message) {
    report(node, key_path, std::move(message), key_path);
  }
  /// `node_path` is the path of `node` itself, which differs from `key_path` for a missing key.
  void report(const toml::node& node, const std::string& key_path, std::string message,
              const std::string& node_path) {
    found_.push_back(
        Diagnostic{position_of(node, node_path, doc_.file, &doc_.overridden), key_path, std::move(message)});
  }

  static std::string wrong_variant(const TableSpec& spec, const toml::table& t, const std::string& key,
                                   const std::vector<const VariantSpec*>& variants) {
    const std::string& d = variants.front()->discriminator;
    std::string values;
    for (const VariantSpec* v : variants) {
      if (v->discriminator != d) continue;
      if (!values.empty()) values += " or ";
      values += '"' + v->value + '"';
    }
    std::string message = "key '" + key + "' applies only when " + d + " = " + values;
    if (auto here = discriminator_value(spec, t, d)) {
      message += " (here " + d + " = \"" + *here + "\")";
    } else {
      message += " (here " + d + " is not set)";
    }
    return message;
  }

  void mismatch(const toml::node& node, const KeySpec& k, const std::string& path) {
    report(node, path, "expected " + expected_text(k) + ", found " + describe_found(node));
  }

  void number(const toml::node& node, const KeySpec& k, const std::string& path, double x) {
    if (!std::isfinite(x)) {
      report(node, path, "expected a finite number, found " + describe_found(node));
    } else if (!k.in_range(x)) {
      report(node, path, "out of range: expected " + expected_text(k) + ", found " + format_number(x));
    }
  }

  void value(const toml::node& node, const KeySpec& k, const std::string& path) {
    switch (k.kind()) {
      case ValueKind::integer:
        if (!node.is_integer()) return mismatch(node, k, path);
        return number(node, k, path, static_cast<double>(*node.value<std::int64_t>()));
      case ValueKind::real:
        if (node.is_table()) return distribution(*node.as_table(), k, path);
        if (!node.is_number()) return mismatch(node, k, path);
        return number(node, k, path, *node.value<double>());
      case ValueKind::boolean:
        if (!node.is_boolean()) mismatch(node, k, path);
        return;
      case ValueKind::string: {
        if (!node.is_string()) return mismatch(node, k, path);
        // Strings go on to C APIs (HDF5 attributes, file names) that stop at a NUL: "mi\u0000x"
        // would be stored as "mi". Other control characters would garble messages and files.
        const auto& s = *node.as_string();
        const auto bad = std::find_if(s->begin(), s->end(), [](char c) {
          return (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') || c == '\x7f';
        });
        if (bad != s->end()) {
          char code[8];
          std::snprintf(code, sizeof code, "\\u%04X",
                        static_cast<unsigned>(static_cast<unsigned char>(*bad)));
          report(node, path,
                 std::string("expected text without control characters, found ") + code + " at character " +
                     std::to_string(bad - s->begin() + 1));
        }
        return;
      }
      case ValueKind::date:
        if (!node.is_date()) mismatch(node, k, path);
        return;
      case ValueKind::choice: {
        if (!node.is_string()) return mismatch(node, k, path);
        const auto s = *node.value<std::string>();
        if (std::find(k.choices().begin(), k.choices().end(), s) != k.choices().end()) return;
        std::string message = "expected one of " + quoted_list(k.choices()) + ", found \"" + s + "\"";
        if (auto guess = did_you_mean(s, k.choices())) message += "; did you mean \"" + *guess + "\"?";
        return report(node, path, message);
      }
      case ValueKind::table:
        if (!node.is_table()) return mismatch(node, k, path);
        return table(*node.as_table(), *k.table_spec(), path);
      case ValueKind::table_array:
        return table_array(node, k, path);
    }
  }

  // A real key given as a distribution (engine/scenario/uncertain.hpp).
  void distribution(const toml::table& t, const KeySpec& k, const std::string& path) {
    std::vector<DistributionProblem> problems;
    if (read_distribution(t, k, problems)) return;
    for (const auto& p : problems) report(*p.node, p.key.empty() ? path : join_path(path, p.key), p.message);
  }

  void table_array(const toml::node& node, const KeySpec& k, const std::string& path) {
    const toml::array* array = node.as_array();
    if (!array) return mismatch(node, k, path);
    std::map<std::string, const toml::node*> seen;
    for (std::size_t i = 0; i < array->size(); ++i) {
      const toml::node& element = *array->get(i);
      const std::string element_path_text = element_path(path, element, i);
      const toml::table* t = element.as_table();
      if (!t) {
        report(element, element_path_text,
               "expected a table (an element of [[" + k.name() + "]]), found " + describe_found(element));
        continue;
      }
      if (const toml::node* name = t->get("name"); name && name->is_string()) {
        const auto text = *name->value<std::string>();
        const std::string name_path = join_path(element_path_text, "name");
        if (!valid_name(text)) {
          report(
              *name, name_path,
              "expected a name of letters, digits, '_' or '-' (overrides address elements by it), found \"" +
                  text + "\"");
        } else if (auto [it, fresh] = seen.emplace(text, name); !fresh) {
          const int first_line = static_cast<int>(it->second->source().begin.line);
          report(*name, name_path,
                 "duplicate name \"" + text + "\" in " + path +
                     (first_line > 0 ? " (first used at line " + std::to_string(first_line) + ")" : ""));
        }
      }
      table(*t, *k.table_spec(), element_path_text);
    }
  }

  static bool valid_name(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
             c == '-';
    });
  }

  const ScenarioDocument& doc_;
  std::vector<Diagnostic> found_;
};

}  // namespace

std::vector<Diagnostic> validate(const ScenarioDocument& doc, const TableSpec& schema) {
  Validator v(doc);
  v.table(doc.root, schema, "");
  return v.take();
}

}  // namespace missionsim
