// The subcommands of the missionsim executable. Each registers its options on the app and
// returns the function that runs it; errors propagate to main(), which maps them to exit codes.
#pragma once

#include <functional>
#include <string>

namespace CLI {
class App;
}

namespace missionsim::cli {

using Command = std::function<int()>;

Command add_run_command(CLI::App& app, const std::string& command_line);
Command add_validate_command(CLI::App& app);
Command add_info_command(CLI::App& app);
Command add_schema_command(CLI::App& app);
Command add_tipping_command(CLI::App& app, const std::string& command_line);
Command add_sweep_command(CLI::App& app, const std::string& command_line);
Command add_merge_command(CLI::App& app, const std::string& command_line);
Command add_sensitivity_command(CLI::App& app);
Command add_compare_command(CLI::App& app, const std::string& command_line);

}  // namespace missionsim::cli
