// A mandate: from its start everyone in its zones adopts, for good.
#include "models/instruments/kinds/shared_keys.hpp"
#include "models/instruments/params.hpp"

namespace missionsim::model {

namespace {
class Regulation final : public InstrumentKind {
 public:
  [[nodiscard]] std::string_view name() const override { return "regulation"; }
  [[nodiscard]] PolicySide side() const override { return PolicySide::demand; }
  [[nodiscard]] std::string_view what() const override {
    return "a mandate: from its start everyone adopts the innovation (whatever its maturity)";
  }
  [[nodiscard]] bool takes_targets() const override { return true; }
  void act(InstrumentAct& a) const override {
    a.each_zone([](ZoneLevers& z) { z.mandate = true; });
  }
};
}  // namespace

std::unique_ptr<InstrumentKind> regulation_kind() {
  return std::make_unique<Regulation>();
}

}  // namespace missionsim::model
