// The mission's goals, judged every step from the metrics; the transitions of the regimes and
// niches (landscape, lock-in, the pathway label); and the early-warning indicators that
// follow adoption shares and goal KPIs.
#pragma once

#include "models/components/instruments_component.hpp"
#include "models/early_warning/early_warnings.hpp"
#include "models/mission/mission.hpp"
#include "models/transitions/transitions.hpp"

#include <optional>

namespace missionsim::model {

class MissionComponent final : public HealthComponent {
 public:
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

class TransitionsComponent final : public HealthComponent {
 public:
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

class EarlyWarningsComponent final : public HealthComponent {
 public:
  explicit EarlyWarningsComponent(const Scenario& s);
  [[nodiscard]] std::string_view name() const override { return "early_warnings"; }
  void describe(ComponentDescription& d) override;
  void setup(SetupContext& ctx) override;
  void conclude(ConcludeContext& ctx) override;

  /// The metrics whose trends are watched, when the scenario has them.
  static const std::vector<std::string>& watched();

 private:
  const Scenario& scenario_;
  std::size_t steps_;
  std::optional<EarlyWarnings> early_warnings_;
  MetricBlock metrics_;
  PhaseHandle observe_;
  std::optional<AnalysisHandle> analysis_;
};

/// The /transition analysis of a run (its pathway label and when the regime shifted).
AnalysisSpec transition_analysis_spec();

}  // namespace missionsim::model
