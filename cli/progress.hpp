// Progress of the step loop on a terminal: a bar with steps done, rate and time left, drawn
// on stderr at most a few times a second, and nothing at all when stderr is not a terminal.
#pragma once

#include "engine/schedule/step_observer.hpp"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>

namespace missionsim::cli {

class ProgressBar final : public StepObserver {
 public:
  /// Draws only if `enabled` and stderr is a terminal.
  explicit ProgressBar(bool enabled);
  void on_run_start(std::uint32_t run, std::uint32_t steps) override;
  void on_step_end(std::uint32_t run, std::uint32_t step, std::uint32_t steps) override;
  void on_run_end(std::uint32_t run) override;

 private:
  bool active_;
  std::chrono::steady_clock::time_point start_{};
  std::chrono::steady_clock::time_point last_draw_{};
};

/// Progress of work counted in runs (sweeps, tipping): runs done of a total that may grow,
/// elapsed time and the time left estimated from the runs finished in this session, on stderr
/// when it is a terminal; nothing otherwise.
class RunProgress {
 public:
  /// `already_done` runs were recovered (a sweep's journal): counted as done, not in the rate.
  RunProgress(bool enabled, const char* what, std::uint32_t already_done = 0);
  void update(std::uint32_t done, std::uint32_t total);
  /// Clears the line.
  void finish();

 private:
  bool active_;
  const char* what_;
  std::uint32_t recovered_;
  std::chrono::steady_clock::time_point start_, last_draw_;
};

}  // namespace missionsim::cli

namespace missionsim::cli {

/// Progress of many runs at once (compare, sweeps): one bar over the steps of every run, with
/// runs finished and time left. Thread-safe: runs on several threads report to the same bar.
class RunsProgress final : public StepObserver {
 public:
  /// Draws only if `enabled` and stderr is a terminal.
  RunsProgress(bool enabled, std::uint64_t runs, std::uint64_t steps_per_run);
  void on_step_end(std::uint32_t run, std::uint32_t step, std::uint32_t steps) override;
  void on_run_end(std::uint32_t run) override;
  /// Clears the bar.
  void done();

 private:
  void draw(bool force);
  bool active_;
  std::uint64_t runs_, total_steps_;
  std::atomic<std::uint64_t> steps_done_{0}, runs_done_{0};
  std::chrono::steady_clock::time_point start_;
  std::mutex drawing_;
  std::chrono::steady_clock::time_point last_draw_{};
};

}  // namespace missionsim::cli
