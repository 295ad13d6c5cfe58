// The policy levers: instruments that spend their budgets to set adoption levers, seed
// adopters, add capacity, ties and engagement; and the triggers that start, stop or scale
// them when a watched metric crosses a value.
#pragma once

#include "models/components/adoption_component.hpp"
#include "models/instruments/instruments.hpp"
#include "models/instruments/triggers.hpp"

#include <optional>

namespace missionsim::model {

class InstrumentsComponent final : public HealthComponent {
 public:
  /// Its section of the scenario schema.
  static void declare_keys(TableSpec& root);
  static std::unique_ptr<InstrumentsComponent> make(const Scenario& s, const ComponentsAbove& above,
                                                    const RegistryOptions& o);
  InstrumentsComponent(const Scenario& s, const PopulationComponent& population,
                       StakeholdersComponent& stakeholders, AdoptionComponent& citizens,
                       AdoptionComponent& organisations);
  [[nodiscard]] std::string_view name() const override { return "instruments"; }
  void describe(ComponentDescription& d) override;
  void setup(SetupContext& ctx) override;
  void take_events(std::vector<Event>& out) override;
  void summarise(RunSummary& out) const override;
  void withdraw() override;

  [[nodiscard]] bool active() const noexcept { return !scenario_.instruments.empty(); }
  /// Null when inactive.
  [[nodiscard]] Instruments* instruments() { return instruments_ ? &*instruments_ : nullptr; }

  Column<double> budgets;
  Column<std::uint8_t> programme;  ///< which instruments are held, stopped or scaled

 private:
  const Scenario& scenario_;
  Calendar calendar_;
  const PopulationComponent& population_;
  StakeholdersComponent& stakeholders_;
  AdoptionComponent &citizens_, &organisations_;
  std::optional<Instruments> instruments_;
  MetricBlock metrics_;
  PhaseHandle metrics_phase_;
};

class TriggersComponent final : public HealthComponent {
 public:
  /// Its section of the scenario schema.
  static void declare_keys(TableSpec& root);
  static std::unique_ptr<TriggersComponent> make(const Scenario& s, const ComponentsAbove& above,
                                                 const RegistryOptions& o);
  TriggersComponent(const Scenario& s, InstrumentsComponent& instruments);
  [[nodiscard]] std::string_view name() const override { return "triggers"; }
  void describe(ComponentDescription& d) override;
  void setup(SetupContext& ctx) override;
  void take_events(std::vector<Event>& out) override;

 private:
  const Scenario& scenario_;
  Calendar calendar_;
  InstrumentsComponent& instruments_;
  std::optional<Triggers> triggers_;
  PhaseHandle watch_;
};

}  // namespace missionsim::model
