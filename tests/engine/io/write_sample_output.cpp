// Writes the sample recording (sample_recording.hpp) to an HDF5 file, for the Python check of
// the output contract: write_sample_output OUT.h5 [EVENT_COUNT [RUNS]]. Runs 0 and 1 end (with their
// goals and analyses); run slots from 2 on never do, so the file shows what an unrecorded run looks like.
#include "engine/core/error.hpp"
#include "engine/io/hdf5_recorder.hpp"
#include "tests/engine/io/sample_recording.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  if (argc < 2 || argc > 4) {
    std::fprintf(stderr, "usage: write_sample_output OUT.h5 [EVENT_COUNT [RUNS]]\n");
    return 2;
  }
  try {
    const std::size_t event_count = argc >= 3 ? std::stoul(argv[2]) : 3;
    const auto runs = static_cast<std::uint32_t>(argc >= 4 ? std::stoul(argv[3]) : 2);
    missionsim::Hdf5Recorder recorder(argv[1], true);
    const auto header = missionsim::test::sample_header(runs);
    std::vector<missionsim::Event> events;
    for (const auto& e : missionsim::test::sample_events(event_count)) {
      if (e.run < runs) events.push_back(e);
    }
    std::vector<std::uint32_t> ended;
    for (std::uint32_t run = 0; run < std::min(runs, 2U); ++run) ended.push_back(run);
    missionsim::test::record_sample(recorder, header, events, ended);
    recorder.finish();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "write_sample_output: %s\n", e.what());
    return 1;
  }
  return 0;
}
