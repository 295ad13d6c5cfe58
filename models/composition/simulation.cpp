#include "models/composition/simulation.hpp"

#include "engine/io/metric_index.hpp"
#include "engine/schedule/step_executor.hpp"
#include "models/adoption/adoption.hpp"
#include "models/composition/adoption_by_group.hpp"
#include "models/composition/lever_zones.hpp"
#include "models/early_warning/early_warnings.hpp"
#include "models/equity/equity.hpp"
#include "models/instruments/instruments.hpp"
#include "models/mission/mission.hpp"
#include "models/pathway/pathway.hpp"
#include "models/population/population.hpp"
#include "models/stakeholders/stakeholders.hpp"
#include "models/transitions/pathway_label.hpp"
#include "models/transitions/transitions.hpp"
#include "models/world/world.hpp"

#include "engine/core/error.hpp"

#include <array>
#include <chrono>
#include <numeric>
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

std::size_t instrument_index(const Scenario& s, const std::string& name) {
  for (std::size_t i = 0; i < s.instruments.size(); ++i)
    if (s.instruments[i].name == name) return i;
  throw InternalError("no instrument named '" + name + "' (the scenario reader checks this)");
}

std::vector<InnovationParams> innovations_of(const Scenario& s, Adopters who) {
  std::vector<InnovationParams> out;
  for (const auto& i : s.innovations)
    if (i.adopters == who) out.push_back(i);
  return out;
}

// Organisations of the adopter types may adopt; incumbency raises their thresholds.
std::vector<AdopterProfile> organisation_profiles(const std::vector<InnovationParams>& innovations,
                                                  const Stakeholders& orgs) {
  std::vector<AdopterProfile> out;
  for (const auto& p : innovations) {
    AdopterProfile profile;
    profile.eligible.resize(orgs.size());
    profile.threshold_offset.resize(orgs.size());
    for (std::uint32_t k = 0; k < orgs.size(); ++k) {
      profile.eligible[k] = (p.adopter_types >> orgs.type()[k]) & 1u;
      profile.threshold_offset[k] = static_cast<float>(p.incumbency_weight * orgs.incumbency()[k]);
    }
    out.push_back(std::move(profile));
  }
  return out;
}

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

struct Simulation::Impl {
  const Scenario& scenario;
  RunSettings settings;
  Calendar calendar;
  double build_seconds = 0;
  Population population;
  World world;
  BlockPartition blocks;
  Adoption adoption;  ///< innovations adopted by citizens
  AdoptionByGroup adoption_by_region;
  std::optional<Stakeholders> stakeholders;
  std::optional<World> organisation_world;
  std::vector<std::uint16_t> organisation_zone;   ///< lever zone of each organisation
  std::optional<Adoption> organisation_adoption;  ///< innovations adopted by organisations
  std::vector<std::uint16_t> organisation_type;   ///< each organisation's StakeholderType
  std::optional<AdoptionByGroup> adoption_by_type;
  std::optional<Instruments> instruments;
  std::optional<Triggers> triggers;
  std::vector<std::uint16_t> organisation_region;  ///< each organisation's region; national: region count
  std::optional<Transitions> transitions;
  std::optional<Pathway> pathway;
  std::optional<Equity> equity;
  std::optional<Mission> mission;
  std::optional<EarlyWarnings> early_warnings;
  StepPlan plan;
  std::vector<MetricSpec> metrics;
  std::vector<double> values;       ///< one step's metric values, reused every step
  std::vector<std::size_t> widths;  ///< values per component, in metric order
  EconomicSeries economics;         ///< filled during run() when settings.capture_economics
  std::uint32_t next_step = 0;
  double step_seconds = 0;  ///< wall time of run()'s step loop
  /// Offsets in `values` of qalys, life_years_lost, deaths_disease, total_spend and the equity
  /// gap the comparison reports (each if present).
  std::array<std::optional<std::size_t>, 5> economic_offsets{};

