// A small recording shared by the io tests and the sample-file writer: six monthly steps from
// 2025-01-01, one plain metric and one broken down by innovation, two goals, an /impact analysis,
// values given by a formula.
#pragma once

#include "engine/io/recorder.hpp"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace missionsim::test {

/// Header with metrics "incidence" [runs, 6] and "adoption" by innovation {screening, diet}, and
/// goals "early_diagnosis" (at_least 0.75 by 2025-06-01, baseline 0.5) and "incidence_down"
/// (at_most 40 by 2025-05-01, no baseline), and analysis "impact" with values deaths_averted
/// (persons), qalys_gained (QALY), incremental_cost (EUR), icer (EUR/QALY) and the text icer_note.
RecordingHeader sample_header(std::uint32_t runs = 2);
/// The value every test expects: 1000·metric + 100·run + step + 0.25·label (exact in binary).
double sample_value(std::size_t metric, std::uint32_t run, std::uint32_t step, std::size_t label);
/// Three events, deliberately out of (run, step) order; `count` < 3 takes the first ones.
std::vector<Event> sample_events(std::size_t count = 3);
/// The outcome every test expects for goal `goal` in run `run`: met when run + goal is even,
/// else missed; value at deadline 10·goal + 0.5·run (exact in binary).
GoalOutcome sample_goal_outcome(std::size_t goal, std::uint32_t run);
/// What every test expects for value `value` of analysis "impact" in run `run`: as a number
/// 100·value + 0.5·run + 0.25 (exact in binary), as text (icer_note) "dominant", "dominated" or ""
/// as run % 3 is 0, 1 or 2. Both fields are set; the spec's is_text says which one counts.
AnalysisValue sample_analysis_value(std::size_t value, std::uint32_t run);
/// The run record of run slot `run`: seed 1000 + run, replicate = run, status "ok".
RunRecord sample_run(std::uint32_t run);
/// begin, every step of every run, the events, then for each run in `ended` its goal outcomes,
/// its analysis values (every analysis of the header, by sample_analysis_value) and end_run — not
/// finish.
void record_sample(Recorder& recorder, const RecordingHeader& header, const std::vector<Event>& events,
                   const std::vector<std::uint32_t>& ended);

}  // namespace missionsim::test
