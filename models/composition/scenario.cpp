#include "models/composition/scenario.hpp"

#include "models/composition/registry.hpp"
#include "models/instruments/instrument_kind.hpp"
#include "models/mission/goal_checks.hpp"
#include "models/pathway/pathway.hpp"
#include "models/population/population.hpp"

#include "engine/core/names.hpp"
#include "engine/model/model.hpp"
#include "engine/scenario/document.hpp"
#include "engine/scenario/schema.hpp"
#include "engine/scenario/table_view.hpp"

#include <algorithm>
#include <chrono>

namespace missionsim::model {

namespace {
TableSpec build_schema() {
  TableSpec root("A missionsim scenario.");
  root.integer("schema_version", "Version of the scenario format; this build reads version 1.")
      .range(1, static_cast<double>(scenario_schema_version))
      .required();

  auto& meta = root.table("scenario", "What the scenario is and the seed of its randomness.");
  meta.string("name", "Short name, stored in the output file.").required();
  meta.string("description", "Free text.").default_value(std::string());
  meta.integer("seed", "Seed of every random stream; the same seed gives bit-identical results.")
      .min(0)
      .default_value(std::int64_t{1});

  auto& time = root.table("time", "The simulated period.");
  time.date("start", "First day of the first step.").required();
  time.date("end", "The run stops before this day; must be after start.").required();
  time.string("step",
              "Step length: a positive number and day(s), week(s), month(s) or year(s). Months and whole "
              "years follow "
              "the calendar; rates are per year and a step's probability is 1 − exp(−rate·Δt).")
      .default_value(std::string("1 month"));

  for (const char* t : {"scenario", "time"}) root.key(t).required();
  declare_health_system_keys(root);
  auto& econ =
      root.table("economics",
                 "Settings of the health-economic comparison of a run with its baseline (missionsim run "
                 "--baseline): the same world and seed without instruments.");
  econ.real("discount_rate", "Yearly discount rate of costs and QALYs (annual compounding, mid-step).")
      .unit("per year")
      .range(0, 1)
      .default_value(0.03);
  econ.real("willingness_to_pay", "Value of one QALY, for the net monetary benefit.")
      .unit("currency per QALY")
      .min(0)
      .default_value(30000.0);
  return root;
}
}  // namespace

const TableSpec& scenario_schema() {
  static const TableSpec schema = build_schema();
  return schema;
}

Scenario load_scenario(const std::filesystem::path& file, std::span<const std::string> overrides,
                       const ParameterValues& values) {
  ScenarioDocument doc = load_document(file, scenario_schema());
  for (const auto& o : overrides) apply_override(doc, scenario_schema(), o);
  if (auto problems = validate(doc, scenario_schema()); !problems.empty())
    throw ScenarioError(std::move(problems));
  fill_defaults(doc, scenario_schema());
  // The stored text keeps the distributions: run again, it gives the same means.
  const std::string resolved_text = to_toml_text(doc);
  auto uncertain = uncertain_parameters(doc, scenario_schema());
  resolve_uncertain(doc, scenario_schema(), values);

  std::vector<Diagnostic> problems;
  const TableView root(doc);
  const auto base_dir = file.parent_path();
  Scenario s;
  const auto meta = root.table("scenario");
  s.name = meta.get<std::string>("name");
  s.description = meta.get<std::string>("description");
  s.seed = static_cast<std::uint64_t>(meta.get<std::int64_t>("seed"));

  const auto time = root.table("time");
  s.start = time.get<Date>("start");
  s.end = time.get<Date>("end");
  if (!(std::chrono::sys_days{s.start} < std::chrono::sys_days{s.end}))
    problems.push_back(time.diagnostic(
        "end", "must be after time.start (" + format_date(s.start) + "), found " + format_date(s.end)));
  const auto step_text = time.get<std::string>("step");
  if (auto step = StepLength::parse(step_text)) {
    s.step = *step;
  } else {
    problems.push_back(time.diagnostic(
        "step", "expected a positive number and a unit (day, week, month, year; whole months), found \"" +
                    step_text + "\""));
  }

  s.population = read_population(root, base_dir, problems);
  const std::uint32_t n = s.population.size;

  std::vector<std::string> layer_names;
  const auto starts = region_starts(n, s.population.regions);
  if (root.has("network"))
    for (const auto& t : root.array("network")) {
      s.networks.push_back(read_network(t, starts, base_dir, problems));
      layer_names.push_back(s.networks.back().name);
    }
  s.stakeholders = read_stakeholders(root, names_of(s.population.regions), problems);
  std::vector<std::string> type_names;
  for (auto t : stakeholder_type_names()) type_names.emplace_back(t);
  for (const auto& t : root.array("innovations")) {
    s.innovations.push_back(read_innovation(t, layer_names, type_names, base_dir, problems));
    if (s.innovations.back().adopters == Adopters::stakeholders && s.stakeholders.groups.empty())
      problems.push_back(
          t.diagnostic("adopters", "adopters = \"stakeholders\" needs [[stakeholders]] in the scenario"));
  }

  std::vector<std::string> band_names;
  for (const auto& b : s.population.age_bands) band_names.push_back(b.name);
  s.pathway = read_pathway(root, band_names, base_dir, problems);
  std::vector<std::string> innovation_names;
  for (const auto& i : s.innovations) innovation_names.push_back(i.name);
  s.instruments = read_instruments(root, innovation_names, s.population, type_names, problems,
                                   !s.stakeholders.groups.empty());
  for (std::size_t k = 0; k < s.instruments.size(); ++k) {
    const auto& i = s.instruments[k];
    const auto target = std::find(innovation_names.begin(), innovation_names.end(), i.innovation);
    if (target == innovation_names.end()) continue;  // reported by read_instruments
    const auto adopters = s.innovations[static_cast<std::size_t>(target - innovation_names.begin())].adopters;
    if (i.kind->seeds_citizens() && adopters != Adopters::citizens)
      problems.push_back(root.array("instruments")[k].diagnostic(
          "innovation", "a " + std::string(i.kind->name()) +
                            " instrument seeds citizens: its innovation must have adopters = \"citizens\""));
    if (i.stakeholder_types != 0 && adopters == Adopters::citizens)
      problems.push_back(root.array("instruments")[k].diagnostic(
          "stakeholder_types",
          "innovation '" + i.innovation +
              "' is adopted by citizens: only innovations with adopters = \"stakeholders\" "
              "can be targeted at stakeholder types"));
  }
  std::vector<std::string> instrument_names;
  for (const auto& i : s.instruments) instrument_names.push_back(i.name);
  s.triggers = read_triggers(root, instrument_names, problems);
  s.mission = read_mission(root, problems);
  s.transitions = read_transitions(root, s.innovations, names_of(s.population.regions), problems);
  const auto econ = root.table("economics");
  s.economics = {econ.get<double>("discount_rate"), econ.get<double>("willingness_to_pay")};
  s.early_warning = read_early_warning(root);
  if (std::count_if(s.innovations.begin(), s.innovations.end(), [](const auto& i) {
        return i.changes_pathway();
      }) > static_cast<std::ptrdiff_t>(Pathway::max_effects))
    problems.push_back(root.diagnostic("innovations", "at most " + std::to_string(Pathway::max_effects) +
                                                          " innovations may change pathway hazards"));

  if (!problems.empty()) throw ScenarioError(std::move(problems));
  {
    // Goals and triggers name metrics, which the components declare from the scenario alone;
    // they may watch the components' own metrics, not indicators derived from metrics.
    const HealthSystem system = health_system(s);
    ModelDescription description = Model::describe(system.list());
    const auto metrics = description.primary_metrics();
    std::vector<Diagnostic> late;
    // A metric derived from metrics (a goal's KPI, an early-warning indicator) is computed after
    // goals and triggers have looked: say so, rather than that it does not exist.
    const auto derived = [&](const std::string& dataset) {
      const auto is = [&](const MetricSpec& m) { return m.dataset_name() == dataset; };
      return std::none_of(metrics.begin(), metrics.end(), is) &&
             std::any_of(description.metrics().begin(), description.metrics().end(), is);
    };
    const auto refuse = [&](Diagnostic where, const std::string& dataset, const char* who) {
      where.message = "metric '" + dataset + "' is derived from other metrics and computed after " + who +
                      " are judged; watch a metric it is computed from";
      late.push_back(std::move(where));
    };
    MissionParams judged = s.mission;
    std::erase_if(judged.goals, [&](const GoalParams& g) {
      if (!derived(g.metric)) return false;
      refuse(g.where.metric, g.metric, "goals");
      return true;
    });
    std::vector<TriggerParams> watched = s.triggers;
    std::erase_if(watched, [&](const TriggerParams& t) {
      if (!derived(t.metric)) return false;
      refuse(t.where_metric, t.metric, "triggers");
      return true;
    });
    for (auto& d : check_goals(judged, metrics, s.calendar())) late.push_back(std::move(d));
    for (auto& d : check_triggers(watched, metrics)) late.push_back(std::move(d));
    if (!late.empty()) throw ScenarioError(std::move(late));
    description.freeze();  // a composition that cannot be planned is a bug: say so before any run
  }
  s.resolved_text = resolved_text;
  s.inputs.assign(doc.files.begin(), doc.files.end());
  s.inputs.insert(s.inputs.end(), doc.inputs.begin(), doc.inputs.end());
  s.uncertain = std::move(uncertain);
  return s;
}

void check_input_files(const Scenario& s) {
  std::vector<Diagnostic> problems;
  for (const auto& layer : s.networks) check_network_file(layer, s.population.size, problems);
  // Organisations' innovations number their adopters among the organisations.
  for (const auto& i : s.innovations)
    check_innovation_files(
        i, i.adopters == Adopters::citizens ? s.population.size : s.stakeholders.organisation_count(),
        problems);
  if (!problems.empty()) throw ScenarioError(std::move(problems));
}

}  // namespace missionsim::model
