// The part every benchmark's main() shares: parse the options, measure, print the report, and
// map errors to the exit codes of the missionsim command (2 bad input, 1 anything else).
#pragma once

#include "bench/support/report.hpp"
#include "engine/core/error.hpp"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <stdexcept>

namespace missionsim::bench {

/// Thrown for a scenario a benchmark's reference kernel does not cover; reported like bad input.
struct Unsupported : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// `measure()` runs after the options are parsed into what it reads; `json` is the --json flag.
template <class Measure>
int run_benchmark(CLI::App& app, int argc, char** argv, const bool& json, Measure&& measure) {
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  try {
    const Report m = measure();
    if (json)
      print_json(m);
    else
      print_table(m);
    return 0;
  } catch (const InputError& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
    return 2;
  } catch (const Unsupported& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
    return 1;
  }
}

/// What main()'s function-try-block answers for an exception from setting up the options
/// (run_benchmark catches those of parsing and measuring): the message and exit status 1.
inline int report_setup_failure() noexcept {
  try {
    throw;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
  } catch (...) {
    std::fprintf(stderr, "error: an unknown exception\n");
  }
  return 1;
}

}  // namespace missionsim::bench
