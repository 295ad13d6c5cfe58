// Checks the promise of Recorder: storing a step, a run's goal outcomes or its analysis numbers
// never allocates. Its own
// executable, because it replaces the global operator new to count allocations.
#include "engine/io/hdf5_recorder.hpp"
#include "engine/io/memory_recorder.hpp"
#include "tests/engine/io/sample_recording.hpp"
#include "tests/support/allocation_counter.hpp"
#include "tests/support/temp_dir.hpp"

#include <catch2/catch.hpp>

namespace missionsim {

namespace {
// Every step of every run through record_step, every run's goals through record_goals and its
// analysis values through record_analysis, counting allocations on the way. The text values are
// short notes like "dominant", which fit libstdc++'s small-string buffer (15 chars); longer text
// may allocate, as Recorder::record_analysis says.
std::size_t allocations_while_recording(Recorder& recorder, const RecordingHeader& header) {
  recorder.begin(header);
  std::vector<double> values(header.values_per_step(), 0.5);
  std::vector<GoalOutcome> outcomes(header.goals.size(), GoalOutcome{1, 0.25});
  std::vector<std::vector<AnalysisValue>> analyses;
  for (const auto& a : header.analyses)
    analyses.emplace_back(a.values.size(), AnalysisValue{0.75, "dominated"});
  const std::size_t before = test::allocation_count();
  for (std::uint32_t run = 0; run < header.run_count; ++run) {
    for (std::uint32_t step = 0; step < header.step_count(); ++step) recorder.record_step(run, step, values);
    recorder.record_goals(run, outcomes);
    for (std::size_t a = 0; a < analyses.size(); ++a) recorder.record_analysis(run, a, analyses[a]);
  }
  return test::allocation_count() - before;
}
}  // namespace

TEST_CASE("record_step, record_goals and record_analysis (numbers, short notes) do not allocate") {
  const auto header = test::sample_header(3);
  REQUIRE_FALSE(header.goals.empty());
  REQUIRE_FALSE(header.analyses.empty());
  {
    // Sanity of the counter itself, so a zero below means something.
    const std::size_t before = test::allocation_count();
    auto* probe = new std::vector<double>(4);
    delete probe;
    REQUIRE(test::allocation_count() >= before + 1);
  }
  MemoryRecorder memory;
  CHECK(allocations_while_recording(memory, header) == 0);
  test::TempDir dir;
  Hdf5Recorder file(dir / "out.h5", false);
  CHECK(allocations_while_recording(file, header) == 0);
}

}  // namespace missionsim
