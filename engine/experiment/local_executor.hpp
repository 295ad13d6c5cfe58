// The thread executor's work (run_executor.hpp): runs on one machine with oneTBB: runs in parallel with each
// other, and each run's steps in parallel inside it, all in one arena of a fixed number of threads, so the
// two levels share the cores instead of oversubscribing them.
#pragma once

#include "engine/experiment/run_executor.hpp"

#include <cstdint>
#include <span>

namespace missionsim {

/// Runs every index in `runs` with `threads` threads in all (0 = every core), handing each
/// result to `sink` as it finishes. The first exception thrown by a run or the sink cancels
/// the runs not yet started and is rethrown here (finished runs have reached the sink).
void run_locally(std::span<const std::uint32_t> runs, unsigned threads, const RunFunction& run,
                 const ResultSink& sink);

}  // namespace missionsim
