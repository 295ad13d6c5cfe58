#include "engine/table/csv_records.hpp"

#include <cstddef>
#include <utility>

namespace missionsim {

namespace {

bool is_blank(char c) {
  return c == ' ' || c == '\t';
}

std::size_t end_of_line(std::string_view text, std::size_t pos) {
  const std::size_t newline = text.find('\n', pos);
  return newline == std::string_view::npos ? text.size() : newline;
}

// Blank lines and comment lines carry no record.
bool skipped(std::string_view line) {
  for (const char c : line) {
    if (is_blank(c) || c == '\r') continue;
    return c == '#';
  }
  return true;
}

// Reads the quoted field whose opening quote is at `pos`; leaves `pos` after the closing
// quote and `line` on the line it is on. False if the file ends first.
bool read_quoted(std::string_view text, std::size_t& pos, int& line, std::string& value) {
  ++pos;
  while (pos < text.size()) {
    const char c = text[pos];
    if (c == '"') {
      if (pos + 1 < text.size() && text[pos + 1] == '"') {
        value += '"';
        pos += 2;
        continue;
      }
      ++pos;
      return true;
    }
    if (c == '\n') {
      ++line;
      if (!value.empty() && value.back() == '\r') value.pop_back();  // a CRLF inside quotes is a line break
    }
    value += c;
    ++pos;
  }
  return false;
}

bool at_record_end(std::string_view text, std::size_t pos) {
  return pos == text.size() || text[pos] == '\n' ||
         (text[pos] == '\r' && (pos + 1 == text.size() || text[pos + 1] == '\n'));
}

}  // namespace

std::vector<CsvRecord> split_csv_records(std::string_view text, ProblemList& problems) {
  constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";
  if (text.substr(0, utf8_bom.size()) == utf8_bom) text.remove_prefix(utf8_bom.size());

  std::vector<CsvRecord> records;
  std::size_t pos = 0;
  int line = 1;
  while (pos < text.size()) {
    const std::size_t eol = end_of_line(text, pos);
    if (skipped(text.substr(pos, eol - pos))) {
      pos = eol + 1;
      ++line;
      continue;
    }
    CsvRecord record;
    record.line = line;
    for (;;) {
      const int field = static_cast<int>(record.fields.size()) + 1;
      while (pos < text.size() && is_blank(text[pos])) ++pos;
      std::string value;
      if (pos < text.size() && text[pos] == '"') {
        const int opened_on = line;
        if (!read_quoted(text, pos, line, value)) {
          problems.add(Diagnostic{{problems.file(), opened_on, field},
                                  "",
                                  "unterminated quoted field: the file ends before its closing double quote "
                                  "(a quote inside a quoted field is written \"\")"});
          record.malformed = true;
          record.fields.push_back(std::move(value));
          records.push_back(std::move(record));
          return records;
        }
        while (pos < text.size() && is_blank(text[pos])) ++pos;
        if (!at_record_end(text, pos) && text[pos] != ',') {
          problems.add(Diagnostic{{problems.file(), line, field},
                                  "",
                                  "unexpected text after the closing double quote of a quoted field "
                                  "(a quote inside a quoted field is written \"\")"});
          record.malformed = true;
          pos = end_of_line(text, pos);
        }
      } else {
        const std::size_t begin = pos;
        while (pos < text.size() && text[pos] != ',' && text[pos] != '\n') ++pos;
        std::string_view raw = text.substr(begin, pos - begin);
        while (!raw.empty() && (is_blank(raw.back()) || raw.back() == '\r')) raw.remove_suffix(1);
        if (raw.find('"') != std::string_view::npos) {
          problems.add(Diagnostic{{problems.file(), line, field},
                                  "",
                                  "a double quote inside an unquoted field: quote the whole field and "
                                  "write the quote as \"\""});
          record.malformed = true;
        }
        value = raw;
      }
      record.fields.push_back(std::move(value));
      if (pos < text.size() && text[pos] == '\r') ++pos;
      if (pos < text.size() && text[pos] == ',') {
        ++pos;
        continue;
      }
      if (pos < text.size()) {  // the '\n' ending the record
        ++pos;
        ++line;
      }
      break;
    }
    records.push_back(std::move(record));
  }
  return records;
}

}  // namespace missionsim
