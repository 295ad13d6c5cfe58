#include "engine/table/csv_table.hpp"

#include "engine/core/spelling.hpp"
#include "engine/table/csv_records.hpp"
#include "engine/table/detail/near_miss.hpp"
#include "engine/table/problem_list.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>
#include <system_error>
#include <utility>

namespace missionsim {

namespace {

using table_detail::quoted_list;

std::string read_whole_file(const std::filesystem::path& file) {
  const auto cannot_read = [&file](const std::string& reason) {
    return InputError(Diagnostic{{file.string(), 0, 0}, "", "cannot read table: " + reason});
  };
  // Checked first: on Linux a directory opens as a stream and only fails when read.
  if (std::error_code ec; std::filesystem::is_directory(file, ec)) throw cannot_read("it is a directory");
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    const int err = errno;
    throw cannot_read(err != 0 ? std::strerror(err) : "cannot open");
  }
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw IoError("error while reading " + file.string());
  return std::move(text).str();
}

std::string shortest(double value) {
  std::array<char, 32> digits{};
  const auto result = std::to_chars(digits.data(), digits.data() + digits.size(), value);
  return std::string(digits.data(), result.ptr);
}

std::string shown(std::string_view text) {
  constexpr std::size_t longest = 40;
  return "'" + std::string(text.substr(0, longest)) + (text.size() > longest ? "...'" : "'");
}

// "between 0 and 1", "at least 0", "at most 1", or "" without bounds.
std::string bounds_phrase(const ColumnSpec& spec) {
  if (spec.min && spec.max) return "between " + shortest(*spec.min) + " and " + shortest(*spec.max);
  if (spec.min) return "at least " + shortest(*spec.min);
  if (spec.max) return "at most " + shortest(*spec.max);
  return "";
}

std::optional<std::string> bounds_problem(const ColumnSpec& spec, double value, std::string_view found,
                                          const char* kind) {
  if ((spec.min && value < *spec.min) || (spec.max && value > *spec.max)) {
    return std::string("expected ") + kind + " " + bounds_phrase(spec) + ", found " + std::string(found);
  }
  return std::nullopt;
}

// std::from_chars takes no leading '+', but people write "+0.5"; it means the same number.
std::string_view without_plus(std::string_view text) {
  if (text.size() > 1 && text.front() == '+' && text[1] != '-' && text[1] != '+') text.remove_prefix(1);
  return text;
}

std::optional<std::string> parse_integer(std::string_view text, const ColumnSpec& spec, std::int64_t& value) {
  if (text.empty()) return "expected an integer, found an empty cell";
  const std::string_view digits = without_plus(text);
  const char* last = digits.data() + digits.size();
  const auto [end, ec] = std::from_chars(digits.data(), last, value);
  if (ec == std::errc::result_out_of_range) {
    return "expected an integer, found " + shown(text) + ", which is too large";
  }
  if (ec != std::errc{} || end != last) return "expected an integer, found " + shown(text);
  return bounds_problem(spec, static_cast<double>(value), text, "an integer");
}

std::optional<std::string> parse_real(std::string_view text, const ColumnSpec& spec, double& value) {
  if (text.empty()) return "expected a number, found an empty cell";
  const std::string_view digits = without_plus(text);
  const char* last = digits.data() + digits.size();
  const auto [end, ec] = std::from_chars(digits.data(), last, value);
  if (ec == std::errc::result_out_of_range && end == last) {
    return "expected a finite number, found " + shown(text) + ", which is beyond the range of a double";
  }
  if (ec != std::errc{} || end != last) return "expected a number, found " + shown(text);
  if (!std::isfinite(value)) return "expected a finite number, found " + shown(text);
  return bounds_problem(spec, value, text, "a number");
}

std::string plural(std::size_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

std::vector<std::string> names_of(const std::vector<ColumnSpec>& specs) {
  std::vector<std::string> names;
  names.reserve(specs.size());
  for (const auto& s : specs) names.push_back(s.name);
  return names;
}

}  // namespace

CsvTable CsvTable::read(const std::filesystem::path& file, const std::vector<ColumnSpec>& columns,
                        std::optional<std::size_t> expected_rows, bool allow_extra_columns) {
  {
    std::map<std::string_view, int> seen;
    for (const auto& spec : columns) {
      if (spec.name.empty() || !seen.emplace(spec.name, 0).second) {
        throw InternalError("CsvTable::read: column specs must have distinct non-empty names ('" + spec.name +
                            "')");
      }
    }
  }

  CsvTable table;
  table.file_ = file.string();
  const std::string& name = table.file_;
  const std::string text = read_whole_file(file);
  ProblemList problems(name);
  const std::vector<CsvRecord> records = split_csv_records(text, problems);
  const std::vector<std::string> expected_names = names_of(columns);

  if (records.empty()) {
    problems.add_for_file("empty table: expected a header line naming the columns " +
                          quoted_list(expected_names) + ", found no lines with data");
    problems.throw_if_any();
  }
  const CsvRecord& header = records.front();
  if (header.malformed) problems.throw_if_any();  // the column names cannot be trusted
  const int header_line = header.line;

  // Header: first field of each name; duplicates and empty names are errors.
  std::map<std::string, int, std::less<>> field_of;
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    const std::string& h = header.fields[i];
    const int field = static_cast<int>(i) + 1;
    if (h.empty()) {
      problems.add(Diagnostic{{name, header_line, field}, "", "empty column name in the header"});
    } else if (const auto [it, inserted] = field_of.emplace(h, field); !inserted) {
      problems.add(
          Diagnostic{{name, header_line, field},
                     h,
                     "duplicate column: the header names it already as field " + std::to_string(it->second)});
    }
  }
  std::vector<std::string> unknown;  // in header order, each once
  for (const auto& h : header.fields) {
    const bool expected = std::find(expected_names.begin(), expected_names.end(), h) != expected_names.end();
    if (!h.empty() && !expected && std::find(unknown.begin(), unknown.end(), h) == unknown.end()) {
      unknown.push_back(h);
    }
  }
  std::vector<std::string> explained;  // unknown names reported as a near miss of a missing column
  for (const auto& spec : columns) {
    if (const auto it = field_of.find(spec.name); it != field_of.end()) {
      table.columns_.push_back(Column{spec.name, it->second, {}});
      continue;
    }
    if (const auto guess = did_you_mean(spec.name, unknown)) {
      explained.push_back(*guess);
      problems.add(Diagnostic{{name, header_line, field_of.at(*guess)},
                              spec.name,
                              std::string("missing ") + (spec.required ? "required " : "") +
                                  "column; the header has " + shown(*guess) + ": did you mean '" + spec.name +
                                  "'?"});
    } else if (spec.required) {
      problems.add(Diagnostic{{name, header_line, 0},
                              spec.name,
                              "missing required column; the header has " + quoted_list(header.fields)});
    }
  }
  if (!allow_extra_columns) {
    for (const auto& h : unknown) {
      if (std::find(explained.begin(), explained.end(), h) != explained.end()) continue;
      problems.add(Diagnostic{{name, header_line, field_of.at(h)},
                              h,
                              "unknown column; expected only " + quoted_list(expected_names)});
    }
  }

