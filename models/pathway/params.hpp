// Scenario parameters of the care pathway of one disease (cancer by default): yearly rates
// between the states healthy → pre-clinical early → pre-clinical late → diagnosed early or
// late → in treatment → survivor, or death from the disease.
#pragma once

#include <array>
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

/// The states of a person on the pathway. Deaths leave no state: the place is taken at once
/// by a new healthy person (the population keeps its size).
enum class CareState : std::uint8_t {
  healthy,
  preclinical_early,
  preclinical_late,
  diagnosed_early,
  diagnosed_late,
  treated_early,
  treated_late,
  survivor,
};
inline constexpr std::size_t care_state_count = 8;
const std::vector<std::string>& care_state_labels();

struct PathwayParams {
  bool enabled = false;
  std::string disease = "cancer";
  double onset_rate = 0.005;            ///< healthy → pre-clinical early
  double progression_rate = 0.5;        ///< pre-clinical early → late
  double early_detection_rate = 0.2;    ///< pre-clinical early → diagnosed early
  double late_detection_rate = 1.0;     ///< pre-clinical late → diagnosed late
  double undiagnosed_death_rate = 0.3;  ///< pre-clinical late → death from the disease
  double treatment_start_rate = 12.0;   ///< diagnosed → in treatment
  double early_cure_rate = 1.0;         ///< treated early → survivor
  double early_death_rate = 0.05;       ///< treated early → death
  double late_cure_rate = 0.3;          ///< treated late → survivor
  double late_death_rate = 0.6;         ///< treated late → death
  std::array<double, care_state_count> utility{1.0, 1.0, 0.95, 0.85, 0.7, 0.75, 0.55, 0.9};  ///< QALY weights
  /// From pathway.onset_table: the onset rate (per year) of each age band, in the order of the
  /// band names given to read_pathway; empty without the table. It takes the place of
  /// onset_rate × the band's onset_multiplier (the bands' multipliers must then be 1), so a
  /// person's rate is onset_rate_by_band[band] × their onset risk.
  std::vector<double> onset_rate_by_band;
};

/// Declares the optional [pathway] table (the disease model is off without it).
void declare_pathway_keys(TableSpec& root);
/// Reads it. pathway.onset_table and pathway.survival_table name CSV files relative to
/// `base_dir` (the scenario's folder); `age_bands` are the population's band names ("all"
/// without [[age_bands]]), the rows the onset table must have. Every problem, in the scenario
/// or in a CSV file (file, line, column name), is appended to `problems`.
PathwayParams read_pathway(const TableView& root, const std::vector<std::string>& age_bands,
                           const std::filesystem::path& base_dir, std::vector<Diagnostic>& problems);

}  // namespace missionsim::model
