// Watts (2002): a non-adopter adopts when the adopting share of its contacts reaches θ.
#include "models/adoption/adoption_rule.hpp"
#include "models/adoption/rules/threshold_family.hpp"

namespace missionsim::model {

namespace {
struct ThresholdRule {
  static constexpr bool uses_active_set = true;
  NetworkStep s;
  [[nodiscard]] bool adopts(std::uint32_t i) const {
    const double share = adopting_share(s.cur, s.offsets, s.targets, i);
    return share >= 0.0 && share >= theta_of(s, i);
  }
};

class Threshold final : public NetworkRuleKind<ThresholdRule> {
 public:
  [[nodiscard]] std::string_view name() const override { return "threshold"; }
  [[nodiscard]] std::string_view what() const override { return "Watts 2002, fractional threshold"; }
  [[nodiscard]] bool compares_share() const override { return true; }
  void declare_keys(TableSpec& t) const override { declare_theta_keys(t, 0.18); }
  void read(const TableView& t, InnovationParams& p, std::vector<Diagnostic>& problems) const override {
    read_theta_keys(t, p);
    check_hysteresis(t, p, problems);
  }
};
}  // namespace

std::unique_ptr<AdoptionRuleKind> threshold_rule() {
  return std::make_unique<Threshold>();
}

}  // namespace missionsim::model
