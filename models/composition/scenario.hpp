// The typed scenario: every key of a scenario file after overrides, validation and defaults,
// with the resolved text kept so a run can be repeated.
#pragma once

#include "engine/analysis/health_economics.hpp"
#include "engine/core/calendar.hpp"
#include "engine/core/error.hpp"
#include "engine/scenario/uncertain.hpp"
#include "models/adoption/params.hpp"
#include "models/early_warning/params.hpp"
#include "models/instruments/params.hpp"
#include "models/instruments/triggers.hpp"
#include "models/mission/params.hpp"
#include "models/pathway/params.hpp"
#include "models/population/params.hpp"
#include "models/stakeholders/params.hpp"
#include "models/transitions/params.hpp"
#include "models/world/network_params.hpp"

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

namespace missionsim {
class TableSpec;
}

namespace missionsim::model {

/// The version of the scenario format this build reads (`schema_version` in every file).
inline constexpr std::int64_t scenario_schema_version = 1;

struct Scenario {
  std::string name;
  std::string description;
  std::uint64_t seed = 1;
  Date start{};
  Date end{};
  StepLength step{};
  PopulationParams population;
  std::vector<NetworkLayerParams> networks;
  std::vector<InnovationParams> innovations;
  PathwayParams pathway;
  std::vector<InstrumentParams> instruments;
  std::vector<TriggerParams> triggers;
  StakeholderParams stakeholders;
  MissionParams mission;
  TransitionParams transitions;  ///< landscape, regimes, niches
  EconomicSettings economics;    ///< for the comparison with the baseline (run --baseline)
  EarlyWarningSettings early_warning;
  std::string resolved_text;  ///< the scenario as TOML after overrides and defaults
  /// Every file the scenario was read from: its bases (extends), itself, and the input files
  /// its keys name. An output may be none of them.
  std::vector<std::filesystem::path> inputs;
  /// Keys given as distributions (their tables are kept in resolved_text); every other field
  /// holds each one's mean, or the value drawn for it (load_scenario's `values`).
  std::vector<UncertainParameter> uncertain;

  [[nodiscard]] Calendar calendar() const { return Calendar(start, end, step); }
};

/// The schema every scenario file is checked against (also the source of the reference docs).
const TableSpec& scenario_schema();

/// docs/scenario-reference.md: an introduction and the reference generated from the schema.
std::string scenario_reference_markdown();

/// Reads, overrides, validates and types a scenario. Throws ScenarioError carrying every
/// problem found (syntax, unknown keys, types, ranges, cross-field checks). A key given as a
/// distribution takes its value in `values` (by key path) or, when absent, the distribution's mean.
Scenario load_scenario(const std::filesystem::path& file, std::span<const std::string> overrides = {},
                       const ParameterValues& values = {});

/// Reads the scenario's input files that world setup reads (edge lists, initial-adopter and
/// threshold files) with setup's own readers, and throws ScenarioError with every problem, by
/// file and line. `validate` calls it, so that it refuses what `run` would before the first
/// step; `run` does not, as setup reads them anyway.
void check_input_files(const Scenario& scenario);

}  // namespace missionsim::model
