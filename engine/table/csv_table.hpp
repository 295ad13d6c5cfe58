// A typed table read from a CSV file, checked column by column against what the caller expects,
// with every problem reported at once (file, line, column name, expected and found).
#pragma once

#include "engine/core/error.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace missionsim {

/// One column the caller expects. Names are matched exactly (case and all). Every member has a
/// default, so designated initializers read well: {.name = "rate", .min = 0.0, .max = 1.0}.
struct ColumnSpec {
  enum class Type { text, integer, real };

  std::string name;
  Type type = Type::real;
  std::optional<double> min{};  ///< inclusive lower bound for a number
  std::optional<double> max{};  ///< inclusive upper bound for a number
  bool required = true;         ///< a missing required column is an error naming it
};

/// Diagnostics from a table put the file in `where.file`, the 1-based line in `where.line`,
/// the column name in `key`, and the 1-based FIELD INDEX (not the character column) in
/// `where.column`; 0 means the whole line or the whole file.
class CsvTable {
 public:
  /// Reads `file`: comma separated, the first record is the header; double quotes around a
  /// field with "" for a quote; blank lines and lines starting with '#' skipped; CRLF and a
  /// UTF-8 BOM accepted; spaces around fields trimmed. Checks that the header has every
  /// required column (with a did-you-mean for a near miss) and no duplicate or empty name, that
  /// every row has as many fields as the header, that numbers parse completely, are finite and
  /// within bounds, that text cells are not empty, and, if given, that there are
  /// `expected_rows` data rows. A column the specs do not name is an error unless
  /// `allow_extra_columns`, and always when it is a near miss of a missing column. Throws
  /// InputError with every problem (up to a cap); an unreadable file is an InputError too.
  [[nodiscard]] static CsvTable read(const std::filesystem::path& file,
                                     const std::vector<ColumnSpec>& columns,
                                     std::optional<std::size_t> expected_rows = std::nullopt,
                                     bool allow_extra_columns = false);

  /// Data rows (the header, comments and blank lines not counted).
  [[nodiscard]] std::size_t rows() const noexcept { return lines_.size(); }
  [[nodiscard]] const std::string& file() const noexcept { return file_; }
  /// Whether `column` was read (false for an optional column absent from the file).
  [[nodiscard]] bool has(std::string_view column) const noexcept;

  /// The cells of a column, by the type its spec gave. Asking for a column that was not read,
  /// or as another type, is a programming error (InternalError).
  [[nodiscard]] const std::vector<std::string>& text(std::string_view column) const;
  [[nodiscard]] const std::vector<std::int64_t>& integers(std::string_view column) const;
  [[nodiscard]] const std::vector<double>& reals(std::string_view column) const;

  /// One cell as text: text as read, numbers in their shortest round-trip form (so "03" and
  /// "3" are the same integer). For keys and messages.
  [[nodiscard]] std::string cell(std::size_t row, std::string_view column) const;

  /// The 1-based line `row` (0-based) starts on, for messages about relations between rows.
  [[nodiscard]] int line_of_row(std::size_t row) const;
  /// A diagnostic positioned at one cell; an empty `column` means the whole row.
  [[nodiscard]] Diagnostic diagnostic(std::size_t row, std::string_view column, std::string message) const;

 private:
  struct Column {
    std::string name;
    int field = 0;  // 1-based index in the header
    std::variant<std::vector<std::string>, std::vector<std::int64_t>, std::vector<double>> cells;
  };

  [[nodiscard]] const Column& column(std::string_view name) const;
  template <typename T>
  [[nodiscard]] const std::vector<T>& cells(std::string_view name, const char* type) const;

  std::string file_;
  std::vector<Column> columns_;
  std::vector<int> lines_;
};

}  // namespace missionsim
