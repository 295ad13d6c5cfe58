// Typed, position-aware reading of a validated scenario, for the models layer: values by key,
// sub-tables and array elements with their dotted paths, and diagnostics that point at a key.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "engine/core/calendar.hpp"
#include "engine/core/error.hpp"
#include "engine/scenario/document.hpp"

namespace missionsim {

/// A view of one table of a document; the document must outlive it. Reading a key that is
/// absent or of the wrong type is an InternalError: validate() and fill_defaults() should have
/// made that impossible.
class TableView {
 public:
  TableView(const toml::table& t, std::string path, std::string file);
  /// The document's root; diagnostics on overridden keys name "--set".
  explicit TableView(const ScenarioDocument& doc);

  /// T in std::int64_t, double (accepts an integer), bool, std::string, Date.
  template <class T>
  T get(std::string_view key) const;
  [[nodiscard]] bool has(std::string_view key) const;
  [[nodiscard]] TableView table(std::string_view key) const;
  /// The elements of a table_array, in file order; empty when the key is absent.
  [[nodiscard]] std::vector<TableView> array(std::string_view key) const;
  /// "innovations.screening.threshold".
  [[nodiscard]] std::string key_path(std::string_view key) const;
  /// The dotted path of this table ("" for the root).
  [[nodiscard]] const std::string& path() const noexcept { return path_; }
  [[nodiscard]] const toml::table& raw() const noexcept { return *table_; }
  /// A diagnostic positioned at the key's node (or at this table if the key is absent), for
  /// cross-field checks done by the models (e.g. end before start).
  [[nodiscard]] Diagnostic diagnostic(std::string_view key, std::string message) const;
  /// The input file `key` names. A relative path is taken from the folder of the file the key was
  /// written in when that is a base scenario (see `extends`), else from `scenario_dir`, the
  /// scenario file's folder (also for a value given with --set). Appends "no such file" to
  /// `problems` and gives nullopt when it is not a regular file (saying what it is instead). A
  /// view of a document adds the file to the document's `inputs`.
  [[nodiscard]] std::optional<std::filesystem::path> input_file(std::string_view key,
                                                                const std::filesystem::path& scenario_dir,
                                                                std::vector<Diagnostic>& problems) const;
  /// A string key holding a comma-separated list of names ("north, south"), each one of
  /// `allowed`: their indices in list order, without repeats; "" gives none. Each unknown name
  /// appends a diagnostic with a did-you-mean, naming `what` ("region", "stakeholder type").
  [[nodiscard]] std::vector<std::size_t> names(std::string_view key, const std::vector<std::string>& allowed,
                                               std::string_view what,
                                               std::vector<Diagnostic>& problems) const;

 private:
  TableView(const toml::table& t, std::string path, std::string file, const std::set<std::string>* overridden,
            std::vector<std::filesystem::path>* inputs);
  [[nodiscard]] const toml::node& node(std::string_view key) const;
  [[noreturn]] void wrong(std::string_view key, std::string_view expected) const;

  const toml::table* table_;
  std::string path_;
  std::string file_;
  const std::set<std::string>* overridden_ = nullptr;
  std::vector<std::filesystem::path>* inputs_ = nullptr;  ///< the document's, or none
};

template <>
std::int64_t TableView::get<std::int64_t>(std::string_view key) const;
template <>
double TableView::get<double>(std::string_view key) const;
template <>
bool TableView::get<bool>(std::string_view key) const;
template <>
std::string TableView::get<std::string>(std::string_view key) const;
template <>
Date TableView::get<Date>(std::string_view key) const;

}  // namespace missionsim
