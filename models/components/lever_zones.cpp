#include "models/components/lever_zones.hpp"

#include "engine/core/error.hpp"

#include <limits>

namespace missionsim::model {

namespace {
// Regions 0..R-1, then R for the national organisations.
std::uint16_t zone(std::size_t type, std::size_t region_slot, std::size_t region_count) {
  return static_cast<std::uint16_t>(type * (region_count + 1) + region_slot);
}
}  // namespace

std::uint16_t organisation_zone_count(std::size_t region_count) {
  const std::size_t count = stakeholder_type_count * (region_count + 1);
  if (count > std::numeric_limits<std::uint16_t>::max())
    throw InternalError("too many regions for lever zones: " + std::to_string(region_count));
  return static_cast<std::uint16_t>(count);
}

std::vector<std::uint16_t> organisation_zones(const Stakeholders& orgs, std::size_t region_count) {
  std::vector<std::uint16_t> out(orgs.size());
  for (std::uint32_t o = 0; o < orgs.size(); ++o) {
    const auto region = orgs.region()[o];
    out[o] = zone(orgs.type()[o], region == national_region ? region_count : static_cast<std::size_t>(region),
                  region_count);
  }
  return out;
}

std::vector<std::uint16_t> organisation_zones_of(const InstrumentParams& p, std::size_t region_count) {
  std::vector<std::uint16_t> out;
  if (p.regions.empty() && p.stakeholder_types == 0) return out;
  for (std::size_t type = 0; type < stakeholder_type_count; ++type) {
    if (p.stakeholder_types != 0 && !((p.stakeholder_types >> type) & 1u)) continue;
    if (p.regions.empty()) {
      for (std::size_t r = 0; r <= region_count; ++r) out.push_back(zone(type, r, region_count));
    } else {
      for (const auto r : p.regions) out.push_back(zone(type, r, region_count));
    }
  }
  return out;
}

}  // namespace missionsim::model
