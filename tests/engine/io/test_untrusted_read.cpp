#include "engine/io/untrusted_read.hpp"

#include <catch2/catch.hpp>

#include <csignal>
#include <stdexcept>

namespace missionsim {

TEST_CASE("read_in_child returns when the read succeeds, which ran in another process") {
  int touched = 0;
  read_in_child("a.h5", [&] { touched = 1; });
  CHECK(touched == 0);  // the child's copy of it changed, not ours
}

TEST_CASE("read_in_child turns a crash of the read into InputError naming the file and the signal") {
  try {
    read_in_child("broken.h5", [] { std::raise(SIGSEGV); });
    FAIL("expected InputError");
  } catch (const InputError& e) {
    CHECK_THAT(e.what(), Catch::Equals("broken.h5 is damaged: reading it crashed the HDF5 library (signal " +
                                       std::to_string(SIGSEGV) + ": Segmentation fault)"));
  }
  CHECK_THROWS_WITH(read_in_child("broken.h5", [] { std::abort(); }),
                    Catch::Contains("signal " + std::to_string(SIGABRT)));
}

TEST_CASE("read_in_child rethrows what the read threw, with an InputError's every diagnostic") {
  const std::vector<Diagnostic> two{{{"a.h5", 3, 4}, "key", "first"}, {{"", 0, 0}, "", "second"}};
  try {
    read_in_child("a.h5", [&] { throw InputError(two); });
    FAIL("expected InputError");
  } catch (const InputError& e) {
    REQUIRE(e.diagnostics().size() == 2);
    CHECK(e.diagnostics()[0].format() == "a.h5:3:4: key: first");
    CHECK(e.diagnostics()[1].format() == "second");
  }
  CHECK_THROWS_MATCHES(read_in_child("a.h5", [] { throw IoError("disk on fire"); }), IoError,
                       Catch::Message("disk on fire"));
  CHECK_THROWS_MATCHES(read_in_child("a.h5", [] { throw std::out_of_range("vector"); }), InternalError,
                       Catch::Message("reading a.h5: vector"));
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
