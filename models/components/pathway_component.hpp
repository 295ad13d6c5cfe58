// The care pathway (onset, detection, treatment, death) with the innovations that change its
// hazards, and the equity indicators computed from its tallies. Inactive without [pathway].
#pragma once

#include "models/components/adoption_component.hpp"
#include "models/equity/equity.hpp"
#include "models/pathway/pathway.hpp"

#include <optional>

namespace missionsim::model {

class PathwayComponent final : public HealthComponent {
 public:
  /// Its section of the scenario schema.
  static void declare_keys(TableSpec& root);
  static std::unique_ptr<PathwayComponent> make(const Scenario& s, const ComponentsAbove& above,
                                                const RegistryOptions& o);
  PathwayComponent(const Scenario& s, const PopulationComponent& population,
                   StakeholdersComponent& stakeholders, AdoptionComponent& citizens,
                   AdoptionComponent& organisations);
  [[nodiscard]] std::string_view name() const override { return "pathway"; }
  void describe(ComponentDescription& d) override;
  void setup(SetupContext& ctx) override;

  [[nodiscard]] bool active() const noexcept { return scenario_.pathway.enabled; }
  [[nodiscard]] const Pathway* pathway() const { return pathway_ ? &*pathway_ : nullptr; }

  Column<std::uint8_t> care_state;
  Column<double> step_tally;

 private:
  const Scenario& scenario_;
  const PopulationComponent& population_;
  StakeholdersComponent& stakeholders_;
  AdoptionComponent &citizens_, &organisations_;
  std::optional<Pathway> pathway_;
  MetricBlock metrics_;
  PhaseHandle metrics_phase_;
};

class EquityComponent final : public HealthComponent {
 public:
  /// It reads the pathway's keys; it has none of its own.
  static void declare_keys(TableSpec& /*root*/) {}
  static std::unique_ptr<EquityComponent> make(const Scenario& s, const ComponentsAbove& above,
                                               const RegistryOptions& o);
  EquityComponent(const Scenario& s, const PopulationComponent& population, const PathwayComponent& pathway);
  [[nodiscard]] std::string_view name() const override { return "equity"; }
  void describe(ComponentDescription& d) override;
  void setup(SetupContext& ctx) override;

 private:
  const Scenario& scenario_;
  const PopulationComponent& population_;
  const PathwayComponent& pathway_;
  std::optional<Equity> equity_;
  MetricBlock metrics_;
  PhaseHandle metrics_phase_;
};

}  // namespace missionsim::model
