// What every driver's request holds about its scenario, and the two ways a number typed on the
// command line becomes an override, written once.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace missionsim::model {

/// The scenario file of a driver, the --set overrides and the --seed, if any.
struct ScenarioRequest {
  std::filesystem::path file;
  std::vector<std::string> overrides;
  std::optional<std::int64_t> seed;

  /// The overrides, then "scenario.seed=N" when a seed is given: --seed N means exactly
  /// --set scenario.seed=N for every driver, stored scenario text included.
  [[nodiscard]] std::vector<std::string> with_seed() const;
};

/// "key=VALUE" with VALUE the shortest text that reads back as the same double (integral values
/// without a point, so integer keys take them).
std::string number_override(std::string_view key, double value);

}  // namespace missionsim::model
