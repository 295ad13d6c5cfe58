#include "engine/model/model.hpp"

#include "engine/core/error.hpp"

#include <algorithm>

namespace missionsim {

ModelDescription Model::describe(const std::vector<Component*>& components) {
  ModelDescription out;
  for (Component* c : components) {
    ComponentDescription d(out, std::string(c->name()));
    c->describe(d);
  }
  return out;
}

Model::Model(std::vector<Component*> components)
    : components_(std::move(components)), description_(describe(components_)) {
  description_.freeze();
}

Model::~Model() = default;

void Model::setup(std::uint64_t seed, std::uint32_t run, unsigned threads) {
  if (executor_) throw InternalError("Model::setup called twice");
  seed_ = seed;
  run_ = run;
  values_.assign(description_.value_count(), 0.0);
  bodies_.assign(description_.phases().size(), {});
  states_.assign(components_.size(), {});
  bindings_.clear();
  bindings_.resize(description_.columns().size());
  for (std::uint32_t i = 0; i < components_.size(); ++i) {
    SetupContext ctx(*this, i);
    components_[i]->setup(ctx);
  }
  for (const auto id : description_.order()) {
    const PhaseInfo& info = description_.phases()[id];
    Body& b = bodies_[id];
    if (info.kind == Phase::Kind::agents ? !b.on_block : !b.on_step)
      throw InternalError("model: component '" + info.component + "' gave phase '" + info.name + "' no body");
    Phase p;
    p.name = info.name;
    p.kind = info.kind;
    for (const auto c : info.writes) p.writes.push_back(description_.columns()[c].name);
    p.blocks = b.blocks;
    p.on_block = b.on_block;
    p.on_step = b.on_step;
    plan_.add(std::move(p));
  }
  plan_.freeze();
  executor_ = std::make_unique<StepExecutor>(plan_, BlockPartition{}, threads);
}

void Model::run_step(const StepContext& ctx) {
  executor_->run_step(ctx);
}

void Model::take_events(std::vector<Event>& out) {
  for (Component* c : components_) c->take_events(out);
}

void Model::conclude(Recorder& recorder, std::uint32_t run) {
  ConcludeContext ctx(recorder, run);
  for (Component* c : components_) c->conclude(ctx);
}

ModelSnapshot Model::snapshot() const {
  ModelSnapshot s;
  s.values = values_;
  for (const auto& state : states_) s.components.push_back(state.snapshot());
  return s;
}

void Model::restore(const ModelSnapshot& s) {
  if (s.components.size() != states_.size())
    throw InternalError("Model::restore: a snapshot of another model");
  if (s.values.size() != values_.size()) throw InternalError("Model::restore: a snapshot of another model");
  std::copy(s.values.begin(), s.values.end(), values_.begin());  // phases hold spans into values_
  for (std::size_t i = 0; i < states_.size(); ++i) states_[i].restore(s.components[i]);
}

// ---- SetupContext ----

std::uint64_t SetupContext::seed() const noexcept {
  return model_.seed_;
}
std::uint32_t SetupContext::run() const noexcept {
  return model_.run_;
}
const ModelDescription& SetupContext::description() const noexcept {
  return model_.description_;
}
MetricValues SetupContext::values() const {
  return {model_.description_, model_.values_};
}
StateList& SetupContext::state() {
  return model_.states_[component_];
}

namespace {
void check_own(const ModelDescription& d, PhaseHandle phase, std::string_view component) {
  if (d.phases().at(phase.id).component != component)
    throw InternalError("model: component '" + std::string(component) + "' binds phase '" +
                        d.phases()[phase.id].name + "' of another component");
}
}  // namespace

void SetupContext::body(PhaseHandle phase, BlockPartition blocks,
                        std::function<void(const StepContext&, const AgentBlock&)> f) {
  check_own(model_.description_, phase, model_.description_.components()[component_]);
  model_.bodies_[phase.id].blocks = blocks;
  model_.bodies_[phase.id].on_block = std::move(f);
}

void SetupContext::body(PhaseHandle phase, std::function<void(const StepContext&)> f) {
  check_own(model_.description_, phase, model_.description_.components()[component_]);
  model_.bodies_[phase.id].on_step = std::move(f);
}

void SetupContext::bodies_from(const StepPlan& plan, const BlockPartition& blocks) {
  const auto& phases = model_.description_.phases();
  for (const Phase& p : plan.phases()) {
    const auto it =
        std::find_if(phases.begin(), phases.end(), [&](const PhaseInfo& i) { return i.name == p.name; });
    if (it == phases.end() || it->component != model_.description_.components()[component_] ||
        it->kind != p.kind)
      throw InternalError("model: component '" + model_.description_.components()[component_] +
                          "' runs phase '" + p.name + "', which it does not declare (as that kind)");
    const PhaseHandle h{static_cast<std::uint32_t>(it - phases.begin())};
    if (p.kind == Phase::Kind::agents)
      body(h, p.blocks.agents() > 0 ? p.blocks : blocks, p.on_block);
    else
      body(h, p.on_step);
  }
}

std::unique_ptr<ColumnBinding>& SetupContext::binding(std::uint32_t column) {
  return model_.bindings_.at(column);
}

}  // namespace missionsim
