// missionsim: command-line entry point. Exit status 0 on success, 2 for bad input (scenario,
// options, input files), 1 for internal or I/O failures.
#include "cli/commands.hpp"
#include "engine/core/error.hpp"
#include "engine/core/spelling.hpp"
#include "engine/core/version.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <map>

namespace {
std::string shell_quote(const std::string& arg) {
  if (!arg.empty() &&
      arg.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:,+@%") ==
          std::string::npos)
    return arg;
  std::string out = "'";
  for (char c : arg) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}
}  // namespace

int main(int argc, char** argv) try {
  std::string command_line;
  for (int i = 0; i < argc; ++i) command_line += (i ? " " : "") + shell_quote(argv[i]);

  CLI::App app{"missionsim — agent-based simulation of health-system missions"};
  app.set_version_flag(
      "--version", std::string(missionsim::engine_version) + " (" + missionsim::engine_git_describe + ")");
  app.require_subcommand(1);
  std::map<CLI::App*, missionsim::cli::Command> commands;
  auto* run = app.add_subcommand("run", "Run a scenario and write its time series to HDF5");
  commands[run] = missionsim::cli::add_run_command(*run, command_line);
  auto* validate = app.add_subcommand("validate", "Check a scenario file and print every problem in it");
  commands[validate] = missionsim::cli::add_validate_command(*validate);
  auto* info = app.add_subcommand("info", "Describe a missionsim output file");
  commands[info] = missionsim::cli::add_info_command(*info);
  auto* compare = app.add_subcommand(
      "compare",
      "Compare intervention mixes under common random numbers: goals, outcomes, ICER, net monetary benefit; "
      "with --psa, the cost-effectiveness acceptability curve");
  commands[compare] = missionsim::cli::add_compare_command(*compare, command_line);
  auto* schema = app.add_subcommand(
      "schema", "Print the scenario reference (every key, unit, default, range) as Markdown");
  commands[schema] = missionsim::cli::add_schema_command(*schema);
  auto* tipping = app.add_subcommand(
      "tipping",
      "Find when support can stop: withdraw every instrument at a grid of steps, bisect, bootstrap");
  commands[tipping] = missionsim::cli::add_tipping_command(*tipping, command_line);

  auto* sweep = app.add_subcommand(
      "sweep",
      "Run a design of parameter points x replicates (grid, lhs, sobol, morris or a CSV file) into one file");
  commands[sweep] = missionsim::cli::add_sweep_command(*sweep, command_line);
  auto* merge = app.add_subcommand("merge", "Join the shard files of sweep --shard I/N into one sweep file");
  commands[merge] = missionsim::cli::add_merge_command(*merge, command_line);
  auto* sensitivity = app.add_subcommand(
      "sensitivity",
      "Sobol indices (sobol sweep) or Morris mu* and sigma (morris sweep) per parameter and goal KPI");
  commands[sensitivity] = missionsim::cli::add_sensitivity_command(*sensitivity);

  // CLI11 answers "A subcommand is required" to `missionsim rn` and to `missionsim --bogus`:
  // name what was typed instead, with the command it most likely meant.
  if (argc >= 2) {
    const std::string first = argv[1];
    std::vector<std::string> names;
    names.reserve(commands.size());
    for (const auto& [sub, command] : commands) names.push_back(sub->get_name());
    const bool known = std::find(names.begin(), names.end(), first) != names.end() || first == "-h" ||
                       first == "--help" || first == "--version";
    if (!known) {
      std::string message =
          first.starts_with("-") ? "unknown option '" + first + "'" : "unknown command '" + first + "'";
      if (const auto guess = missionsim::did_you_mean(first, names))
        message += "; did you mean '" + *guess + "'?";
      std::fprintf(stderr, "error: %s\nRun with --help for the commands.\n", message.c_str());
      return 2;
    }
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  try {
    for (auto& [sub, command] : commands)
      if (sub->parsed()) return command();
    return 2;
  } catch (const missionsim::InputError& e) {
    // One "error:" per problem, so each line of several reads on its own (and greps).
    if (e.diagnostics().empty()) std::fprintf(stderr, "error: %s\n", e.what());
    for (const auto& d : e.diagnostics()) std::fprintf(stderr, "error: %s\n", d.format().c_str());
    return 2;
  } catch (const missionsim::IoError& e) {
    // The disk, a limit or a permission, not a bug: no "internal" in the message.
    std::fprintf(stderr, "error: %s\n", e.what());
    return 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "internal error: %s\n", e.what());
    return 1;
  }
} catch (...) {
  // Setting up the commands failed (memory): nothing has been written yet.
  std::fputs("internal error: the commands could not be set up\n", stderr);
  return 1;
}
