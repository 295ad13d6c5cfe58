// The organisations of the helix: their types, regions, engagement, the patients each provider
// reaches, and their collaboration network. Inactive without [[stakeholders]].
#pragma once

#include "models/components/population_component.hpp"
#include "models/stakeholders/stakeholders.hpp"

#include <optional>

namespace missionsim::model {

class StakeholdersComponent final : public HealthComponent {
 public:
  /// Its section of the scenario schema.
  static void declare_keys(TableSpec& root);
  static std::unique_ptr<StakeholdersComponent> make(const Scenario& s, const ComponentsAbove& above,
                                                     const RegistryOptions& o);
  StakeholdersComponent(const Scenario& s, const PopulationComponent& population);
  [[nodiscard]] std::string_view name() const override { return "stakeholders"; }
  void describe(ComponentDescription& d) override;
  void setup(SetupContext& ctx) override;

  [[nodiscard]] bool active() const noexcept { return !scenario_.stakeholders.groups.empty(); }
  /// Null when inactive.
  [[nodiscard]] Stakeholders* stakeholders() { return stakeholders_ ? &*stakeholders_ : nullptr; }
  /// When active, after setup.
  [[nodiscard]] Stakeholders& organisations() { return *stakeholders_; }

  Column<std::uint8_t> type;
  Column<float> engagement;
  Column<double> reach;  ///< providers' capacity and the patients each reaches
  Column<CsrGraph> collaboration;

 private:
  const Scenario& scenario_;
  const PopulationComponent& population_;
  std::optional<Stakeholders> stakeholders_;
  MetricBlock metrics_;
  PhaseHandle metrics_phase_;
};

}  // namespace missionsim::model
