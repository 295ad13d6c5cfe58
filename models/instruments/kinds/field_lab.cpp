// A field lab: the innovation is seeded, once, in a community of one region (a protected niche).
#include "models/instruments/kinds/shared_keys.hpp"
#include "models/instruments/params.hpp"
#include "models/population/population.hpp"

#include <cmath>

namespace missionsim::model {

namespace {
class FieldLab final : public InstrumentKind {
 public:
  [[nodiscard]] std::string_view name() const override { return "field_lab"; }
  [[nodiscard]] PolicySide side() const override { return PolicySide::demand; }
  [[nodiscard]] std::string_view what() const override {
    return "seeds the innovation in a community of `community` real persons (at least 100,000) of one region "
           "when it starts (a protected niche)";
  }
  [[nodiscard]] bool seeds_citizens() const override { return true; }
  void declare_keys(TableSpec& t) const override {
    t.real("community", "Real persons in the field lab's community (simulated persons × population.scale).")
        .unit("persons")
        .min(100000)
        .default_value(100000.0);
    t.string("region", "The [[regions]] element hosting the lab; empty: the first region.")
        .default_value(std::string());
  }
  void read(const TableView& t, const InstrumentReading& r, InstrumentParams& p) const override {
    p.community = t.get<double>("community");
    p.region = read_region(t, r);
    if (p.region == r.regions.size()) return;
    const auto& region = r.population.regions[p.region];
    const double real_people = region.share * r.population.size * r.population.scale;
    if (p.community > real_people)
      r.problems.push_back(t.diagnostic("community", "is larger than region '" + region.name + "' (" +
                                                         std::to_string(std::llround(real_people)) +
                                                         " real persons at this population size and scale)"));
  }
  void act(InstrumentAct& a) const override {
    if (a.acted_once) return;
    a.acted_once = 1;
    const auto& starts = a.population.region_starts();
    const auto people = static_cast<std::uint32_t>(std::ceil(a.p.community / a.population.scale()));
    const std::uint32_t room = starts[a.p.region + 1] - starts[a.p.region];
    a.adoption.seed_adopters(a.innovation, starts[a.p.region], std::min(people, room));
  }
};
}  // namespace

std::unique_ptr<InstrumentKind> field_lab_kind() {
  return std::make_unique<FieldLab>();
}

}  // namespace missionsim::model
