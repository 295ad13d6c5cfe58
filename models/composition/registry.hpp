// The health-system model: one ordered list of components (registry.cpp). The order is the
// order of the schema's sections, of setup, of metrics in a step's values, of events within a
// step, and of phases within a stage.
#pragma once

#include "models/components/health_component.hpp"
#include "models/composition/scenario.hpp"

#include <memory>
#include <vector>

namespace missionsim::model {

struct HealthSystem {
  std::vector<std::unique_ptr<HealthComponent>> components;
  [[nodiscard]] std::vector<Component*> list() const;
};

/// The components of a run of `s` (which must outlive them), before any world exists.
HealthSystem health_system(const Scenario& s, const RegistryOptions& options = {});

/// Adds each listed component's section to the scenario schema, in the registry's order.
void declare_health_system_keys(TableSpec& root);

}  // namespace missionsim::model
