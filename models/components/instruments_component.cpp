#include "models/components/instruments_component.hpp"

#include "engine/scenario/schema.hpp"

#include "models/components/lever_zones.hpp"

#include "engine/core/error.hpp"

namespace missionsim::model {

namespace {
std::size_t instrument_index(const Scenario& s, const std::string& name) {
  for (std::size_t i = 0; i < s.instruments.size(); ++i)
    if (s.instruments[i].name == name) return i;
  throw InternalError("no instrument named '" + name + "' (the scenario reader checks this)");
}

void move_events(std::span<const Event> events, std::vector<Event>& out) {
  out.insert(out.end(), events.begin(), events.end());
}
}  // namespace

void InstrumentsComponent::declare_keys(TableSpec& root) {
  declare_instrument_keys(root);
}

std::unique_ptr<InstrumentsComponent> InstrumentsComponent::make(const Scenario& s,
                                                                 const ComponentsAbove& above,
                                                                 const RegistryOptions& /*o*/) {
  return std::make_unique<InstrumentsComponent>(
      s, above.get<PopulationComponent>("population"), above.get<StakeholdersComponent>("stakeholders"),
      above.get<AdoptionComponent>("adoption"), above.get<AdoptionComponent>("stakeholder_adoption"));
}

InstrumentsComponent::InstrumentsComponent(const Scenario& s, const PopulationComponent& population,
                                           StakeholdersComponent& stakeholders, AdoptionComponent& citizens,
                                           AdoptionComponent& organisations)
    : scenario_(s),
      calendar_(s.calendar()),
      population_(population),
      stakeholders_(stakeholders),
      citizens_(citizens),
      organisations_(organisations) {}

void InstrumentsComponent::describe(ComponentDescription& d) {
  if (!active()) return;
  budgets =
      d.set_up_column<double>("budgets", "Each instrument's spending so far and what it may still spend");
  programme = d.set_up_column<std::uint8_t>("programme", "Which instruments are held, stopped or scaled");
  // First in the step: this step's levers and seeds are in place before anyone decides.
  auto apply = d.phase("apply", Phase::Kind::serial, Stage::levers)
                   .reads(budgets, programme)
                   .writes(budgets)
                   .writes(citizens_.levers, citizens_.adopted, citizens_.protected_adopters);
  if (organisations_.active())
    apply.writes(organisations_.levers, organisations_.adopted, organisations_.protected_adopters);
  if (stakeholders_.active())  // infrastructure, coordination and engagement change what they touch
    apply.reads(stakeholders_.reach, stakeholders_.collaboration, stakeholders_.engagement)
        .writes(stakeholders_.reach, stakeholders_.collaboration, stakeholders_.engagement);
  d.event_kind("budget_exhausted");
  std::vector<MetricSpec> specs;
  Instruments::describe_metrics(scenario_.instruments, scenario_.mission.currency, specs);
  metrics_ = d.metrics(specs);
  metrics_phase_ =
      d.phase("metrics", Phase::Kind::serial, Stage::metrics).reads(budgets).writes_metrics(metrics_);
}

void InstrumentsComponent::setup(SetupContext& ctx) {
  if (!active()) return;
  const std::uint16_t regions = population_.region_count();
  std::vector<Adoption*> adoptions{citizens_.adoption()};
  if (organisations_.active()) adoptions.push_back(organisations_.adoption());
  std::vector<InnovationTarget> targets;
  for (const auto& i : scenario_.instruments) {
    InnovationTarget t = find_innovation(i.innovation, citizens_, organisations_);
    if (t.adoption == citizens_.adoption())
      t.zones.assign(i.regions.begin(), i.regions.end());
    else
      t.zones = organisation_zones_of(i, regions);
    targets.push_back(std::move(t));
  }
  instruments_.emplace(scenario_.instruments, std::move(targets), std::move(adoptions), calendar_,
                       population_.population(), scenario_.mission.budget, stakeholders_.stakeholders());
  if (organisations_.active())  // coordination adds ties: the organisations' layer follows
    instruments_->on_collaboration_changed([this] { organisations_.collaboration_changed(); });
  for (const auto& t : scenario_.triggers)
    if (t.action == TriggerAction::start)
      instruments_->hold_until_started(instrument_index(scenario_, t.instrument));
  instruments_->setup();
  StepPlan phases;
  instruments_->add_phases(phases);
  ctx.bodies_from(phases, population_.blocks());
  ctx.body(metrics_phase_,
           [this, out = ctx.values()[metrics_]](const StepContext&) { instruments_->write_metrics(out); });
  ctx.state().keep([this] { return instruments_->state(); },
                   [this](const Instruments::State& s) { instruments_->restore(s); });
}

void InstrumentsComponent::take_events(std::vector<Event>& out) {
  if (!instruments_) return;
  move_events(instruments_->events(), out);
  instruments_->clear_events();
}

void InstrumentsComponent::summarise(RunSummary& out) const {
  if (!instruments_) return;
  for (std::size_t i = 0; i < instruments_->size(); ++i)
    out.spend.emplace_back(scenario_.instruments[i].name, instruments_->cumulative_spend(i));
}

void InstrumentsComponent::withdraw() {
  if (instruments_) instruments_->stop_all();
}

void TriggersComponent::declare_keys(TableSpec& root) {
  declare_trigger_keys(root);
}

std::unique_ptr<TriggersComponent> TriggersComponent::make(const Scenario& s, const ComponentsAbove& above,
                                                           const RegistryOptions& /*o*/) {
  return std::make_unique<TriggersComponent>(s, above.get<InstrumentsComponent>("instruments"));
}

TriggersComponent::TriggersComponent(const Scenario& s, InstrumentsComponent& instruments)
    : scenario_(s), calendar_(s.calendar()), instruments_(instruments) {}

void TriggersComponent::describe(ComponentDescription& d) {
  if (scenario_.triggers.empty()) return;
  // Triggers watch the metrics of the step; they fire after it and act from the next.
  auto watch = d.phase("watch", Phase::Kind::serial, Stage::triggers).writes(instruments_.programme);
  for (const auto& t : scenario_.triggers) watch.reads_metric(d.use_metric(t.metric));
  watch_ = watch;
  d.event_kind("trigger_fired");
}

void TriggersComponent::setup(SetupContext& ctx) {
  if (scenario_.triggers.empty()) return;
  std::vector<std::size_t> watched;
  for (const auto& t : scenario_.triggers) watched.push_back(instrument_index(scenario_, t.instrument));
  triggers_.emplace(scenario_.triggers, ctx.description().metrics(), std::move(watched), calendar_,
                    *instruments_.instruments());
  triggers_->setup(ctx.run());
  ctx.body(watch_, [this, values = ctx.values()](const StepContext& step) {
    triggers_->on_step(step.step, values.all());
  });
  ctx.state().keep([this] { return triggers_->state(); },
                   [this](const std::vector<std::uint8_t>& fired) { triggers_->restore(fired); });
}

void TriggersComponent::take_events(std::vector<Event>& out) {
  if (!triggers_) return;
  move_events(triggers_->events(), out);
  triggers_->clear_events();
}

}  // namespace missionsim::model
