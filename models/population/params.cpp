#include "models/population/params.hpp"

#include "engine/core/error.hpp"
#include "engine/scenario/schema.hpp"
#include "engine/scenario/table_view.hpp"

#include <cmath>
#include <limits>

namespace missionsim::model {

double quintile_gradient(double ratio, int q) {
  return std::pow(ratio, q / 4.0);
}

void declare_population_keys(TableSpec& root) {
  auto& pop = root.table("population", "The simulated citizens.");
  pop.integer("size", "Number of simulated people.")
      .unit("people")
      .range(1, static_cast<double>(std::numeric_limits<std::uint32_t>::max() - 1))
      .required();
  pop.real("scale",
           "Real persons each simulated person stands for. Counts in the output (incidence, deaths, ...) are "
           "multiplied by it; a field lab's community size is measured in real persons.")
      .unit("persons per agent")
      .greater_than(0)
      .default_value(1.0);
  root.key("population").required();

  auto& regions = root.table_array(
      "regions",
      "Regions of the country. People are placed in regions by share. Without any, one region \"all\".");
  regions.real("share", "Share of the population living in the region; the shares must sum to 1.")
      .unit("share")
      .range(0, 1)
      .required();
  regions.real("onset_multiplier", "Relative risk of disease onset in the region (environment, prevention).")
      .greater_than(0)
      .default_value(1.0);
  regions.real("detection_multiplier", "Relative rate of diagnosis in the region (access to diagnostics).")
      .greater_than(0)
      .default_value(1.0);

  auto& bands = root.table_array("age_bands",
                                 "Age bands. People are placed in bands by share and stay in their band (the "
                                 "population is stationary). Without any, one band \"all\".");
  bands.real("share", "Share of the population in the band; the shares must sum to 1.")
      .unit("share")
      .range(0, 1)
      .required();
  bands.real("onset_multiplier", "Relative risk of disease onset in the band.")
      .greater_than(0)
      .default_value(1.0);
  bands.real("other_mortality", "Yearly rate of death from other causes (from a life table).")
      .unit("per year")
      .min(0)
      .default_value(0.01);
  bands.real("life_expectancy", "Remaining life expectancy in the band, for the life-years lost to a death.")
      .unit("years")
      .min(0)
      .default_value(30.0);

  auto& risks = root.table_array("risk_factors", "Risk factors such as smoking or an unhealthy diet.");
  risks.real("prevalence", "Share of the population with the factor (the mean over quintiles).")
      .unit("share")
      .range(0, 1)
      .required();
  risks
      .real("prevalence_ratio",
            "Prevalence in the most deprived quintile over the least deprived; quintiles in between follow a "
            "geometric gradient, scaled so that the mean stays `prevalence`.")
      .greater_than(0)
      .default_value(1.0);
  risks.real("onset_multiplier", "Relative risk of disease onset for people with the factor.")
      .greater_than(0)
      .default_value(1.0);

  auto& dep =
      root.table("deprivation",
                 "Gradients across deprivation quintiles (1 least, 5 most deprived). Each is the value in "
                 "quintile 5 over quintile 1, geometric in between; 1 means no gradient.");
  dep.real("onset_ratio", "Relative risk of onset.").greater_than(0).default_value(1.0);
  dep.real("detection_ratio", "Relative rate of diagnosis (uptake of screening, access).")
      .greater_than(0)
      .default_value(1.0);
  dep.real("survival_ratio", "Relative rate of cure once treated.").greater_than(0).default_value(1.0);
}

namespace {
template <class T>
void check_shares(const std::vector<T>& items, const std::vector<TableView>& views, const char* what,
                  std::vector<Diagnostic>& problems) {
  if (items.empty()) return;
  double sum = 0;
  for (const auto& i : items) sum += i.share;
  if (std::abs(sum - 1.0) > 1e-9)
    problems.push_back(views.front().diagnostic(
        "share", std::string("the shares of all ") + what + " must sum to 1, found " + std::to_string(sum)));
}
}  // namespace

PopulationParams read_population(const TableView& root, std::vector<Diagnostic>& problems) {
  PopulationParams p;
  const auto pop = root.table("population");
  p.size = static_cast<std::uint32_t>(pop.get<std::int64_t>("size"));
  p.scale = pop.get<double>("scale");

  const auto regions = root.array("regions");
  for (const auto& r : regions)
    p.regions.push_back({r.get<std::string>("name"), r.get<double>("share"),
                         r.get<double>("onset_multiplier"), r.get<double>("detection_multiplier")});
  check_shares(p.regions, regions, "[[regions]]", problems);
  if (p.regions.empty()) p.regions.push_back({"all", 1.0, 1.0, 1.0});

  const auto bands = root.array("age_bands");
  for (const auto& b : bands)
    p.age_bands.push_back({b.get<std::string>("name"), b.get<double>("share"),
                           b.get<double>("onset_multiplier"), b.get<double>("other_mortality"),
                           b.get<double>("life_expectancy")});
  check_shares(p.age_bands, bands, "[[age_bands]]", problems);
  if (p.age_bands.empty()) p.age_bands.push_back({"all", 1.0, 1.0, 0.01, 30.0});

  const auto risks = root.array("risk_factors");
  if (risks.size() > 32)
    problems.push_back(risks[32].diagnostic("name", "at most 32 risk factors are supported"));
  for (const auto& r : risks)
    p.risk_factors.push_back({r.get<std::string>("name"), r.get<double>("prevalence"),
                              r.get<double>("prevalence_ratio"), r.get<double>("onset_multiplier")});

  const auto dep = root.table("deprivation");
  p.deprivation = {dep.get<double>("onset_ratio"), dep.get<double>("detection_ratio"),
                   dep.get<double>("survival_ratio")};
  return p;
}

}  // namespace missionsim::model
