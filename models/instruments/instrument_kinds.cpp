// The instrument kinds, one line each: a new kind is a file in kinds/ and a line here.
#include "models/instruments/instrument_kind.hpp"

namespace missionsim::model {

std::unique_ptr<InstrumentKind> research_grant_kind();
std::unique_ptr<InstrumentKind> trial_funding_kind();
std::unique_ptr<InstrumentKind> procurement_kind();
std::unique_ptr<InstrumentKind> regulation_kind();
std::unique_ptr<InstrumentKind> campaign_kind();
std::unique_ptr<InstrumentKind> field_lab_kind();
std::unique_ptr<InstrumentKind> infrastructure_kind();
std::unique_ptr<InstrumentKind> coordination_kind();
std::unique_ptr<InstrumentKind> patient_involvement_kind();

const std::vector<std::unique_ptr<InstrumentKind>>& instrument_kinds() {
  static const auto kinds = [] {
    std::vector<std::unique_ptr<InstrumentKind>> k;
    for (auto* make :
         {research_grant_kind, trial_funding_kind, procurement_kind, regulation_kind, campaign_kind,
          field_lab_kind, infrastructure_kind, coordination_kind, patient_involvement_kind})
      k.push_back(make());
    return k;
  }();
  return kinds;
}

const InstrumentKind& instrument_kind(std::string_view name) {
  for (const auto& k : instrument_kinds())
    if (k->name() == name) return *k;
  throw InternalError("no instrument kind named '" + std::string(name) + "'");
}

}  // namespace missionsim::model
