#include "models/mission/params.hpp"

#include "engine/scenario/schema.hpp"
#include "engine/scenario/table_view.hpp"

#include <utility>

namespace missionsim::model {

namespace {
template <class E>
E pick(const std::string& s, std::initializer_list<std::pair<const char*, E>> table) {
  for (const auto& [name, value] : table)
    if (s == name) return value;
  throw InternalError("value '" + s + "' passed validation but has no meaning");
}

// Positioned at the key, or at the goal's table when the key took its default (defaults have
// no place in the file).
Diagnostic at(const TableView& t, std::string_view key) {
  Diagnostic d = t.diagnostic(key, "");
  if (d.where.line == 0 && d.where.file != "--set") {
    const auto& begin = t.raw().source().begin;
    d.where.line = static_cast<int>(begin.line);
    d.where.column = static_cast<int>(begin.column);
  }
  return d;
}
}  // namespace

const char* aggregation_name(Aggregation a) {
  switch (a) {
    case Aggregation::value:
      return "value";
    case Aggregation::rate_per_100k:
      return "rate_per_100k";
    case Aggregation::change_from_baseline:
      return "change_from_baseline";
    case Aggregation::gap_best_worst:
      return "gap_best_worst";
    case Aggregation::rate_gap_per_100k:
      return "rate_gap_per_100k";
  }
  return "?";
}

void declare_mission_keys(TableSpec& root) {
  auto& m = root.table("mission",
                       "The mission the scenario pursues: its vision and budget. The goals are the "
                       "[[goals]] array.");
  root.key("mission").keep_absent();
  m.string("vision", "The vision, in words: where the mission wants the health system to be.")
      .default_value(std::string());
  m.real("budget", "Total budget of the mission; 0 when none is given.")
      .unit("currency")
      .min(0)
      .default_value(0.0);
  m.string("currency", "Currency of the budget, e.g. EUR.").default_value(std::string("EUR"));

  auto& g = root.table_array(
      "goals",
      "Goals of the mission. Each is a KPI (a recorded metric summarised over a window and aggregated), "
      "a target and a deadline; at the deadline the goal is met or missed.");
  g.string("description", "What the goal means, in words.").default_value(std::string());
  g.string("metric",
           "The metric the KPI is computed from, by its dataset name: e.g. incidence, "
           "early_stage_share_by_quintile, adopter_share_by_innovation.")
      .required();
  g.string("label",
           "For a metric broken down by group (NAME_by_DIM), the group the KPI follows, e.g. region "
           "\"north\". Required for such metrics unless the aggregation is a gap; not allowed otherwise.")
      .default_value(std::string());
  g.choice("aggregation",
           {"value", "rate_per_100k", "change_from_baseline", "gap_best_worst", "rate_gap_per_100k"},
           "How the windowed metric becomes the KPI: value as it is (use it for metrics that are shares "
           "already, such as adopter_share or early_stage_share); rate_per_100k of the group's persons "
           "(of the whole population for metrics without a population group); change_from_baseline, "
           "(value − baseline) / baseline, so a target of -0.1 means 10% less; gap_best_worst, the highest "
           "minus the lowest value among all groups of the breakdown; rate_gap_per_100k, the same on "
           "rates per 100,000 of each group.")
      .default_value(std::string("value"));
  g.real("window_years",
         "Period the KPI summarises, ending with the current step; rounded to whole steps (at least "
         "one). The KPI is undefined until the window is complete.")
      .unit("years")
      .greater_than(0)
      .default_value(1.0);
  g.choice("window_statistic", {"mean", "sum"},
           "How the steps of the window are combined: mean (for shares, stocks and per-step rates) or "
           "sum (for counts over the window, e.g. yearly incidence). Missing values (NaN) are skipped.")
      .default_value(std::string("mean"));
  g.choice("direction", {"at_most", "at_least"},
           "Whether the goal is met when the KPI is at most the target (e.g. incidence) or at least the "
           "target (e.g. early-stage share).")
      .required();
  g.real("target", "The KPI value to reach by the deadline, in the KPI's units.").required();
  g.real("baseline",
         "Starting value of the measure: for change_from_baseline the windowed metric value the change "
         "is relative to; otherwise the KPI's starting value, used to report progress. Give it or "
         "baseline_years, not both.");
  g.real("baseline_years",
         "Measure the baseline instead at the end of a burn-in period of this length from the start "
         "(rounded to whole steps; at least the window).")
      .unit("years")
      .greater_than(0);
  g.date("deadline",
         "The goal is judged at the last step that starts before this date; it must be after time.start "
         "and no later than time.end.")
      .required();
}

MissionParams read_mission(const TableView& root, std::vector<Diagnostic>&) {
  MissionParams p;
  if (root.has("mission")) {
    p.declared = true;
    const auto m = root.table("mission");
    p.vision = m.get<std::string>("vision");
    p.budget = m.get<double>("budget");
    p.currency = m.get<std::string>("currency");
  }
  if (!root.has("goals")) return p;
  for (const auto& t : root.array("goals")) {
    GoalParams g;
    g.name = t.get<std::string>("name");
    g.description = t.get<std::string>("description");
    g.metric = t.get<std::string>("metric");
    g.label = t.get<std::string>("label");
    g.aggregation = pick<Aggregation>(t.get<std::string>("aggregation"),
                                      {{"value", Aggregation::value},
                                       {"rate_per_100k", Aggregation::rate_per_100k},
                                       {"change_from_baseline", Aggregation::change_from_baseline},
                                       {"gap_best_worst", Aggregation::gap_best_worst},
                                       {"rate_gap_per_100k", Aggregation::rate_gap_per_100k}});
    g.window_years = t.get<double>("window_years");
    g.statistic = pick<WindowStatistic>(t.get<std::string>("window_statistic"),
                                        {{"mean", WindowStatistic::mean}, {"sum", WindowStatistic::sum}});
    g.direction = pick<Direction>(t.get<std::string>("direction"),
                                  {{"at_most", Direction::at_most}, {"at_least", Direction::at_least}});
    g.target = t.get<double>("target");
    if (t.has("baseline")) g.baseline = t.get<double>("baseline");
    if (t.has("baseline_years")) g.baseline_years = t.get<double>("baseline_years");
    g.deadline = t.get<Date>("deadline");
    g.where = {at(t, "metric"),   at(t, "label"),          at(t, "aggregation"), at(t, "window_years"),
               at(t, "baseline"), at(t, "baseline_years"), at(t, "deadline")};
    p.goals.push_back(std::move(g));
  }
  return p;
}

}  // namespace missionsim::model
