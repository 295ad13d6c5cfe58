// Who the simulated citizens are: regions, deprivation quintiles, age bands and risk factors,
// with the shares that place people in them and the relative risks that follow from them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace missionsim {
class TableSpec;
class TableView;
struct Diagnostic;
}  // namespace missionsim

namespace missionsim::model {

inline constexpr int quintile_count = 5;  ///< deprivation quintiles, 1 = least deprived

struct RegionParams {
  std::string name;
  double share = 1.0;                 ///< of the population
  double onset_multiplier = 1.0;      ///< relative risk of disease onset
  double detection_multiplier = 1.0;  ///< relative rate of diagnosis (access to care)
};

struct AgeBandParams {
  std::string name;
  double share = 1.0;
  double onset_multiplier = 1.0;
  double other_mortality = 0.01;  ///< per year, deaths from other causes
  double life_expectancy = 30.0;  ///< years remaining at this age, for life-years lost
};

struct RiskFactorParams {
  std::string name;
  double prevalence = 0.2;        ///< share of the population with the factor
  double prevalence_ratio = 1.0;  ///< prevalence in quintile 5 over quintile 1
  double onset_multiplier = 1.0;  ///< relative risk of onset with the factor
};

struct DeprivationParams {
  double onset_ratio = 1.0;      ///< relative risk of onset, quintile 5 over quintile 1
  double detection_ratio = 1.0;  ///< relative diagnosis rate, quintile 5 over quintile 1
  double survival_ratio = 1.0;   ///< relative rate of cure after treatment, quintile 5 over 1
};

struct PopulationParams {
  std::uint32_t size = 0;
  double scale = 1.0;  ///< real persons per simulated person
  std::vector<RegionParams> regions;
  std::vector<AgeBandParams> age_bands;
  std::vector<RiskFactorParams> risk_factors;
  DeprivationParams deprivation;
  /// Persons per (region, quintile, age band) from population.table, indexed by cell(); empty
  /// when regions, quintiles and bands are drawn independently from the shares.
  std::vector<double> joint_persons;

  /// Index into joint_persons: region slowest, age band fastest. `quintile` is 0-based.
  [[nodiscard]] std::size_t cell(std::size_t region, int quintile, std::size_t band) const noexcept {
    return (region * quintile_count + static_cast<std::size_t>(quintile)) * age_bands.size() + band;
  }
};

/// Quintile q (0-based) gets ratio^(q/4) of quintile 0's value: a geometric gradient.
double quintile_gradient(double ratio_q5_q1, int q);

/// Declares [population], [[regions]], [[age_bands]], [[risk_factors]] and [deprivation].
void declare_population_keys(TableSpec& root);
/// Reads them. Without [[regions]] (or [[age_bands]]) the population is one region "all" (one
/// band "all"). population.table and population.life_table name CSV files relative to
/// `base_dir` (the scenario's folder); with a table the region and band shares are its
/// marginals. Every problem, in the scenario or in a CSV file (file, line, column name), is
/// appended to `problems`.
PopulationParams read_population(const TableView& root, const std::filesystem::path& base_dir,
                                 std::vector<Diagnostic>& problems);

}  // namespace missionsim::model
