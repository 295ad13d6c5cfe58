// The scenario reference generated from the schema, so the documentation cannot drift from
// what the reader accepts.
#pragma once

#include <string>

#include "engine/scenario/schema.hpp"

namespace missionsim {

/// One Markdown section per table (the top level first, then tables in declaration order), each
/// with a table of its keys: dotted path (array elements as `<name>`), type, unit, default,
/// allowed range or choices, whether required, the variant condition, and the description.
std::string reference_markdown(const TableSpec& schema);

}  // namespace missionsim