  // Rows: each the width of the header; each cell of a known column parsed by its type.
  std::vector<const ColumnSpec*> spec_of;
  for (auto& column : table.columns_) {
    const ColumnSpec& spec = *std::find_if(columns.begin(), columns.end(),
                                           [&](const ColumnSpec& s) { return s.name == column.name; });
    spec_of.push_back(&spec);
    switch (spec.type) {
      case ColumnSpec::Type::text:
        column.cells = std::vector<std::string>{};
        break;
      case ColumnSpec::Type::integer:
        column.cells = std::vector<std::int64_t>{};
        break;
      case ColumnSpec::Type::real:
        column.cells = std::vector<double>{};
        break;
    }
  }
  const std::size_t width = header.fields.size();
  for (std::size_t r = 1; r < records.size(); ++r) {
    const CsvRecord& record = records[r];
    table.lines_.push_back(record.line);
    if (record.malformed) continue;  // already reported
    const std::size_t found = record.fields.size();
    if (found < width) {
      problems.add(Diagnostic{{name, record.line, static_cast<int>(found) + 1},
                              header.fields[found],
                              "expected " + plural(width, "field") + " as in the header, found " +
                                  std::to_string(found) + ": no value for this column or after it"});
      continue;
    }
    if (found > width) {
      problems.add(Diagnostic{{name, record.line, static_cast<int>(width) + 1},
                              "",
                              "expected " + plural(width, "field") + " as in the header, found " +
                                  std::to_string(found) + " (an unquoted comma inside a value?)"});
      continue;
    }
    for (std::size_t c = 0; c < table.columns_.size(); ++c) {
      Column& column = table.columns_[c];
      const std::string& cell = record.fields[static_cast<std::size_t>(column.field) - 1];
      std::optional<std::string> problem;
      switch (spec_of[c]->type) {
        case ColumnSpec::Type::text:
          if (cell.empty()) problem = "expected text, found an empty cell";
          std::get<std::vector<std::string>>(column.cells).push_back(cell);
          break;
        case ColumnSpec::Type::integer: {
          std::int64_t value = 0;
          problem = parse_integer(cell, *spec_of[c], value);
          std::get<std::vector<std::int64_t>>(column.cells).push_back(value);
          break;
        }
        case ColumnSpec::Type::real: {
          double value = 0.0;
          problem = parse_real(cell, *spec_of[c], value);
          std::get<std::vector<double>>(column.cells).push_back(value);
          break;
        }
      }
      if (problem)
        problems.add(Diagnostic{{name, record.line, column.field}, column.name, std::move(*problem)});
    }
  }

