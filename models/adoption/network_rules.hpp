// Adoption rules on a network layer as policy types: each says whether one eligible
// non-adopter adopts this step, from its contacts' state and its θ. Adoption's decide loop is
// instantiated once per rule (network_rule_table in adoption.cpp), so the hot loop is compiled
// for each rule with nothing virtual in it, and the adopt/abandon bookkeeping is written once.
//
// A rule declares `uses_active_set`: true when its decision is a deterministic function of the
// contacts' state and the step's levers, so that an agent none of whose contacts changed
// decides as before and the active set may skip it.
#pragma once

#include "engine/core/calendar.hpp"
#include "engine/network/csr_graph.hpp"
#include "engine/rng/philox_stream.hpp"
#include "models/adoption/adoption.hpp"
#include "models/adoption/params.hpp"

#include <algorithm>
#include <cstdint>
#include <span>

namespace missionsim::model {

// The adopting contacts of i, counted; the share as a correctly rounded quotient so that 7 of
// 10 meets θ = 0.7 exactly as a person would reckon it (7 ≥ 0.7·10 can fail in floating point).
inline std::uint32_t adopting_contacts(std::span<const std::uint8_t> cur, std::span<const EdgeIndex> offsets,
                                       std::span<const NodeId> targets, std::uint32_t i) {
  std::uint32_t adopting = 0;
  for (EdgeIndex e = offsets[i]; e < offsets[i + 1]; ++e) adopting += cur[targets[e]];
  return adopting;
}

inline double adopting_share(std::span<const std::uint8_t> cur, std::span<const EdgeIndex> offsets,
                             std::span<const NodeId> targets, std::uint32_t i) {
  const EdgeIndex degree = offsets[i + 1] - offsets[i];
  if (degree == 0) return -1.0;  // no contacts
  return static_cast<double>(adopting_contacts(cur, offsets, targets, i)) / static_cast<double>(degree);
}

/// What a rule sees of one step of one innovation, hoisted out of the loop and held by value:
/// the loop stores uint8 adoption states, which the compiler must assume may alias anything
/// behind a pointer, so what the rule reads per agent must not sit behind one.
struct NetworkStep {
  std::span<const std::uint8_t> cur;  ///< adoption at the start of the step
  std::span<const EdgeIndex> offsets;
  std::span<const NodeId> targets;
  const float* thresholds;    ///< each agent's θ; null: `threshold` for all
  double threshold;           ///< the innovation's θ
  double common_shift;        ///< the levers' threshold shift when every zone is alike
  double common_boost;        ///< the levers' Bass boost when every zone is alike
  const std::uint16_t* zone;  ///< each agent's lever zone; null: every zone alike
  const ZoneLevers* levers;
  std::uint32_t min_adopting_contacts;
  double innovation_rate, imitation_rate;  ///< Bass p and q, per year
  PhiloxStream draws;
  std::uint64_t step;
  double dt_years;
};

/// θ of non-adopter i: its own or the innovation's, shifted by its zone's levers.
inline double theta_of(const NetworkStep& s, std::uint32_t i) {
  const double shift = s.zone ? s.levers[s.zone[i]].threshold_shift : s.common_shift;
  return s.thresholds ? s.thresholds[i] + shift : s.threshold + shift;
}

/// Watts (2002): adopt when the adopting share of one's contacts reaches θ.
struct ThresholdRule {
  static constexpr bool uses_active_set = true;
  NetworkStep s;
  [[nodiscard]] bool adopts(std::uint32_t i) const {
    const double share = adopting_share(s.cur, s.offsets, s.targets, i);
    return share >= 0.0 && share >= theta_of(s, i);
  }
};

/// Centola & Macy (2007): at least min_adopting_contacts adopting contacts, and a share ≥ θ.
struct ComplexContagionRule {
  static constexpr bool uses_active_set = true;
  NetworkStep s;
  [[nodiscard]] bool adopts(std::uint32_t i) const {
    const EdgeIndex degree = s.offsets[i + 1] - s.offsets[i];
    const std::uint32_t adopting = adopting_contacts(s.cur, s.offsets, s.targets, i);
    return degree > 0 && adopting >= s.min_adopting_contacts &&
           static_cast<double>(adopting) / static_cast<double>(degree) >= theta_of(s, i);
  }
};

/// Bass (1969) on a network: innovation p (plus campaigns' boost) and imitation q × the
/// adopting share of one's contacts, as a probability per step.
struct BassRule {
  static constexpr bool uses_active_set = false;  // a draw every step
  NetworkStep s;
  [[nodiscard]] bool adopts(std::uint32_t i) const {
    const double p = s.innovation_rate, q = s.imitation_rate;
    const double boost = s.zone ? s.levers[s.zone[i]].innovation_rate_boost : s.common_boost;
    const double u = s.draws.uniform(s.step, i, 0);
    // The share is at most 1, so most people are out of reach of any share: for them, neither
    // the contacts nor the exp need computing.
    if (!(u < step_probability_bound(p + boost + q, s.dt_years))) return false;
    const double share = std::max(0.0, adopting_share(s.cur, s.offsets, s.targets, i));
    return u < step_probability(p + boost + q * share, s.dt_years);
  }
};

}  // namespace missionsim::model
