// Research funding: the innovation matures faster while it is funded.
#include "models/instruments/kinds/shared_keys.hpp"
#include "models/instruments/params.hpp"

namespace missionsim::model {

namespace {
class ResearchGrant final : public InstrumentKind {
 public:
  [[nodiscard]] std::string_view name() const override { return "research_grant"; }
  [[nodiscard]] PolicySide side() const override { return PolicySide::supply; }
  [[nodiscard]] std::string_view what() const override {
    return "speeds the innovation's maturation: (1 + speedup × funded share) times as fast";
  }
  void declare_keys(TableSpec& t) const override {
    t.real("speedup", "Extra maturation speed with full funding (1 = twice as fast).")
        .min(0)
        .default_value(1.0);
  }
  void read(const TableView& t, const InstrumentReading&, InstrumentParams& p) const override {
    p.speedup = t.get<double>("speedup");
  }
  void act(InstrumentAct& a) const override {
    a.adoption.maturation_speedup(a.innovation) += a.p.speedup * a.strength;
  }
};
}  // namespace

std::unique_ptr<InstrumentKind> research_grant_kind() {
  return std::make_unique<ResearchGrant>();
}

}  // namespace missionsim::model
