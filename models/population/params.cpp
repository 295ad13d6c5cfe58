#include "models/population/params.hpp"

#include "engine/core/collect_problems.hpp"
#include "engine/core/error.hpp"
#include "engine/core/names.hpp"
#include "engine/scenario/schema.hpp"
#include "engine/scenario/table_view.hpp"
#include "engine/table/csv_table.hpp"
#include "engine/table/key_checks.hpp"

#include <cmath>
#include <limits>
#include <map>
#include <optional>

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
           "multiplied by it; a field lab's community size is measured in real persons. Default 1, or "
           "real_size / size when real_size is given (then give only one of the two).")
      .unit("persons per agent")
      .greater_than(0)
      .default_unless(1.0, "real_size");
  pop.real(
         "real_size",
         "The real population the simulated people stand for, e.g. a country's 83 million. The scale is then "
         "real_size / size, so any sample size stands for the same people and size = real_size runs one "
         "agent per person.")
      .unit("persons")
      .greater_than(0);
  pop.string(
      "table",
      "CSV file (path relative to the scenario) with columns region, quintile (1-5), age_band and "
      "persons (0 to 1e10): one row for every [[regions]] name × quintile × [[age_bands]] name (\"all\" "
      "without them). It gives the joint distribution of people, replacing the regions' and bands' "
      "shares and the uniform quintiles. See scenarios/data/README.md.");
  pop.string("life_table",
             "CSV file (path relative to the scenario) with columns age_band, mortality (per year, ≥ 0) and "
             "life_expectancy (years, ≥ 0), one row per [[age_bands]] name (\"all\" without them). It gives "
             "every band's other_mortality and life_expectancy.");
  root.key("population").required();

  auto& regions = root.table_array(
      "regions",
      "Regions of the country. People are placed in regions by share. Without any, one region \"all\".");
  regions
      .real("share",
            "Share of the population living in the region; the shares must sum to 1. Required unless "
            "population.table is given, and not allowed with it.")
      .unit("share")
      .range(0, 1);
  regions.real("onset_multiplier", "Relative risk of disease onset in the region (environment, prevention).")
      .greater_than(0)
      .default_value(1.0);
  regions.real("detection_multiplier", "Relative rate of diagnosis in the region (access to diagnostics).")
      .greater_than(0)
      .default_value(1.0);

  auto& bands = root.table_array("age_bands",
                                 "Age bands. People are placed in bands by share and stay in their band (the "
                                 "population is stationary). Without any, one band \"all\".");
  bands
      .real("share",
            "Share of the population in the band; the shares must sum to 1. Required unless population.table "
            "is given, and not allowed with it.")
      .unit("share")
      .range(0, 1);
  bands.real("onset_multiplier", "Relative risk of disease onset in the band.")
      .greater_than(0)
      .default_value(1.0);
  // Defaults only without population.life_table: read_population must see whether the file gave
  // them, since giving them beside the life table is an error.
  const AgeBandParams fallback;
  bands
      .real("other_mortality",
            "Yearly rate of death from other causes (from a life table). Not allowed with "
            "population.life_table, which gives it.")
      .unit("per year")
      .min(0)
      .default_unless(fallback.other_mortality, "population.life_table");
  bands
      .real("life_expectancy",
            "Remaining life expectancy in the band, for the life-years lost to a death. Not allowed with "
            "population.life_table, which gives it.")
      .unit("years")
      .min(0)
      .default_unless(fallback.life_expectancy, "population.life_table");

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

// A share is either given in the scenario or taken from population.table, never both.
double read_share(const TableView& t, bool from_table, bool& complete, std::vector<Diagnostic>& problems) {
  if (from_table) {
    if (t.has("share"))
      problems.push_back(t.diagnostic("share", "share comes from population.table; remove one of them"));
    return 0.0;
  }
  if (!t.has("share")) {
    problems.push_back(
        t.diagnostic("share", "missing: give every element a share, or give population.table"));
    complete = false;
    return 0.0;
  }
  return t.get<double>("share");
}

double read_life_value(const TableView& band, const char* key, double fallback, bool from_life_table,
                       std::vector<Diagnostic>& problems) {
  if (!band.has(key)) return fallback;
  if (from_life_table)
    problems.push_back(
        band.diagnostic(key, std::string(key) + " comes from population.life_table; remove one of them"));
  return band.get<double>(key);
}

std::map<std::string, std::size_t> index_of(const std::vector<std::string>& names) {
  std::map<std::string, std::size_t> out;
  for (std::size_t i = 0; i < names.size(); ++i) out.emplace(names[i], i);
  return out;
}