  Impl(const Scenario& s, const RunSettings& r, Clock::time_point t0)
      : scenario(s),
        settings(r),
        calendar(s.calendar()),
        population(s.population, r.seed, r.run),
        world(build_world(s, population, r)),
        blocks(population.size(), r.block_size ? r.block_size : BlockPartition::default_block_size),
        adoption(innovations_of(s, Adopters::citizens), world, blocks, {}, {},
                 LeverZones{population.region(), region_count()}),
        adoption_by_region(adoption, population.region(), Breakdown{"region", population.region_labels()},
                           "adopter_share_", "people") {
    adoption.setup(r.seed, r.run);
    adoption.force_full_sweep(r.full_sweep);
    if (!s.stakeholders.groups.empty()) {
      stakeholders.emplace(s.stakeholders, population, r.seed, r.run);
      organisation_world.emplace(stakeholders->size(),
                                 std::vector<NetworkLayer>{stakeholders->collaboration()});
      const auto innovations = innovations_of(s, Adopters::stakeholders);
      organisation_zone = organisation_zones(*stakeholders, region_count());
      organisation_adoption.emplace(innovations, *organisation_world, BlockPartition(stakeholders->size()),
                                    AdoptionNames{"stakeholder_", "stakeholder_innovation", "organisations"},
                                    organisation_profiles(innovations, *stakeholders),
                                    LeverZones{organisation_zone, organisation_zone_count(region_count())});
      organisation_adoption->setup(r.seed, r.run);
      organisation_adoption->force_full_sweep(r.full_sweep);
    }
    if (!s.instruments.empty()) {
      // First in the step: this step's levers and seeds are in place before anyone decides.
      std::vector<Adoption*> adoptions{&adoption};
      if (organisation_adoption) adoptions.push_back(&*organisation_adoption);
      std::vector<InnovationTarget> targets;
      for (const auto& i : s.instruments) {
        InnovationTarget t = target_of(i.innovation);
        if (t.adoption == &adoption)
          t.zones.assign(i.regions.begin(), i.regions.end());
        else
          t.zones = organisation_zones_of(i, region_count());
        targets.push_back(std::move(t));
      }
      instruments.emplace(s.instruments, std::move(targets), std::move(adoptions), calendar, population,
                          s.mission.budget, stakeholders ? &*stakeholders : nullptr);
      if (organisation_world)  // coordination adds ties: the organisations' layer follows
        instruments->on_collaboration_changed([this] {
          organisation_world->layer_mut("collaboration").graph = stakeholders->collaboration().graph;
          organisation_adoption->network_changed();
        });
      for (const auto& t : s.triggers)
        if (t.action == TriggerAction::start)
          instruments->hold_until_started(instrument_index(s, t.instrument));
      instruments->setup();
      instruments->add_phases(plan);
    }
    if (!s.transitions.empty()) {
      // Landscape and lock-in add to the levers the instruments have just set.
      std::vector<TransitionInnovation> innovations;
      if (stakeholders)
        for (const auto region : stakeholders->region())
          organisation_region.push_back(region == national_region ? region_count()
                                                                  : static_cast<std::uint16_t>(region));
      for (const auto& p : s.innovations) {
        const InnovationTarget t = target_of(p.name);
        if (t.adoption == &adoption)
          innovations.push_back({t.adoption, t.index, population.region(), {}});
        else
          innovations.push_back({t.adoption, t.index, organisation_region, stakeholders->incumbency()});
      }
      transitions.emplace(s.transitions, std::move(innovations), calendar,
                          instruments ? &*instruments : nullptr);
      transitions->setup();
      transitions->add_lever_phase(plan);
    }
    // Organisations decide before citizens (DESIGN.md's order); the pathway comes after both,
    // so this step's adopters already have their effect.
    if (organisation_adoption) organisation_adoption->add_phases(plan);
    adoption.add_phases(plan);
    if (transitions) transitions->add_update_phase(plan);
    describe(adoption);
    describe(adoption_by_region);
    if (organisation_adoption) {
      describe(*organisation_adoption);
      organisation_type.assign(stakeholders->type().begin(), stakeholders->type().end());
      adoption_by_type.emplace(*organisation_adoption, organisation_type,
                               Breakdown{"type", Stakeholders::type_labels()}, "stakeholder_adopter_share_",
                               "organisations");
      describe(*adoption_by_type);
    }
    if (stakeholders) describe(*stakeholders);
    if (instruments) describe(*instruments);
    if (s.pathway.enabled) {
      pathway.emplace(s.pathway, population, blocks, pathway_effects());
      pathway->setup(r.seed, r.run);
      pathway->add_phases(plan);
      describe(*pathway);
      equity.emplace(*pathway, population, calendar.dt_years());
      describe(*equity);
    }
    if (transitions) describe(*transitions);
    plan.freeze();
    if (!s.triggers.empty()) {
      // Triggers watch the metrics above; they fire after a step and act from the next.
      std::vector<std::size_t> watched;
      for (const auto& t : s.triggers) watched.push_back(instrument_index(s, t.instrument));
      triggers.emplace(s.triggers, metrics, std::move(watched), calendar, *instruments);
      triggers->setup(r.run);
    }
    if (!s.mission.goals.empty()) {
      // Goals read the metrics above; their own come last.
      mission.emplace(s.mission, metrics, calendar, denominators(population));
      mission->setup(r.run);
      describe(*mission);
    }
    // Last: the indicators follow adoption shares and goal KPIs written before them.
    early_warnings.emplace(
        s.early_warning, metrics,
        std::vector<std::string>{"adopter_share_by_innovation",
                                 "stakeholder_adopter_share_by_stakeholder_innovation", "goal_kpi_by_goal"},
        calendar.step_count());
    early_warnings->setup();
    describe(*early_warnings);
    values.assign(std::accumulate(widths.begin(), widths.end(), std::size_t{0}), 0.0);
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
        economic_offsets[k] = metric_offset(metrics, names[k]);
      if (!economic_offsets[4]) economics.equity_gap.clear();  // no pathway: no gap to close
    }
    build_seconds = seconds_since(t0);
  }

  [[nodiscard]] std::uint16_t region_count() const {
    return static_cast<std::uint16_t>(population.region_starts().size() - 1);
  }

  template <class Component>
  void describe(const Component& c) {
    c.describe_metrics(metrics);
    widths.push_back(c.metric_width());
  }

  InnovationTarget target_of(const std::string& name) {
    for (Adoption* a : {&adoption, organisation_adoption ? &*organisation_adoption : nullptr}) {
      if (!a) continue;
      for (std::size_t i = 0; i < a->innovation_count(); ++i)
        if (a->params(i).name == name) return {a, i, {}};
    }
    throw InternalError("no innovation named '" + name + "' (the scenario reader checks this)");
  }

  std::vector<PathwayEffect> pathway_effects() {
    std::vector<PathwayEffect> effects;
    for (const auto& p : scenario.innovations) {
      if (!p.changes_pathway()) continue;
      const InnovationTarget t = target_of(p.name);
      PathwayEffect e{[a = t.adoption, i = t.index] { return a->adopted(i); }, p.onset_multiplier,
                      p.early_detection_multiplier, p.cure_multiplier};
      if (p.adopters == Adopters::stakeholders) {
        e.provider_of = stakeholders->provider_of();
        e.reached = stakeholders->reached();
      }
      effects.push_back(std::move(e));
    }
    return effects;
  }

  // In the order of describe() above.
  void write_metrics(std::uint32_t step) {
    std::span<double> out(values);
    std::size_t k = 0;
    auto next = [&]() {
      auto part = out.first(widths[k++]);
      out = out.subspan(part.size());
      return part;
    };
    adoption.write_metrics(next());
    adoption_by_region.write_metrics(next());
    if (organisation_adoption) {
      organisation_adoption->write_metrics(next());
      adoption_by_type->write_metrics(next());
    }
    if (stakeholders) stakeholders->write_metrics(next());
    if (instruments) instruments->write_metrics(next());
    if (pathway) pathway->write_metrics(next());
    if (equity) equity->write_metrics(next());
    if (transitions) transitions->write_metrics(next());
    if (mission) {
      mission->on_step(step, values);
      mission->write_metrics(next());
    }
    if (triggers) triggers->on_step(step, values);  // after every metric it may watch is written
    early_warnings->on_step(step, values);
    early_warnings->write_metrics(next());
  }

  // The health-economic quantities of step t, from the metrics just written.
  void capture_economics(std::uint32_t t) {
    auto value = [&](std::size_t k) { return economic_offsets[k] ? values[*economic_offsets[k]] : 0.0; };
    // A death is replaced at once (the population is stationary), so person-time alone would
    // not show the life it cut short: its remaining life expectancy, at full health, is booked
    // as QALYs lost in the step of death (docs/model.md, "Impact against the baseline").
    economics.qalys[t] = value(0) - value(1);
    economics.life_years_lost[t] = value(1);
    economics.deaths[t] = value(2);
    double cost = value(3);
    for (std::size_t i = 0; i < adoption.innovation_count(); ++i)
      cost += adoption.adopter_count(i) * population.scale() * adoption.params(i).cost_per_adopter_per_year *
              calendar.dt_years();
    if (organisation_adoption)
      for (std::size_t i = 0; i < organisation_adoption->innovation_count(); ++i)
        cost += organisation_adoption->adopter_count(i) *
                organisation_adoption->params(i).cost_per_adopter_per_year * calendar.dt_years();
    economics.costs[t] = cost;
    if (!economics.equity_gap.empty()) economics.equity_gap[t] = value(4);
  }

  void record_events(Recorder& recorder) {
    if (instruments) {
      for (const auto& e : instruments->events()) recorder.record_event(e);
      instruments->clear_events();
    }
    if (triggers) {
      for (const auto& e : triggers->events()) recorder.record_event(e);
      triggers->clear_events();
    }
    if (mission)
      for (const auto& e : mission->take_events()) recorder.record_event(e);
    if (transitions) {
      for (const auto& e : transitions->events()) recorder.record_event(e);
      transitions->clear_events();
    }
  }

  // A step run without a recorder still consumes its events.
  void drop_events() {
    if (instruments) instruments->clear_events();
    if (triggers) triggers->clear_events();
    if (mission) (void)mission->take_events();
    if (transitions) transitions->clear_events();
  }
};

