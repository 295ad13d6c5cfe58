// Experimental designs over scenario parameters: the points of a sweep, each a value per
// parameter. Full grid, Latin hypercube, Saltelli's scheme on Sobol points, Morris trajectories,
// or a CSV file of points. Domain-free: a parameter is a key path and a range.
#pragma once

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace missionsim {

/// One parameter that varies, from `low` to `high` (inclusive).
struct ParameterRange {
  std::string key;
  double low = 0;
  double high = 1;
};

/// Parses "key.path=LO:HI" (as given to --param). InputError naming "--param" and the key for a
/// missing '=', a missing ':', unparsable or non-finite bounds, or LO >= HI.
ParameterRange parse_parameter_range(std::string_view text);

enum class DesignMethod { grid, lhs, sobol, morris, file };

/// "grid", "lhs", "sobol", "morris", "file".
std::string_view method_name(DesignMethod method);

/// The points of a sweep, row-major: point p's value of parameter j is values[p * k + j].
struct Design {
  DesignMethod method = DesignMethod::lhs;
  std::vector<std::string> keys;
  std::vector<double> values;
  /// N as given: levels per parameter (grid), points (lhs), base sample (sobol), trajectories
  /// (morris), rows (file).
  std::uint32_t samples = 0;
  /// Morris only: the step of a trajectory in the unit cube (times high - low in parameter units).
  double morris_delta = 0;

  [[nodiscard]] std::size_t parameter_count() const noexcept { return keys.size(); }
  [[nodiscard]] std::size_t point_count() const noexcept {
    return keys.empty() ? 0 : values.size() / keys.size();
  }
  [[nodiscard]] std::span<const double> point(std::size_t p) const {
    return std::span(values).subspan(p * keys.size(), keys.size());
  }
};

/// How many points a method makes from N samples and k parameters: grid N^k, lhs N,
/// sobol N·(k+2) (Saltelli: A, B and k mixed rows per base sample), morris N·(k+1).
/// InputError if the count would exceed `max_points`.
std::uint64_t design_point_count(DesignMethod method, std::uint64_t samples, std::size_t parameters);

/// Upper limit on the points of one design (a guard against a grid of 20 parameters).
inline constexpr std::uint64_t max_design_points = 10'000'000;

/// N levels per parameter, evenly spaced from low to high (one level: the midpoint); the last
/// parameter varies fastest.
Design grid_design(std::span<const ParameterRange> ranges, std::uint32_t levels);

/// N points; in every dimension each of the N equal strata holds exactly one point, placed
/// uniformly inside it. Draws from Philox keyed by `seed`.
Design latin_hypercube_design(std::span<const ParameterRange> ranges, std::uint32_t samples,
                              std::uint64_t seed);

/// The first `count` points of Boost's Sobol sequence in `dimensions` dimensions, in [0, 1),
/// row-major. Boost skips the all-zero origin, so the first point is 0.5 everywhere.
std::vector<double> sobol_points(std::uint32_t count, std::size_t dimensions);

/// Saltelli's scheme: Sobol points in 2k dimensions split into matrices A (first k columns)
/// and B (last k). For each base sample j the points are, in order: A_j, B_j, then for each
/// parameter i the row AB_j^i (A_j with column i taken from B_j). N·(k+2) points.
Design saltelli_design(std::span<const ParameterRange> ranges, std::uint32_t base_samples);

/// Morris's elementary-effects design on a grid of 4 levels: N trajectories of k+1 points;
/// each trajectory starts at a random grid point and changes one parameter per step, in random
/// order, by delta = 2/3 of its range (up from the lower half, down from the upper half).
Design morris_design(std::span<const ParameterRange> ranges, std::uint32_t trajectories, std::uint64_t seed);

/// A design file: CSV with one column per key path and one row per point, read with CsvTable
/// (errors name the file, line and column). At least one column and one row.
Design read_design_file(const std::filesystem::path& file);

}  // namespace missionsim
