// Scenario parameters of the multi-level perspective: landscape pressures (trends, pulses, step
// changes), regimes (the incumbent practice of a domain and its lock-in) and niches (protected
// spaces where a challenger builds momentum).
#pragma once

#include "engine/core/calendar.hpp"
#include "engine/core/error.hpp"
#include "models/adoption/params.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace missionsim {
class TableSpec;
class TableView;
}  // namespace missionsim

namespace missionsim::model {

enum class PressureShape { trend, pulse, step };
/// What a landscape pressure acts on.
enum class PressureTarget { threshold, innovation_rate, regime, budget };

struct LandscapeParams {
  std::string name;
  PressureShape shape = PressureShape::step;
  PressureTarget target = PressureTarget::regime;
  std::vector<std::size_t> innovations;  ///< threshold, innovation_rate: indices; empty: all
  Date start{}, end{};                   ///< end: pulse only
  double magnitude = 0;                  ///< pulse, step: the value while on; trend: per year
};

enum class Centrality { none, degree, betweenness };

struct RegimeParams {
  std::string name;
  std::vector<std::size_t> challengers;  ///< innovation indices, all adopted by the same agents
  double lock_in = 0;                    ///< threshold raise of the challengers at full stability
  Centrality centrality = Centrality::degree;
  double incumbency_weight = 1;  ///< organisations: weight × (1 + incumbency_weight · incumbency)
  double shift_level = 0.5;      ///< regime_shift when its strength first falls below
};

struct NicheParams {
  std::string name;
  std::size_t innovation = 0;
  std::size_t regime = 0;
  std::vector<std::size_t> regions;  ///< members: the adopters of these regions; empty: all
  double learning_weight = 0.7;      ///< on the adopter share among members
  double expectation_weight = 0.3;   ///< on maturity / 4
};

/// Defaults of `missionsim tipping` (its options override them).
struct TippingParams {
  double new_normal = 0.9;           ///< share of the supported run's final adoption to reach
  double sustain_probability = 0.9;  ///< the level the tipping step must reach
  std::uint32_t replicates = 20;
  double grid_years = 1;  ///< withdrawal steps of the coarse grid, in years
};

struct TransitionParams {
  std::vector<LandscapeParams> landscape;
  std::vector<RegimeParams> regimes;
  std::vector<NicheParams> niches;
  TippingParams tipping;
  /// Landscape pressure on regimes at or above which a shock counts as "large and sudden".
  double strong_landscape_pressure = 0.3;
  [[nodiscard]] bool empty() const noexcept { return landscape.empty() && regimes.empty() && niches.empty(); }
};

/// Declares `[[landscape]]`, `[[regimes]]`, `[[niches]]`, `[tipping]` and `[pathway_rule]`.
void declare_transition_keys(TableSpec& root);
/// Reads them; unknown innovations, regimes and regions, a pulse without a later end, and
/// regimes mixing innovations of citizens and organisations are appended to `problems`.
TransitionParams read_transitions(const TableView& root, const std::vector<InnovationParams>& innovations,
                                  const std::vector<std::string>& regions, std::vector<Diagnostic>& problems);

}  // namespace missionsim::model
