// Clinical-trial evidence: every adopter's threshold falls while it is funded.
#include "models/instruments/kinds/shared_keys.hpp"
#include "models/instruments/params.hpp"

namespace missionsim::model {

namespace {
class TrialFunding final : public InstrumentKind {
 public:
  [[nodiscard]] std::string_view name() const override { return "trial_funding"; }
  [[nodiscard]] PolicySide side() const override { return PolicySide::supply; }
  [[nodiscard]] std::string_view what() const override {
    return "clinical-trial evidence: lowers every adopter's threshold by threshold_reduction × funded share";
  }
  [[nodiscard]] bool takes_targets() const override { return true; }
  void declare_keys(TableSpec& t) const override { declare_threshold_reduction(t); }
  void read(const TableView& t, const InstrumentReading&, InstrumentParams& p) const override {
    p.threshold_reduction = t.get<double>("threshold_reduction");
  }
  void act(InstrumentAct& a) const override {
    a.each_zone([&](ZoneLevers& z) { z.threshold_shift -= a.p.threshold_reduction * a.strength; });
  }
};
}  // namespace

std::unique_ptr<InstrumentKind> trial_funding_kind() {
  return std::make_unique<TrialFunding>();
}

}  // namespace missionsim::model
