// The transitions of regimes and niches: landscape pressure and lock-in on the levers, regime
// strength and niche momentum from adoption, and the run's pathway label.
#pragma once

#include "models/components/instruments_component.hpp"
#include "models/transitions/transitions.hpp"

#include <optional>

namespace missionsim::model {

class TransitionsComponent final : public HealthComponent {
 public:
  /// Its section of the scenario schema.
  static void declare_keys(TableSpec& root);
  static std::unique_ptr<TransitionsComponent> make(const Scenario& s, const ComponentsAbove& above,
                                                    const RegistryOptions& o);
  TransitionsComponent(const Scenario& s, const PopulationComponent& population,
                       StakeholdersComponent& stakeholders, AdoptionComponent& citizens,
                       AdoptionComponent& organisations, InstrumentsComponent& instruments);
  [[nodiscard]] std::string_view name() const override { return "transitions"; }
  void describe(ComponentDescription& d) override;
  void setup(SetupContext& ctx) override;
  void take_events(std::vector<Event>& out) override;
  void conclude(ConcludeContext& ctx) override;
  void summarise(RunSummary& out) const override;

 private:
  const Scenario& scenario_;
  Calendar calendar_;
  const PopulationComponent& population_;
  StakeholdersComponent& stakeholders_;
  AdoptionComponent &citizens_, &organisations_;
  InstrumentsComponent& instruments_;
  std::vector<std::uint16_t> organisation_region_;
  std::optional<Transitions> transitions_;
  std::string label_;
  MetricBlock metrics_;
  PhaseHandle metrics_phase_;
  AnalysisHandle analysis_;
};

/// The /transition analysis of a run (its pathway label and when the regime shifted).
AnalysisSpec transition_analysis_spec();

}  // namespace missionsim::model
