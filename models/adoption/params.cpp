#include "models/adoption/params.hpp"

#include "models/adoption/adoption_rule.hpp"

#include "engine/core/collect_problems.hpp"
#include "engine/core/error.hpp"
#include "engine/network/edge_list.hpp"
#include "engine/scenario/schema.hpp"
#include "engine/scenario/table_view.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>
#include <utility>

namespace missionsim::model {

void declare_innovation_keys(TableSpec& t) {
  t.choice(
       "adopters", {"citizens", "stakeholders"},
       "Who adopts: citizens on a contact layer (behaviours, and practices people choose), or organisations "
       "on their collaboration network (technologies and practices providers take up; a provider's adoption "
       "reaches its patients within its capacity).")
      .default_value(std::string("citizens"));
  t.when("adopters", "citizens")
      .string("network", "Name of the [[network]] layer the innovation spreads on.")
      .required();
  auto& org = t.when("adopters", "stakeholders");
  org.string("adopter_types",
             "Comma-separated stakeholder types that may adopt, e.g. \"care_provider, cancer_centre\"; the "
             "others "
             "never do but still influence their partners.")
      .default_value(std::string("care_provider, cancer_centre"));
  org.real("incumbency_weight",
           "Added to an organisation's threshold per unit of incumbency (commitment to today's practice).")
      .unit("share of contacts per unit")
      .range(0, 1)
      .default_value(0.2);
  std::vector<std::string> rules;
  std::string what = "Adoption rule: ";
  const auto& all = adoption_rules();
  for (std::size_t k = 0; k < all.size(); ++k) {
    rules.emplace_back(all[k]->name());
    what += (k == 0                ? ""
             : k + 1 == all.size() ? " or "
                                   : ", ") +
            std::string(all[k]->name()) + " (" + std::string(all[k]->what()) + ")";
  }
  t.choice("rule", rules, what + ".").required();
  for (const auto& r : all) r->declare_keys(t.when("rule", std::string(r->name())));
  t.real("abandon_threshold",
         "An adopter abandons the innovation when the adopting share of its contacts falls below this "
         "(0: never). Must be below θ for the threshold and complex rules, so that those who adopted at θ "
         "stay while the share is between the two (hysteresis). Adopters placed by field labs or mandates "
         "never abandon.")
      .unit("share of contacts")
      .range(0, 1)
      .default_value(0.0);
  t.choice("initial", {"none", "random", "most_central", "file"},
           "Who has adopted at the start: nobody; a random share; the most connected share (by degree, ties "
           "to the "
           "lower id); or the ids listed in initial_file.")
      .default_value(std::string("random"));
  for (const char* kind : {"random", "most_central"})
    t.when("initial", kind)
        .real("initial_share",
              "Share of the population adopting at the start (random: each person independently).")
        .unit("share of population")
        .range(0, 1)
        .default_value(0.01);
  t.real("cost_per_adopter_per_year",
         "Yearly cost of the innovation per adopter (per real person, or per organisation), counted in the "
         "health-economic comparison with the baseline.")
      .unit("currency per year")
      .min(0)
      .default_value(0.0);
  t.real("onset_multiplier",
         "Relative risk of disease onset for an adopter (prevention, behaviour; < 1 protects).")
      .greater_than(0)
      .default_value(1.0);
  t.real("early_detection_multiplier",
         "Relative rate of early diagnosis for an adopter (screening; > 1 finds earlier).")
      .greater_than(0)
      .default_value(1.0);
  t.real("cure_multiplier",
         "Relative rate of cure once treated, for an adopter (precision medicine; > 1 cures more).")
      .greater_than(0)
      .default_value(1.0);
  t.choice(
       "maturity", {"research", "demonstration", "clinical_trial", "market", "standard_of_care"},
       "Stage of maturity at the start. People adopt on their own only from `market` on; before that only "
       "instruments (mandates, field labs) place adopters. Time and research grants move it forward.")
      .default_value(std::string("market"));
  t.real("years_per_stage", "Years an innovation takes to move one stage forward without research funding.")
      .unit("years")
      .greater_than(0)
      .default_value(3.0);
  t.when("initial", "file")
      .string("initial_file",
              "Text file of initial adopters, one 0-based person id per line; # starts a comment. "
              "Relative paths are relative to the scenario file.")
      .required();
}

namespace {
template <class E>
E pick(const std::string& s, std::initializer_list<std::pair<const char*, E>> table) {
  for (const auto& [name, value] : table)
    if (s == name) return value;
  throw InternalError("value '" + s + "' passed validation but has no meaning");
}
}  // namespace

InnovationParams read_innovation(const TableView& t, const std::vector<std::string>& layer_names,
                                 const std::vector<std::string>& type_names,
                                 const std::filesystem::path& base_dir, std::vector<Diagnostic>& problems) {
  InnovationParams p;
  p.name = t.get<std::string>("name");
  if (t.get<std::string>("adopters") == "stakeholders") {
    p.adopters = Adopters::stakeholders;
    p.network = "collaboration";
    const auto types = t.names("adopter_types", type_names, "stakeholder type", problems);
    for (const auto type : types) p.adopter_types |= 1u << type;
    if (t.get<std::string>("adopter_types").find_first_not_of(" \t,") == std::string::npos)
      problems.push_back(t.diagnostic("adopter_types", "names no stakeholder type"));
    p.incumbency_weight = t.get<double>("incumbency_weight");
  } else {
    p.network = t.get<std::string>("network");
  }
  if (p.adopters == Adopters::citizens &&
      std::find(layer_names.begin(), layer_names.end(), p.network) == layer_names.end()) {
    std::string have;
    for (const auto& n : layer_names) have += (have.empty() ? "'" : ", '") + n + "'";
    problems.push_back(t.diagnostic("network", "no [[network]] layer is named '" + p.network + "' (layers: " +
                                                   (have.empty() ? std::string("none") : have) + ")"));
  }
  p.rule = &adoption_rule(t.get<std::string>("rule"));
  p.abandon_threshold = t.get<double>("abandon_threshold");
  p.rule->read(t, p, problems);
  p.initial =
      pick<InitialAdopters>(t.get<std::string>("initial"), {{"none", InitialAdopters::none},
                                                            {"random", InitialAdopters::random},
                                                            {"most_central", InitialAdopters::most_central},
                                                            {"file", InitialAdopters::file}});
  if (p.initial == InitialAdopters::random || p.initial == InitialAdopters::most_central)
    p.initial_share = t.get<double>("initial_share");
  p.maturity =
      pick<Maturity>(t.get<std::string>("maturity"), {{"research", Maturity::research},
                                                      {"demonstration", Maturity::demonstration},
                                                      {"clinical_trial", Maturity::clinical_trial},
                                                      {"market", Maturity::market},
                                                      {"standard_of_care", Maturity::standard_of_care}});
  p.years_per_stage = t.get<double>("years_per_stage");
  p.cost_per_adopter_per_year = t.get<double>("cost_per_adopter_per_year");
  p.onset_multiplier = t.get<double>("onset_multiplier");
  p.early_detection_multiplier = t.get<double>("early_detection_multiplier");
  p.cure_multiplier = t.get<double>("cure_multiplier");
  if (p.initial == InitialAdopters::file) {
    if (auto file = t.input_file("initial_file", base_dir, problems)) p.initial_file = std::move(*file);
  }
  if (p.threshold_distribution == ThresholdDistribution::file) {
    if (p.adopters != Adopters::citizens)
      problems.push_back(t.diagnostic("threshold_distribution",
                                      "thresholds from a file are for citizens' innovations; organisations' "
                                      "thresholds follow their incumbency"));
    else if (auto file = t.input_file("threshold_file", base_dir, problems))
      p.threshold_file = std::move(*file);
  }
  return p;
}

void check_innovation_files(const InnovationParams& p, std::uint32_t population,
                            std::vector<Diagnostic>& problems) {
  // The same readers and bounds as Adoption's setup, so validate and run say the same thing.
  if (p.initial == InitialAdopters::file && !p.initial_file.empty())
    collect_problems(problems, [&] { (void)read_node_list(p.initial_file, population); });
  if (p.threshold_distribution == ThresholdDistribution::file && !p.threshold_file.empty())
    collect_problems(problems, [&] { (void)read_node_values(p.threshold_file, population, 0.0, 1.0); });
}

}  // namespace missionsim::model
