#include "models/components/stakeholders_component.hpp"

#include "engine/scenario/schema.hpp"

namespace missionsim::model {

void StakeholdersComponent::declare_keys(TableSpec& root) {
  declare_stakeholder_keys(root);
}

std::unique_ptr<StakeholdersComponent> StakeholdersComponent::make(const Scenario& s,
                                                                   const ComponentsAbove& above,
                                                                   const RegistryOptions& /*o*/) {
  return std::make_unique<StakeholdersComponent>(s, above.get<PopulationComponent>("population"));
}

StakeholdersComponent::StakeholdersComponent(const Scenario& s, const PopulationComponent& population)
    : scenario_(s), population_(population) {}

void StakeholdersComponent::describe(ComponentDescription& d) {
  if (!active()) return;
  type = d.set_up_column<std::uint8_t>("type", "Each organisation's stakeholder type");
  engagement = d.set_up_column<float>("engagement", "Each organisation's engagement in the mission");
  reach = d.set_up_column<double>("reach", "Each provider's capacity and the citizens it reaches");
  collaboration = d.set_up_column<CsrGraph>("collaboration", "Ties between organisations");
  std::vector<MetricSpec> specs;
  Stakeholders::describe_metrics(specs);
  metrics_ = d.metrics(specs);
  metrics_phase_ = d.phase("metrics", Phase::Kind::serial, Stage::metrics)
                       .reads(type, engagement)
                       .writes_metrics(metrics_);
}

void StakeholdersComponent::setup(SetupContext& ctx) {
  if (!active()) return;
  stakeholders_.emplace(scenario_.stakeholders, population_.population(), ctx.seed(), ctx.run());
  ctx.bind(type, [this] { return stakeholders_->type(); });
  ctx.bind(engagement, [this] { return stakeholders_->engagement(); });
  ctx.body(metrics_phase_,
           [this, out = ctx.values()[metrics_]](const StepContext&) { stakeholders_->write_metrics(out); });
  ctx.state().keep([this] { return stakeholders_->state(); },
                   [this](const Stakeholders::State& s) { stakeholders_->restore(s); });
}

}  // namespace missionsim::model
