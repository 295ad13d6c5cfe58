// The sensitivity reduction: Sobol indices (from a sobol sweep) or Morris mu*, mu and sigma (from
// a morris sweep) of every parameter on every goal's KPI at its deadline and on the final value of
// chosen metrics, written to the sweep file's /sensitivity group and returned for printing.
#pragma once

#include "engine/analysis/sensitivity.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace missionsim::model {

struct SensitivityRequest {
  std::filesystem::path file;        ///< a sweep file of method sobol or morris, every run in it
  std::vector<std::string> metrics;  ///< also the final value of these metrics (no breakdown)
  std::uint32_t resamples = 500;     ///< bootstrap resamples of the Sobol intervals
};

struct SensitivityReport {
  std::string method;  ///< "sobol" or "morris"
  std::uint32_t replicates = 1;
  std::size_t base_samples = 0;  ///< sobol: N; morris: trajectories
  double morris_delta = 0;
  std::vector<std::string> outputs, parameters;
  std::vector<SobolIndices> sobol;    ///< per output (sobol)
  std::vector<MorrisIndices> morris;  ///< per output (morris)
  std::string warning;                ///< why the Sobol indices cannot be trusted; empty if they can
};

/// InputError naming the file for a file that is not such a sweep, damaged, or incomplete.
SensitivityReport analyse_sensitivity(const SensitivityRequest& request);

}  // namespace missionsim::model
