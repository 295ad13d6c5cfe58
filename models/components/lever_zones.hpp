// Lever zones: how instruments aimed at some regions or stakeholder types find the agents they
// act on. A citizen's zone is their region; an organisation's is its type in its region (or
// nationally).
#pragma once

#include "models/instruments/params.hpp"
#include "models/stakeholders/stakeholders.hpp"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace missionsim::model {

/// Zones of the organisations: type × (regions + national).
[[nodiscard]] std::uint16_t organisation_zone_count(std::size_t region_count);
/// Each organisation's zone, one per organisation.
[[nodiscard]] std::vector<std::uint16_t> organisation_zones(const Stakeholders& orgs,
                                                            std::size_t region_count);

/// The organisations' zones an instrument acts in (empty: all): the types it names (all when
/// none) in the regions it names (all, and the national bodies, when none). Citizens' zones are
/// simply its regions.
[[nodiscard]] std::vector<std::uint16_t> organisation_zones_of(const InstrumentParams& p,
                                                               std::size_t region_count);

}  // namespace missionsim::model
