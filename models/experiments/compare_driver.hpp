// The compare driver: intervention mixes run under common random numbers (mix_comparison), with
// --psa the acceptability curve over parameter sets drawn from the scenarios' distributions,
// written to /compare (and /compare/ceac, /compare/psa) of one HDF5 file.
#pragma once

#include "engine/schedule/step_observer.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace missionsim::model {

struct CompareRequest {
  std::vector<std::filesystem::path> scenarios;  ///< one per mix; the first is the reference
  std::vector<std::string> overrides;            ///< applied to every mix
  std::optional<std::int64_t> seed;              ///< as --set scenario.seed=N on every mix
  std::uint32_t replicates = 10;
  unsigned threads = 0;
  std::uint32_t psa = 0;  ///< parameter sets; 0: no PSA
  double wtp_max = 0;     ///< 0: 3 × the scenario's willingness to pay
  std::uint32_t wtp_points = 41;
  std::filesystem::path output;
  bool force = false;
  std::string command_line;
  /// Called once before the runs with their number and steps per run; the observer it returns
  /// (may be null) sees every step of every run, from several threads at once.
  std::function<StepObserver*(std::uint64_t runs, std::uint64_t steps_per_run)> progress;
};

struct CompareReport {
  std::uint64_t runs = 0;
  std::size_t mixes = 0;
  std::uint32_t sets = 1, replicates = 1;
  std::string table;  ///< the comparison, and the acceptability curve with --psa, as text
  std::filesystem::path output;
  double wall_seconds = 0;
};

/// InputError for scenarios that cannot be compared or an output the target rules refuse,
/// before any run and any file.
CompareReport compare_mixes(const CompareRequest& request);

}  // namespace missionsim::model
