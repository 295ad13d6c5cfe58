#include "models/components/early_warnings_component.hpp"

#include "engine/scenario/schema.hpp"

namespace missionsim::model {

const std::vector<std::string>& EarlyWarningsComponent::watched() {
  static const std::vector<std::string> names{"adopter_share_by_innovation",
                                              "stakeholder_adopter_share_by_stakeholder_innovation",
                                              "goal_kpi_by_goal"};
  return names;
}

void EarlyWarningsComponent::declare_keys(TableSpec& root) {
  declare_early_warning_keys(root);
}

std::unique_ptr<EarlyWarningsComponent> EarlyWarningsComponent::make(const Scenario& s,
                                                                     const ComponentsAbove& /*above*/,
                                                                     const RegistryOptions& /*o*/) {
  return std::make_unique<EarlyWarningsComponent>(s);
}

EarlyWarningsComponent::EarlyWarningsComponent(const Scenario& s)
    : scenario_(s), steps_(s.calendar().step_count()) {}

void EarlyWarningsComponent::describe(ComponentDescription& d) {
  // Last: the indicators follow adoption shares and goal KPIs written before them.
  const EarlyWarnings shape(scenario_.early_warning, d.declared_metrics(), watched(), steps_);
  std::vector<MetricSpec> specs;
  shape.describe_metrics(specs);
  metrics_ = d.metrics(specs);
  auto observe = d.phase("observe", Phase::Kind::serial, Stage::early_warnings).writes_metrics(metrics_);
  for (const auto& name : watched())
    for (const auto& m : d.declared_metrics())
      if (m.dataset_name() == name) observe.reads_metric(d.use_metric(name));
  observe_ = observe;
  if (shape.series_count() > 0) analysis_ = d.analysis(shape.analysis_spec());
}

void EarlyWarningsComponent::setup(SetupContext& ctx) {
  early_warnings_.emplace(scenario_.early_warning, ctx.description().metrics(), watched(), steps_);
  early_warnings_->setup();
  ctx.body(observe_, [this, values = ctx.values(), out = ctx.values()[metrics_]](const StepContext& step) {
    early_warnings_->on_step(step.step, values.all());
    early_warnings_->write_metrics(out);
  });
  ctx.state().keep([this] { return early_warnings_->state(); },
                   [this](const EarlyWarnings::State& s) { early_warnings_->restore(s); });
}

void EarlyWarningsComponent::conclude(ConcludeContext& ctx) {
  if (analysis_) ctx.record_analysis(*analysis_, early_warnings_->analysis_values());
}

}  // namespace missionsim::model