AnalysisSpec transition_analysis_spec() {
  return {
      "transition",
      {{"pathway", "", "Geels & Schot (2007) transition pathway of the run (docs/model.md, Transitions)",
        true},
       {"regime_shift_step", "step", "Step of the first regime_shift event (NaN: none)", false},
       {"niche_breakthrough_step", "step", "Step of the first niche_breakthrough event (NaN: none)", false},
       {"max_regime_pressure", "1", "Largest landscape pressure on regimes before the first shift", false}}};
}

std::vector<MetricSpec> metric_specs(const Scenario& scenario) {
  Scenario stand_in = scenario;
  stand_in.population.size = std::min<std::uint32_t>(scenario.population.size, 2000);
  for (auto& n : stand_in.networks) n.kind = NetworkKind::well_mixed;
  for (auto& i : stand_in.innovations) i.initial = InitialAdopters::none;
  stand_in.mission.goals.clear();
  stand_in.triggers.clear();
  auto metrics = Simulation(stand_in, RunSettings{}).metrics();
  // Without goals the mission adds no metrics: goals and triggers are checked against the
  // components' metrics only. Nor may they watch the early-warning indicators, which are
  // computed after both.
  std::erase_if(metrics, [](const MetricSpec& m) {
    return m.name.ends_with("_ews_variance") || m.name.ends_with("_ews_ac1") ||
           m.name.ends_with("_ews_skewness");
  });
  return metrics;
}

