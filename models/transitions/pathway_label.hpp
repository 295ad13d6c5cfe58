// The transition pathway a run took, in Geels & Schot's (2007) typology, decided by a
// documented rule on when the regime shifted, whether a niche broke through first, and how
// hard the landscape pushed.
#pragma once

#include "models/transitions/transitions.hpp"

#include <string_view>

namespace missionsim::model {

enum class TransitionPathway {
  reproduction,
  transformation,
  technological_substitution,
  dealignment_realignment,
  reconfiguration
};

/// In order: no regime shift → reproduction; a landscape pressure of at least
/// `strong_landscape_pressure` (pathway_rule.strong_landscape_pressure) before the shift and no
/// niche breakthrough before it → de-alignment and re-alignment; a breakthrough at or before the
/// shift → technological substitution; two or more of the shifted regime's challengers each
/// established (adopted by at least half of those who may) → reconfiguration; otherwise
/// transformation (the regime reoriented without a niche breaking through).
[[nodiscard]] TransitionPathway classify(const TransitionHistory& h, double strong_landscape_pressure);
[[nodiscard]] std::string_view pathway_name(TransitionPathway p);

}  // namespace missionsim::model
