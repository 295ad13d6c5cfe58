#include "models/transitions/params.hpp"

#include "engine/scenario/schema.hpp"
#include "engine/scenario/table_view.hpp"

#include <algorithm>
#include <chrono>

namespace missionsim::model {

void declare_transition_keys(TableSpec& root) {
  auto& l = root.table_array(
      "landscape",
      "Landscape pressures: exogenous series (a demographic or fiscal trend, a pandemic shock, a "
      "change of government) acting on adoption, on regimes' stability or on budgets.");
  l.choice("shape", {"trend", "pulse", "step"},
           "trend: magnitude per year since start; pulse: magnitude from start to end; step: magnitude "
           "from start on.")
      .required();
  l.choice("acts_on", {"threshold", "innovation_rate", "regime", "budget"},
           "threshold: lowers the thresholds of `innovations` by the value (share of contacts); "
           "innovation_rate: adds the value to their Bass p (per year); regime: destabilises every "
           "regime by the value; budget: every instrument plans (1 + value) times its budget.")
      .required();
  l.string("innovations", "Comma-separated innovations it acts on (threshold, innovation_rate); empty: all.")
      .default_value(std::string());
  l.date("start", "When it begins.").required();
  l.when("shape", "pulse").date("end", "When the pulse ends; after start.").required();
  l.real("magnitude", "Its value while on (pulse, step), or its growth per year (trend).").required();

  auto& r = root.table_array(
      "regimes",
      "Regimes: the incumbent practice of a domain (diagnostics, treatment, prevention, ...). Its "
      "strength is the centrality-weighted share of the challengers' possible adopters that have not "
      "adopted them; lock-in raises the challengers' thresholds with its stability.");
  r.string("challengers",
           "Comma-separated innovations that challenge the regime, all adopted by the same agents.")
      .required();
  r.real("lock_in", "Raise of the challengers' thresholds at full stability (stability × lock_in).")
      .unit("share of contacts")
      .range(0, 1)
      .default_value(0.0);
  r.choice("centrality", {"none", "degree", "betweenness"},
           "How adopters are weighted: equally, by contacts, or by betweenness (organisations only: "
           "betweenness is computed on the collaboration network, small by design).")
      .default_value(std::string("degree"));
  r.real("incumbency_weight",
         "Organisations' weight is multiplied by 1 + incumbency_weight × incumbency (commitment to today's "
         "practice).")
      .min(0)
      .default_value(1.0);
  r.real("shift_level", "A regime_shift event is recorded when the strength first falls below this.")
      .range(0, 1)
      .default_value(0.5);

  auto& n = root.table_array(
      "niches",
      "Niches: protected spaces (a field lab's region, a trial network) where a challenger builds "
      "momentum from learning (its adopter share among the members) and expectations (its maturity). A "
      "niche breaks through when momentum + regime pressure ≥ its regime's stability; from then on the "
      "regime's lock-in no longer holds the innovation back.");
  n.string("innovation", "The challenger it nurtures.").required();
  n.string("regime", "The [[regimes]] element it challenges.").required();
  n.string("regions", "Comma-separated regions whose adopters are its members; empty: everyone.")
      .default_value(std::string());
  n.real("learning_weight", "Weight of the adopter share among members in the momentum.")
      .range(0, 1)
      .default_value(0.7);
  n.real("expectation_weight", "Weight of maturity / 4 (expectations) in the momentum.")
      .range(0, 1)
      .default_value(0.3);

  auto& tip = root.table(
      "tipping",
      "Defaults of `missionsim tipping`: when can support stop without the change falling back? From "
      "each replicate's supported run, every instrument is withdrawn at a step and the run continues "
      "under common random numbers.");
  tip.real("new_normal",
           "Adoption a withdrawn run must still reach at the horizon, as a share of the supported run's.")
      .range(0, 1)
      .default_value(0.9);
  tip.real("sustain_probability",
           "Share of replicates that must sustain for a withdrawal step to count as tipped.")
      .range(0, 1)
      .default_value(0.9);
  tip.integer("replicates", "Replicates (worlds and seeds) of the supported run.")
      .range(1, 10000)
      .default_value(std::int64_t{20});
  tip.real("grid_years", "Spacing of the coarse grid of withdrawal steps, refined by bisection.")
      .unit("years")
      .greater_than(0)
      .default_value(1.0);

  root.table("pathway_rule", "The rule that names a run's transition pathway (Geels & Schot 2007).")
      .real(
          "strong_landscape_pressure",
          "Landscape pressure on the regime, reached before its shift, at or above which the landscape "
          "counts "
          "as a large and sudden shock: the shift is then de-alignment and re-alignment unless a niche broke "
          "through first.")
      .unit("threshold units")
      .min(0)
      .default_value(0.3);
}

namespace {
template <class E>
E choice_of(const TableView& t, const char* key, std::initializer_list<std::pair<const char*, E>> options) {
  const auto value = t.get<std::string>(key);
  for (const auto& [name, e] : options)
    if (value == name) return e;
  throw InternalError(std::string("unvalidated choice for ") + key);
}
}  // namespace

TransitionParams read_transitions(const TableView& root, const std::vector<InnovationParams>& innovations,
                                  const std::vector<std::string>& regions,
                                  std::vector<Diagnostic>& problems) {
  TransitionParams out;
  std::vector<std::string> innovation_names;
  innovation_names.reserve(innovations.size());
  for (const auto& i : innovations) innovation_names.push_back(i.name);
  const auto tip = root.table("tipping");
  out.tipping.new_normal = tip.get<double>("new_normal");
  out.tipping.sustain_probability = tip.get<double>("sustain_probability");
  out.tipping.replicates = static_cast<std::uint32_t>(tip.get<std::int64_t>("replicates"));
  out.tipping.grid_years = tip.get<double>("grid_years");
  out.strong_landscape_pressure = root.table("pathway_rule").get<double>("strong_landscape_pressure");
  for (const auto& t : root.array("landscape")) {
    LandscapeParams p;
    p.name = t.get<std::string>("name");
    p.shape = choice_of<PressureShape>(
        t, "shape",
        {{"trend", PressureShape::trend}, {"pulse", PressureShape::pulse}, {"step", PressureShape::step}});
    p.target = choice_of<PressureTarget>(t, "acts_on",
                                         {{"threshold", PressureTarget::threshold},
                                          {"innovation_rate", PressureTarget::innovation_rate},
                                          {"regime", PressureTarget::regime},
                                          {"budget", PressureTarget::budget}});
    p.innovations = t.names("innovations", innovation_names, "innovation", problems);
    p.start = t.get<Date>("start");
    if (p.shape == PressureShape::pulse) p.end = t.get<Date>("end");
    p.magnitude = t.get<double>("magnitude");
    if (p.shape == PressureShape::pulse && !(std::chrono::sys_days{p.start} < std::chrono::sys_days{p.end}))
      problems.push_back(
          t.diagnostic("end", "a pulse needs an end after its start (" + format_date(p.start) + ")"));
    if (p.target == PressureTarget::budget && p.magnitude < -1 && p.shape != PressureShape::trend)
      problems.push_back(t.diagnostic("magnitude", "a budget pressure below −1 would make budgets negative"));
    out.landscape.push_back(std::move(p));
  }
  std::vector<std::string> regime_names;
  for (const auto& t : root.array("regimes")) {
    RegimeParams p;
    p.name = t.get<std::string>("name");
    regime_names.push_back(p.name);
    p.challengers = t.names("challengers", innovation_names, "innovation", problems);
    if (p.challengers.empty() &&
        t.get<std::string>("challengers").find_first_not_of(" \t,") == std::string::npos)
      problems.push_back(t.diagnostic("challengers", "names no innovation"));
    for (const auto c : p.challengers)
      if (innovations[c].adopters != innovations[p.challengers.front()].adopters)
        problems.push_back(
            t.diagnostic("challengers", "mixes innovations of citizens and of organisations ('" +
                                            innovations[p.challengers.front()].name + "', '" +
                                            innovations[c].name + "')"));
    p.lock_in = t.get<double>("lock_in");
    p.centrality = choice_of<Centrality>(t, "centrality",
                                         {{"none", Centrality::none},
                                          {"degree", Centrality::degree},
                                          {"betweenness", Centrality::betweenness}});
    if (p.centrality == Centrality::betweenness && !p.challengers.empty() &&
        innovations[p.challengers.front()].adopters == Adopters::citizens)
      problems.push_back(t.diagnostic(
          "centrality",
          "betweenness is for regimes of organisations (it would cost hours on citizens' networks)"));
    p.incumbency_weight = t.get<double>("incumbency_weight");
    p.shift_level = t.get<double>("shift_level");
    out.regimes.push_back(std::move(p));
  }
  for (const auto& t : root.array("niches")) {
    NicheParams p;
    p.name = t.get<std::string>("name");
    const auto innovation = t.get<std::string>("innovation");
    p.innovation = static_cast<std::size_t>(
        std::find(innovation_names.begin(), innovation_names.end(), innovation) - innovation_names.begin());
    if (p.innovation == innovation_names.size())
      problems.push_back(
          t.diagnostic("innovation", "no [[innovations]] element is named '" + innovation + "'"));
    const auto regime = t.get<std::string>("regime");
    p.regime = static_cast<std::size_t>(std::find(regime_names.begin(), regime_names.end(), regime) -
                                        regime_names.begin());
    if (p.regime == regime_names.size())
      problems.push_back(t.diagnostic("regime", "no [[regimes]] element is named '" + regime + "'"));
    else if (p.innovation < innovation_names.size()) {
      const auto& c = out.regimes[p.regime].challengers;
      if (std::find(c.begin(), c.end(), p.innovation) == c.end())
        problems.push_back(t.diagnostic(
            "innovation", "'" + innovation + "' is not a challenger of regime '" + regime + "'"));
    }
    p.regions = t.names("regions", regions, "region", problems);
    p.learning_weight = t.get<double>("learning_weight");
    p.expectation_weight = t.get<double>("expectation_weight");
    out.niches.push_back(std::move(p));
  }
  return out;
}

}  // namespace missionsim::model
