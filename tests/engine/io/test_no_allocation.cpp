// Checks the promise of Recorder: storing a step never allocates. Its own executable, because
// it replaces the global operator new to count allocations.
#include "engine/io/hdf5_recorder.hpp"
#include "engine/io/memory_recorder.hpp"
#include "tests/engine/io/sample_recording.hpp"
#include "tests/support/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <cstdlib>
#include <new>

namespace {
std::atomic<bool> counting{false};
std::atomic<std::size_t> allocations{0};
}  // namespace

void* operator new(std::size_t size) {
  if (counting.load()) ++allocations;
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t size) {
  return operator new(size);
}
void operator delete(void* p) noexcept {
  std::free(p);
}
void operator delete[](void* p) noexcept {
  std::free(p);
}
void operator delete(void* p, std::size_t) noexcept {
  std::free(p);
}
void operator delete[](void* p, std::size_t) noexcept {
  std::free(p);
}

#if defined(__SANITIZE_ADDRESS__)
// Objects made by the sanitizer runtime's own operator new (called from shared libraries) are
// freed by ours above; that mismatch is this test's doing, not a bug.
extern "C" const char* __asan_default_options() {
  return "alloc_dealloc_mismatch=0";
}
#endif

namespace missionsim {

namespace {
// Every step of every run through record_step, counting allocations on the way.
std::size_t allocations_while_recording(Recorder& recorder, const RecordingHeader& header) {
  recorder.begin(header);
  std::vector<double> values(header.values_per_step(), 0.5);
  allocations = 0;
  counting = true;
  for (std::uint32_t run = 0; run < header.run_count; ++run) {
    for (std::uint32_t step = 0; step < header.step_count(); ++step) recorder.record_step(run, step, values);
  }
  counting = false;
  return allocations.load();
}
}  // namespace

TEST_CASE("record_step does not allocate") {
  const auto header = test::sample_header(3);
  {
    // Sanity of the counter itself, so a zero below means something.
    counting = true;
    auto* probe = new std::vector<double>(4);
    counting = false;
    delete probe;
    REQUIRE(allocations.load() >= 1);
  }
  MemoryRecorder memory;
  CHECK(allocations_while_recording(memory, header) == 0);
  test::TempDir dir;
  Hdf5Recorder file(dir / "out.h5", false);
  CHECK(allocations_while_recording(file, header) == 0);
}

}  // namespace missionsim
