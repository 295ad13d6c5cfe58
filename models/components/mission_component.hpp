// The mission's goals, judged every step from the metrics the components wrote.
#pragma once

#include "models/components/population_component.hpp"
#include "models/mission/mission.hpp"

#include <optional>

namespace missionsim::model {

class MissionComponent final : public HealthComponent {
 public:
  /// Its section of the scenario schema.
  static void declare_keys(TableSpec& root);
  static std::unique_ptr<MissionComponent> make(const Scenario& s, const ComponentsAbove& above,
                                                const RegistryOptions& o);
  MissionComponent(const Scenario& s, const PopulationComponent& population);
  [[nodiscard]] std::string_view name() const override { return "mission"; }
  void describe(ComponentDescription& d) override;
  void setup(SetupContext& ctx) override;
  void take_events(std::vector<Event>& out) override;
  void conclude(ConcludeContext& ctx) override;
  void summarise(RunSummary& out) const override;

 private:
  const Scenario& scenario_;
  Calendar calendar_;
  const PopulationComponent& population_;
  std::optional<Mission> mission_;
  MetricBlock metrics_;
  PhaseHandle observe_;
};

}  // namespace missionsim::model
