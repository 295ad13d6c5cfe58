// Innovations adopted by citizens (on their contact layers) or by organisations (on their
// collaboration network), with their adopter shares by region or by stakeholder type.
#pragma once

#include "models/adoption/adoption.hpp"
#include "models/components/adoption_by_group.hpp"
#include "models/components/stakeholders_component.hpp"
#include "models/instruments/instruments.hpp"

#include <optional>

namespace missionsim::model {

class AdoptionComponent final : public HealthComponent {
 public:
  /// The innovations table, for citizens and organisations alike.
  static void declare_keys(TableSpec& root);
  /// The adoption of citizens' innovations (who = citizens) or organisations' (stakeholders).
  static std::unique_ptr<AdoptionComponent> make(const Scenario& s, const ComponentsAbove& above,
                                                 const RegistryOptions& o, Adopters who);
  /// Citizens' innovations: the component "adoption".
  AdoptionComponent(const Scenario& s, const PopulationComponent& population, bool full_sweep);
  /// Organisations' innovations: "stakeholder_adoption", active when the scenario has stakeholders.
  AdoptionComponent(const Scenario& s, const PopulationComponent& population,
                    StakeholdersComponent& stakeholders, bool full_sweep);
  [[nodiscard]] std::string_view name() const override {
    return who_ == Adopters::citizens ? "adoption" : "stakeholder_adoption";
  }
  void describe(ComponentDescription& d) override;
  void setup(SetupContext& ctx) override;
  void summarise(RunSummary& out) const override;
  void add_step_costs(double& cost, double dt_years) const override;

  [[nodiscard]] bool active() const noexcept { return !stakeholders_ || stakeholders_->active(); }
  /// Null when inactive.
  [[nodiscard]] Adoption* adoption() { return adoption_ ? &*adoption_ : nullptr; }
  /// Coordination added ties between organisations: the adoption's layer follows them.
  void collaboration_changed();

  Column<std::uint8_t> adopted, protected_adopters;
  Column<double> levers, maturity;

 private:
  void follow_collaboration();
  const Scenario& scenario_;
  Adopters who_;
  const PopulationComponent& population_;
  StakeholdersComponent* stakeholders_;  ///< null for citizens
  bool full_sweep_;
  std::vector<InnovationParams> innovations_;
  std::optional<World> organisation_world_;
  std::vector<std::uint16_t> zone_, group_;
  std::optional<Adoption> adoption_;
  std::optional<AdoptionByGroup> by_group_;
  MetricBlock metrics_, group_metrics_;
  PhaseHandle metrics_phase_;
};

/// Where an innovation lives: which adoption and its index there.
InnovationTarget find_innovation(const std::string& name, AdoptionComponent& citizens,
                                 AdoptionComponent& organisations);

}  // namespace missionsim::model
