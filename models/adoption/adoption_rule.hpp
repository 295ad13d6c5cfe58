// One adoption rule as a unit of its own: its name and line for the scenario reference, its
// keys and how they are read, how it behaves on a well-mixed layer, and its decide loop on a
// network (network_rules.hpp). The rules are listed in adoption_rules.cpp.
#pragma once

#include "models/adoption/network_rules.hpp"

#include <memory>
#include <string_view>
#include <vector>

namespace missionsim {
class TableSpec;
class TableView;
struct Diagnostic;
}  // namespace missionsim

namespace missionsim::model {

struct InnovationParams;

class AdoptionRuleKind {
 public:
  virtual ~AdoptionRuleKind() = default;
  [[nodiscard]] virtual std::string_view name() const = 0;
  /// What it is, for the `rule` key's description ("Watts 2002, fractional threshold").
  [[nodiscard]] virtual std::string_view what() const = 0;
  /// Compares an adopting share with θ: thresholds are drawn, abandonment must be below θ, and
  /// on a well-mixed layer the others' adopting share is compared with θ. Otherwise the rule is
  /// a hazard per step (Bass), drawn for everyone each step.
  [[nodiscard]] virtual bool compares_share() const = 0;
  /// Its network decision may be skipped for agents none of whose contacts changed.
  [[nodiscard]] virtual bool uses_active_set() const = 0;
  /// Declares its keys on the table of innovations with this rule.
  virtual void declare_keys(TableSpec& /*rule*/) const {}
  /// Reads them into p; problems go to `problems` with the table's positions.
  virtual void read(const TableView& /*t*/, InnovationParams& /*p*/,
                    std::vector<Diagnostic>& /*problems*/) const {}
  /// Well-mixed: whether enough others have adopted for anyone to follow.
  [[nodiscard]] virtual bool enough_adopters(std::uint64_t /*adopters*/,
                                             const InnovationParams& /*p*/) const {
    return true;
  }
  /// The decide loop on a network layer for one block.
  virtual BlockTally decide(const NetworkBlock& out, const AgentBlock& b, const NetworkStep& step,
                            const std::uint8_t* eligible, const std::uint8_t* kept, double abandon) const = 0;
};

/// A rule kind whose network loop is decide_on_network<Rule>.
template <class Rule>
class NetworkRuleKind : public AdoptionRuleKind {
 public:
  [[nodiscard]] bool uses_active_set() const final { return Rule::uses_active_set; }
  BlockTally decide(const NetworkBlock& out, const AgentBlock& b, const NetworkStep& step,
                    const std::uint8_t* eligible, const std::uint8_t* kept, double abandon) const final {
    return decide_on_network<Rule>(out, b, step, eligible, kept, abandon);
  }
};

/// Every rule, in the order the `rule` key lists them.
const std::vector<std::unique_ptr<AdoptionRuleKind>>& adoption_rules();

}  // namespace missionsim::model
