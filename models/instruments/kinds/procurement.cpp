// Procurement and reimbursement pull demand: every adopter's threshold falls while funded.
#include "models/instruments/kinds/lowers_thresholds.hpp"

namespace missionsim::model {

std::unique_ptr<InstrumentKind> procurement_kind() {
  return std::make_unique<LowersThresholds>(
      "procurement", PolicySide::demand,
      "procurement and reimbursement pull demand: lowers thresholds by threshold_reduction × funded share");
}

}  // namespace missionsim::model
