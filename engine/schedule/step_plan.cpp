#include "engine/schedule/step_plan.hpp"

#include "engine/core/error.hpp"

#include <algorithm>
#include <set>

namespace missionsim {

void StepPlan::add(Phase phase) {
  if (frozen_) throw InternalError("StepPlan: cannot add phase '" + phase.name + "' to a frozen plan");
  phases_.push_back(std::move(phase));
}

void StepPlan::freeze() {
  std::set<std::string> names;
  std::set<std::string> written_since_barrier;
  for (const auto& p : phases_) {
    if (p.name.empty()) throw InternalError("StepPlan: a phase has no name");
    if (!names.insert(p.name).second) throw InternalError("StepPlan: duplicate phase name '" + p.name + "'");
    if (p.kind == Phase::Kind::agents && !p.on_block)
      throw InternalError("StepPlan: agent phase '" + p.name + "' has no block body");
    if (p.kind == Phase::Kind::serial) {
      if (!p.on_step) throw InternalError("StepPlan: serial phase '" + p.name + "' has no body");
      written_since_barrier.clear();
      continue;
    }
    // Two parallel phases writing the same state with nothing in between would race on
    // whatever they aggregate; the model must put a serial phase between them.
    for (const auto& w : p.writes)
      if (!written_since_barrier.insert(w).second)
        throw InternalError("StepPlan: phases write '" + w + "' twice without a serial phase between");
  }
  frozen_ = true;
}

}  // namespace missionsim
