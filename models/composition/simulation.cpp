#include "models/composition/simulation.hpp"

#include "engine/schedule/step_executor.hpp"
#include "models/adoption/adoption.hpp"
#include "models/instruments/instruments.hpp"
#include "models/pathway/pathway.hpp"
#include "models/population/population.hpp"
#include "models/world/world.hpp"

#include "engine/core/error.hpp"

#include <chrono>
#include <optional>

namespace missionsim::model {

namespace {
using Clock = std::chrono::steady_clock;
double seconds_since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

World build_world(const Scenario& s, const Population& population, const RunSettings& r) {
  std::vector<NetworkLayer> layers;
  layers.reserve(s.networks.size());
  for (const auto& p : s.networks)
    layers.push_back(build_layer(p, population.region_starts(), r.seed, r.run));
  return World(population.size(), std::move(layers));
}

std::size_t innovation_index(const Scenario& s, const std::string& name) {
  for (std::size_t i = 0; i < s.innovations.size(); ++i)
    if (s.innovations[i].name == name) return i;
  throw InternalError("no innovation named '" + name + "' (the scenario reader checks this)");
}

std::vector<PathwayEffect> pathway_effects(const Scenario& s, const Adoption& adoption) {
  std::vector<PathwayEffect> effects;
  for (std::size_t i = 0; i < s.innovations.size(); ++i) {
    const auto& p = s.innovations[i];
    if (!p.changes_pathway()) continue;
    effects.push_back({[&adoption, i] { return adoption.adopted(i); }, p.onset_multiplier,
                       p.early_detection_multiplier, p.cure_multiplier});
  }
  return effects;
}
}  // namespace

struct Simulation::Impl {
  const Scenario& scenario;
  RunSettings settings;
  Calendar calendar;
  double build_seconds = 0;
  Population population;
  World world;
  BlockPartition blocks;
  Adoption adoption;
  std::optional<Instruments> instruments;
  std::optional<Pathway> pathway;
  StepPlan plan;
  std::vector<MetricSpec> metrics;
  std::vector<double> values;  ///< one step's metric values, reused every step

  Impl(const Scenario& s, const RunSettings& r, Clock::time_point t0)
      : scenario(s),
        settings(r),
        calendar(s.calendar()),
        population(s.population, r.seed, r.run),
        world(build_world(s, population, r)),
        blocks(population.size(), r.block_size ? r.block_size : BlockPartition::default_block_size),
        adoption(s.innovations, world, blocks) {
    adoption.setup(r.seed, r.run);
    std::size_t width = 0;
    if (!s.instruments.empty()) {
      // First in the step: this step's levers and seeds are in place before anyone decides.
      std::vector<std::size_t> targets;
      for (const auto& i : s.instruments) targets.push_back(innovation_index(s, i.innovation));
      instruments.emplace(s.instruments, std::move(targets), calendar, adoption, population, 0.0);
      instruments->setup();
      instruments->add_phases(plan);
    }
    adoption.add_phases(plan);
    adoption.describe_metrics(metrics);
    width += adoption.metric_width();
    if (instruments) {
      instruments->describe_metrics(metrics);
      width += instruments->metric_width();
    }
    if (s.pathway.enabled) {
      // After adoption: this step's adopters already have their effect (DESIGN.md's order:
      // citizen decisions, then pathway transitions).
      pathway.emplace(s.pathway, population, blocks, pathway_effects(s, adoption));
      pathway->setup(r.seed, r.run);
      pathway->add_phases(plan);
      pathway->describe_metrics(metrics);
      width += pathway->metric_width();
    }
    plan.freeze();
    values.assign(width, 0.0);
    build_seconds = seconds_since(t0);
  }

  // In the order of describe_metrics() above: adoption, instruments, pathway.
  void write_metrics() {
    std::span<double> out(values);
    adoption.write_metrics(out.first(adoption.metric_width()));
    out = out.subspan(adoption.metric_width());
    if (instruments) {
      instruments->write_metrics(out.first(instruments->metric_width()));
      out = out.subspan(instruments->metric_width());
    }
    if (pathway) pathway->write_metrics(out);
  }

  void record_events(Recorder& recorder) {
    if (!instruments) return;
    for (const auto& e : instruments->events()) recorder.record_event(e);
    instruments->clear_events();
  }
};

Simulation::Simulation(const Scenario& scenario, const RunSettings& settings)
    : impl_(std::make_unique<Impl>(scenario, settings, Clock::now())) {}

Simulation::~Simulation() = default;

const std::vector<MetricSpec>& Simulation::metrics() const noexcept {
  return impl_->metrics;
}

std::string Simulation::plan_dot() const {
  return impl_->plan.to_dot();
}

RecordingHeader Simulation::recording_header(const std::string& command_line) const {
  RecordingHeader h;
  h.scenario_name = impl_->scenario.name;
  h.scenario_text = impl_->scenario.resolved_text;
  h.command_line = command_line;
  h.time_units = impl_->calendar.cf_units();
  h.time_days = impl_->calendar.time_days();
  h.run_count = 1;
  h.metrics = impl_->metrics;
  return h;
}

RunSummary Simulation::run(Recorder& recorder, StepObserver* observer) {
  Impl& m = *impl_;
  const auto steps = static_cast<std::uint32_t>(m.calendar.step_count());
  StepExecutor executor(m.plan, m.blocks, m.settings.threads);
  if (observer) observer->on_run_start(m.settings.run, steps);
  const auto t0 = Clock::now();
  for (std::uint32_t t = 0; t < steps; ++t) {
    const StepContext ctx{m.settings.run, t, m.calendar.dt_years()};
    executor.run_step(ctx);
    m.write_metrics();
    recorder.record_step(m.settings.run, t, m.values);
    m.record_events(recorder);
    if (observer) observer->on_step_end(m.settings.run, t, steps);
  }
  RunSummary summary;
  summary.step_seconds = seconds_since(t0);
  summary.build_seconds = m.build_seconds;
  summary.steps = steps;
  summary.agents = m.population.size();
  summary.record =
      RunRecord{m.settings.run, m.settings.seed, m.settings.replicate, "ok", summary.step_seconds};
  for (std::size_t i = 0; i < m.adoption.innovation_count(); ++i)
    summary.final_shares.emplace_back(m.adoption.params(i).name, m.adoption.adopter_share(i));
  recorder.end_run(summary.record);
  if (observer) observer->on_run_end(m.settings.run);
  return summary;
}

}  // namespace missionsim::model
