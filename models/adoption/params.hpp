// Scenario parameters of one innovation that spreads among citizens, and how they are read.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace missionsim {
class TableSpec;
class TableView;
struct Diagnostic;
}  // namespace missionsim

namespace missionsim::model {

class AdoptionRuleKind;  // adoption_rule.hpp; the rules are in rules/
/// The rule named `name` (threshold, bass, complex); InternalError if none is (the schema's
/// choice refuses unknown names).
const AdoptionRuleKind& adoption_rule(std::string_view name);
enum class ThresholdDistribution { fixed, uniform, normal, file };
enum class InitialAdopters { none, random, most_central, file };

/// Stages of maturity; people adopt on their own only from `market` on.
enum class Maturity { research, demonstration, clinical_trial, market, standard_of_care };
inline constexpr double adoptable_maturity = 3.0;  ///< Maturity::market
inline constexpr double final_maturity = 4.0;      ///< Maturity::standard_of_care

/// Who adopts: citizens on a contact layer, or organisations on their collaboration network.
enum class Adopters { citizens, stakeholders };

struct InnovationParams {
  std::string name;
  Adopters adopters = Adopters::citizens;
  std::string network;              ///< name of the layer it spreads on ("collaboration" for stakeholders)
  std::uint32_t adopter_types = 0;  ///< stakeholders: bit t set = organisations of type t may adopt
  double incumbency_weight = 0.0;   ///< stakeholders: added to θ per unit of incumbency
  const AdoptionRuleKind* rule = &adoption_rule("threshold");
  double threshold = 0.18;
  ThresholdDistribution threshold_distribution = ThresholdDistribution::fixed;
  double threshold_spread = 0.0;
  double innovation_rate = 0.03;            ///< Bass p, per year
  double imitation_rate = 0.38;             ///< Bass q, per year
  std::uint32_t min_adopting_contacts = 2;  ///< complex contagion: adopting contacts needed
  /// An unprotected adopter abandons when the adopting share of its contacts falls below this;
  /// 0 never. Lower than θ, so that adoption and abandonment form a hysteresis loop.
  double abandon_threshold = 0.0;
  InitialAdopters initial = InitialAdopters::random;
  double initial_share = 0.01;
  std::filesystem::path initial_file;    ///< resolved against the scenario's folder
  std::filesystem::path threshold_file;  ///< each person's θ (threshold_distribution = "file")
  Maturity maturity = Maturity::market;  ///< stage at the start
  double years_per_stage = 3.0;          ///< maturation time per stage without research funding
  double cost_per_adopter_per_year = 0;  ///< currency per real adopter (person or organisation)
  // How adopting changes an adopter's care-pathway hazards (1 = no effect).
  double onset_multiplier = 1.0;            ///< prevention: relative risk of onset
  double early_detection_multiplier = 1.0;  ///< screening: relative rate of early diagnosis
  double cure_multiplier = 1.0;             ///< better treatment: relative rate of cure
  [[nodiscard]] bool changes_pathway() const {
    return onset_multiplier != 1.0 || early_detection_multiplier != 1.0 || cure_multiplier != 1.0;
  }
};

/// Declares the keys of one `[[innovations]]` element.
void declare_innovation_keys(TableSpec& innovation);
/// Reads a validated `[[innovations]]` element; a `network` naming no layer, or an
/// abandon_threshold not below θ, is appended to `problems`.
/// `type_names` are the stakeholder types, for adopter_types.
InnovationParams read_innovation(const TableView& t, const std::vector<std::string>& layer_names,
                                 const std::vector<std::string>& type_names,
                                 const std::filesystem::path& base_dir, std::vector<Diagnostic>& problems);

/// Reads the innovation's initial-adopter and threshold files as setup will, and appends what
/// is wrong with them, by file and line, to `problems`; `population` bounds the ids.
void check_innovation_files(const InnovationParams& innovation, std::uint32_t population,
                            std::vector<Diagnostic>& problems);

}  // namespace missionsim::model
