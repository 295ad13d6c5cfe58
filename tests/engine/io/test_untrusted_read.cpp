#include "engine/io/untrusted_read.hpp"

#include "tests/support/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <csignal>
#include <stdexcept>
#include <thread>

namespace missionsim {

using namespace std::chrono_literals;

// Far beyond what any of these reads takes, so that only the time-limit test meets its limit.
constexpr auto ample = 60s;

TEST_CASE("read_in_child returns when the read succeeds, which ran in another process") {
  int touched = 0;
  read_in_child(
      "a.h5", [&] { touched = 1; }, ample);
  CHECK(touched == 0);  // the child's copy of it changed, not ours
}

TEST_CASE("read_in_child turns a crash of the read into InputError naming the file and the signal") {
  try {
    read_in_child(
        "broken.h5", [] { std::raise(SIGSEGV); }, ample);
    FAIL("expected InputError");
  } catch (const InputError& e) {
    CHECK_THAT(e.what(), Catch::Equals("broken.h5 is damaged: reading it crashed the HDF5 library (signal " +
                                       std::to_string(SIGSEGV) + ": Segmentation fault)"));
  }
  CHECK_THROWS_WITH(read_in_child(
                        "broken.h5", [] { std::abort(); }, ample),
                    Catch::Contains("signal " + std::to_string(SIGABRT)));
}

TEST_CASE("read_in_child rethrows what the read threw, with an InputError's every diagnostic") {
  const std::vector<Diagnostic> two{{{"a.h5", 3, 4}, "key", "first"}, {{"", 0, 0}, "", "second"}};
  try {
    read_in_child(
        "a.h5", [&] { throw InputError(two); }, ample);
    FAIL("expected InputError");
  } catch (const InputError& e) {
    REQUIRE(e.diagnostics().size() == 2);
    CHECK(e.diagnostics()[0].format() == "a.h5:3:4: key: first");
    CHECK(e.diagnostics()[1].format() == "second");
  }
  CHECK_THROWS_MATCHES(read_in_child(
                           "a.h5", [] { throw IoError("disk on fire"); }, ample),
                       IoError, Catch::Message("disk on fire"));
  CHECK_THROWS_MATCHES(read_in_child(
                           "a.h5", [] { throw std::out_of_range("vector"); }, ample),
                       InternalError, Catch::Message("reading a.h5: vector"));
}

TEST_CASE("read_in_child ends a read that outlasts its limit and refuses the file as damaged") {
  const auto started = std::chrono::steady_clock::now();
  try {
    read_in_child(
        "looping.h5", [] { std::this_thread::sleep_for(30s); }, 200ms);
    FAIL("expected InputError");
  } catch (const InputError& e) {
    CHECK_THAT(e.what(), Catch::Equals("looping.h5 is damaged: reading it did not finish in 0.2 s (the HDF5 "
                                       "library may be looping on it)"));
  }
  // Killed, not waited for: well under the 30 s the read would take.
  CHECK(std::chrono::steady_clock::now() - started < 10s);
}

TEST_CASE("read_time_limit is a minute, and longer for a file too large to read in one") {
  test::TempDir dir;
  dir.write("small.h5", "x");
  CHECK(read_time_limit(dir / "small.h5") == 60s);
  CHECK(read_time_limit(dir / "absent.h5") == 60s);
  dir.write("large.h5", "");
  std::filesystem::resize_file(dir / "large.h5", 1'600'000'000);  // sparse: no disk used
  CHECK(read_time_limit(dir / "large.h5") == 160s);               // 60 s + 1,000 MB at 10 MB/s
}

TEST_CASE("read_untrusted gives the read's result, and an IoError of the read as bad input") {
  CHECK(read_untrusted("a.h5", [] { return 42; }) == 42);
  try {
    static_cast<void>(read_untrusted("a.h5", []() -> int { throw IoError("HDF5: no such dataset"); }));
    FAIL("expected InputError");
  } catch (const InputError& e) {
    REQUIRE(e.diagnostics().size() == 1);
    CHECK(e.diagnostics().front().where.file == "a.h5");
    CHECK(e.diagnostics().front().message == "unreadable missionsim output file: HDF5: no such dataset");
  }
}

}  // namespace missionsim
