#include "engine/scenario/uncertain.hpp"

#include "engine/scenario/detail/layers.hpp"
#include "engine/scenario/detail/text.hpp"

#include <array>
#include <cmath>
#include <functional>
#include <set>

namespace missionsim {

namespace {
using namespace scenario_detail;

struct Form {
  DistributionKind kind;
  std::array<const char*, 3> parameters;  // nullptr-terminated when fewer
  const char* constraint;                 // for messages
};

constexpr std::array<Form, 6> forms{{
    {DistributionKind::normal, {"mean", "sd", nullptr}, "sd > 0"},
    {DistributionKind::lognormal, {"mu", "sigma", nullptr}, "sigma > 0 (mu and sigma are of log(x))"},
    {DistributionKind::beta, {"alpha", "beta", nullptr}, "alpha > 0 and beta > 0"},
    {DistributionKind::gamma, {"shape", "scale", nullptr}, "shape > 0 and scale > 0"},
    {DistributionKind::uniform, {"min", "max", nullptr}, "min < max"},
    {DistributionKind::triangular, {"min", "mode", "max"}, "min <= mode <= max and min < max"},
}};

std::vector<std::string> names() {
  std::vector<std::string> out;
  out.reserve(std::size(forms));
  for (const auto& f : forms) out.emplace_back(distribution_name(f.kind));
  return out;
}

std::string parameter_list(const Form& f) {
  std::string out;
  for (const char* p : f.parameters) {
    if (!p) break;
    if (!out.empty()) out += ", ";
    out += p;
  }
  return out;
}

// Which distributions have a support inside the key's range, for the message that refuses one.
std::string fitting(const KeySpec& k) {
  std::vector<std::string> out;
  const bool positive_ok = !k.lower_bound() || *k.lower_bound() <= 0;
  const bool unbounded_above = !k.upper_bound();
  if (!k.lower_bound() && unbounded_above) out.emplace_back("normal");
  if (positive_ok && unbounded_above) {
    out.emplace_back("lognormal");
    out.emplace_back("gamma");
  }
  if (positive_ok && (!k.upper_bound() || *k.upper_bound() >= 1)) out.emplace_back("beta");
  out.emplace_back("uniform");
  out.emplace_back("triangular");
  std::string text;
  for (std::size_t i = 0; i < out.size(); ++i)
    text += (i ? (i + 1 == out.size() ? " or " : ", ") : "") + out[i];
  return text;
}

bool support_fits(const Distribution& d, const KeySpec& k) {
  const double lo = d.support_low(), hi = d.support_high();
  if (k.lower_bound()) {
    const double bound = *k.lower_bound();
    // An open support end (0 of a gamma) fits an exclusive bound at the same place.
    const bool open_low = d.kind == DistributionKind::lognormal || d.kind == DistributionKind::beta ||
                          d.kind == DistributionKind::gamma;
    if (std::isinf(lo) || lo < bound || (lo == bound && k.lower_bound_exclusive() && !open_low)) return false;
  }
  if (k.upper_bound() && (std::isinf(hi) || hi > *k.upper_bound())) return false;
  return true;
}
}  // namespace

std::optional<Distribution> read_distribution(const toml::table& t, const KeySpec& k,
                                              std::vector<DistributionProblem>& problems) {
  const std::size_t before = problems.size();
  const toml::node* name_node = t.get("distribution");
  if (!name_node) {
    problems.push_back({&t, "",
                        "a distribution table needs distribution = one of " + quoted_list(names()) +
                            ", e.g. { distribution = \"beta\", alpha = 2, beta = 5 }"});
    return std::nullopt;
  }
  const auto name = name_node->value<std::string>();
  const Form* form = nullptr;
  for (const auto& f : forms)
    if (name && *name == distribution_name(f.kind)) form = &f;
  if (!form) {
    std::string message = "expected one of " + quoted_list(names()) + ", found " + describe_found(*name_node);
    if (name)
      if (auto guess = did_you_mean(*name, names())) message += "; did you mean \"" + *guess + "\"?";
    problems.push_back({name_node, "distribution", message});
    return std::nullopt;
  }
  std::array<double, 3> values{};
  std::set<std::string> known{"distribution"};
  for (std::size_t i = 0; i < form->parameters.size() && form->parameters[i]; ++i) {
    const char* p = form->parameters[i];
    known.insert(p);
    const toml::node* n = t.get(p);
    if (!n) {
      problems.push_back({&t, p,
                          std::string("required key '") + p + "' of a " + std::string(*name) +
                              " distribution is missing; it takes " + parameter_list(*form)});
    } else if (!n->is_number() || !std::isfinite(*n->value<double>())) {
      problems.push_back({n, p, "expected a finite number, found " + describe_found(*n)});
    } else {
      values[i] = *n->value<double>();
    }
  }
  for (const auto& [key, node] : t) {
    const std::string key_text(key.str());
    if (known.count(key_text)) continue;
    std::string message = "unknown key '" + key_text + "' for a " + *name + " distribution, which takes " +
                          parameter_list(*form);
    std::vector<std::string> candidates(known.begin(), known.end());
    if (auto guess = did_you_mean(key_text, candidates)) message += "; did you mean '" + *guess + "'?";
    problems.push_back({&node, key_text, message});
  }
  if (problems.size() != before) return std::nullopt;

  Distribution d{form->kind, values[0], values[1], values[2]};
  try {
    d.check();
  } catch (const InternalError&) {
    problems.push_back({&t, "", "invalid " + d.describe() + ": needs " + form->constraint});
    return std::nullopt;
  }
  if (!support_fits(d, k)) {
    problems.push_back(
        {&t, "",
         d.describe() + " takes values outside the key's range (" + k.range_text() + "); use " + fitting(k)});
    return std::nullopt;
  }
  return d;
}

namespace {
// Calls `visit(table, key, path, distribution)` for every distribution table of a valid document.
using Visit = std::function<void(toml::table&, const std::string&, const std::string&, const Distribution&)>;

void walk(toml::table& t, const TableSpec& spec, const std::string& path, const Visit& visit) {
  const Layers layers = layers_for(spec, t);
  for (auto& [key_node, node] : t) {
    const std::string key(key_node.str());
    const KeySpec* k = layers.find_active(key);
    if (!k) continue;
    const std::string key_path = join_path(path, key);
    if (k->kind() == ValueKind::real && node.is_table()) {
      std::vector<DistributionProblem> problems;
      const auto d = read_distribution(*node.as_table(), *k, problems);
      if (!d) throw InternalError("distribution at " + key_path + " was not validated");
      visit(t, key, key_path, *d);
    } else if (k->kind() == ValueKind::table && node.is_table()) {
      walk(*node.as_table(), *k->table_spec(), key_path, visit);
    } else if (k->kind() == ValueKind::table_array && node.is_array()) {
      auto& array = *node.as_array();
      for (std::size_t i = 0; i < array.size(); ++i)
        if (auto* e = array.get(i)->as_table())
          walk(*e, *k->table_spec(), element_path(key_path, *e, i), visit);
    }
  }
}
}  // namespace

std::vector<UncertainParameter> uncertain_parameters(const ScenarioDocument& doc, const TableSpec& schema) {
  std::vector<UncertainParameter> out;
  // walk() takes a mutable table so resolve_uncertain can share it; nothing is changed here.
  auto& root = const_cast<toml::table&>(doc.root);
  walk(root, schema, "",
       [&](toml::table&, const std::string&, const std::string& path, const Distribution& d) {
         out.push_back({path, d});
       });
  return out;
}

void resolve_uncertain(ScenarioDocument& doc, const TableSpec& schema, const ParameterValues& values) {
  std::size_t used = 0;
  // Collected first: replacing a value while toml++ iterates its table is not allowed.
  std::vector<std::tuple<toml::table*, std::string, double>> replacements;
  walk(doc.root, schema, "",
       [&](toml::table& t, const std::string& key, const std::string& path, const Distribution& d) {
         const auto it = values.find(path);
         if (it != values.end()) ++used;
         replacements.emplace_back(&t, key, it != values.end() ? it->second : d.mean());
       });
  if (used != values.size())
    throw InternalError("resolve_uncertain: a value for a key that is no distribution");
  for (auto& [t, key, value] : replacements) t->insert_or_assign(key, value);
}

}  // namespace missionsim
