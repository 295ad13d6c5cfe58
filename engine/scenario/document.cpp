#include "engine/scenario/document.hpp"

#include "engine/core/file_kind.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace missionsim {

ScenarioDocument parse_document(std::string_view text, std::string file_label) {
  ScenarioDocument doc{file_label, {}, {}, {file_label}};
  try {
    doc.root = toml::parse(text, std::string_view(file_label));
  } catch (const toml::parse_error& e) {
    const auto& begin = e.source().begin;
    throw ScenarioError(Diagnostic{{file_label, static_cast<int>(begin.line), static_cast<int>(begin.column)},
                                   "",
                                   "not valid TOML: " + std::string(e.description())});
  }
  if (doc.root.empty()) {
    throw ScenarioError(Diagnostic{{file_label, 0, 0}, "", "the scenario is empty (it sets no keys)"});
  }
  return doc;
}

ScenarioDocument load_document(const std::filesystem::path& file) {
  const std::string label = file.string();
  const auto cannot_read = [&](const std::string& reason) {
    // No position: the message itself names the file, and there is no line to point at.
    return ScenarioError(Diagnostic{{}, "", "cannot read " + label + ": " + reason});
  };
  // Refused before open(): opening a FIFO would block until something writes to it.
  if (const auto kind = not_a_regular_file(file)) throw cannot_read("it is " + *kind + ", not a file");
  errno = 0;
  std::ifstream in(file, std::ios::binary);
  if (!in) throw cannot_read(errno != 0 ? std::strerror(errno) : "cannot open it");
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw cannot_read("read error");
  return parse_document(text.str(), label);
}

void require_valid(const ScenarioDocument& doc, const TableSpec& schema) {
  auto diagnostics = validate(doc, schema);
  if (!diagnostics.empty()) throw ScenarioError(std::move(diagnostics));
}

}  // namespace missionsim
