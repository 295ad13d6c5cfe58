// Splits CSV text into records of fields, RFC 4180 style: comma separated, optional double
// quotes with "" for a quote inside, CRLF or LF line ends; a leading UTF-8 BOM is skipped.
#pragma once

#include "engine/table/problem_list.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace missionsim {

struct CsvRecord {
  int line = 0;  ///< 1-based line the record starts on (a quoted field may span lines)
  std::vector<std::string> fields;
  bool malformed = false;  ///< a quoting problem was reported; the fields are not to be trusted
};

/// Every record of `text`. Lines that are blank (spaces, tabs) or whose first non-blank
/// character is '#' are skipped; spaces and tabs around a field are trimmed, since a number
/// padded for alignment is still meant as a number. Quoting problems (an unterminated quote,
/// text after a closing quote, a quote inside an unquoted field) go to `problems` with the
/// line and the 1-based field index as column.
[[nodiscard]] std::vector<CsvRecord> split_csv_records(std::string_view text, ProblemList& problems);

}  // namespace missionsim
