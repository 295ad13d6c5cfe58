#include "engine/io/memory_recorder.hpp"

#include "engine/core/error.hpp"
#include "tests/engine/io/sample_recording.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <span>
#include <string>
#include <vector>

namespace missionsim {

TEST_CASE("MemoryRecorder returns every value, event and run record it was given") {
  const auto header = test::sample_header(3);
  const auto events = test::sample_events();
  MemoryRecorder recorder;
  test::record_sample(recorder, header, events, {2, 0, 1});
  CHECK_FALSE(recorder.finished());
  recorder.finish();
  CHECK(recorder.finished());

  CHECK(recorder.header().scenario_text == header.scenario_text);
  CHECK(recorder.header().metrics.size() == 2);
  for (std::uint32_t run = 0; run < 3; ++run) {
    for (std::uint32_t step = 0; step < header.step_count(); ++step) {
      CHECK(recorder.value("incidence", run, step) == test::sample_value(0, run, step, 0));
      CHECK(recorder.value("adoption_by_innovation", run, step, 0) == test::sample_value(1, run, step, 0));
      CHECK(recorder.value("adoption_by_innovation", run, step, 1) == test::sample_value(1, run, step, 1));
    }
  }
  const auto series = recorder.series("adoption_by_innovation", 1);
  REQUIRE(series.size() == header.step_count() * 2);
  CHECK(series[2 * 3 + 1] == test::sample_value(1, 1, 3, 1));

  REQUIRE(recorder.events().size() == events.size());
  for (std::size_t i = 0; i < events.size(); ++i) {
    CHECK(recorder.events()[i].kind == events[i].kind);
    CHECK(recorder.events()[i].subject == events[i].subject);
    CHECK(recorder.events()[i].value == events[i].value);
  }
  REQUIRE(recorder.runs().size() == 3);
  for (std::uint32_t run = 0; run < 3; ++run) {
    CHECK(recorder.runs()[run].index == run);
    CHECK(recorder.runs()[run].seed == test::sample_run(run).seed);
  }
}

TEST_CASE("MemoryRecorder keeps each run's goal outcomes and leaves unrecorded runs undecided") {
  const auto header = test::sample_header(3);
  MemoryRecorder recorder;
  test::record_sample(recorder, header, {}, {2, 0});  // run 1 never records its goals
  recorder.finish();
  for (const std::uint32_t run : {0U, 2U}) {
    const auto all = recorder.goal_outcomes(run);
    REQUIRE(all.size() == header.goals.size());
    for (std::size_t g = 0; g < header.goals.size(); ++g) {
      const auto expected = test::sample_goal_outcome(g, run);
      const auto got = recorder.goal_outcome(run, header.goals[g].name);
      CHECK(got.achieved == expected.achieved);
      CHECK(got.value_at_deadline == expected.value_at_deadline);
      CHECK(all[g].achieved == expected.achieved);
    }
  }
  for (const auto& goal : header.goals) {
    const auto undecided = recorder.goal_outcome(1, goal.name);
    CHECK(undecided.achieved == -1);
    CHECK(std::isnan(undecided.value_at_deadline));
  }
  CHECK_THROWS_AS(recorder.goal_outcome(0, "no_such_goal"), InternalError);
  CHECK_THROWS_AS(recorder.goal_outcome(3, "early_diagnosis"), InternalError);
}

TEST_CASE("MemoryRecorder replaces a run's goal outcomes and refuses outcomes that do not fit") {
  const auto header = test::sample_header(2);
  MemoryRecorder recorder;
  recorder.begin(header);
  std::vector<GoalOutcome> outcomes{{1, 0.8}, {0, 55.0}};
  recorder.record_goals(0, outcomes);
  outcomes[0] = GoalOutcome{0, 0.7};
  recorder.record_goals(0, outcomes);
  CHECK(recorder.goal_outcome(0, "early_diagnosis").achieved == 0);
  CHECK(recorder.goal_outcome(0, "early_diagnosis").value_at_deadline == 0.7);
  CHECK(recorder.goal_outcome(0, "incidence_down").value_at_deadline == 55.0);
  CHECK(recorder.goal_outcome(1, "early_diagnosis").achieved == -1);  // the other run untouched
  CHECK_THROWS_AS(recorder.record_goals(2, outcomes), InternalError);
  CHECK_THROWS_AS(recorder.record_goals(1, std::span(outcomes).first(1)), InternalError);
  outcomes[1].achieved = 3;
  CHECK_THROWS_AS(recorder.record_goals(1, outcomes), InternalError);
}

TEST_CASE("MemoryRecorder keeps each run's analysis values and leaves unrecorded runs NaN and empty") {
  const auto header = test::sample_header(3);
  MemoryRecorder recorder;
  test::record_sample(recorder, header, {}, {2, 0});  // run 1 never records its analysis
  recorder.finish();
  const auto& impact = header.analyses.at(0);
  for (std::size_t v = 0; v < impact.values.size(); ++v) {
    const auto& spec = impact.values[v];
    INFO(spec.name);
    for (const std::uint32_t run : {0U, 2U}) {
      const auto expected = test::sample_analysis_value(v, run);
      const auto got = recorder.analysis_value(run, "impact", spec.name);
      if (spec.is_text) {
        CHECK(got.text == expected.text);
        CHECK(std::isnan(got.number));
      } else {
        CHECK(got.number == expected.number);
        CHECK(got.text.empty());
      }
    }
    const auto unrecorded = recorder.analysis_value(1, "impact", spec.name);
    CHECK(std::isnan(unrecorded.number));
    CHECK(unrecorded.text.empty());
  }
  CHECK_THROWS_AS(recorder.analysis_value(0, "compare", "icer"), InternalError);
  CHECK_THROWS_AS(recorder.analysis_value(0, "impact", "no_such_value"), InternalError);
  CHECK_THROWS_AS(recorder.analysis_value(3, "impact", "icer"), InternalError);
}

TEST_CASE("MemoryRecorder owns analysis text, replaces a run's values and refuses values that do not fit") {
  auto header = test::sample_header(2);
  header.analyses.push_back(AnalysisSpec{"tipping", {{"threshold", "1", "where the system tips"}}});
  MemoryRecorder recorder;
  recorder.begin(header);
  const std::size_t n = header.analyses[0].values.size();
  std::vector<AnalysisValue> values(n, AnalysisValue{1.5, {}});
  {
    std::string note = "a note longer than any small-string buffer, ünïcödé";
    values[n - 1].text = note;
    recorder.record_analysis(0, 0, values);
    note.assign(note.size(), 'x');  // the recorder must have copied it
  }
  CHECK(recorder.analysis_value(0, "impact", "icer_note").text ==
        "a note longer than any small-string buffer, ünïcödé");
  CHECK(recorder.analysis_value(0, "impact", "icer").number == 1.5);
  values[0].number = 2.5;
  values[n - 1].text = "dominated";
  recorder.record_analysis(0, 0, values);
  CHECK(recorder.analysis_value(0, "impact", "deaths_averted").number == 2.5);
  CHECK(recorder.analysis_value(0, "impact", "icer_note").text == "dominated");
  CHECK(
      std::isnan(recorder.analysis_value(1, "impact", "deaths_averted").number));  // the other run untouched
  const std::vector<AnalysisValue> threshold{{0.375, {}}};
  recorder.record_analysis(1, 1, threshold);
  CHECK(recorder.analysis_value(1, "tipping", "threshold").number == 0.375);
  CHECK(std::isnan(recorder.analysis_value(0, "tipping", "threshold").number));
  CHECK_THROWS_AS(recorder.record_analysis(2, 0, values), InternalError);
  CHECK_THROWS_AS(recorder.record_analysis(0, 2, values), InternalError);
  CHECK_THROWS_AS(recorder.record_analysis(0, 1, values), InternalError);
}

TEST_CASE("MemoryRecorder leaves unrecorded steps NaN and refuses what does not fit") {
  const auto header = test::sample_header(2);
  MemoryRecorder recorder;
  recorder.begin(header);
  const std::vector<double> step_values{1.0, 2.0, 3.0};
  recorder.record_step(1, 0, step_values);
  CHECK(recorder.value("adoption_by_innovation", 1, 0, 1) == 3.0);
  CHECK(std::isnan(recorder.value("incidence", 0, 0)));
  CHECK_THROWS_AS(recorder.record_step(2, 0, step_values), InternalError);  // no such run
  CHECK_THROWS_AS(recorder.record_step(0, static_cast<std::uint32_t>(header.step_count()), step_values),
                  InternalError);
  CHECK_THROWS_AS(recorder.record_step(0, 0, std::vector<double>{1.0, 2.0}), InternalError);
  CHECK_THROWS_AS(recorder.value("deaths", 0, 0), InternalError);
  CHECK_THROWS_AS(recorder.value("adoption_by_innovation", 0, 0, 2), InternalError);
  CHECK_THROWS_AS(recorder.record_event(Event{5, 0, "goal_met", "x", 0}), InternalError);
}

}  // namespace missionsim
