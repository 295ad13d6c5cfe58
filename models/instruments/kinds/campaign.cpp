// A communication campaign: the Bass rule's innovation rate p rises while it is funded.
#include "models/instruments/kinds/shared_keys.hpp"
#include "models/instruments/params.hpp"

namespace missionsim::model {

namespace {
class Campaign final : public InstrumentKind {
 public:
  [[nodiscard]] std::string_view name() const override { return "campaign"; }
  [[nodiscard]] PolicySide side() const override { return PolicySide::demand; }
  [[nodiscard]] std::string_view what() const override {
    return "a communication campaign: adds innovation_rate_boost × funded share to the Bass rule's p";
  }
  [[nodiscard]] bool takes_targets() const override { return true; }
  void declare_keys(TableSpec& t) const override {
    t.real("innovation_rate_boost", "Added to the Bass rule's innovation rate p with full funding.")
        .unit("per year")
        .min(0)
        .default_value(0.05);
  }
  void read(const TableView& t, const InstrumentReading&, InstrumentParams& p) const override {
    p.innovation_rate_boost = t.get<double>("innovation_rate_boost");
  }
  void act(InstrumentAct& a) const override {
    a.each_zone([&](ZoneLevers& z) { z.innovation_rate_boost += a.p.innovation_rate_boost * a.strength; });
  }
};
}  // namespace

std::unique_ptr<InstrumentKind> campaign_kind() {
  return std::make_unique<Campaign>();
}

}  // namespace missionsim::model
