// The point of no return of a supported transition (missionsim tipping): for R replicates of
// the scenario, the supported run is kept as snapshots; every instrument is withdrawn at a step
// and each replicate runs on under common random numbers; the tipping step is the first
// withdrawal step from which adoption still reaches the new normal with the stated probability.
#pragma once

#include "engine/analysis/tipping_search.hpp"
#include "engine/io/recorder.hpp"
#include "models/composition/scenario.hpp"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace missionsim::model {

struct TippingSettings {
  std::string innovation;
  TippingParams params;  ///< from the scenario's [tipping], possibly overridden
  unsigned threads = 0;
  std::uint32_t bootstrap = 1000;
};

struct TippingReport {
  std::string innovation, among;  ///< "people" or "organisations"
  std::uint32_t grid_steps = 0;   ///< spacing of the coarse grid
  TippingSearch search;
  std::vector<double> supported_final;  ///< per replicate: the supported run's final adopter share
  /// Mean over replicates of the supported runs' adopter share at the tipping step: overall,
  /// then per region (citizens) or per stakeholder type (organisations).
  double critical_mass = 0;
  Breakdown critical_mass_by;
  std::vector<double> critical_mass_values;
  std::uint32_t withdrawal_runs = 0;
};

/// The header the supported runs are recorded with (R runs), plus the tipping table's group.
RecordingHeader tipping_header(const Scenario& scenario, const TippingSettings& settings,
                               const std::string& command_line);

/// Runs the analysis. The supported runs go to `recorder` (begun with tipping_header(); the
/// caller records the table and finishes it). `progress(done, total)` counts runs, supported and
/// withdrawn. InputError if the innovation is not the scenario's.
TippingReport analyse_tipping(const Scenario& scenario, const TippingSettings& settings, Recorder& recorder,
                              const std::function<void(std::uint32_t, std::uint32_t)>& progress = {});

/// The report as /tipping: the curve over withdrawal steps, and the tipping step, its interval
/// and the critical mass as attributes.
ResultTable tipping_table(const TippingReport& report, const RecordingHeader& header);

}  // namespace missionsim::model
