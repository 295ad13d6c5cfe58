#include "models/experiments/mix_comparison.hpp"

#include "engine/analysis/discounting.hpp"
#include "engine/core/error.hpp"
#include "engine/core/no_value.hpp"
#include "engine/experiment/run_executor.hpp"
#include "engine/io/metric_index.hpp"
#include "engine/rng/distribution.hpp"
#include "engine/scenario/document.hpp"
#include "engine/scenario/table_view.hpp"
#include "models/composition/simulation.hpp"
#include "models/mission/goal_checks.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <map>
#include <set>

namespace missionsim::model {

namespace {

// --- loading and checking ---------------------------------------------------------------------

// A diagnostic at `key` of `table` ("time", "economics", "mission", or "goals.NAME") in a mix's
// file, with the overrides applied so that overridden keys point at "--set".
Diagnostic at_key(const std::filesystem::path& file, const std::vector<std::string>& overrides,
                  const std::string& table, const std::string& key, const std::string& message) {
  ScenarioDocument doc = load_document(file, scenario_schema());
  for (const auto& o : overrides) apply_override(doc, scenario_schema(), o);
  fill_defaults(doc, scenario_schema());
  const TableView root(doc);
  if (table.rfind("goals.", 0) == 0) {
    const std::string name = table.substr(6);
    for (const auto& g : root.array("goals"))
      if (g.get<std::string>("name") == name) return g.diagnostic(key, message);
  }
  // "goals" with no key: the array itself; a table the file leaves out: where it would go.
  if (key.empty() || !root.has(table) || !root.raw().get(table)->is_table())
    return root.diagnostic(table, message);
  return root.table(table).diagnostic(key, message);
}

std::string number(double x) {
  char text[32];
  for (int digits = 6; digits <= 17; ++digits) {  // the shortest text that reads back the same
    std::snprintf(text, sizeof text, "%.*g", digits, x);
    if (std::strtod(text, nullptr) == x) break;
  }
  return text;
}

std::string goal_kpi_text(const Scenario& s, const GoalParams& g) {
  return describe_kpi(g, s.calendar()) + (g.direction == Direction::at_most ? " <= " : " >= ") +
         number(g.target) + " by " + format_date(g.deadline);
}

void check_compatible(const Mix& first, const Mix& mix, const std::vector<std::string>& overrides,
                      std::vector<Diagnostic>& problems) {
  const Scenario& a = first.scenario;
  const Scenario& b = mix.scenario;
  const std::string against = " (the first mix, " + first.file.string() + ", has ";
  auto problem = [&](const std::string& table, const std::string& key, const std::string& message) {
    problems.push_back(at_key(mix.file, overrides, table, key, message));
  };
  if (a.start != b.start)
    problem("time", "start", "mixes must share their horizon" + against + format_date(a.start) + ")");
  if (a.end != b.end)
    problem("time", "end", "mixes must share their horizon" + against + format_date(a.end) + ")");
  if (a.step.to_string() != b.step.to_string())
    problem("time", "step", "mixes must share their step" + against + "\"" + a.step.to_string() + "\")");
  if (a.economics.discount_rate != b.economics.discount_rate)
    problem("economics", "discount_rate",
            "mixes must share their economics" + against + number(a.economics.discount_rate) + ")");
  if (a.economics.willingness_to_pay != b.economics.willingness_to_pay)
    problem(
        "economics", "willingness_to_pay",
        "mixes must share their willingness to pay" + against + number(a.economics.willingness_to_pay) + ")");
  if (a.mission.currency != b.mission.currency)
    problem("mission", "currency", "mixes must share their currency" + against + a.mission.currency + ")");

  std::map<std::string, const GoalParams*> theirs;
  for (const auto& g : b.mission.goals) theirs[g.name] = &g;
  for (const auto& g : a.mission.goals) {
    const auto it = theirs.find(g.name);
    if (it == theirs.end()) {
      problems.push_back(at_key(mix.file, overrides, "goals", "",
                                "mixes must share their goals: goal '" + g.name + "' of the first mix (" +
                                    first.file.string() + ") is missing"));
      continue;
    }
    const GoalParams& h = *it->second;
    if (goal_kpi_text(a, g) != goal_kpi_text(b, h)) {
      const char* key = g.deadline != h.deadline     ? "deadline"
                        : g.target != h.target       ? "target"
                        : g.direction != h.direction ? "direction"
                                                     : "metric";
      problem("goals." + g.name, key,
              "mixes must share their goals" + against + "goal '" + g.name + "': " + goal_kpi_text(a, g) +
                  "; this mix: " + goal_kpi_text(b, h) + ")");
    }
    theirs.erase(it);
  }
  for (const auto& [name, g] : theirs)
    problem("goals." + name, "metric",
            "mixes must share their goals: goal '" + name + "' is not in the first mix (" +
                first.file.string() + ")");
}

// --- one run ------------------------------------------------------------------------------------

// Keeps each goal's KPI after every step (the goal_kpi_by_goal metric) and nothing else.
class GoalKpiRecorder final : public Recorder {
 public:
  void begin(const RecordingHeader& header) override {
    goals_ = header.goals.size();
    if (goals_ == 0) return;
    const auto offset = metric_offset(header.metrics, "goal_kpi_by_goal");
    if (!offset) throw InternalError("GoalKpiRecorder: the run has goals but no goal_kpi_by_goal metric");
    offset_ = *offset;
    kpi_.assign(header.step_count() * goals_, nan);
  }
  void record_step(std::uint32_t, std::uint32_t step, std::span<const double> values) override {
    if (goals_ == 0) return;
    std::copy_n(values.begin() + static_cast<std::ptrdiff_t>(offset_), goals_,
                kpi_.begin() + static_cast<std::ptrdiff_t>(step * goals_));
  }
  void record_event(const Event&) override {}
  void record_goals(std::uint32_t, std::span<const GoalOutcome>) override {}
  void record_analysis(std::uint32_t, std::size_t, std::span<const AnalysisValue>) override {}
  void record_table(const ResultTable&) override {}
  void end_run(const RunRecord&) override {}
  void finish() override {}

