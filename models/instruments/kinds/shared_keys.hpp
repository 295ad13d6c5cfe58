// Keys and lookups several instrument kinds share, so that each is declared and read alike.
#pragma once

#include "engine/scenario/schema.hpp"
#include "engine/scenario/table_view.hpp"
#include "models/instruments/instrument_kind.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace missionsim::model {

inline void declare_threshold_reduction(TableSpec& t) {
  t.real("threshold_reduction", "Lowering of every adopter's threshold with full funding.")
      .unit("share of contacts")
      .range(0, 1)
      .default_value(0.05);
}

/// Index of the region named by `key` (empty: 0, and `every` when given); the region count and
/// a problem if no region has that name.
inline std::size_t read_region(const TableView& t, const InstrumentReading& r, bool* every = nullptr) {
  const auto region = t.get<std::string>("region");
  if (every) *every = region.empty();
  if (region.empty()) return 0;
  const auto at =
      static_cast<std::size_t>(std::find(r.regions.begin(), r.regions.end(), region) - r.regions.begin());
  if (at == r.regions.size())
    r.problems.push_back(t.diagnostic("region", "no [[regions]] element is named '" + region + "'"));
  return at;
}

}  // namespace missionsim::model
