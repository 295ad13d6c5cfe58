// Scenario parameters of the policy instruments: what each kind does, to which innovation or
// region, when, and with which budget. Each kind is labelled supply-side or demand-side.
#pragma once

#include "engine/core/calendar.hpp"
#include "engine/core/error.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace missionsim {
class TableSpec;
class TableView;
}  // namespace missionsim

namespace missionsim::model {

struct PopulationParams;

class InstrumentKind;  // instrument_kind.hpp

struct InstrumentParams {
  std::string name;
  const InstrumentKind* kind = nullptr;  ///< what the money does (instrument_kinds())
  std::string innovation;                ///< the innovation it acts on
  Date start{}, end{};
  double budget_per_year = 0;        ///< currency per year; 0 = costs nothing and always acts fully
  double total_budget = 0;           ///< 0 = budget_per_year over the whole period
  double speedup = 0;                ///< research_grant
  double threshold_reduction = 0;    ///< trial_funding, procurement, patient_involvement
  double innovation_rate_boost = 0;  ///< campaign, per year
  double community = 0;              ///< field_lab: real persons in the community
  std::size_t region = 0;            ///< field_lab, infrastructure: index of the host region
  bool every_region = false;         ///< infrastructure without a region: all providers share it
  double capacity = 0;               ///< infrastructure: real persons of added capacity
  std::uint32_t ties = 0;            ///< coordination: cross-silo ties added
  double engagement_gain = 0;        ///< patient_involvement: per year
  /// trial_funding, procurement, regulation, campaign, patient_involvement: where it acts.
  std::vector<std::size_t> regions;     ///< indices of the regions; empty: everywhere (and national bodies)
  std::uint32_t stakeholder_types = 0;  ///< bit t set: organisations of type t; 0: every type
};
/// Declares `[[instruments]]`.
void declare_instrument_keys(TableSpec& root);
/// Reads them. `type_names` are the stakeholder types. Unknown innovations, regions and types,
/// end before start, a field lab larger than
/// its region, and (without `has_stakeholders`) infrastructure, coordination and
/// patient_involvement instruments are appended to `problems`.
std::vector<InstrumentParams> read_instruments(const TableView& root,
                                               const std::vector<std::string>& innovations,
                                               const PopulationParams& population,
                                               const std::vector<std::string>& type_names,
                                               std::vector<Diagnostic>& problems,
                                               bool has_stakeholders = false);

}  // namespace missionsim::model
