// The tipping driver: the point of no return of a supported transition (tipping.hpp), its
// supported runs and curve (/tipping) written to one HDF5 file.
#pragma once

#include "models/composition/scenario.hpp"
#include "models/experiments/request.hpp"
#include "models/experiments/tipping.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

namespace missionsim::model {

struct TippingRequest {
  ScenarioRequest scenario;
  std::string innovation;
  std::optional<std::filesystem::path> output;  ///< absent: results/STEM-tipping-INNOVATION.h5
  /// Each, when given, overrides its key of the scenario's [tipping] (as --set would).
  std::optional<std::uint32_t> replicates;
  std::optional<double> probability, new_normal, grid_years;
  std::uint32_t bootstrap = 1000;
  unsigned threads = 0;
  bool force = false;
  std::string command_line;
  std::function<void(std::uint32_t done, std::uint32_t total)> progress;  ///< runs; may be empty
};

struct TippingOutcome {
  Scenario scenario;     ///< as analysed, overrides applied
  TippingParams params;  ///< the search's settings
  TippingReport report;
  std::filesystem::path output;
};

/// InputError for a scenario, an innovation it lacks, or an output the target rules refuse,
/// before any run and any file.
TippingOutcome find_tipping_point(const TippingRequest& request);

}  // namespace missionsim::model
