#include "engine/experiment/run_result.hpp"

#include "engine/core/error.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

namespace missionsim {

namespace {
RunResult sample() {
  RunResult r;
  r.record = RunRecord{17, 123456789, 2, "ok", 0.25, 8, {0.1, -3.5}};
  r.values = {1.0, 2.0, std::numeric_limits<double>::quiet_NaN(), 4.0};
  r.goals = {{1, 0.5}, {-1, std::numeric_limits<double>::quiet_NaN()}};
  r.events = {{17, 3, "goal_met", "early_detection", 0.5}, {17, 4, "regime_shift", "", -1.0}};
  return r;
}
}  // namespace

TEST_CASE("a run result survives encoding", "[run_result]") {
  const RunResult a = sample();
  const std::string bytes = encode_run_result(a);
  const RunResult b = decode_run_result(std::span(bytes.data(), bytes.size()));
  CHECK(b.record.index == 17);
  CHECK(b.record.seed == 123456789);
  CHECK(b.record.replicate == 2);
  CHECK(b.record.status == "ok");
  CHECK(b.record.point == 8);
  CHECK(b.record.parameters == a.record.parameters);
  REQUIRE(b.values.size() == 4);
  CHECK(std::isnan(b.values[2]));
  CHECK(b.values[3] == 4.0);
  CHECK(b.goals[0].achieved == 1);
  CHECK(b.goals[1].achieved == -1);
  REQUIRE(b.events.size() == 2);
  CHECK(b.events[0].subject == "early_detection");
  CHECK(b.events[1].kind == "regime_shift");
  CHECK(b.events[1].run == 17);
}

TEST_CASE("a truncated or padded encoding is refused", "[run_result]") {
  const std::string bytes = encode_run_result(sample());
  for (std::size_t cut : {std::size_t{0}, std::size_t{5}, bytes.size() / 2, bytes.size() - 1})
    CHECK_THROWS_AS(decode_run_result(std::span(bytes.data(), cut)), IoError);
  const std::string padded = bytes + "x";
  CHECK_THROWS_AS(decode_run_result(std::span(padded.data(), padded.size())), IoError);
}

}  // namespace missionsim
