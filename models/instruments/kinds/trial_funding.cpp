// Clinical-trial evidence: every adopter's threshold falls while it is funded.
#include "models/instruments/kinds/lowers_thresholds.hpp"

namespace missionsim::model {

std::unique_ptr<InstrumentKind> trial_funding_kind() {
  return std::make_unique<LowersThresholds>(
      "trial_funding", PolicySide::supply,
      "clinical-trial evidence: lowers every adopter's threshold by threshold_reduction × funded share");
}

}  // namespace missionsim::model
