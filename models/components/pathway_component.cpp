#include "models/components/pathway_component.hpp"

#include "engine/scenario/schema.hpp"

namespace missionsim::model {

void PathwayComponent::declare_keys(TableSpec& root) {
  declare_pathway_keys(root);
}

std::unique_ptr<PathwayComponent> PathwayComponent::make(const Scenario& s, const ComponentsAbove& above,
                                                         const RegistryOptions& /*o*/) {
  return std::make_unique<PathwayComponent>(
      s, above.get<PopulationComponent>("population"), above.get<StakeholdersComponent>("stakeholders"),
      above.get<AdoptionComponent>("adoption"), above.get<AdoptionComponent>("stakeholder_adoption"));
}

PathwayComponent::PathwayComponent(const Scenario& s, const PopulationComponent& population,
                                   StakeholdersComponent& stakeholders, AdoptionComponent& citizens,
                                   AdoptionComponent& organisations)
    : scenario_(s),
      population_(population),
      stakeholders_(stakeholders),
      citizens_(citizens),
      organisations_(organisations) {}

void PathwayComponent::describe(ComponentDescription& d) {
  if (!active()) return;
  care_state = d.set_up_column<std::uint8_t>("care_state", "Each person's state in the care pathway");
  step_tally =
      d.set_up_column<double>("step_tally", "The step's counts by state, event, region and quintile");
  const auto tallies =
      d.column<double>("block_tallies", "Per-block counts of the step, combined in block order");
  auto transition =
      d.phase("transition", Phase::Kind::agents, Stage::disease)
          .reads(d.use<std::uint16_t>("population.region"), d.use<std::uint8_t>("population.quintile"),
                 d.use<std::uint8_t>("population.age_band"), d.use<std::uint32_t>("population.risk_factors"),
                 d.use<float>("population.onset_risk"), care_state)
          .writes(care_state, tallies);
  bool by_citizens = false, by_organisations = false;
  for (const auto& p : scenario_.innovations)
    if (p.changes_pathway()) (p.adopters == Adopters::citizens ? by_citizens : by_organisations) = true;
  if (by_citizens) transition.reads(citizens_.adopted);
  if (by_organisations) transition.reads(organisations_.adopted, stakeholders_.reach);
  d.phase("combine", Phase::Kind::serial, Stage::disease).reads(tallies).writes(step_tally);
  std::vector<MetricSpec> specs;
  Pathway::describe_metrics(scenario_.population, specs);
  metrics_ = d.metrics(specs);
  metrics_phase_ = d.phase("metrics", Phase::Kind::serial, Stage::metrics)
                       .reads(step_tally, care_state)
                       .writes_metrics(metrics_);
}

void PathwayComponent::setup(SetupContext& ctx) {
  if (!active()) return;
  std::vector<PathwayEffect> effects;
  for (const auto& p : scenario_.innovations) {
    if (!p.changes_pathway()) continue;
    const InnovationTarget t = find_innovation(p.name, citizens_, organisations_);
    PathwayEffect e{[a = t.adoption, i = t.index] { return a->adopted(i); }, p.onset_multiplier,
                    p.early_detection_multiplier, p.cure_multiplier};
    if (p.adopters == Adopters::stakeholders) {
      e.provider_of = stakeholders_.organisations().provider_of();
      e.reached = stakeholders_.organisations().reached();
    }
    effects.push_back(std::move(e));
  }
  pathway_.emplace(scenario_.pathway, population_.population(), population_.blocks(), std::move(effects));
  pathway_->setup(ctx.seed(), ctx.run());
  StepPlan phases;
  pathway_->add_phases(phases);
  ctx.bodies_from(phases, population_.blocks());
  ctx.body(metrics_phase_,
           [this, out = ctx.values()[metrics_]](const StepContext&) { pathway_->write_metrics(out); });
  ctx.bind(care_state, [this] { return pathway_->states(); });
  ctx.state().keep([this] { return pathway_->state(); },
                   [this](const Pathway::State& s) { pathway_->restore(s); });
}

std::unique_ptr<EquityComponent> EquityComponent::make(const Scenario& s, const ComponentsAbove& above,
                                                       const RegistryOptions& /*o*/) {
  return std::make_unique<EquityComponent>(s, above.get<PopulationComponent>("population"),
                                           above.get<PathwayComponent>("pathway"));
}

EquityComponent::EquityComponent(const Scenario& s, const PopulationComponent& population,
                                 const PathwayComponent& pathway)
    : scenario_(s), population_(population), pathway_(pathway) {}

void EquityComponent::describe(ComponentDescription& d) {
  if (!pathway_.active()) return;
  std::vector<MetricSpec> specs;
  Equity::describe_metrics(specs);
  metrics_ = d.metrics(specs);
  metrics_phase_ = d.phase("metrics", Phase::Kind::serial, Stage::metrics)
                       .reads(pathway_.step_tally)
                       .writes_metrics(metrics_);
}

void EquityComponent::setup(SetupContext& ctx) {
  if (!pathway_.active()) return;
  equity_.emplace(*pathway_.pathway(), population_.population(), scenario_.calendar().dt_years());
  ctx.body(metrics_phase_,
           [this, out = ctx.values()[metrics_]](const StepContext&) { equity_->write_metrics(out); });
}

}  // namespace missionsim::model