  if (expected_rows && *expected_rows != table.rows()) {
    const std::size_t expected = *expected_rows;
    const std::size_t found = table.rows();
    const std::string message =
        "expected " + plural(expected, "data row") + ", found " + std::to_string(found);
    if (found > expected) {
      problems.add(
          Diagnostic{{name, table.lines_[expected], 0}, "", message + "; this is the first extra row"});
    } else {
      const int last = table.lines_.empty() ? header_line : table.lines_.back();
      problems.add(Diagnostic{{name, last, 0}, "", message + "; the table ends here"});
    }
  }

  problems.throw_if_any();
  return table;
}

bool CsvTable::has(std::string_view column) const noexcept {
  return std::any_of(columns_.begin(), columns_.end(), [&](const Column& c) { return c.name == column; });
}

const CsvTable::Column& CsvTable::column(std::string_view name) const {
  for (const auto& c : columns_) {
    if (c.name == name) return c;
  }
  throw InternalError("table " + file_ + " has no column '" + std::string(name) +
                      "' (not in its specs, or optional and absent)");
}

template <typename T>
const std::vector<T>& CsvTable::cells(std::string_view name, const char* type) const {
  const Column& c = column(name);
  if (const auto* v = std::get_if<std::vector<T>>(&c.cells)) return *v;
  throw InternalError("column '" + std::string(name) + "' of table " + file_ + " was not read as " + type);
}

const std::vector<std::string>& CsvTable::text(std::string_view column) const {
  return cells<std::string>(column, "text");
}
const std::vector<std::int64_t>& CsvTable::integers(std::string_view column) const {
  return cells<std::int64_t>(column, "integers");
}
const std::vector<double>& CsvTable::reals(std::string_view column) const {
  return cells<double>(column, "real numbers");
}

std::string CsvTable::cell(std::size_t row, std::string_view name) const {
  const Column& c = column(name);
  if (row >= rows()) throw InternalError("row " + std::to_string(row) + " is past the end of table " + file_);
  return std::visit(
      [row](const auto& cells) -> std::string {
        using T = typename std::decay_t<decltype(cells)>::value_type;
        if constexpr (std::is_same_v<T, std::string>) {
          return cells[row];
        } else if constexpr (std::is_same_v<T, std::int64_t>) {
          return std::to_string(cells[row]);
        } else {
          return shortest(cells[row]);
        }
      },
      c.cells);
}

int CsvTable::line_of_row(std::size_t row) const {
  if (row >= rows()) throw InternalError("row " + std::to_string(row) + " is past the end of table " + file_);
  return lines_[row];
}

Diagnostic CsvTable::diagnostic(std::size_t row, std::string_view column_name, std::string message) const {
  const int field = column_name.empty() ? 0 : column(column_name).field;
  return Diagnostic{{file_, line_of_row(row), field}, std::string(column_name), std::move(message)};
}

}  // namespace missionsim
