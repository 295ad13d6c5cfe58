// Centola & Macy (2007): at least min_adopting_contacts adopting contacts, and a share ≥ θ.
#include "models/adoption/adoption_rule.hpp"
#include "models/adoption/rules/threshold_family.hpp"

#include <limits>

namespace missionsim::model {

namespace {
struct ComplexContagionRule {
  static constexpr bool uses_active_set = true;
  NetworkStep s;
  [[nodiscard]] bool adopts(std::uint32_t i) const {
    const EdgeIndex degree = s.offsets[i + 1] - s.offsets[i];
    const std::uint32_t adopting = adopting_contacts(s.cur, s.offsets, s.targets, i);
    return degree > 0 && adopting >= s.min_adopting_contacts &&
           static_cast<double>(adopting) / static_cast<double>(degree) >= theta_of(s, i);
  }
};

class ComplexContagion final : public NetworkRuleKind<ComplexContagionRule> {
 public:
  [[nodiscard]] std::string_view name() const override { return "complex"; }
  [[nodiscard]] std::string_view what() const override {
    return "Centola & Macy 2007: several adopting contacts needed, and a share of them";
  }
  [[nodiscard]] bool compares_share() const override { return true; }
  void declare_keys(TableSpec& t) const override {
    declare_theta_keys(t, 0.0);
    t.integer("min_adopting_contacts",
              "Complex contagion: a non-adopter adopts only when at least this many of its contacts have "
              "adopted (and their share is at least θ). On a well-mixed layer everyone else is a contact.")
        .unit("contacts")
        .min(1)
        .default_value(std::int64_t{2});
  }
  void read(const TableView& t, InnovationParams& p, std::vector<Diagnostic>& problems) const override {
    read_theta_keys(t, p);
    p.min_adopting_contacts = static_cast<std::uint32_t>(
        std::min<std::int64_t>(t.get<std::int64_t>("min_adopting_contacts"),
                               std::int64_t{std::numeric_limits<std::uint32_t>::max()}));
    check_hysteresis(t, p, problems);
  }
  [[nodiscard]] bool enough_adopters(std::uint64_t adopters, const InnovationParams& p) const override {
    return adopters >= p.min_adopting_contacts;
  }
};
}  // namespace

std::unique_ptr<AdoptionRuleKind> complex_contagion_rule() {
  return std::make_unique<ComplexContagion>();
}

}  // namespace missionsim::model