// population.table: persons per region × quintile × age band; the shares become its marginals.
void read_joint_table(const std::filesystem::path& file, const TableView& pop, PopulationParams& p) {
  using Type = ColumnSpec::Type;
  const auto table = CsvTable::read(
      file,
      {{.name = "region", .type = Type::text},
       {.name = "quintile", .type = Type::integer, .min = 1.0, .max = static_cast<double>(quintile_count)},
       {.name = "age_band", .type = Type::text},
       // No cell holds more people than the world (about 8e9): 1e308 would sum to inf, and
       // every share become NaN, without a word.
       {.name = "persons", .min = 0.0, .max = 1e10}});
  const auto region_names = names_of(p.regions);
  const auto band_names = names_of(p.age_bands);
  std::vector<std::string> quintiles;
  for (int q = 1; q <= quintile_count; ++q) quintiles.push_back(std::to_string(q));
  require_complete_grid(table, {{"region", region_names}, {"quintile", quintiles}, {"age_band", band_names}});

  const auto region = index_of(region_names);
  const auto band = index_of(band_names);
  const auto& region_cells = table.text("region");
  const auto& quintile_cells = table.integers("quintile");
  const auto& band_cells = table.text("age_band");
  const auto& persons = table.reals("persons");
  p.joint_persons.assign(p.regions.size() * quintile_count * p.age_bands.size(), 0.0);
  double total = 0;
  for (std::size_t row = 0; row < table.rows(); ++row) {
    const std::size_t r = region.at(region_cells[row]);
    const std::size_t b = band.at(band_cells[row]);
    p.joint_persons[p.cell(r, static_cast<int>(quintile_cells[row] - 1), b)] = persons[row];
    total += persons[row];
  }
  if (!(total > 0))
    throw InputError(
        pop.diagnostic("table", file.string() + ": the persons sum to 0; nobody could be placed"));

  for (auto& r : p.regions) r.share = 0;
  for (auto& b : p.age_bands) b.share = 0;
  for (std::size_t r = 0; r < p.regions.size(); ++r)
    for (int q = 0; q < quintile_count; ++q)
      for (std::size_t b = 0; b < p.age_bands.size(); ++b) {
        const double share = p.joint_persons[p.cell(r, q, b)] / total;
        p.regions[r].share += share;
        p.age_bands[b].share += share;
      }
}

// population.life_table: other-cause mortality and remaining life expectancy per age band.
void read_life_table(const std::filesystem::path& file, PopulationParams& p) {
  const auto table = CsvTable::read(file, {{.name = "age_band", .type = ColumnSpec::Type::text},
                                           {.name = "mortality", .min = 0.0},
                                           {.name = "life_expectancy", .min = 0.0}});
  const auto band_names = names_of(p.age_bands);
  require_complete_grid(table, {{"age_band", band_names}});
  const auto band = index_of(band_names);
  for (std::size_t row = 0; row < table.rows(); ++row) {
    auto& b = p.age_bands[band.at(table.text("age_band")[row])];
    b.other_mortality = table.reals("mortality")[row];
    b.life_expectancy = table.reals("life_expectancy")[row];
  }
}

}  // namespace

PopulationParams read_population(const TableView& root, const std::filesystem::path& base_dir,
                                 std::vector<Diagnostic>& problems) {
  PopulationParams p;
  const auto pop = root.table("population");
  p.size = static_cast<std::uint32_t>(pop.get<std::int64_t>("size"));
  p.scale = pop.has("scale") ? pop.get<double>("scale") : 1.0;
  if (pop.has("real_size")) {
    if (pop.has("scale"))
      problems.push_back(pop.diagnostic(
          "scale",
          "give population.scale or population.real_size, not both (the scale is real_size / size)"));
    p.scale = pop.get<double>("real_size") / static_cast<double>(p.size);
  }
  const bool joint_table = pop.has("table");
  const bool life_table = pop.has("life_table");

  const auto regions = root.array("regions");
  bool regions_complete = true;
  for (const auto& r : regions)
    p.regions.push_back({r.get<std::string>("name"), read_share(r, joint_table, regions_complete, problems),
                         r.get<double>("onset_multiplier"), r.get<double>("detection_multiplier")});
  if (!joint_table && regions_complete) check_shares(p.regions, regions, "[[regions]]", problems);
  if (p.regions.empty()) p.regions.push_back({"all", 1.0, 1.0, 1.0});

  const auto bands = root.array("age_bands");
  const AgeBandParams fallback;
  bool bands_complete = true;
  for (const auto& b : bands)
    p.age_bands.push_back(
        {b.get<std::string>("name"), read_share(b, joint_table, bands_complete, problems),
         b.get<double>("onset_multiplier"),
         read_life_value(b, "other_mortality", fallback.other_mortality, life_table, problems),
         read_life_value(b, "life_expectancy", fallback.life_expectancy, life_table, problems)});
  if (!joint_table && bands_complete) check_shares(p.age_bands, bands, "[[age_bands]]", problems);
  if (p.age_bands.empty())
    p.age_bands.push_back({"all", 1.0, 1.0, fallback.other_mortality, fallback.life_expectancy});

  if (joint_table)
    if (const auto file = pop.input_file("table", base_dir, problems))
      collect_problems(problems, [&] { read_joint_table(*file, pop, p); });
  if (life_table)
    if (const auto file = pop.input_file("life_table", base_dir, problems))
      collect_problems(problems, [&] { read_life_table(*file, p); });

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