  [[nodiscard]] double kpi(std::size_t step, std::size_t goal) const { return kpi_[step * goals_ + goal]; }

 private:
  std::size_t goals_ = 0;
  std::size_t offset_ = 0;
  std::vector<double> kpi_;
};

struct RunOutcome {
  std::vector<double> outcomes;
  std::vector<std::int8_t> goal_met;
  std::vector<double> time_to_target;
};

double discounted_sum(const std::vector<double>& flow, const EconomicSeries& s, double rate) {
  double sum = 0;
  for (std::size_t k = 0; k < flow.size(); ++k)
    sum += step_discount_factor(rate, s.time_years[k], s.dt_years) * flow[k];
  return sum;
}

RunOutcome run_one(const Scenario& scenario, const RunSettings& settings,
                   const std::vector<std::string>& goals, const std::vector<std::string>& innovations,
                   StepObserver* progress) {
  Simulation sim(scenario, settings);
  GoalKpiRecorder kpis;
  kpis.begin(sim.recording_header(""));
  const RunSummary summary = sim.run(kpis, progress);
  const EconomicSeries& s = sim.economic_series();
  RunOutcome out;
  double deaths = 0, lost = 0;
  for (double d : s.deaths) deaths += d;
  for (double l : s.life_years_lost) lost += l;
  const double rate = scenario.economics.discount_rate;
  out.outcomes = {deaths, lost, discounted_sum(s.qalys, s, rate), discounted_sum(s.costs, s, rate)};

  // Goals in the first mix's order (check_compatible made the sets equal).
  const Calendar calendar = scenario.calendar();
  const auto& days = calendar.time_days();
  const double end_days = static_cast<double>(
      (std::chrono::sys_days{calendar.end()} - std::chrono::sys_days{calendar.start()}).count());
  for (const auto& name : goals) {
    std::size_t g = 0;
    while (summary.goals[g].name != name) ++g;
    const GoalResult& r = summary.goals[g];
    out.outcomes.push_back(r.value_at_deadline);
    out.goal_met.push_back(static_cast<std::int8_t>(r.decided ? (r.achieved ? 1 : 0) : -1));
    double reached = std::numeric_limits<double>::infinity();
    for (std::size_t t = 0; t < days.size(); ++t) {
      const double k = kpis.kpi(t, g);
      if (r.direction == Direction::at_most ? k <= r.target : k >= r.target) {
        // The KPI is measured at the end of the step.
        reached = (t + 1 < days.size() ? days[t + 1] : end_days) / 365.25;
        break;
      }
    }
    out.time_to_target.push_back(reached);
  }
  for (const auto& name : innovations) {
    double share = nan;
    for (const auto& f : summary.final_shares)
      if (f.innovation == name) share = f.share;
    out.outcomes.push_back(share);
  }
  return out;
}
// Every mix's scenario in every parameter set: each key given as a distribution takes the
// quantile of the set's uniform for that key path, so mixes with the same distribution for a key
// get the same value, and a mix with another distribution its own quantile of the same uniform.
std::vector<std::vector<Scenario>> draw_parameter_sets(const std::vector<Mix>& mixes,
                                                       const ComparisonSettings& settings,
                                                       RunExecutor& executor,
                                                       std::vector<DrawnParameter>& parameters) {
  const std::uint32_t sets = settings.parameter_sets;
  for (std::size_t m = 0; m < mixes.size(); ++m)
    for (const auto& p : mixes[m].scenario.uncertain) {
      auto it =
          std::find_if(parameters.begin(), parameters.end(), [&](const auto& d) { return d.path == p.path; });
      if (it == parameters.end()) {
        parameters.push_back(
            {p.path, std::vector<std::vector<double>>(mixes.size(), std::vector<double>(sets, nan))});
        it = parameters.end() - 1;
      }
      for (std::uint32_t k = 0; k < sets; ++k)
        it->values[m][k] = p.distribution.quantile(parameter_uniform(settings.seed, k, p.path));
    }
  if (parameters.empty())
    throw InputError(
        Diagnostic{{mixes.front().file.string(), 0, 0},
                   "",
                   "--psa needs at least one key given as a distribution, e.g. threshold = { "
                   "distribution = \"beta\", alpha = 2, beta = 5 } (docs/scenario-reference.md)"});

  // Loading is a task like a run: the executor spreads the loads over its threads, each into
  // its own slot.
  std::vector<std::vector<Scenario>> out(mixes.size(), std::vector<Scenario>(sets));
  const auto loads = run_indices(mixes.size() * sets);
  executor.execute(
      loads,
      [&](std::uint32_t i, unsigned) {
        const std::size_t m = i / sets, k = i % sets;
        ParameterValues values;
        for (const auto& p : parameters)
          if (!std::isnan(p.values[m][k])) values[p.path] = p.values[m][k];
        try {
          out[m][k] = load_scenario(mixes[m].file, settings.overrides, values);
        } catch (const InputError& e) {
          // A drawn value can break a check across keys (e.g. one share above another).
          std::vector<Diagnostic> ds = e.diagnostics();
          for (auto& d : ds) d.message += " (in parameter set " + std::to_string(k) + " of --psa)";
          throw ScenarioError(std::move(ds));
        }
        return RunResult{};
      },
      [](RunResult&&) {});
  return out;
}
}  // namespace

std::vector<Mix> load_mixes(const std::vector<std::filesystem::path>& files,
                            const std::vector<std::string>& overrides) {
  if (files.empty()) throw InternalError("load_mixes: no files");
  std::vector<Mix> mixes;
  std::vector<Diagnostic> problems;
  std::set<std::string> labels;
  for (const auto& f : files) {
    try {
      Mix m{f, f.stem().string(), load_scenario(f, overrides)};
      for (int k = 2; !labels.insert(m.label).second; ++k)
        m.label = f.stem().string() + "_" + std::to_string(k);
      mixes.push_back(std::move(m));
    } catch (const InputError& e) {
      // Mixes built on one base (extends) share its problems: each is reported once.
      for (const auto& d : e.diagnostics())
        if (std::none_of(problems.begin(), problems.end(),
                         [&](const Diagnostic& p) { return p.format() == d.format(); }))
          problems.push_back(d);
    }
  }
  if (!problems.empty()) throw ScenarioError(std::move(problems));
  for (std::size_t i = 1; i < mixes.size(); ++i) check_compatible(mixes[0], mixes[i], overrides, problems);
  if (!problems.empty()) throw ScenarioError(std::move(problems));
  return mixes;
}

std::uint64_t comparison_run_count(std::size_t mixes, const ComparisonSettings& settings) {
  return std::uint64_t{mixes} * std::max<std::uint32_t>(1, settings.parameter_sets) * settings.replicates;
}

ComparisonRuns run_mixes(const std::vector<Mix>& mixes, const ComparisonSettings& settings,
                         StepObserver* progress) {
  if (mixes.empty() || settings.replicates == 0)
    throw InternalError("run_mixes: needs at least one mix and one replicate");
  ComparisonRuns out;
  out.sets = std::max<std::uint32_t>(1, settings.parameter_sets);
  out.replicates = settings.replicates;
  const Scenario& first = mixes.front().scenario;
  out.currency = first.mission.currency;
  out.discount_rate = first.economics.discount_rate;

  ArmComparisonInput& in = out.input;
  const std::string cur = first.mission.currency;
  in.outcomes = {
      {"deaths", "persons", "Deaths from the disease over the run (undiscounted, real persons)",
       Better::lower},
      {"life_years_lost", "years", "Life-years lost to the disease over the run (undiscounted)",
       Better::lower},
      {"qalys", "QALY", "Quality-adjusted life-years lived over the run, discounted", Better::higher},
      {"costs", cur, "All costs over the run (instruments and adopters), discounted", Better::lower}};
  in.qalys_outcome = 2;
  in.costs_outcome = 3;
  in.willingness_to_pay = first.economics.willingness_to_pay;
  for (const auto& g : first.mission.goals) {
    in.goals.push_back(g.name);
    in.outcomes.push_back({"goal_" + g.name, "KPI units",
                           "KPI of goal " + g.name + " at its deadline: " + goal_kpi_text(first, g),
                           g.direction == Direction::at_most ? Better::lower : Better::higher});
  }
  std::vector<std::string> innovations;
  for (const auto& m : mixes)
    for (const auto& i : m.scenario.innovations)
      if (std::find(innovations.begin(), innovations.end(), i.name) == innovations.end())
        innovations.push_back(i.name);
  for (const auto& name : innovations)
    in.outcomes.push_back({"adoption_" + name, "1",
                           "Share of eligible adopters of " + name + " at the end (NaN where a mix lacks it)",
                           Better::neither});

  const auto executor = thread_executor(settings.threads);

  // Parameter sets: without PSA, the one set of every mix is its scenario at the means.
  std::vector<std::vector<const Scenario*>> scenarios(mixes.size(), std::vector<const Scenario*>(out.sets));
  for (std::size_t m = 0; m < mixes.size(); ++m)
    for (auto& s : scenarios[m]) s = &mixes[m].scenario;
  std::vector<std::vector<Scenario>> drawn;
  if (settings.parameter_sets > 0) {
    drawn = draw_parameter_sets(mixes, settings, *executor, out.parameters);
    for (std::size_t m = 0; m < mixes.size(); ++m)
      for (std::size_t k = 0; k < out.sets; ++k) scenarios[m][k] = &drawn[m][k];
  }

  const std::size_t samples = std::size_t{out.sets} * out.replicates;
  const std::size_t runs = mixes.size() * samples;
  // Each run writes its own slot; the results the executor hands back are empty.
  std::vector<RunOutcome> results(runs);
  const std::vector<std::string> goal_names = in.goals;
  executor->execute(
      run_indices(runs),
      [&](std::uint32_t i, unsigned threads) {
        const std::size_t m = i / samples;
        const std::size_t sample = i % samples;
        RunSettings rs;
        rs.seed = settings.seed;
        rs.run = static_cast<std::uint32_t>(sample);
        rs.replicate = static_cast<std::uint32_t>(sample % out.replicates);
        rs.threads = threads;
        rs.capture_economics = true;
        results[i] = run_one(*scenarios[m][sample / out.replicates], rs, goal_names, innovations, progress);
        return RunResult{};
      },
      [](RunResult&&) {});

  for (std::size_t m = 0; m < mixes.size(); ++m) {
    ArmSamples arm;
    arm.name = mixes[m].label;
    arm.outcomes.assign(in.outcomes.size(), std::vector<double>(samples));
    arm.goal_met.assign(in.goals.size(), std::vector<std::int8_t>(samples));
    arm.time_to_target.assign(in.goals.size(), std::vector<double>(samples));
    for (std::size_t s = 0; s < samples; ++s) {
      const RunOutcome& r = results[m * samples + s];
      for (std::size_t o = 0; o < in.outcomes.size(); ++o) arm.outcomes[o][s] = r.outcomes[o];
      for (std::size_t g = 0; g < in.goals.size(); ++g) {
        arm.goal_met[g][s] = r.goal_met[g];
        arm.time_to_target[g][s] = r.time_to_target[g];
      }
    }
    in.arms.push_back(std::move(arm));
  }
  return out;
}

}  // namespace missionsim::model
