// The decide loop of adoption on a network layer, written once and instantiated with each
// rule's policy type (models/adoption/rules/): a struct holding the step's NetworkStep with
// `adopts(i)`, whether eligible non-adopter i adopts this step, and `uses_active_set`, true
// when that is a deterministic function of the contacts' state and the step's levers (an agent
// none of whose contacts changed then decides as before, and the active set may skip it). The
// loop is compiled per rule with nothing virtual inside it.
#pragma once

#include "engine/core/calendar.hpp"
#include "engine/network/csr_graph.hpp"
#include "engine/rng/philox_stream.hpp"
#include "engine/storage/active_set.hpp"
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
  const double* thresholds;   ///< each agent's θ; null: `threshold` for all
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

/// What the decide loop writes for one block of one innovation, and the active set it may
/// drain instead of sweeping.
struct NetworkBlock {
  std::span<std::uint8_t> next;  ///< adoption at the end of the step
  ActiveSet* active_set;         ///< null: sweep every agent of the block
  bool block_changed;            ///< the block changed in the previous step (active set only)
};

struct BlockTally {
  std::uint64_t evaluated = 0, fresh = 0, gone = 0;
};

// An adopter with contacts leaves when their adopting share is below `abandon` (never at 0).
inline bool abandons(std::span<const std::uint8_t> cur, std::span<const EdgeIndex> offsets,
                     std::span<const NodeId> targets, std::uint32_t i, double abandon) {
  if (abandon <= 0.0) return false;
  const double share = adopting_share(cur, offsets, targets, i);
  return share >= 0.0 && share < abandon;
}

/// The decide loop on a network layer, instantiated with one rule: adopters may abandon,
/// eligible non-adopters adopt by the rule; with the active set, only touched agents decide
/// and the others keep their state.
template <class Rule>
BlockTally decide_on_network(const NetworkBlock& out, const AgentBlock& b, const NetworkStep& step,
                             const std::uint8_t* eligible, const std::uint8_t* kept, double abandon) {
  const Rule rule{step};
  const auto cur = step.cur;
  const auto offsets = step.offsets;
  const auto targets = step.targets;
  const auto next = out.next;
  std::uint64_t fresh = 0, gone = 0;  // locals: the uint8 stores below cannot alias them
  const auto decide = [&](std::uint32_t i) {
    bool adopt = cur[i] != 0;
    if (adopt) {
      adopt = kept[i] || !abandons(cur, offsets, targets, i, abandon);
      gone += !adopt;
    } else if (!eligible || eligible[i]) {
      adopt = rule.adopts(i);
      fresh += adopt;
    }
    return adopt;
  };
  std::uint64_t evaluated = 0;
  if (!Rule::uses_active_set || !out.active_set) {
    for (std::uint32_t i = b.begin; i < b.end; ++i) next[i] = decide(i);
    evaluated = b.end - b.begin;
  } else if (out.active_set->touched(b) || out.block_changed) {
    // The other half holds the state before the last step: equal to the current one wherever
    // the block did not change.
    std::copy(cur.begin() + b.begin, cur.begin() + b.end, next.begin() + b.begin);
    out.active_set->drain(b, [&](std::uint32_t i) {
      next[i] = decide(i);
      ++evaluated;
    });
  }
  return {evaluated, fresh, gone};
}

}  // namespace missionsim::model
