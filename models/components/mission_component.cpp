#include "models/components/mission_component.hpp"

#include "engine/scenario/schema.hpp"

#include "models/mission/goal_checks.hpp"

#include <limits>

namespace missionsim::model {

namespace {
RateDenominators denominators(const Population& population) {
  RateDenominators d;
  const double scale = population.scale();
  d.population = population.size() * scale;
  std::vector<double> regions, quintiles(quintile_count, 0.0);
  const auto& starts = population.region_starts();
  for (std::size_t r = 0; r + 1 < starts.size(); ++r) regions.push_back((starts[r + 1] - starts[r]) * scale);
  for (auto q : population.quintile()) quintiles[q] += scale;
  d.by_dim = {{"region", regions}, {"quintile", quintiles}};
  return d;
}
}  // namespace

void MissionComponent::declare_keys(TableSpec& root) {
  declare_mission_keys(root);
}

std::unique_ptr<MissionComponent> MissionComponent::make(const Scenario& s, const ComponentsAbove& above,
                                                         const RegistryOptions& /*o*/) {
  return std::make_unique<MissionComponent>(s, above.get<PopulationComponent>("population"));
}

MissionComponent::MissionComponent(const Scenario& s, const PopulationComponent& population)
    : scenario_(s), calendar_(s.calendar()), population_(population) {}

void MissionComponent::describe(ComponentDescription& d) {
  if (scenario_.mission.goals.empty()) return;
  std::vector<MetricSpec> specs;
  Mission::describe_metrics(scenario_.mission, specs);
  metrics_ = d.metrics(specs);
  auto observe = d.phase("observe", Phase::Kind::serial, Stage::goals).writes_metrics(metrics_);
  for (const auto& g : scenario_.mission.goals) {
    observe.reads_metric(d.use_metric(g.metric));
    d.goal({g.name, describe_kpi(g, calendar_), g.direction == Direction::at_most ? "at_most" : "at_least",
            format_date(g.deadline), g.baseline.value_or(std::numeric_limits<double>::quiet_NaN()),
            g.target});
  }
  observe_ = observe;
  d.event_kind("goal_met");
  d.event_kind("goal_missed");
}

void MissionComponent::setup(SetupContext& ctx) {
  if (scenario_.mission.goals.empty()) return;
  mission_.emplace(scenario_.mission, ctx.description().metrics(), calendar_,
                   denominators(population_.population()));
  mission_->setup(ctx.run());
  ctx.body(observe_, [this, values = ctx.values(), out = ctx.values()[metrics_]](const StepContext& step) {
    mission_->on_step(step.step, values.all());
    mission_->write_metrics(out);
  });
  ctx.state().keep([this] { return mission_->state(); },
                   [this](const Mission::State& s) { mission_->restore(s); });
}

void MissionComponent::take_events(std::vector<Event>& out) {
  if (!mission_) return;
  for (auto& e : mission_->take_events()) out.push_back(std::move(e));
}

void MissionComponent::conclude(ConcludeContext& ctx) {
  if (!mission_) return;
  std::vector<GoalOutcome> outcomes;
  for (const auto& g : mission_->results())
    outcomes.push_back(
        {static_cast<std::int8_t>(g.decided ? (g.achieved ? 1 : 0) : -1), g.value_at_deadline});
  ctx.record_goals(outcomes);
}

void MissionComponent::summarise(RunSummary& out) const {
  if (mission_) out.goals = mission_->results();
}

}  // namespace missionsim::model
