#include "tests/engine/io/sample_recording.hpp"

#include "engine/core/calendar.hpp"

#include <limits>

namespace missionsim::test {

RecordingHeader sample_header(std::uint32_t runs) {
  using namespace std::chrono;
  const Calendar calendar{2025y / January / 1d, 2025y / July / 1d, *StepLength::parse("1 month")};
  RecordingHeader h;
  h.scenario_name = "sample";
  h.scenario_text = "name = \"sample\"\n[time]\nstart = 2025-01-01\nend = 2025-07-01\n# ünïcödé\n";
  h.command_line = "missionsim run sample.toml -o sample.h5";
  h.time_units = calendar.cf_units();
  h.time_days = calendar.time_days();
  h.run_count = runs;
  h.metrics.push_back(
      MetricSpec{"incidence", "cases per 100000 person-years", "new cancer cases", std::nullopt});
  h.metrics.push_back(
      MetricSpec{"adoption", "1", "share of adopters", Breakdown{"innovation", {"screening", "diet"}}});
  h.goals.push_back(GoalSpec{"early_diagnosis", "adoption_by_innovation[screening], at the deadline",
                             "at_least", "2025-06-01", 0.5, 0.75});
  h.goals.push_back(GoalSpec{"incidence_down", "incidence, mean over 3 months", "at_most", "2025-05-01",
                             std::numeric_limits<double>::quiet_NaN(), 40.0});
  return h;
}

double sample_value(std::size_t metric, std::uint32_t run, std::uint32_t step, std::size_t label) {
  return 1000.0 * static_cast<double>(metric) + 100.0 * run + step + 0.25 * static_cast<double>(label);
}

std::vector<Event> sample_events(std::size_t count) {
  std::vector<Event> all{{1, 4, "tipping_point", "diet", 0.5},
                         {0, 2, "niche_breakthrough", "screening", 0.125},
                         {0, 5, "goal_met", "early_diagnosis", 1.0}};
  all.resize(std::min(count, all.size()));
  return all;
}

GoalOutcome sample_goal_outcome(std::size_t goal, std::uint32_t run) {
  const bool met = (run + goal) % 2 == 0;
  return GoalOutcome{static_cast<std::int8_t>(met ? 1 : 0), 10.0 * static_cast<double>(goal) + 0.5 * run};
}

RunRecord sample_run(std::uint32_t run) {
  return RunRecord{run, 1000U + run, run, "ok", 0.5 * run};
}

void record_sample(Recorder& recorder, const RecordingHeader& header, const std::vector<Event>& events,
                   const std::vector<std::uint32_t>& ended) {
  recorder.begin(header);
  std::vector<double> values(header.values_per_step());
  for (std::uint32_t run = 0; run < header.run_count; ++run) {
    for (std::uint32_t step = 0; step < header.step_count(); ++step) {
      std::size_t at = 0;
      for (std::size_t m = 0; m < header.metrics.size(); ++m) {
        for (std::size_t k = 0; k < header.metrics[m].width(); ++k)
          values[at++] = sample_value(m, run, step, k);
      }
      recorder.record_step(run, step, values);
    }
  }
  for (const auto& e : events) recorder.record_event(e);
  std::vector<GoalOutcome> outcomes(header.goals.size());
  for (const auto run : ended) {
    for (std::size_t g = 0; g < outcomes.size(); ++g) outcomes[g] = sample_goal_outcome(g, run);
    recorder.record_goals(run, outcomes);
    recorder.end_run(sample_run(run));
  }
}

}  // namespace missionsim::test
