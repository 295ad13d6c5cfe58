// An output file of labelled arrays, for analyses that are not time series (`compare`): groups
// of n-dimensional float64 and string datasets whose axes are dimension scales, so h5py and
// xarray (engine="h5netcdf") read them with their coordinates.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace missionsim {

/// Written to a temporary file beside the target and renamed into place by finish(), like the
/// recorders' files. Groups are paths without a leading '/' ("compare", "compare/ceac") and are
/// created on first use. Every call throws IoError if HDF5 fails, InternalError for misuse (an
/// unknown axis, data of the wrong size, a call after finish()).
class ArrayFile {
 public:
  /// Writes the root provenance attributes (format, format_version, engine_version,
  /// engine_git_describe, scenario_name, created_utc, command_line). Throws IoError naming
  /// `path` if it exists and `overwrite` is false.
  ArrayFile(std::filesystem::path path, bool overwrite, const std::string& scenario_name,
            const std::string& command_line);
  /// Without finish(), removes the temporary file and leaves `path` untouched.
  ~ArrayFile();
  ArrayFile(const ArrayFile&) = delete;
  ArrayFile& operator=(const ArrayFile&) = delete;

  /// A scalar UTF-8 string dataset, e.g. /scenarios/MIX.
  void text(const std::string& group, const std::string& name, const std::string& value);
  /// A labelled axis: a 1-D dataset that is a dimension scale named `name`.
  void axis(const std::string& group, const std::string& name, const std::vector<std::string>& labels,
            const std::string& description);
  void axis(const std::string& group, const std::string& name, const std::vector<double>& values,
            const std::string& units, const std::string& description);
  /// A float64 array over axes of the same group (row-major; data.size() = product of the axis
  /// lengths) with `units` and `description` attributes.
  void array(const std::string& group, const std::string& name, const std::vector<std::string>& dims,
             const std::vector<double>& data, const std::string& units, const std::string& description);
  /// A string array over axes of the same group.
  void strings(const std::string& group, const std::string& name, const std::vector<std::string>& dims,
               const std::vector<std::string>& data, const std::string& description);
  void attribute(const std::string& group, const std::string& name, std::string_view value);
  void attribute(const std::string& group, const std::string& name, double value);
  void attribute(const std::string& group, const std::string& name, std::int64_t value);
  /// Closes the file and renames it to its path.
  void finish();

  [[nodiscard]] const std::filesystem::path& path() const noexcept { return path_; }

 private:
  struct State;
  std::filesystem::path path_;
  std::filesystem::path temporary_;
  bool overwrite_;
  std::unique_ptr<State> state_;
};

}  // namespace missionsim