RecordingHeader stand_in_header(const Scenario& scenario, const std::string& command_line) {
  Scenario stand_in = scenario;
  stand_in.population.size = std::min<std::uint32_t>(scenario.population.size, 2000);
  for (auto& n : stand_in.networks) n.kind = NetworkKind::well_mixed;
  for (auto& i : stand_in.innovations) i.initial = InitialAdopters::none;
  RecordingHeader h = Simulation(stand_in, RunSettings{}).recording_header(command_line);
  h.analyses.clear();  // a sweep's runs keep their series, goals and events, not per-run analyses
  return h;
}

Simulation::Simulation(const Scenario& scenario, const RunSettings& settings)
    : impl_(std::make_unique<Impl>(scenario, settings, Clock::now())) {}

Simulation::~Simulation() = default;

const std::vector<MetricSpec>& Simulation::metrics() const noexcept {
  return impl_->metrics;
}

const EconomicSeries& Simulation::economic_series() const {
  return impl_->economics;
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
  if (impl_->early_warnings->series_count() > 0) h.analyses.push_back(impl_->early_warnings->analysis_spec());
  if (impl_->transitions) h.analyses.push_back(transition_analysis_spec());
  if (impl_->mission)
    for (const auto& g : impl_->mission->results())
      h.goals.push_back({g.name, g.kpi, g.direction == Direction::at_most ? "at_most" : "at_least",
                         format_date(g.deadline), g.baseline, g.target});
  return h;
}

