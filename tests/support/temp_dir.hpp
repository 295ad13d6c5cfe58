// A fresh directory per test, removed with everything in it when the test ends.
#pragma once

#include <filesystem>
#include <string>

namespace missionsim::test {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  [[nodiscard]] const std::filesystem::path& path() const noexcept { return path_; }
  /// Path of `name` inside the directory.
  [[nodiscard]] std::filesystem::path operator/(const std::string& name) const { return path_ / name; }
  /// Writes `text` to `name` inside the directory and returns its path.
  std::filesystem::path write(const std::string& name, const std::string& text) const;

 private:
  std::filesystem::path path_;
};

/// The source tree (for scenarios/ and data files), from the environment ctest sets.
std::filesystem::path source_dir();
/// The build tree (for the missionsim executable).
std::filesystem::path binary_dir();

}  // namespace missionsim::test
