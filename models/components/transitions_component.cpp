#include "models/components/transitions_component.hpp"

#include "engine/scenario/schema.hpp"

#include "models/transitions/pathway_label.hpp"

#include <limits>

namespace missionsim::model {

AnalysisSpec transition_analysis_spec() {
  return {
      "transition",
      {{"pathway", "", "Geels & Schot (2007) transition pathway of the run (docs/model.md, Transitions)",
        true},
       {"regime_shift_step", "step", "Step of the first regime_shift event (NaN: none)", false},
       {"niche_breakthrough_step", "step", "Step of the first niche_breakthrough event (NaN: none)", false},
       {"max_regime_pressure", "1", "Largest landscape pressure on regimes before the first shift", false}}};
}

void TransitionsComponent::declare_keys(TableSpec& root) {
  declare_transition_keys(root);
}

std::unique_ptr<TransitionsComponent> TransitionsComponent::make(const Scenario& s,
                                                                 const ComponentsAbove& above,
                                                                 const RegistryOptions& /*o*/) {
  return std::make_unique<TransitionsComponent>(
      s, above.get<PopulationComponent>("population"), above.get<StakeholdersComponent>("stakeholders"),
      above.get<AdoptionComponent>("adoption"), above.get<AdoptionComponent>("stakeholder_adoption"),
      above.get<InstrumentsComponent>("instruments"));
}

TransitionsComponent::TransitionsComponent(const Scenario& s, const PopulationComponent& population,
                                           StakeholdersComponent& stakeholders, AdoptionComponent& citizens,
                                           AdoptionComponent& organisations,
                                           InstrumentsComponent& instruments)
    : scenario_(s),
      calendar_(s.calendar()),
      population_(population),
      stakeholders_(stakeholders),
      citizens_(citizens),
      organisations_(organisations),
      instruments_(instruments) {}

void TransitionsComponent::describe(ComponentDescription& d) {
  if (scenario_.transitions.empty()) return;
  const auto state =
      d.set_up_column<double>("state", "Regime strengths, niche momentum and landscape pressure");
  // Landscape and lock-in add to the levers the instruments have just set.
  auto levers = d.phase("levers", Phase::Kind::serial, Stage::landscape)
                    .reads(state)
                    .writes(citizens_.levers)
                    .after("instruments.apply");
  auto update = d.phase("update", Phase::Kind::serial, Stage::regime_update)
                    .reads(citizens_.adopted, citizens_.maturity)
                    .writes(state);
  if (organisations_.active()) {
    levers.writes(organisations_.levers);
    update.reads(organisations_.adopted, organisations_.maturity);
  }
  if (instruments_.active())
    update.writes(instruments_.budgets).after("instruments.apply");  // fiscal pressure
  for (const char* kind : {"landscape_shock", "regime_shift", "niche_breakthrough"}) d.event_kind(kind);
  std::vector<MetricSpec> specs;
  Transitions::describe_metrics(scenario_.transitions, specs);
  metrics_ = d.metrics(specs);
  metrics_phase_ =
      d.phase("metrics", Phase::Kind::serial, Stage::metrics).reads(state).writes_metrics(metrics_);
  analysis_ = d.analysis(transition_analysis_spec());
}

void TransitionsComponent::setup(SetupContext& ctx) {
  if (scenario_.transitions.empty()) return;
  const std::uint16_t regions = population_.region_count();
  if (Stakeholders* orgs = stakeholders_.stakeholders())
    for (const auto region : orgs->region())
      organisation_region_.push_back(region == national_region ? regions
                                                               : static_cast<std::uint16_t>(region));
  std::vector<TransitionInnovation> innovations;
  for (const auto& p : scenario_.innovations) {
    const InnovationTarget t = find_innovation(p.name, citizens_, organisations_);
    if (t.adoption == citizens_.adoption())
      innovations.push_back({t.adoption, t.index, population_.population().region(), {}});
    else
      innovations.push_back(
          {t.adoption, t.index, organisation_region_, stakeholders_.organisations().incumbency()});
  }
  transitions_.emplace(scenario_.transitions, std::move(innovations), calendar_, instruments_.instruments());
  transitions_->setup();
  StepPlan phases;
  transitions_->add_lever_phase(phases);
  transitions_->add_update_phase(phases);
  ctx.bodies_from(phases, population_.blocks());
  ctx.body(metrics_phase_,
           [this, out = ctx.values()[metrics_]](const StepContext&) { transitions_->write_metrics(out); });
  ctx.state().keep([this] { return transitions_->state(); },
                   [this](const Transitions::State& s) { transitions_->restore(s); });
}

void TransitionsComponent::take_events(std::vector<Event>& out) {
  if (!transitions_) return;
  const auto events = transitions_->events();
  out.insert(out.end(), events.begin(), events.end());
  transitions_->clear_events();
}

void TransitionsComponent::conclude(ConcludeContext& ctx) {
  if (!transitions_) return;
  const TransitionHistory h = transitions_->history();
  label_ = pathway_name(classify(h, transitions_->params().strong_landscape_pressure));
  const auto step_or_nan = [](std::optional<std::uint32_t> s) {
    return s ? static_cast<double>(*s) : std::numeric_limits<double>::quiet_NaN();
  };
  const AnalysisValue values[] = {{0, label_},
                                  {step_or_nan(h.first_regime_shift), {}},
                                  {step_or_nan(h.first_breakthrough), {}},
                                  {h.max_regime_pressure_before_shift, {}}};
  ctx.record_analysis(analysis_, values);
}

void TransitionsComponent::summarise(RunSummary& out) const {
  out.pathway = label_;
}

}  // namespace missionsim::model
