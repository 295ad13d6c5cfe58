// Scenario parameters of the policy instruments: what each kind does, to which innovation or
// region, when, and with which budget. Each kind is labelled supply-side or demand-side.
#pragma once

#include "engine/core/calendar.hpp"
#include "engine/core/error.hpp"

#include <string>
#include <vector>

namespace missionsim {
class TableSpec;
class TableView;
}  // namespace missionsim

namespace missionsim::model {

struct PopulationParams;

enum class InstrumentKind { research_grant, trial_funding, procurement, regulation, campaign, field_lab };
enum class PolicySide { supply, demand };

struct InstrumentKindInfo {
  const char* name;
  InstrumentKind kind;
  PolicySide side;
  const char* what;  ///< one line for the reference and the model description
};
const std::vector<InstrumentKindInfo>& instrument_kinds();
const InstrumentKindInfo& info(InstrumentKind kind);

struct InstrumentParams {
  std::string name;
  InstrumentKind kind = InstrumentKind::campaign;
  std::string innovation;  ///< the innovation it acts on
  Date start{}, end{};
  double budget_per_year = 0;        ///< currency per year; 0 = costs nothing and always acts fully
  double total_budget = 0;           ///< 0 = budget_per_year over the whole period
  double speedup = 0;                ///< research_grant
  double threshold_reduction = 0;    ///< trial_funding, procurement
  double innovation_rate_boost = 0;  ///< campaign, per year
  double community = 0;              ///< field_lab: real persons in the community
  std::size_t region = 0;            ///< field_lab: index of the host region
};

/// Declares `[[instruments]]`.
void declare_instrument_keys(TableSpec& root);
/// Reads them. Unknown innovations and regions, end before start, and a field lab larger than
/// its region are appended to `problems`.
std::vector<InstrumentParams> read_instruments(const TableView& root,
                                               const std::vector<std::string>& innovations,
                                               const PopulationParams& population,
                                               std::vector<Diagnostic>& problems);

}  // namespace missionsim::model
