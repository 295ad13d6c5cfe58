#include "models/pathway/params.hpp"

#include "engine/core/collect_problems.hpp"
#include "engine/core/error.hpp"
#include "engine/scenario/schema.hpp"
#include "engine/scenario/table_view.hpp"
#include "engine/table/csv_table.hpp"
#include "engine/table/key_checks.hpp"

#include <map>
#include <optional>
#include <sstream>

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
  const char* table = nullptr;  ///< the [pathway] key of a CSV file that gives this rate instead
};
constexpr RateKey rate_keys[] = {
    {"onset_rate", &PathwayParams::onset_rate,
     "Healthy → pre-clinical early: onset of the disease, before the relative risks of region, age band, "
     "deprivation, risk factors and behaviours.",
     "onset_table"},
    {"progression_rate", &PathwayParams::progression_rate, "Pre-clinical early → pre-clinical late stage."},
    {"early_detection_rate", &PathwayParams::early_detection_rate,
     "Pre-clinical early → diagnosed early (symptoms, screening), before region and deprivation multipliers "
     "and innovations such as screening."},
    {"late_detection_rate", &PathwayParams::late_detection_rate, "Pre-clinical late → diagnosed late."},
    {"undiagnosed_death_rate", &PathwayParams::undiagnosed_death_rate,
     "Pre-clinical late → death from the disease without a diagnosis."},
    {"treatment_start_rate", &PathwayParams::treatment_start_rate,
     "Diagnosed → in treatment (12 per year: a month's wait on average)."},
    {"early_cure_rate", &PathwayParams::early_cure_rate, "Treated early → survivor.", "survival_table"},
    {"early_death_rate", &PathwayParams::early_death_rate, "Treated early → death from the disease.",
     "survival_table"},
    {"late_cure_rate", &PathwayParams::late_cure_rate, "Treated late → survivor.", "survival_table"},
    {"late_death_rate", &PathwayParams::late_death_rate, "Treated late → death from the disease.",
     "survival_table"},
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
  t.string("onset_table",
           "CSV file (path relative to the scenario) with columns age_band and onset_rate (per year, ≥ 0), "
           "one row per [[age_bands]] name (\"all\" without them): the onset rate of each band, in place of "
           "onset_rate × the band's onset_multiplier (onset_rate, and a band onset_multiplier other than 1, "
           "are then not "
           "allowed). Region, deprivation and risk factor risks still apply. See scenarios/data/README.md.");
  t.string(
      "survival_table",
      "CSV file (path relative to the scenario) with columns stage (\"early\" or \"late\"), cure_rate and "
      "death_rate (per year, ≥ 0), one row per stage: the rates after treatment, in place of "
      "early_cure_rate, early_death_rate, late_cure_rate and late_death_rate (which are then not "
      "allowed). See scenarios/data/README.md.");
  // A rate a table can give has its default only without the table: read_pathway must see
  // whether the scenario gave it, since giving it beside the table is an error.
  for (const auto& k : rate_keys) {
    auto& key =
        t.real(k.key, k.table ? std::string(k.description) + " Not allowed with pathway." + k.table + "."
                              : std::string(k.description));
    key.unit("per year").min(0);
    if (k.table)
      key.default_unless(defaults.*k.field, k.table);
    else
      key.default_value(defaults.*k.field);
  }
  auto& u = t.table("utility",
                    "Quality-of-life weight of a year in each state (0 = dead, 1 = full health), for QALYs.");
  for (std::size_t s = 0; s < care_state_count; ++s)
    u.real(care_state_labels()[s], "Weight of a year spent " + care_state_labels()[s] + ".")
        .range(0, 1)
        .default_value(defaults.utility[s]);
}

namespace {

std::map<std::string, std::size_t> index_of(const std::vector<std::string>& names) {
  std::map<std::string, std::size_t> out;
  for (std::size_t i = 0; i < names.size(); ++i) out.emplace(names[i], i);
  return out;
}

// pathway.onset_table: the onset rate of each age band.
std::vector<double> read_onset_table(const std::filesystem::path& file,
                                     const std::vector<std::string>& bands) {
  const auto table = CsvTable::read(
      file, {{.name = "age_band", .type = ColumnSpec::Type::text}, {.name = "onset_rate", .min = 0.0}},
      bands.size());
  require_complete_grid(table, {{"age_band", bands}});
  const auto band = index_of(bands);
  std::vector<double> rates(bands.size(), 0.0);
  for (std::size_t row = 0; row < table.rows(); ++row)
    rates[band.at(table.text("age_band")[row])] = table.reals("onset_rate")[row];
  return rates;
}

// pathway.survival_table: cure and death rates after treatment, by stage at diagnosis.
void read_survival_table(const std::filesystem::path& file, PathwayParams& p) {
  const std::vector<std::string> stages{"early", "late"};
  const auto table = CsvTable::read(file,
                                    {{.name = "stage", .type = ColumnSpec::Type::text},
                                     {.name = "cure_rate", .min = 0.0},
                                     {.name = "death_rate", .min = 0.0}},
                                    stages.size());
  require_complete_grid(table, {{"stage", stages}});
  for (std::size_t row = 0; row < table.rows(); ++row) {
    const bool early = table.text("stage")[row] == "early";
    (early ? p.early_cure_rate : p.late_cure_rate) = table.reals("cure_rate")[row];
    (early ? p.early_death_rate : p.late_death_rate) = table.reals("death_rate")[row];
  }
}
}  // namespace

PathwayParams read_pathway(const TableView& root, const std::vector<std::string>& age_bands,
                           const std::filesystem::path& base_dir, std::vector<Diagnostic>& problems) {
  PathwayParams p;
  if (!root.has("pathway")) return p;
  p.enabled = true;
  const auto t = root.table("pathway");
  p.disease = t.get<std::string>("disease");
  for (const auto& k : rate_keys) {
    if (!t.has(k.key)) continue;  // the table gives it
    if (k.table && t.has(k.table))
      problems.push_back(t.diagnostic(
          k.key, std::string(k.key) + " comes from pathway." + k.table + "; remove one of them"));
    p.*k.field = t.get<double>(k.key);
  }
  const auto u = t.table("utility");
  for (std::size_t s = 0; s < care_state_count; ++s) p.utility[s] = u.get<double>(care_state_labels()[s]);

  if (t.has("onset_table")) {
    // The table's rate is the band's whole rate; a band multiplier on top would count it twice.
    for (const auto& band : root.array("age_bands"))
      if (band.has("onset_multiplier") && band.get<double>("onset_multiplier") != 1.0)
        problems.push_back(
            band.diagnostic("onset_multiplier",
                            "the band's onset rate comes from pathway.onset_table; remove onset_multiplier"));
    if (const auto file = t.input_file("onset_table", base_dir, problems))
      collect_problems(problems, [&] { p.onset_rate_by_band = read_onset_table(*file, age_bands); });
  }
  if (t.has("survival_table"))
    if (const auto file = t.input_file("survival_table", base_dir, problems))
      collect_problems(problems, [&] { read_survival_table(*file, p); });
  return p;
}

}  // namespace missionsim::model
