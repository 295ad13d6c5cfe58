#include "models/composition/simulation.hpp"

#include "engine/core/error.hpp"
#include "engine/io/metric_index.hpp"
#include "engine/model/model.hpp"
#include "models/composition/registry.hpp"

#include <array>
#include <chrono>
#include <optional>

namespace missionsim::model {

namespace {
using Clock = std::chrono::steady_clock;
double seconds_since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

RecordingHeader header_of(const Scenario& s, const ModelDescription& d, const std::string& command_line) {
  RecordingHeader h;
  const Calendar calendar = s.calendar();
  h.scenario_name = s.name;
  h.scenario_text = s.resolved_text;
  h.command_line = command_line;
  h.time_units = calendar.cf_units();
  h.time_days = calendar.time_days();
  h.run_count = 1;
  h.metrics = d.metrics();
  h.goals = d.goals();
  h.analyses = d.analyses();
  return h;
}
}  // namespace

ModelDescription describe_scenario(const Scenario& scenario) {
  const HealthSystem system = health_system(scenario);
  ModelDescription d = Model::describe(system.list());
  d.freeze();
  return d;
}

RecordingHeader scenario_header(const Scenario& scenario, const std::string& command_line) {
  return header_of(scenario, describe_scenario(scenario), command_line);
}

struct Simulation::Impl {
  const Scenario& scenario;
  RunSettings settings;
  Calendar calendar;
  HealthSystem system;
  Model model;
  double build_seconds = 0;
  std::vector<Event> events;  ///< one step's, reused every step
  EconomicSeries economics;   ///< filled during run() when settings.capture_economics
  std::uint32_t next_step = 0;
  double step_seconds = 0;  ///< wall time of run()'s step loop
  /// Offsets in the values of qalys, life_years_lost, deaths_disease, total_spend and the equity
  /// gap the comparison reports (each if present).
  std::array<std::optional<std::size_t>, 5> economic_offsets{};

  static HealthSystem with(HealthSystem h, std::vector<std::unique_ptr<HealthComponent>> extra) {
    for (auto& c : extra) h.components.push_back(std::move(c));
    return h;
  }

  Impl(const Scenario& s, const RunSettings& r, std::vector<std::unique_ptr<HealthComponent>> extra,
       Clock::time_point t0)
      : scenario(s),
        settings(r),
        calendar(s.calendar()),
        system(with(health_system(s, {r.block_size, r.full_sweep}), std::move(extra))),
        model(system.list()) {
    model.setup(r.seed, r.run, r.threads);
    if (r.capture_economics) {
      const std::size_t steps = calendar.step_count();
      economics.dt_years = calendar.dt_years();
      for (auto* v : {&economics.time_years, &economics.qalys, &economics.life_years_lost, &economics.deaths,
                      &economics.costs, &economics.equity_gap})
        v->assign(steps, 0.0);
      for (std::size_t t = 0; t < steps; ++t) economics.time_years[t] = calendar.time_days()[t] / 365.25;
      // The equity gap closed is that of the disease's incidence between the most and the least
      // deprived fifth (per 100,000 a year).
      const char* names[] = {"qalys", "life_years_lost", "deaths_disease", "total_spend",
                             "incidence_rate_gap_absolute"};
      for (std::size_t k = 0; k < economic_offsets.size(); ++k)
        economic_offsets[k] = metric_offset(model.description().metrics(), names[k]);
      if (!economic_offsets[4]) economics.equity_gap.clear();  // no pathway: no gap to close
    }
    build_seconds = seconds_since(t0);
  }

