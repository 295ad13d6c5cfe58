// An EconomicComparison as name/value/units/description rows, so a writer can store it (e.g. as
// attributes or datasets under /impact) without knowing its fields.
#pragma once

#include "engine/analysis/health_economics.hpp"

#include <string>
#include <variant>
#include <vector>

namespace missionsim {

/// One figure of the comparison. value is a double for every figure except icer_note (a string).
struct EconomicRow {
  std::string name;  ///< snake_case, the EconomicComparison field name
  std::variant<double, std::string> value;
  std::string units;        ///< "" for dimensionless figures and the note
  std::string description;  ///< one sentence a reader of the output file understands
};

/// Unit labels the engine cannot know: the scenario's currency and the equity gap's metric.
struct EconomicUnits {
  std::string currency = "currency";
  std::string equity_gap = "1";
};

/// Every field of the comparison (settings first, then outcomes, costs, ratios, the note), in a
/// fixed order.
[[nodiscard]] std::vector<EconomicRow> economic_table(const EconomicComparison& comparison,
                                                      const EconomicUnits& units = {});

}  // namespace missionsim
