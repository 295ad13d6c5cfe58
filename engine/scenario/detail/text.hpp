// Internal to engine/scenario: how values, nodes, paths and positions are written in messages.
#pragma once

#include "engine/core/number_text.hpp"
#include "engine/core/spelling.hpp"

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "engine/core/error.hpp"
#include "engine/scenario/schema.hpp"

namespace missionsim::scenario_detail {

using missionsim::format_number;  // engine/core/number_text.hpp
/// A default or choice value as TOML would write it ("abc" quoted, dates bare).
std::string format_value(const DefaultValue& v);
/// `"a", "b", "c"`.
std::string quoted_list(const std::vector<std::string>& items);
/// What a key expects, e.g. "a number in [0, 1]", "one of \"a\", \"b\"".
std::string expected_text(const KeySpec& key);
/// What a node is, with its value when short: "a string \"abc\"", "an integer 3", "a table".
std::string describe_found(const toml::node& node);
/// "a.b" from "a" and "b"; just "b" at the top level.
std::string join_path(std::string_view parent, std::string_view key);
/// Path of the element `index` of the array at `array_path`: "innovations.screening" by its
/// name, "innovations[2]" when it has no usable name.
std::string element_path(std::string_view array_path, const toml::node& element, std::size_t index);
/// The element's "name" when it is a string, else nullopt.
std::optional<std::string> element_name(const toml::node& element);
/// Where a node came from: "--set" for overridden paths, else the file, line and column.
SourcePosition position_of(const toml::node& node, const std::string& path, const std::string& file,
                           const std::set<std::string>* overridden);
/// The place of `file` in a document's files (base scenarios first), for ordering nodes and
/// diagnostics from several files; files not among them (a default, "--set") come last.
std::size_t file_rank(const std::vector<std::string>& files, std::string_view file);
using missionsim::did_you_mean;  // engine/core/spelling.hpp

}  // namespace missionsim::scenario_detail
