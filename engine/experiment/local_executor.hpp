// Runs the runs of a sweep on one machine with oneTBB: runs in parallel with each other, and
// each run's steps in parallel inside it, all in one arena of a fixed number of threads, so
// the two levels share the cores instead of oversubscribing them.
#pragma once

#include "engine/experiment/run_result.hpp"

#include <cstdint>
#include <functional>
#include <span>

namespace missionsim {

/// Runs one run of the sweep (by index), with at most `threads` threads inside it.
using RunFunction = std::function<RunResult(std::uint32_t run, unsigned threads)>;
/// Takes each finished run; calls are serialised.
using ResultSink = std::function<void(RunResult&& result)>;

/// Runs every index in `runs` with `threads` threads in all (0 = every core), handing each
/// result to `sink` as it finishes. The first exception thrown by a run or the sink cancels
/// the runs not yet started and is rethrown here (finished runs have reached the sink).
void run_locally(std::span<const std::uint32_t> runs, unsigned threads, const RunFunction& run,
                 const ResultSink& sink);

}  // namespace missionsim
