// Scenario parameters of the stakeholders: groups of similar organisations of the quintuple
// helix (type, region, resources, engagement, incumbency, capacity) and their collaboration network.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace missionsim {
class TableSpec;
class TableView;
struct Diagnostic;
}  // namespace missionsim

namespace missionsim::model {

enum class StakeholderType : std::uint8_t {
  ministry,
  funding_agency,
  local_authority,
  care_provider,
  cancer_centre,
  industry,
  sme,
  academia,
  patient_association,
  payer,
  regulator,
  citizen_group
};
inline constexpr std::size_t stakeholder_type_count = 12;

/// The scenario's word for each type, in enum order ("care_provider", ...).
[[nodiscard]] const std::array<std::string_view, stakeholder_type_count>& stakeholder_type_names() noexcept;

/// Care providers and cancer centres serve citizens; no other type has patients.
[[nodiscard]] constexpr bool serves_patients(StakeholderType t) noexcept {
  return t == StakeholderType::care_provider || t == StakeholderType::cancer_centre;
}

/// A set of types, one bit per type, for "adopters of given types".
using StakeholderTypeMask = std::uint32_t;
[[nodiscard]] constexpr StakeholderTypeMask type_mask(StakeholderType t) noexcept {
  return StakeholderTypeMask{1} << static_cast<unsigned>(t);
}

/// Region index of an organisation that works nationally, not in one region.
inline constexpr int national_region = -1;
/// More organisations than this are refused. Their ties are drawn in time linear in the ties
/// (the limit was 50,000 while every pair was tested); a regime weighting them by betweenness
/// centrality is O(V·E) and stays practical only for a few thousand.
inline constexpr std::uint32_t max_organisations = 1'000'000;

/// One [[stakeholders]] element: `count` organisations alike in their parameters.
struct StakeholderGroupParams {
  std::string name;
  StakeholderType type = StakeholderType::ministry;
  int region = national_region;  ///< index into the population's regions, or national_region
  std::uint32_t count = 1;
  double resources = 0.0;   ///< currency per year
  double engagement = 0.5;  ///< commitment to the mission, in [0, 1]
  double engagement_spread = 0.0;
  double incumbency = 0.5;  ///< commitment to today's practice, in [0, 1]
  double incumbency_spread = 0.0;
  double capacity = 0.0;  ///< providers only: real persons a new practice can reach; 0 = unlimited
};

/// Mean degrees of the collaboration network by kind of pair (silos: dense within, sparse across).
struct CollaborationParams {
  double within_type_and_region = 4.0;
  double within_type = 1.0;    ///< same type, other region
  double within_region = 2.0;  ///< same region, other type
  double across = 0.5;         ///< other type and other region
};

struct StakeholderParams {
  std::vector<StakeholderGroupParams> groups;  ///< empty: no stakeholder model
  CollaborationParams network;

  [[nodiscard]] std::uint32_t organisation_count() const noexcept;
};

/// Declares [[stakeholders]] and [stakeholder_network].
void declare_stakeholder_keys(TableSpec& root);
/// Reads them. Appended to `problems`: a region that is neither one of `region_names` nor
/// "national"; a region (all of `region_names` are taken to have citizens) with no care
/// provider or cancer centre of its own or national, unless there are no [[stakeholders]] at
/// all; more than max_organisations organisations in total.
StakeholderParams read_stakeholders(const TableView& root, const std::vector<std::string>& region_names,
                                    std::vector<Diagnostic>& problems);

}  // namespace missionsim::model
