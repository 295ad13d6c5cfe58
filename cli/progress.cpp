#include "cli/progress.hpp"

#include <unistd.h>

#include <cstdio>

namespace missionsim::cli {

ProgressBar::ProgressBar(bool enabled) : active_(enabled && isatty(STDERR_FILENO) == 1) {}

namespace {
void draw(double done, double elapsed, double left, const char* counts) {
  constexpr int width = 30;
  char bar[width + 1];
  const int filled = static_cast<int>(done * width);
  for (int i = 0; i < width; ++i) bar[i] = i < filled ? '#' : '.';
  bar[width] = '\0';
  std::fprintf(stderr, "\r\033[K[%s] %s  %.1f s elapsed  ~%.1f s left", bar, counts, elapsed, left);
  std::fflush(stderr);
}
}  // namespace

void ProgressBar::on_run_start(std::uint32_t, std::uint32_t) {
  start_ = last_draw_ = std::chrono::steady_clock::now();
}

void ProgressBar::on_step_end(std::uint32_t, std::uint32_t step, std::uint32_t steps) {
  if (!active_) return;
  const auto now = std::chrono::steady_clock::now();
  const bool last = step + 1 == steps;
  if (!last && now - last_draw_ < std::chrono::milliseconds(200)) return;
  last_draw_ = now;
  char counts[48];
  std::snprintf(counts, sizeof counts, "step %u/%u", step + 1, steps);
  const double done = static_cast<double>(step + 1) / steps;
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  draw(done, elapsed, elapsed * (1.0 - done) / done, counts);
}

void ProgressBar::on_run_end(std::uint32_t) {
  if (active_) std::fprintf(stderr, "\r\033[K");
}

RunProgress::RunProgress(bool enabled, const char* what, std::uint32_t already_done)
    : active_(enabled && isatty(STDERR_FILENO) == 1),
      what_(what),
      recovered_(already_done),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {}

void RunProgress::update(std::uint32_t done, std::uint32_t total) {
  if (!active_) return;
  const auto now = std::chrono::steady_clock::now();
  if (done < total && now - last_draw_ < std::chrono::milliseconds(200)) return;
  last_draw_ = now;
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  const std::uint32_t here = done > recovered_ ? done - recovered_ : 0;
  char counts[96];
  if (recovered_ > 0)
    std::snprintf(counts, sizeof counts, "%s %u/%u (%u recovered)", what_, done, total, recovered_);
  else
    std::snprintf(counts, sizeof counts, "%s %u/%u", what_, done, total);
  draw(total > 0 ? static_cast<double>(done) / total : 1.0, elapsed,
       here > 0 ? elapsed * (total - done) / here : 0.0, counts);
}

void RunProgress::finish() {
  if (active_) std::fprintf(stderr, "\r\033[K");
}

}  // namespace missionsim::cli

namespace missionsim::cli {

RunsProgress::RunsProgress(bool enabled, std::uint64_t runs, std::uint64_t steps_per_run)
    : active_(enabled && isatty(STDERR_FILENO) == 1),
      runs_(runs),
      total_steps_(runs * steps_per_run),
      start_(std::chrono::steady_clock::now()) {}

void RunsProgress::on_step_end(std::uint32_t, std::uint32_t, std::uint32_t) {
  ++steps_done_;
  if (active_) draw(false);
}

void RunsProgress::on_run_end(std::uint32_t) {
  ++runs_done_;
  if (active_) draw(true);
}

void RunsProgress::draw(bool force) {
  // Whoever holds the lock draws; the others go on with their runs.
  std::unique_lock lock(drawing_, std::try_to_lock);
  if (!lock.owns_lock()) return;
  const auto now = std::chrono::steady_clock::now();
  if (!force && now - last_draw_ < std::chrono::milliseconds(200)) return;
  last_draw_ = now;
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  const double done = total_steps_ ? static_cast<double>(steps_done_.load()) / total_steps_ : 1.0;
  const double left = done > 0 ? elapsed * (1.0 - done) / done : 0.0;
  constexpr int width = 30;
  char bar[width + 1];
  const int filled = static_cast<int>(done * width);
  for (int i = 0; i < width; ++i) bar[i] = i < filled ? '#' : '.';
  bar[width] = '\0';
  std::fprintf(stderr, "\r[%s] runs %llu/%llu  %.1f s elapsed  ~%.1f s left ", bar,
               static_cast<unsigned long long>(runs_done_.load()), static_cast<unsigned long long>(runs_),
               elapsed, left);
  std::fflush(stderr);
}

void RunsProgress::done() {
  if (active_) std::fprintf(stderr, "\r\033[K");
}

}  // namespace missionsim::cli
