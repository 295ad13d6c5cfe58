// The health-system side of the component contract: the stages a step runs in, and what a
// health-system component adds to the engine's Component for the run summary and the
// comparison with a baseline. Components are listed in models/composition/registry.cpp.
#pragma once

#include "engine/io/recorder.hpp"
#include "engine/model/component.hpp"
#include "models/mission/mission.hpp"

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace missionsim {
class TableSpec;
}

namespace missionsim::model {

/// Where in a step a phase runs (DESIGN.md's data flow). Phases run by stage, then in the
/// registry's order of components.
enum Stage : int {
  levers = 100,                  ///< instruments set this step's levers and seeds
  landscape = 200,               ///< landscape pressure and lock-in add to them
  organisation_decisions = 300,  ///< organisations decide before citizens
  citizen_decisions = 400,
  regime_update = 500,  ///< regimes and niches follow the step's adoption
  disease = 600,        ///< the care pathway, with this step's adopters in effect
  metrics = 700,        ///< components write their metrics
  goals = 800,          ///< observers of the metrics: goals, then triggers, then early warnings
  triggers = 810,
  early_warnings = 820,
};

struct RunSummary {
  RunRecord record;
  std::uint32_t steps = 0;
  std::uint32_t agents = 0;
  double step_seconds = 0;   ///< wall time of the step loop alone
  double build_seconds = 0;  ///< wall time to build the world
  struct Share {
    std::string innovation;
    std::string among;  ///< "people" or "organisations"
    double share = 0;
  };
  std::vector<Share> final_shares;                    ///< per innovation, at the end
  std::vector<std::pair<std::string, double>> spend;  ///< per instrument, in all
  std::vector<GoalResult> goals;
  std::string pathway;  ///< the transition pathway's name, when the scenario has regimes or niches
};

class HealthComponent : public Component {
 public:
  /// After conclude(): adds what the run's summary says of this component.
  virtual void summarise(RunSummary& /*out*/) const {}
  /// Adds the costs of the step just run that no metric holds (innovations' running costs).
  virtual void add_step_costs(double& /*cost*/, double /*dt_years*/) const {}
  /// Stops every lever from the next step on (counterfactual runs of `tipping`).
  virtual void withdraw() {}
};

/// How the registry builds the components of a run.
struct RegistryOptions {
  std::uint32_t block_size = 0;  ///< agents per parallel block; 0 = the engine default
  bool full_sweep = false;       ///< adoption sweeps every agent every step (no active set)
};

/// The components listed above the one being built (registry.cpp): those it may take. Besides
/// the Component overrides, a component listed in the registry has
///   static void declare_keys(TableSpec& root);   // its own section of the scenario schema
///   static std::unique_ptr<C> make(const Scenario&, const ComponentsAbove&, const RegistryOptions&);
class ComponentsAbove {
 public:
  explicit ComponentsAbove(std::span<const std::unique_ptr<HealthComponent>> list) : list_(list) {}
  /// The component named `name`, of type C; InternalError if none is listed above.
  template <class C>
  [[nodiscard]] C& get(std::string_view name) const {
    for (const auto& c : list_)
      if (c->name() == name)
        if (auto* typed = dynamic_cast<C*>(c.get())) return *typed;
    throw InternalError("component '" + std::string(name) +
                        "' must be listed in the registry above the one that takes it");
  }

 private:
  std::span<const std::unique_ptr<HealthComponent>> list_;
};

}  // namespace missionsim::model
