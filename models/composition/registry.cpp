#include "models/composition/registry.hpp"

#include "models/components/adoption_component.hpp"
#include "models/components/early_warnings_component.hpp"
#include "models/components/instruments_component.hpp"
#include "models/components/mission_component.hpp"
#include "models/components/pathway_component.hpp"
#include "models/components/population_component.hpp"
#include "models/components/stakeholders_component.hpp"
#include "models/components/transitions_component.hpp"

namespace missionsim::model {

std::vector<Component*> HealthSystem::list() const {
  std::vector<Component*> out;
  for (const auto& c : components) out.push_back(c.get());
  return out;
}

HealthSystem health_system(const Scenario& s, const RegistryOptions& o) {
  HealthSystem h;
  auto add = [&h]<class C>(std::unique_ptr<C> c) -> C& {
    C& ref = *c;
    h.components.push_back(std::move(c));
    return ref;
  };
  // Each line one component; a component may take those above it.
  auto& population = add(std::make_unique<PopulationComponent>(s, o.block_size));
  auto& citizens = add(std::make_unique<AdoptionComponent>(s, population, o.full_sweep));
  auto& stakeholders = add(std::make_unique<StakeholdersComponent>(s, population));
  auto& organisations = add(std::make_unique<AdoptionComponent>(s, population, stakeholders, o.full_sweep));
  auto& instruments =
      add(std::make_unique<InstrumentsComponent>(s, population, stakeholders, citizens, organisations));
  add(std::make_unique<TriggersComponent>(s, instruments));
  auto& pathway =
      add(std::make_unique<PathwayComponent>(s, population, stakeholders, citizens, organisations));
  add(std::make_unique<EquityComponent>(s, population, pathway));
  add(std::make_unique<MissionComponent>(s, population));
  add(std::make_unique<TransitionsComponent>(s, population, stakeholders, citizens, organisations,
                                             instruments));
  add(std::make_unique<EarlyWarningsComponent>(s));
  return h;
}

}  // namespace missionsim::model
