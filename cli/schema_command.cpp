// `missionsim schema`: the scenario reference (every key, its type, unit, default and range)
// as Markdown, generated from the schema the reader checks files against.
#include "cli/commands.hpp"
#include "engine/scenario/reference.hpp"
#include "models/composition/scenario.hpp"

#include <CLI/CLI.hpp>

#include <cstdio>

namespace missionsim::cli {

Command add_schema_command(CLI::App&) {
  return [] {
    std::fputs(model::scenario_reference_markdown().c_str(), stdout);
    return 0;
  };
}

}  // namespace missionsim::cli
