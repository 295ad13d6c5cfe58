// Runs the missionsim executable (or any command) through the shell and captures what it printed.
#pragma once

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <string>

namespace missionsim::test {

struct ProcessResult {
  int status = -1;     ///< exit status, or -1 if killed by a signal
  std::string output;  ///< stdout and stderr together
};

/// Runs `command` with `sh -c` inside `cwd`, stderr merged into stdout, stdin closed.
inline ProcessResult run_command(const std::string& command, const std::filesystem::path& cwd = ".") {
  const std::string full = "cd '" + cwd.string() + "' && " + command + " 2>&1 </dev/null";
  FILE* pipe = popen(full.c_str(), "r");
  if (!pipe) throw std::runtime_error("popen failed: " + command);
  ProcessResult r;
  std::array<char, 4096> buf;
  while (std::size_t n = std::fread(buf.data(), 1, buf.size(), pipe)) r.output.append(buf.data(), n);
  const int raw = pclose(pipe);
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  return r;
}

/// The missionsim executable under test, quoted for the shell.
inline std::string missionsim_exe() {
  return std::string("'") + MISSIONSIM_EXE + "'";
}

}  // namespace missionsim::test