struct SimulationSnapshot {
  std::uint32_t next_step = 0;
  std::vector<double> values;
  Adoption::State adoption;
  std::optional<Adoption::State> organisation_adoption;
  std::optional<Stakeholders::State> stakeholders;
  std::optional<Instruments::State> instruments;
  std::optional<std::vector<std::uint8_t>> triggers;
  std::optional<Transitions::State> transitions;
  std::optional<Pathway::State> pathway;
  std::optional<Mission::State> mission;
  EarlyWarnings::State early_warnings;
};

std::uint32_t Simulation::step_count() const noexcept {
  return static_cast<std::uint32_t>(impl_->calendar.step_count());
}

std::uint32_t Simulation::next_step() const noexcept {
  return impl_->next_step;
}

std::span<const double> Simulation::values() const noexcept {
  return impl_->values;
}

void Simulation::advance(std::uint32_t to, Recorder* recorder, StepObserver* observer) {
  Impl& m = *impl_;
  const auto steps = step_count();
  if (to > steps || to < m.next_step)
    throw InternalError("Simulation::advance to step " + std::to_string(to) + " from " +
                        std::to_string(m.next_step) + " of " + std::to_string(steps));
  StepExecutor executor(m.plan, m.blocks, m.settings.threads);
  for (std::uint32_t t = m.next_step; t < to; ++t) {
    const StepContext ctx{m.settings.run, t, m.calendar.dt_years()};
    if (observer) observer->on_step_begin(m.settings.run, t);
    executor.run_step(ctx);
    m.write_metrics(t);
    if (m.settings.capture_economics) m.capture_economics(t);
    if (observer) observer->on_step_computed(m.settings.run, t);
    if (recorder) {
      recorder->record_step(m.settings.run, t, m.values);
      m.record_events(*recorder);
    } else {
      m.drop_events();
    }
    m.next_step = t + 1;
    if (observer) observer->on_step_end(m.settings.run, t, steps);
  }
}