  // The health-economic quantities of step t, from the metrics just written.
  void capture_economics(std::uint32_t t) {
    const auto values = model.values();
    auto value = [&](std::size_t k) { return economic_offsets[k] ? values[*economic_offsets[k]] : 0.0; };
    // A death is replaced at once (the population is stationary), so person-time alone would
    // not show the life it cut short: its remaining life expectancy, at full health, is booked
    // as QALYs lost in the step of death (docs/model.md, "Impact against the baseline").
    economics.qalys[t] = value(0) - value(1);
    economics.life_years_lost[t] = value(1);
    economics.deaths[t] = value(2);
    double cost = value(3);
    for (const auto& c : system.components) c->add_step_costs(cost, calendar.dt_years());
    economics.costs[t] = cost;
    if (!economics.equity_gap.empty()) economics.equity_gap[t] = value(4);
  }
};

Simulation::Simulation(const Scenario& scenario, const RunSettings& settings)
    : Simulation(scenario, settings, {}) {}

Simulation::Simulation(const Scenario& scenario, const RunSettings& settings,
                       std::vector<std::unique_ptr<HealthComponent>> extra)
    : impl_(std::make_unique<Impl>(scenario, settings, std::move(extra), Clock::now())) {}

Simulation::~Simulation() = default;

const std::vector<MetricSpec>& Simulation::metrics() const noexcept {
  return impl_->model.description().metrics();
}

const EconomicSeries& Simulation::economic_series() const {
  return impl_->economics;
}

RecordingHeader Simulation::recording_header(const std::string& command_line) const {
  return header_of(impl_->scenario, impl_->model.description(), command_line);
}

struct SimulationSnapshot {
  std::uint32_t next_step = 0;
  ModelSnapshot model;
};

std::uint32_t Simulation::step_count() const noexcept {
  return static_cast<std::uint32_t>(impl_->calendar.step_count());
}

std::uint32_t Simulation::next_step() const noexcept {
  return impl_->next_step;
}

std::span<const double> Simulation::values() const noexcept {
  return impl_->model.values();
}

void Simulation::advance(std::uint32_t to, Recorder* recorder, StepObserver* observer) {
  Impl& m = *impl_;
  const auto steps = step_count();
  if (to > steps || to < m.next_step)
    throw InternalError("Simulation::advance to step " + std::to_string(to) + " from " +
                        std::to_string(m.next_step) + " of " + std::to_string(steps));
  for (std::uint32_t t = m.next_step; t < to; ++t) {
    const StepContext ctx{m.settings.run, t, m.calendar.dt_years()};
    if (observer) observer->on_step_begin(m.settings.run, t);
    m.model.run_step(ctx);
    if (m.settings.capture_economics) m.capture_economics(t);
    if (observer) observer->on_step_computed(m.settings.run, t);
    // A step run without a recorder still consumes its events.
    m.events.clear();
    m.model.take_events(m.events);
    if (recorder) {
      recorder->record_step(m.settings.run, t, m.model.values());
      for (const auto& e : m.events) recorder->record_event(e);
    }
    m.next_step = t + 1;
    if (observer) observer->on_step_end(m.settings.run, t, steps);
  }
}

std::shared_ptr<const SimulationSnapshot> Simulation::snapshot() const {
  return std::make_shared<SimulationSnapshot>(SimulationSnapshot{impl_->next_step, impl_->model.snapshot()});
}

void Simulation::restore(const SimulationSnapshot& s) {
  impl_->next_step = s.next_step;
  impl_->model.restore(s.model);
}

void Simulation::withdraw_instruments() {
  for (const auto& c : impl_->system.components) c->withdraw();
}

RunSummary Simulation::run(Recorder& recorder, StepObserver* observer,
                           const std::function<void(Recorder&)>& before_end_run) {
  Impl& m = *impl_;
  const auto steps = step_count();
  if (observer) observer->on_run_start(m.settings.run, steps);
  const auto t0 = Clock::now();
  advance(steps, &recorder, observer);
  m.step_seconds = seconds_since(t0);
  RunSummary summary = conclude(recorder, before_end_run);
  if (observer) observer->on_run_end(m.settings.run);
  return summary;
}

RunSummary Simulation::conclude(Recorder& recorder, const std::function<void(Recorder&)>& before_end_run) {
  Impl& m = *impl_;
  const auto steps = step_count();
  if (m.next_step != steps) throw InternalError("Simulation::conclude before the last step");
  m.model.conclude(recorder, m.settings.run);
  RunSummary summary;
  summary.step_seconds = m.step_seconds;
  summary.build_seconds = m.build_seconds;
  summary.steps = steps;
  summary.record =
      RunRecord{m.settings.run, m.settings.seed, m.settings.replicate, "ok", summary.step_seconds, 0, {}};
  for (const auto& c : m.system.components) c->summarise(summary);
  if (before_end_run) before_end_run(recorder);
  recorder.end_run(summary.record);
  return summary;
}

}  // namespace missionsim::model
