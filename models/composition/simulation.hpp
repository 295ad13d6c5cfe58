// One run of a scenario: the health system's components (registry.hpp) described and frozen
// into a plan, set up from the seed, the step loop, and the metrics handed to a recorder
// every step.
#pragma once

#include "engine/analysis/health_economics.hpp"
#include "engine/io/recorder.hpp"
#include "engine/model/description.hpp"
#include "engine/schedule/step_observer.hpp"
#include "models/components/health_component.hpp"
#include "models/composition/scenario.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace missionsim::model {

struct RunSettings {
  std::uint32_t run = 0;        ///< index of the run in its file (the `run` dimension)
  std::uint32_t replicate = 0;  ///< replicate number within its parameter point
  std::uint64_t seed = 1;
  unsigned threads = 0;            ///< 0 = every core
  std::uint32_t block_size = 0;    ///< agents per parallel block; 0 = the engine default
  bool capture_economics = false;  ///< keep the series the comparison with a baseline needs
  bool full_sweep = false;         ///< adoption sweeps every agent every step (no active set)
};

/// The frozen description of a run of this scenario: its components' columns, phases,
/// metrics, events, analyses and goals, from the scenario alone (no world is built).
ModelDescription describe_scenario(const Scenario& scenario);

/// The header a single run of this scenario records (metrics, goals, analyses, time axis),
/// from its description alone.
RecordingHeader scenario_header(const Scenario& scenario, const std::string& command_line);

/// The state of a Simulation between two steps: every column and counter that changes during
/// a run, nothing that is built once (networks, thresholds). Opaque; see Simulation::snapshot().
struct SimulationSnapshot;

class Simulation {
 public:
  /// Builds the world (networks, thresholds, initial adopters). InputError if an input file
  /// named by the scenario is missing or malformed: nothing has been written yet.
  Simulation(const Scenario& scenario, const RunSettings& settings);
  /// With components of a study's own after the registry's (they may read any column or metric
  /// of those, by name; docs/architecture.md, "Adding a component").
  Simulation(const Scenario& scenario, const RunSettings& settings,
             std::vector<std::unique_ptr<HealthComponent>> extra);
  ~Simulation();
  Simulation(const Simulation&) = delete;
  Simulation& operator=(const Simulation&) = delete;

  /// The metrics this composition records, in the order of the values it hands the recorder.
  [[nodiscard]] const std::vector<MetricSpec>& metrics() const noexcept;
  /// A recording header for a single-run file of this scenario; callers may append analyses.
  [[nodiscard]] RecordingHeader recording_header(const std::string& command_line) const;

  /// After run() with capture_economics: QALYs, life-years lost, deaths and costs per step.
  [[nodiscard]] const EconomicSeries& economic_series() const;

  /// Runs every step, recording after each; calls recorder.end_run() at the end (but not
  /// begin() or finish(), which belong to whoever owns the file).
  /// `before_end_run` may record more of this run (an analysis) before recorder.end_run().
  RunSummary run(Recorder& recorder, StepObserver* observer = nullptr,
                 const std::function<void(Recorder&)>& before_end_run = {});

  // Counterfactual runs (missionsim tipping): step by step, from snapshots.
  [[nodiscard]] std::uint32_t step_count() const noexcept;
  /// The next step advance() would run (0 after construction).
  [[nodiscard]] std::uint32_t next_step() const noexcept;
  /// Runs steps [next_step(), to), recording each when `recorder` is not null.
  void advance(std::uint32_t to, Recorder* recorder = nullptr, StepObserver* observer = nullptr);
  /// Everything that changes from here on: restore() of it continues bit-identically.
  [[nodiscard]] std::shared_ptr<const SimulationSnapshot> snapshot() const;
  void restore(const SimulationSnapshot& snapshot);
  /// After advance() to the last step: records the goals and the analyses, then
  /// before_end_run, then ends the run on the recorder; the summary of the run.
  RunSummary conclude(Recorder& recorder, const std::function<void(Recorder&)>& before_end_run = {});
  /// Stops every lever from the next step on (its triggers can no longer start it).
  void withdraw_instruments();
  /// The metric values of the last step run, in metrics() order.
  [[nodiscard]] std::span<const double> values() const noexcept;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace missionsim::model
