#include "engine/io/recorder.hpp"

#include "engine/core/error.hpp"
#include "tests/engine/io/sample_recording.hpp"

#include <catch2/catch.hpp>

namespace missionsim {

TEST_CASE("MetricSpec names a breakdown NAME_by_DIM and is as wide as its labels") {
  const MetricSpec plain{"deaths", "people", "", std::nullopt};
  const MetricSpec by_region{"deaths", "people", "", Breakdown{"region", {"north", "south", "east"}}};
  CHECK(plain.width() == 1);
  CHECK(plain.dataset_name() == "deaths");
  CHECK(by_region.width() == 3);
  CHECK(by_region.dataset_name() == "deaths_by_region");
  const auto header = test::sample_header();
  CHECK(header.values_per_step() == 1 + 2);
}

TEST_CASE("validate_header accepts the sample and refuses what cannot become a file") {
  CHECK_NOTHROW(validate_header(test::sample_header()));
  auto h = test::sample_header();
  SECTION("no runs") {
    h.run_count = 0;
  }
  SECTION("no steps") {
    h.time_days.clear();
  }
  SECTION("a name that is not an identifier") {
    h.metrics[0].name = "deaths/year";
  }
  SECTION("a metric twice") {
    h.metrics.push_back(h.metrics[0]);
  }
  SECTION("a breakdown without labels") {
    h.metrics[1].by->labels.clear();
  }
  SECTION("a label twice") {
    h.metrics[1].by->labels = {"diet", "diet"};
  }
  SECTION("a reserved dimension name") {
    h.metrics[1].by->dim = "time";
  }
  SECTION("a dimension named like a metric") {
    h.metrics[1].by->dim = "incidence";
  }
  SECTION("one dimension with two label sets") {
    auto other = h.metrics[1];
    other.name = "funding";
    other.by->labels = {"screening"};
    h.metrics.push_back(other);
  }
  CHECK_THROWS_AS(validate_header(h), InternalError);
}

TEST_CASE("validate_header lets two metrics share a dimension with the same labels") {
  auto h = test::sample_header();
  auto other = h.metrics[1];
  other.name = "funding";
  h.metrics.push_back(other);
  CHECK_NOTHROW(validate_header(h));
}

}  // namespace missionsim
