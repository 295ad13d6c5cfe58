#include "tests/engine/io/sample_recording.hpp"

#include "engine/core/calendar.hpp"

#include <array>
#include <limits>
#include <string_view>

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
  h.analyses.push_back(AnalysisSpec{"impact",
                                    {{"deaths_averted", "persons", "deaths averted against the baseline"},
                                     {"qalys_gained", "QALY", "quality-adjusted life years gained"},
                                     {"incremental_cost", "EUR", "cost above the baseline's"},
                                     {"icer", "EUR/QALY", "incremental cost-effectiveness ratio"},
                                     {"icer_note", "", "dominant, dominated or empty", true}}});
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

AnalysisValue sample_analysis_value(std::size_t value, std::uint32_t run) {
  static constexpr std::array<std::string_view, 3> notes{"dominant", "dominated", ""};
  return AnalysisValue{100.0 * static_cast<double>(value) + 0.5 * run + 0.25, notes[run % notes.size()]};
}

RunRecord sample_run(std::uint32_t run) {
  return RunRecord{run, 1000U + run, run, "ok", 0.5 * run, 0, {}};
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
    for (std::size_t a = 0; a < header.analyses.size(); ++a) {
      std::vector<AnalysisValue> results;
      for (std::size_t v = 0; v < header.analyses[a].values.size(); ++v)
        results.push_back(sample_analysis_value(v, run));
      recorder.record_analysis(run, a, results);
    }
    recorder.end_run(sample_run(run));
  }
}

}  // namespace missionsim::test
