// Who the simulated citizens are: regions, deprivation quintiles, age bands and risk factors,
// with the shares that place people in them and the relative risks that follow from them.
#pragma once

#include <cstdint>
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
};

/// Quintile q (0-based) gets ratio^(q/4) of quintile 0's value: a geometric gradient.
double quintile_gradient(double ratio_q5_q1, int q);

/// Declares [population], [[regions]], [[age_bands]], [[risk_factors]] and [deprivation].
void declare_population_keys(TableSpec& root);
/// Reads them; shares that do not sum to 1 are appended to `problems`. Without [[regions]]
/// (or [[age_bands]]) the population is one region "all" (one band "all").
PopulationParams read_population(const TableView& root, std::vector<Diagnostic>& problems);

}  // namespace missionsim::model
