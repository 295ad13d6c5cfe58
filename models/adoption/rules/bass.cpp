// Bass (1969): a yearly hazard of innovation p (plus campaigns' boost) and imitation q × the
// adopting share of one's contacts, as a probability per step.
#include "models/adoption/adoption_rule.hpp"
#include "models/adoption/params.hpp"

#include "engine/scenario/schema.hpp"
#include "engine/scenario/table_view.hpp"

namespace missionsim::model {

namespace {
struct BassRule {
  static constexpr bool uses_active_set = false;  // a draw every step
  NetworkStep s;
  [[nodiscard]] bool adopts(std::uint32_t i) const {
    const double p = s.innovation_rate, q = s.imitation_rate;
    const double boost = s.zone ? s.levers[s.zone[i]].innovation_rate_boost : s.common_boost;
    const double u = s.draws.uniform(s.step, i, 0);
    // The share is at most 1, so most people are out of reach of any share: for them, neither
    // the contacts nor the exp need computing.
    if (!(u < step_probability_bound(p + boost + q, s.dt_years))) return false;
    const double share = std::max(0.0, adopting_share(s.cur, s.offsets, s.targets, i));
    return u < step_probability(p + boost + q * share, s.dt_years);
  }
};

class Bass final : public NetworkRuleKind<BassRule> {
 public:
  [[nodiscard]] std::string_view name() const override { return "bass"; }
  [[nodiscard]] std::string_view what() const override { return "innovation + imitation"; }
  [[nodiscard]] bool compares_share() const override { return false; }
  void declare_keys(TableSpec& t) const override {
    t.real("innovation_rate", "Bass p: yearly adoption hazard from outside the network (media, policy).")
        .unit("per year")
        .min(0)
        .default_value(0.03);
    t.real("imitation_rate", "Bass q: yearly hazard per unit adopting share of contacts (word of mouth).")
        .unit("per year")
        .min(0)
        .default_value(0.38);
  }
  void read(const TableView& t, InnovationParams& p, std::vector<Diagnostic>&) const override {
    p.innovation_rate = t.get<double>("innovation_rate");
    p.imitation_rate = t.get<double>("imitation_rate");
  }
};
}  // namespace

std::unique_ptr<AdoptionRuleKind> bass_rule() {
  return std::make_unique<Bass>();
}

}  // namespace missionsim::model
