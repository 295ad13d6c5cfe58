// The run driver: one scenario run to an HDF5 file and, with a baseline, the same world and seed
// run first without instruments or triggers (common random numbers), compared in /impact.
#pragma once

#include "engine/analysis/health_economics.hpp"
#include "engine/schedule/step_observer.hpp"
#include "models/components/health_component.hpp"
#include "models/composition/scenario.hpp"
#include "models/experiments/request.hpp"

#include <filesystem>
#include <functional>
#include <optional>
#include <string>

namespace missionsim::model {

struct RunRequest {
  ScenarioRequest scenario;
  std::optional<std::filesystem::path> output;  ///< absent: results/STEM.h5
  unsigned threads = 0;                         ///< 0: every core
  bool force = false;
  bool baseline = false;
  std::string command_line;               ///< stored in the file
  StepObserver* progress = nullptr;       ///< of both runs; may be null
  std::function<void()> baseline_starts;  ///< called before the baseline runs; may be empty
};

struct RunReport {
  Scenario scenario;  ///< as run, overrides and seed applied
  RunSummary summary;
  std::optional<EconomicComparison> impact;  ///< with a baseline
  std::filesystem::path output;
  unsigned threads = 0;  ///< the threads the run had
  double wall_seconds = 0;
};

/// InputError for a scenario or an output the target rules refuse, before any run and any file.
RunReport run_scenario(const RunRequest& request);

}  // namespace missionsim::model
