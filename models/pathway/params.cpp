#include "models/pathway/params.hpp"

#include "engine/scenario/schema.hpp"
#include "engine/scenario/table_view.hpp"

namespace missionsim::model {

const std::vector<std::string>& care_state_labels() {
  static const std::vector<std::string> labels{"healthy",         "preclinical_early", "preclinical_late",
                                               "diagnosed_early", "diagnosed_late",    "treated_early",
                                               "treated_late",    "survivor"};
  return labels;
}

namespace {
struct RateKey {
  const char* key;
  double PathwayParams::*field;
  const char* description;
};
constexpr RateKey rate_keys[] = {
    {"onset_rate", &PathwayParams::onset_rate,
     "Healthy → pre-clinical early: onset of the disease, before the relative risks of region, age band, "
     "deprivation, risk factors and behaviours."},
    {"progression_rate", &PathwayParams::progression_rate, "Pre-clinical early → pre-clinical late stage."},
    {"early_detection_rate", &PathwayParams::early_detection_rate,
     "Pre-clinical early → diagnosed early (symptoms, screening), before region and deprivation multipliers "
     "and innovations such as screening."},
    {"late_detection_rate", &PathwayParams::late_detection_rate, "Pre-clinical late → diagnosed late."},
    {"undiagnosed_death_rate", &PathwayParams::undiagnosed_death_rate,
     "Pre-clinical late → death from the disease without a diagnosis."},
    {"treatment_start_rate", &PathwayParams::treatment_start_rate,
     "Diagnosed → in treatment (12 per year: a month's wait on average)."},
    {"early_cure_rate", &PathwayParams::early_cure_rate, "Treated early → survivor."},
    {"early_death_rate", &PathwayParams::early_death_rate, "Treated early → death from the disease."},
    {"late_cure_rate", &PathwayParams::late_cure_rate, "Treated late → survivor."},
    {"late_death_rate", &PathwayParams::late_death_rate, "Treated late → death from the disease."},
};
}  // namespace

void declare_pathway_keys(TableSpec& root) {
  auto& t = root.table(
      "pathway",
      "The care pathway of one disease. Without this table the disease model is off. All rates are "
      "yearly; within a step the competing transitions of a state share one draw.");
  root.key("pathway").keep_absent();
  const PathwayParams defaults;
  t.string("disease", "Name of the disease, for labels.").default_value(defaults.disease);
  for (const auto& k : rate_keys)
    t.real(k.key, k.description).unit("per year").min(0).default_value(defaults.*k.field);
  auto& u = t.table("utility",
                    "Quality-of-life weight of a year in each state (0 = dead, 1 = full health), for QALYs.");
  for (std::size_t s = 0; s < care_state_count; ++s)
    u.real(care_state_labels()[s], "Weight of a year spent " + care_state_labels()[s] + ".")
        .range(0, 1)
        .default_value(defaults.utility[s]);
}

PathwayParams read_pathway(const TableView& root, std::vector<Diagnostic>&) {
  PathwayParams p;
  if (!root.has("pathway")) return p;
  p.enabled = true;
  const auto t = root.table("pathway");
  p.disease = t.get<std::string>("disease");
  for (const auto& k : rate_keys) p.*k.field = t.get<double>(k.key);
  const auto u = t.table("utility");
  for (std::size_t s = 0; s < care_state_count; ++s) p.utility[s] = u.get<double>(care_state_labels()[s]);
  return p;
}

}  // namespace missionsim::model