std::shared_ptr<const SimulationSnapshot> Simulation::snapshot() const {
  const Impl& m = *impl_;
  auto s = std::make_shared<SimulationSnapshot>();
  s->next_step = m.next_step;
  s->values = m.values;
  s->adoption = m.adoption.state();
  if (m.organisation_adoption) s->organisation_adoption = m.organisation_adoption->state();
  if (m.stakeholders) s->stakeholders = m.stakeholders->state();
  if (m.instruments) s->instruments = m.instruments->state();
  if (m.triggers) s->triggers = m.triggers->state();
  if (m.transitions) s->transitions = m.transitions->state();
  if (m.pathway) s->pathway = m.pathway->state();
  if (m.mission) s->mission = m.mission->state();
  s->early_warnings = m.early_warnings->state();
  return s;
}

void Simulation::restore(const SimulationSnapshot& s) {
  Impl& m = *impl_;
  m.next_step = s.next_step;
  m.values = s.values;
  m.adoption.restore(s.adoption);
  if (m.organisation_adoption) m.organisation_adoption->restore(*s.organisation_adoption);
  if (m.stakeholders) {
    m.stakeholders->restore(*s.stakeholders);
    m.organisation_world->layer_mut("collaboration").graph = m.stakeholders->collaboration().graph;
  }
  if (m.instruments) m.instruments->restore(*s.instruments);
  if (m.triggers) m.triggers->restore(*s.triggers);
  if (m.transitions) m.transitions->restore(*s.transitions);
  if (m.pathway) m.pathway->restore(*s.pathway);
  if (m.mission) m.mission->restore(*s.mission);
  m.early_warnings->restore(s.early_warnings);
}

void Simulation::withdraw_instruments() {
  if (impl_->instruments) impl_->instruments->stop_all();
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
  RunSummary summary;
  summary.step_seconds = m.step_seconds;
  summary.build_seconds = m.build_seconds;
  summary.steps = steps;
  summary.agents = m.population.size();
  summary.record =
      RunRecord{m.settings.run, m.settings.seed, m.settings.replicate, "ok", summary.step_seconds, 0, {}};
  for (std::size_t i = 0; i < m.adoption.innovation_count(); ++i)
    summary.final_shares.push_back({m.adoption.params(i).name, "people", m.adoption.adopter_share(i)});
  if (m.organisation_adoption)
    for (std::size_t i = 0; i < m.organisation_adoption->innovation_count(); ++i)
      summary.final_shares.push_back({m.organisation_adoption->params(i).name, "organisations",
                                      m.organisation_adoption->adopter_share(i)});
  if (m.instruments)
    for (std::size_t i = 0; i < m.instruments->size(); ++i)
      summary.spend.emplace_back(m.scenario.instruments[i].name, m.instruments->cumulative_spend(i));
  if (m.mission) {
    summary.goals = m.mission->results();
    std::vector<GoalOutcome> outcomes;
    for (const auto& g : summary.goals)
      outcomes.push_back(
          {static_cast<std::int8_t>(g.decided ? (g.achieved ? 1 : 0) : -1), g.value_at_deadline});
    recorder.record_goals(m.settings.run, outcomes);
  }
  if (m.early_warnings->series_count() > 0)
    recorder.record_analysis(m.settings.run, ews_analysis, m.early_warnings->analysis_values());
  if (m.transitions) {
    const TransitionHistory h = m.transitions->history();
    summary.pathway = pathway_name(classify(h, m.transitions->params().strong_landscape_pressure));
    const auto step_or_nan = [](std::optional<std::uint32_t> s) {
      return s ? static_cast<double>(*s) : std::numeric_limits<double>::quiet_NaN();
    };
    const AnalysisValue values[] = {{0, summary.pathway},
                                    {step_or_nan(h.first_regime_shift), {}},
                                    {step_or_nan(h.first_breakthrough), {}},
                                    {h.max_regime_pressure_before_shift, {}}};
    // After /ews when that is there, as recording_header() declares them.
    const std::size_t transition_analysis = m.early_warnings->series_count() > 0 ? ews_analysis + 1 : 0;
    recorder.record_analysis(m.settings.run, transition_analysis, values);
  }
  if (before_end_run) before_end_run(recorder);
  recorder.end_run(summary.record);
  return summary;
}

}  // namespace missionsim::model
