// Intervention mixes compared under common random numbers: scenario files loaded and checked to
// be comparable (same horizon, goals and economics), every mix run with the same seeds, and each
// run reduced to the outcomes the comparison summarises (engine/analysis/arm_comparison.hpp).
#pragma once

#include "engine/analysis/arm_comparison.hpp"
#include "engine/schedule/step_observer.hpp"
#include "models/composition/scenario.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace missionsim::model {

struct Mix {
  std::filesystem::path file;
  std::string label;  ///< the file's stem, made unique with "_2", "_3"... when stems repeat
  Scenario scenario;  ///< uncertain parameters at their means
};

/// Loads every mix with `overrides` applied to each, and checks that they can be compared with
/// the first: the same time.start, time.end and time.step; the same goals (names, KPI, direction,
/// target, deadline); the same [economics] and currency. ScenarioError naming the file, line and
/// key of every mismatch (and any problem of a scenario itself).
std::vector<Mix> load_mixes(const std::vector<std::filesystem::path>& files,
                            const std::vector<std::string>& overrides);

struct ComparisonSettings {
  std::uint32_t replicates = 10;
  std::uint64_t seed = 1;              ///< of every run of every mix (and of the parameter draws)
  unsigned threads = 0;                ///< 0 = every core
  std::uint32_t parameter_sets = 0;    ///< probabilistic sensitivity analysis: draws; 0 = none
  std::vector<std::string> overrides;  ///< as given to load_mixes (PSA sets reload the files)
};

/// One uncertain parameter as drawn in every set: per mix its value, NaN for a mix without it.
struct DrawnParameter {
  std::string path;
  std::vector<std::vector<double>> values;  ///< [mix][set]
};

struct ComparisonRuns {
  /// Samples are set-major: sample = set · replicates + replicate. Outcomes, in order: deaths,
  /// life_years_lost, qalys, costs, then goal_<name> (each goal's KPI at its deadline), then
  /// adoption_<innovation> (final share) for every innovation of any mix.
  ArmComparisonInput input;
  std::uint32_t sets = 1;  ///< parameter sets (1 without PSA)
  std::uint32_t replicates = 1;
  std::vector<DrawnParameter> parameters;  ///< empty without PSA
  std::string currency;
  double discount_rate = 0;
};

/// Total runs: mixes × max(1, parameter_sets) × replicates.
std::uint64_t comparison_run_count(std::size_t mixes, const ComparisonSettings& settings);

/// Runs every mix on every (set, replicate) in parallel with oneTBB, at most `threads` at a
/// time across and inside runs. Replicate r of set k runs with the settings' seed and run index
/// k · replicates + r in every mix, so mixes share their random draws pair by pair. `progress`
/// (may be null) is called from several threads at once and must be thread-safe. The result does
/// not depend on the thread count.
ComparisonRuns run_mixes(const std::vector<Mix>& mixes, const ComparisonSettings& settings,
                         StepObserver* progress = nullptr);

}  // namespace missionsim::model
