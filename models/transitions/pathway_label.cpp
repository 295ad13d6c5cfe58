#include "models/transitions/pathway_label.hpp"

namespace missionsim::model {

TransitionPathway classify(const TransitionHistory& h, double strong_landscape_pressure) {
  if (!h.first_regime_shift) return TransitionPathway::reproduction;
  const bool breakthrough_first = h.first_breakthrough && *h.first_breakthrough <= *h.first_regime_shift;
  if (h.max_regime_pressure_before_shift >= strong_landscape_pressure && !breakthrough_first)
    return TransitionPathway::dealignment_realignment;
  if (breakthrough_first) return TransitionPathway::technological_substitution;
  if (h.challengers_established >= 2) return TransitionPathway::reconfiguration;
  return TransitionPathway::transformation;
}

std::string_view pathway_name(TransitionPathway p) {
  switch (p) {
    case TransitionPathway::reproduction:
      return "reproduction";
    case TransitionPathway::transformation:
      return "transformation";
    case TransitionPathway::technological_substitution:
      return "technological_substitution";
    case TransitionPathway::dealignment_realignment:
      return "dealignment_realignment";
    case TransitionPathway::reconfiguration:
      return "reconfiguration";
  }
  return "unknown";
}

}  // namespace missionsim::model
