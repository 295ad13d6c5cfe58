// The executable step: ordered phases with their bodies, assembled by engine/model's Model from
// a frozen description (which owns the reads, writes and their checks); the executor runs it.
#pragma once

#include "engine/storage/block_partition.hpp"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace missionsim {

/// What a phase sees of the step it runs in. Passed by reference: no global state.
struct StepContext {
  std::uint32_t run = 0;
  std::uint32_t step = 0;
  double dt_years = 0.0;
};

struct Phase {
  enum class Kind {
    agents,  ///< runs `on_block` for every agent block, in parallel
    serial   ///< runs `on_step` once, on the calling thread, after all earlier phases
  };
  std::string name;
  Kind kind = Kind::agents;
  /// State the phase writes, for the race check (the model's description declares and checks
  /// reads and writes in full; engine/model/description.hpp).
  std::vector<std::string> writes;
  /// Agent phases over another population (organisations rather than citizens) give its
  /// partition here; empty (no agents) means the executor's own.
  BlockPartition blocks{};
  std::function<void(const StepContext&, const AgentBlock&)> on_block;
  std::function<void(const StepContext&)> on_step;
};

class StepPlan {
 public:
  /// Appends a phase; phases run in the order they are added. Throws InternalError once frozen.
  void add(Phase phase);
  /// Checks the plan (unique names, bodies present for their kind, no two agent phases writing
  /// the same state without a serial phase between them) and forbids further changes.
  void freeze();

  [[nodiscard]] bool frozen() const noexcept { return frozen_; }
  [[nodiscard]] const std::vector<Phase>& phases() const noexcept { return phases_; }

 private:
  std::vector<Phase> phases_;
  bool frozen_ = false;
};

}  // namespace missionsim
