// The recorder that writes a run (or a sweep of runs) to one HDF5 file laid out as in
// DESIGN.md "Output file": root provenance attributes, /scenario, /metrics, /runs, /events, /goals
// and one group per analysis (/impact, ...).
#pragma once

#include "engine/io/recorder.hpp"

#include <filesystem>
#include <memory>

namespace missionsim {

/// Writes to a temporary file beside the target, renamed into place by finish(), so a crash
/// never leaves a half-written file under the real name. The file and its provenance are
/// written in begin(); each run's series when it ends; /runs, /events, the goal outcomes and the
/// analysis values in finish().
class Hdf5Recorder final : public Recorder {
 public:
  /// Throws IoError naming `path` if it exists and `overwrite` is false.
  Hdf5Recorder(std::filesystem::path path, bool overwrite);
  /// Without finish(), removes the temporary file and leaves `path` untouched.
  ~Hdf5Recorder() override;
  Hdf5Recorder(const Hdf5Recorder&) = delete;
  Hdf5Recorder& operator=(const Hdf5Recorder&) = delete;
  Hdf5Recorder(Hdf5Recorder&&) = delete;
  Hdf5Recorder& operator=(Hdf5Recorder&&) = delete;

  void begin(const RecordingHeader& header) override;
  void record_step(std::uint32_t run, std::uint32_t step, std::span<const double> values) override;
  void record_event(const Event& e) override;
  /// Kept in memory until finish(); runs never recorded are written as -1 and NaN.
  void record_goals(std::uint32_t run, std::span<const GoalOutcome> outcomes) override;
  /// Kept in memory until finish(); runs never recorded are written as NaN, or "" for text.
  void record_analysis(std::uint32_t run, std::size_t analysis,
                       std::span<const AnalysisValue> values) override;
  /// Kept in memory until finish().
  void record_table(const ResultTable& table) override;
  /// Writes the run's series; a second record for the same run replaces the first.
  void end_run(const RunRecord& run) override;
  /// Writes runs never ended (their values NaN, status "not_run"), /runs, /events (sorted by
  /// run, step, kind and subject, so the file does not depend on thread scheduling) and the goal
  /// outcomes and analysis values, closes the file and renames it to `path`.
  void finish() override;

  [[nodiscard]] const std::filesystem::path& path() const noexcept { return path_; }
  /// Where the file is written until finish().
  [[nodiscard]] const std::filesystem::path& temporary_path() const noexcept { return temporary_; }

 private:
  struct State;  // HDF5 handles and buffers; keeps hdf5.h out of this header
  std::filesystem::path path_;
  std::filesystem::path temporary_;
  bool overwrite_;
  std::unique_ptr<State> state_;
};

}  // namespace missionsim
