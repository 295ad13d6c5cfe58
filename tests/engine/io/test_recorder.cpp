#include "engine/io/recorder.hpp"

#include "engine/core/error.hpp"
#include "tests/engine/io/sample_recording.hpp"

#include <catch2/catch.hpp>

#include <span>
#include <string>
#include <vector>

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
  SECTION("a goal name that is not an identifier") {
    h.goals[0].name = "early diagnosis";
  }
  SECTION("an empty goal name") {
    h.goals[0].name.clear();
  }
  SECTION("a goal twice") {
    h.goals.push_back(h.goals[0]);
  }
  SECTION("a goal named like the run axis of /goals") {
    h.goals[0].name = "run";
  }
  SECTION("a goal direction that is neither at_most nor at_least") {
    h.goals[0].direction = "below";
  }
  SECTION("an analysis group that is not an identifier") {
    h.analyses[0].group = GENERATE(std::string("impact analysis"), std::string(""), std::string("2nd"));
  }
  SECTION("an analysis group twice") {
    h.analyses.push_back(h.analyses[0]);
  }
  SECTION("an analysis group named like a part of the fixed layout") {
    h.analyses[0].group = std::string(GENERATE(from_range(reserved_root_names)));
  }
  SECTION("an analysis value that is not an identifier") {
    h.analyses[0].values[1].name = GENERATE(std::string("qalys gained"), std::string(""));
  }
  SECTION("an analysis value twice in its group") {
    h.analyses[0].values.push_back(h.analyses[0].values[0]);
  }
  SECTION("an analysis value named like the group's run axis") {
    h.analyses[0].values[0].name = "run";
  }
  SECTION("a deadline that is not YYYY-MM-DD") {
    h.goals[0].deadline = GENERATE(std::string("2025-6-01"), std::string("2025/06/01"), std::string(""),
                                   std::string("2025-06-01T00"));
  }
  CHECK_THROWS_AS(validate_header(h), InternalError);
}

TEST_CASE("validate_header accepts goals named like metrics and a header without goals") {
  auto h = test::sample_header();
  h.goals[1].name = "incidence";  // /goals and /metrics are separate groups
  CHECK_NOTHROW(validate_header(h));
  h.goals.clear();
  CHECK_NOTHROW(validate_header(h));
}

TEST_CASE("validate_header accepts analyses sharing value names, named like metrics, or none") {
  auto h = test::sample_header();
  REQUIRE_FALSE(h.analyses.empty());
  auto other = h.analyses[0];  // the same value names in another group
  other.group = "incidence";   // groups and metric datasets live apart
  h.analyses.push_back(other);
  h.analyses.push_back(AnalysisSpec{"tipping", {}});
  CHECK_NOTHROW(validate_header(h));
  h.analyses.clear();
  CHECK_NOTHROW(validate_header(h));
}

TEST_CASE("check_analysis_values wants a known run and analysis and one value per value spec") {
  const auto h = test::sample_header(2);
  std::vector<AnalysisValue> values(h.analyses[0].values.size());
  CHECK_NOTHROW(check_analysis_values(h, 1, 0, values));
  CHECK_THROWS_AS(check_analysis_values(h, 2, 0, values), InternalError);
  CHECK_THROWS_AS(check_analysis_values(h, 0, 1, values), InternalError);
  CHECK_THROWS_AS(check_analysis_values(h, 0, 0, std::span(values).first(values.size() - 1)), InternalError);
  values.emplace_back();
  CHECK_THROWS_AS(check_analysis_values(h, 0, 0, values), InternalError);
}

TEST_CASE("check_goal_outcomes wants one outcome per goal, a known run and achieved in {-1, 0, 1}") {
  const auto h = test::sample_header(2);
  std::vector<GoalOutcome> outcomes(h.goals.size());
  CHECK_NOTHROW(check_goal_outcomes(h, 1, outcomes));
  CHECK_THROWS_AS(check_goal_outcomes(h, 2, outcomes), InternalError);
  CHECK_THROWS_AS(check_goal_outcomes(h, 0, std::span(outcomes).first(1)), InternalError);
  outcomes[1].achieved = 2;
  CHECK_THROWS_AS(check_goal_outcomes(h, 0, outcomes), InternalError);
  outcomes[1].achieved = -2;
  CHECK_THROWS_AS(check_goal_outcomes(h, 0, outcomes), InternalError);
}

TEST_CASE("validate_header lets two metrics share a dimension with the same labels") {
  auto h = test::sample_header();
  auto other = h.metrics[1];
  other.name = "funding";
  h.metrics.push_back(other);
  CHECK_NOTHROW(validate_header(h));
}

}  // namespace missionsim
