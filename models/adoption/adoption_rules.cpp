// The adoption rules: a new rule is a file in rules/, its factory declared here and put in the
// list (whose order is the `rule` key's).
#include "models/adoption/adoption_rule.hpp"

#include "engine/core/error.hpp"
#include "models/adoption/params.hpp"

namespace missionsim::model {

std::unique_ptr<AdoptionRuleKind> threshold_rule();
std::unique_ptr<AdoptionRuleKind> bass_rule();
std::unique_ptr<AdoptionRuleKind> complex_contagion_rule();

const std::vector<std::unique_ptr<AdoptionRuleKind>>& adoption_rules() {
  static const auto rules = [] {
    std::vector<std::unique_ptr<AdoptionRuleKind>> r;
    for (auto* make : {threshold_rule, bass_rule, complex_contagion_rule}) r.push_back(make());
    return r;
  }();
  return rules;
}

const AdoptionRuleKind& adoption_rule(std::string_view name) {
  for (const auto& r : adoption_rules())
    if (r->name() == name) return *r;
  throw InternalError("no adoption rule named '" + std::string(name) + "'");
}

}  // namespace missionsim::model
