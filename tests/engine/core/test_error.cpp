#include "engine/core/error.hpp"

#include <catch2/catch.hpp>

namespace missionsim {

TEST_CASE("Diagnostic formats file, line, column and key when known") {
  CHECK(Diagnostic{{"a.toml", 3, 7}, "time.end", "must be after time.start"}.format() ==
        "a.toml:3:7: time.end: must be after time.start");
  CHECK(Diagnostic{{"a.toml", 3, 0}, "", "bad"}.format() == "a.toml:3: bad");
  CHECK(Diagnostic{{}, "seed", "expected an integer"}.format() == "seed: expected an integer");
}

TEST_CASE("InputError carries every diagnostic and joins them in what()") {
  const InputError e({Diagnostic{{"f", 1, 1}, "a", "x"}, Diagnostic{{"f", 2, 1}, "b", "y"}});
  REQUIRE(e.diagnostics().size() == 2);
  CHECK(std::string(e.what()) == "f:1:1: a: x\nf:2:1: b: y");
}

}  // namespace missionsim
