// New centres: capacity added, once, to the care providers of a region, so that their new
// practices reach more patients.
#include "models/instruments/kinds/shared_keys.hpp"
#include "models/instruments/params.hpp"
#include "models/stakeholders/stakeholders.hpp"

namespace missionsim::model {

namespace {
class Infrastructure final : public InstrumentKind {
 public:
  [[nodiscard]] std::string_view name() const override { return "infrastructure"; }
  [[nodiscard]] PolicySide side() const override { return PolicySide::supply; }
  [[nodiscard]] std::string_view what() const override {
    return "new centres: on its first funded step adds `capacity` real persons of capacity to the care "
           "providers of `region` (all providers when empty), split equally, so their new practices reach "
           "more patients; needs [[stakeholders]]";
  }
  [[nodiscard]] bool needs_stakeholders() const override { return true; }
  void declare_keys(TableSpec& t) const override {
    t.real("capacity", "Real persons a year the new centres can serve, added once on the first funded step.")
        .unit("persons")
        .min(0)
        .default_value(100000.0);
    t.string("region", "The [[regions]] element whose providers get the capacity; empty: every provider.")
        .default_value(std::string());
  }
  void read(const TableView& t, const InstrumentReading& r, InstrumentParams& p) const override {
    p.capacity = t.get<double>("capacity");
    p.region = read_region(t, r, &p.every_region);
  }
  // Capacity is built once, on the first funded step, whatever the share funded then: a centre
  // is opened or not (the budget pays for it over the whole period).
  void act(InstrumentAct& a) const override {
    if (a.acted_once) return;
    a.acted_once = 1;
    Stakeholders& orgs = *a.stakeholders;
    const auto types = orgs.type();
    const auto regions = orgs.region();
    std::vector<std::uint32_t> providers;
    for (std::uint32_t o = 0; o < orgs.size(); ++o)
      if (serves_patients(static_cast<StakeholderType>(types[o])) &&
          (a.p.every_region || regions[o] == static_cast<std::int16_t>(a.p.region)))
        providers.push_back(o);
    // A region without providers of its own is served by the national ones (Stakeholders'
    // assignment), so the capacity goes to them.
    if (providers.empty() && !a.p.every_region)
      for (std::uint32_t o = 0; o < orgs.size(); ++o)
        if (serves_patients(static_cast<StakeholderType>(types[o])) && regions[o] == national_region)
          providers.push_back(o);
    for (const auto o : providers) orgs.add_capacity(o, a.p.capacity / static_cast<double>(providers.size()));
  }
};
}  // namespace

std::unique_ptr<InstrumentKind> infrastructure_kind() {
  return std::make_unique<Infrastructure>();
}

}  // namespace missionsim::model
