// A small recording shared by the io tests and the sample-file writer: six monthly steps from
// 2025-01-01, one plain metric and one broken down by innovation, two goals, values given by a formula.
#pragma once

#include "engine/io/recorder.hpp"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace missionsim::test {

/// Header with metrics "incidence" [runs, 6] and "adoption" by innovation {screening, diet}, and
/// goals "early_diagnosis" (at_least 0.75 by 2025-06-01, baseline 0.5) and "incidence_down"
/// (at_most 40 by 2025-05-01, no baseline).
RecordingHeader sample_header(std::uint32_t runs = 2);
/// The value every test expects: 1000·metric + 100·run + step + 0.25·label (exact in binary).
double sample_value(std::size_t metric, std::uint32_t run, std::uint32_t step, std::size_t label);
/// Three events, deliberately out of (run, step) order; `count` < 3 takes the first ones.
std::vector<Event> sample_events(std::size_t count = 3);
/// The outcome every test expects for goal `goal` in run `run`: met when run + goal is even,
/// else missed; value at deadline 10·goal + 0.5·run (exact in binary).
GoalOutcome sample_goal_outcome(std::size_t goal, std::uint32_t run);
/// The run record of run slot `run`: seed 1000 + run, replicate = run, status "ok".
RunRecord sample_run(std::uint32_t run);
/// begin, every step of every run, the events, then for each run in `ended` its goal outcomes and
/// end_run — not finish.
void record_sample(Recorder& recorder, const RecordingHeader& header, const std::vector<Event>& events,
                   const std::vector<std::uint32_t>& ended);

}  // namespace missionsim::test
