#include "cli/progress.hpp"

#include <unistd.h>

#include <cstdio>

namespace missionsim::cli {

ProgressBar::ProgressBar(bool enabled) : active_(enabled && isatty(STDERR_FILENO) == 1) {}

void ProgressBar::on_run_start(std::uint32_t, std::uint32_t) {
  start_ = last_draw_ = std::chrono::steady_clock::now();
}

void ProgressBar::on_step_end(std::uint32_t, std::uint32_t step, std::uint32_t steps) {
  if (!active_) return;
  const auto now = std::chrono::steady_clock::now();
  const bool last = step + 1 == steps;
  if (!last && now - last_draw_ < std::chrono::milliseconds(200)) return;
  last_draw_ = now;
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  const double done = static_cast<double>(step + 1) / steps;
  const double left = done > 0 ? elapsed * (1.0 - done) / done : 0.0;
  constexpr int width = 30;
  char bar[width + 1];
  const int filled = static_cast<int>(done * width);
  for (int i = 0; i < width; ++i) bar[i] = i < filled ? '#' : '.';
  bar[width] = '\0';
  std::fprintf(stderr, "\r[%s] step %u/%u  %.1f s elapsed  ~%.1f s left ", bar, step + 1, steps, elapsed,
               left);
  std::fflush(stderr);
}

void ProgressBar::on_run_end(std::uint32_t) {
  if (active_) std::fprintf(stderr, "\r\033[K");
}

SweepProgress::SweepProgress(bool enabled, std::uint32_t total, std::uint32_t already_done)
    : active_(enabled && isatty(STDERR_FILENO) == 1),
      total_(total),
      done_(already_done),
      recovered_(already_done),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {}

void SweepProgress::run_finished() {
  ++done_;
  if (!active_) return;
  const auto now = std::chrono::steady_clock::now();
  if (done_ != total_ && now - last_draw_ < std::chrono::milliseconds(200)) return;
  last_draw_ = now;
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  const std::uint32_t here = done_ - recovered_;
  const double left = here > 0 ? elapsed * (total_ - done_) / here : 0.0;
  std::fprintf(stderr, "\r\033[Kruns %u/%u done (%u from the journal)  %.1f s elapsed  ~%.1f s left", done_,
               total_, recovered_, elapsed, left);
  std::fflush(stderr);
}

void SweepProgress::finish() {
  if (active_) std::fprintf(stderr, "\r\033[K");
}

}  // namespace missionsim::cli
