// The health-system model: one ordered list of components (registry.cpp). The order is the
// order of setup, of metrics in a step's values, of events within a step, and of phases within
// a stage.
#pragma once

#include "models/components/health_component.hpp"
#include "models/composition/scenario.hpp"

#include <memory>
#include <vector>

namespace missionsim::model {

struct RegistryOptions {
  std::uint32_t block_size = 0;  ///< agents per parallel block; 0 = the engine default
  bool full_sweep = false;       ///< adoption sweeps every agent every step (no active set)
};

struct HealthSystem {
  std::vector<std::unique_ptr<HealthComponent>> components;
  [[nodiscard]] std::vector<Component*> list() const;
};

/// The components of a run of `s` (which must outlive them), before any world exists.
HealthSystem health_system(const Scenario& s, const RegistryOptions& options = {});

}  // namespace missionsim::model
