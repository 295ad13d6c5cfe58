// Writes the sample recording (sample_recording.hpp) to an HDF5 file, for the Python check of
// the output contract: write_sample_output OUT.h5 [EVENT_COUNT].
#include "engine/core/error.hpp"
#include "engine/io/hdf5_recorder.hpp"
#include "tests/engine/io/sample_recording.hpp"

#include <cstdio>
#include <exception>
#include <string>

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3) {
    std::fprintf(stderr, "usage: write_sample_output OUT.h5 [EVENT_COUNT]\n");
    return 2;
  }
  try {
    const std::size_t event_count = argc == 3 ? std::stoul(argv[2]) : 3;
    missionsim::Hdf5Recorder recorder(argv[1], true);
    const auto header = missionsim::test::sample_header(2);
    missionsim::test::record_sample(recorder, header, missionsim::test::sample_events(event_count), {0, 1});
    recorder.finish();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "write_sample_output: %s\n", e.what());
    return 1;
  }
  return 0;
}
