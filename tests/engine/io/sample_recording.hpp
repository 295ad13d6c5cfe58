// A small recording shared by the io tests and the sample-file writer: six monthly steps from
// 2025-01-01, one plain metric and one broken down by innovation, values given by a formula.
#pragma once

#include "engine/io/recorder.hpp"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace missionsim::test {

/// Header with metrics "incidence" [runs, 6] and "adoption" by innovation {screening, diet}.
RecordingHeader sample_header(std::uint32_t runs = 2);
/// The value every test expects: 1000·metric + 100·run + step + 0.25·label (exact in binary).
double sample_value(std::size_t metric, std::uint32_t run, std::uint32_t step, std::size_t label);
/// Three events, deliberately out of (run, step) order; `count` < 3 takes the first ones.
std::vector<Event> sample_events(std::size_t count = 3);
/// The run record of run slot `run`: seed 1000 + run, replicate = run, status "ok".
RunRecord sample_run(std::uint32_t run);
/// begin, every step of every run, the events, end_run for the runs in `ended` — not finish.
void record_sample(Recorder& recorder, const RecordingHeader& header, const std::vector<Event>& events,
                   const std::vector<std::uint32_t>& ended);

}  // namespace missionsim::test
