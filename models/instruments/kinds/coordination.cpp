// Coordination across silos: collaboration ties added, once, between organisations of
// different type and region.
#include "models/instruments/kinds/shared_keys.hpp"
#include "models/instruments/params.hpp"
#include "models/stakeholders/stakeholders.hpp"

namespace missionsim::model {

namespace {
class Coordination final : public InstrumentKind {
 public:
  [[nodiscard]] std::string_view name() const override { return "coordination"; }
  [[nodiscard]] PolicySide side() const override { return PolicySide::supply; }
  [[nodiscard]] std::string_view what() const override {
    return "coordination across silos: on its first funded step adds `ties` collaboration ties between "
           "organisations of different type and region; needs [[stakeholders]]";
  }
  [[nodiscard]] bool needs_stakeholders() const override { return true; }
  void declare_keys(TableSpec& t) const override {
    t.integer("ties", "Collaboration ties added between organisations of different type and region.")
        .min(0)
        .default_value(std::int64_t{20});
  }
  void read(const TableView& t, const InstrumentReading&, InstrumentParams& p) const override {
    p.ties = static_cast<std::uint32_t>(std::min<std::int64_t>(t.get<std::int64_t>("ties"), 1'000'000));
  }
  void act(InstrumentAct& a) const override {
    if (a.acted_once) return;
    a.acted_once = 1;
    a.ties_added = a.stakeholders->add_cross_silo_ties(a.p.ties, a.p.name);
    if (a.ties_added > 0 && a.collaboration_changed) a.collaboration_changed();
  }
};
}  // namespace

std::unique_ptr<InstrumentKind> coordination_kind() {
  return std::make_unique<Coordination>();
}

}  // namespace missionsim::model
