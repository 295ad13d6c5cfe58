// The journal of a sweep: every finished run appended to a file beside the output as soon as
// it ends, so a sweep killed at any moment (kill -9 included) loses no finished run and,
// started again with the same command, reruns only the others.
#pragma once

#include "engine/experiment/run_result.hpp"

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

namespace missionsim {

/// Append-only: a header naming the sweep (its fingerprint), then one record per run, each
/// framed by a magic word and its length and closed by a CRC-32 of its bytes. A record cut short
/// by a kill (or torn by a crash) fails its length or CRC; it and anything after it are dropped
/// when the journal is opened again, and the file is truncated to the last whole record.
class Journal {
 public:
  /// Opens `path`, creating it if absent. If it exists and was written for another sweep (a
  /// different fingerprint), throws InputError naming the file: removing it starts over.
  Journal(std::filesystem::path path, const std::string& fingerprint);
  ~Journal();
  Journal(const Journal&) = delete;
  Journal& operator=(const Journal&) = delete;
  Journal(Journal&&) = delete;
  Journal& operator=(Journal&&) = delete;

  /// The runs found when the journal was opened, in the order they were written (a run written
  /// twice appears twice; the later record wins).
  [[nodiscard]] std::vector<RunResult> take_recovered();

  /// Appends one run and hands it to the kernel before returning (write, then fdatasync), so
  /// neither a killed process nor a crashed machine loses it. Callers serialise calls.
  void append(const RunResult& result);

  /// Closes and deletes the file (after the output it fed is in place).
  void remove();

  [[nodiscard]] const std::filesystem::path& path() const noexcept { return path_; }

 private:
  std::filesystem::path path_;
  int fd_ = -1;
  std::vector<RunResult> recovered_;
};

}  // namespace missionsim
