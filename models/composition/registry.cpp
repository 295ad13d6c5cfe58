#include "models/composition/registry.hpp"

#include "models/components/adoption_component.hpp"
#include "models/components/early_warnings_component.hpp"
#include "models/components/instruments_component.hpp"
#include "models/components/mission_component.hpp"
#include "models/components/pathway_component.hpp"
#include "models/components/population_component.hpp"
#include "models/components/stakeholders_component.hpp"
#include "models/components/transitions_component.hpp"

#include <set>

namespace missionsim::model {

namespace {
// One pass over the registry's lines: either each component's schema section (once per type),
// or the components themselves, each built from the scenario and those above it.
class Lines {
 public:
  explicit Lines(TableSpec& root) : root_(&root) {}
  Lines(const Scenario& s, const RegistryOptions& o, HealthSystem& out) : s_(&s), o_(&o), out_(&out) {}

  template <class C, class... Args>
  void add(Args... args) {
    if (root_) {
      if (declared_.insert(&C::declare_keys).second) C::declare_keys(*root_);
      return;
    }
    out_->components.push_back(C::make(*s_, ComponentsAbove(out_->components), *o_, args...));
  }

 private:
  TableSpec* root_ = nullptr;
  std::set<void (*)(TableSpec&)> declared_;
  const Scenario* s_ = nullptr;
  const RegistryOptions* o_ = nullptr;
  HealthSystem* out_ = nullptr;
};

// The registry: one line per component. A component may take those above it.
void lines(Lines& line) {
  line.add<PopulationComponent>();
  line.add<AdoptionComponent>(Adopters::citizens);
  line.add<StakeholdersComponent>();
  line.add<AdoptionComponent>(Adopters::stakeholders);
  line.add<InstrumentsComponent>();
  line.add<TriggersComponent>();
  line.add<PathwayComponent>();
  line.add<EquityComponent>();
  line.add<MissionComponent>();
  line.add<TransitionsComponent>();
  line.add<EarlyWarningsComponent>();
}
}  // namespace

std::vector<Component*> HealthSystem::list() const {
  std::vector<Component*> out;
  for (const auto& c : components) out.push_back(c.get());
  return out;
}

HealthSystem health_system(const Scenario& s, const RegistryOptions& o) {
  HealthSystem h;
  Lines line(s, o, h);
  lines(line);
  return h;
}

void declare_health_system_keys(TableSpec& root) {
  Lines line(root);
  lines(line);
}

}  // namespace missionsim::model
