// A scenario as read from TOML, and what is done to it before the models read it: overrides
// from the command line, validation against a schema, defaults, and writing it back as text.
#pragma once

#include <filesystem>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "engine/core/error.hpp"
#include "engine/scenario/schema.hpp"

namespace missionsim {

struct ScenarioDocument {
  std::string file;  ///< as given by the user, used in messages
  toml::table root;
  /// Dotted key paths (array elements by name) whose values came from overrides, so that their
  /// diagnostics name "--set" instead of a line of the file.
  std::set<std::string> overridden = {};
  /// The files the document was read from, the most basic first: a file's base scenarios (see
  /// load_document with a schema), then the file itself. Keys and diagnostics from several
  /// files are ordered by file in this order, then by line.
  std::vector<std::string> files = {};
  /// The input files (tables, edge lists) its keys named, as TableView::input_file found them.
  /// Mutable: reading a document through a view records them without changing the document.
  mutable std::vector<std::filesystem::path> inputs = {};
};

/// Reads and parses a scenario file. ScenarioError when it cannot be read ("cannot read FILE:
/// reason"), is empty, or is not valid TOML (with line and column).
ScenarioDocument load_document(const std::filesystem::path& file);
/// Reads a scenario file and the scenarios it builds on. A top-level `extends = "BASE"` (a path
/// relative to the file's folder) makes the file a change to BASE, which may itself extend
/// another: tables merge key by key; elements of an array of tables merge by name (a new name is
/// appended, in file order after the base's); any other value, an inline table (a distribution)
/// or a plain array included, replaces the base's. Changing a choice key that other keys depend
/// on drops the base's keys that only its other values use, as an override does. A top-level
/// `remove = ["instruments.campaign", ...]` first takes keys or elements, named by dotted paths
/// as overrides name them, out of the base. Every node keeps the file and line it was written
/// at, so diagnostics point there. ScenarioError at the `extends` or `remove` key for a value of
/// the wrong type, a base that cannot be read, a cycle, or a path the base does not have.
ScenarioDocument load_document(const std::filesystem::path& file, const TableSpec& schema);
/// Parses scenario text; `file_label` names it in messages. Same errors as load_document.
ScenarioDocument parse_document(std::string_view text, std::string file_label);

/// Applies one "a.b.c=value" override. The path is resolved through the schema: a table_array
/// segment is followed by an element's name (innovations.screening.threshold=0.2). The value is
/// typed by the schema: integer, real, true/false, date YYYY-MM-DD, a choice checked against its
/// choices, or a string as-is with optional surrounding quotes. Missing intermediate tables are
/// created. Setting a discriminator removes the keys that belong only to its other variants.
/// ScenarioError (file "--set") for an unknown key, an unknown element name, a malformed
/// assignment or an unparsable value. Bounds are checked by validate(), like values in files.
void apply_override(ScenarioDocument& doc, const TableSpec& schema, std::string_view assignment);

/// Every problem in the document, in file order (overrides last), each with its position, the
/// dotted key path, what was expected and what was found. Empty when the document is valid.
std::vector<Diagnostic> validate(const ScenarioDocument& doc, const TableSpec& schema);
/// validate(), throwing ScenarioError with all diagnostics if there is any.
void require_valid(const ScenarioDocument& doc, const TableSpec& schema);

/// After a clean validate(): inserts the default of every absent optional key (variant keys
/// only for the active variant) and creates absent tables that have no required keys (unless
/// declared keep_absent()), so readers can take every value as present.
void fill_defaults(ScenarioDocument& doc, const TableSpec& schema);

/// The document as TOML text: what gets stored with the results so a run can be repeated.
/// Keys keep their file order (set and defaulted keys follow); numbers are written in their
/// shortest exact form (0.1, not 0.10000000000000001).
std::string to_toml_text(const ScenarioDocument& doc);

}  // namespace missionsim
