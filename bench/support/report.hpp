// What a benchmark run reports, printed as a human table or as one JSON line that
// scripts/bench.sh collects into the table of docs/performance.md.
#pragma once

#include "bench/support/measure.hpp"

#include <cstdint>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

namespace missionsim::bench {

/// One timed way of running the workload (the engine's default path, the engine forced to a
/// full sweep, the reference kernel), in seconds per step over the rounds.
struct TimedPath {
  std::string name;
  Spread step_seconds;
};

struct Report {
  std::string workload;
  std::uint32_t agents = 0;
  std::uint64_t edges = 0;
  unsigned threads = 0;
  std::uint32_t steps = 0;
  unsigned rounds = 0;
  std::uint32_t block_size = 0;
  double build_seconds = 0;
  double rss_after_build = 0;  ///< bytes, peak so far
  double rss_at_end = 0;       ///< bytes, peak over the whole run
  std::size_t network_bytes = 0;
  std::vector<TimedPath> paths;  ///< the first is the engine's default, the last the reference
  /// Workload-specific results (final adopters, epidemic size, agents evaluated per step).
  std::vector<std::pair<std::string, double>> extra;

  [[nodiscard]] const Spread* path(const std::string& name) const {
    for (const auto& p : paths)
      if (p.name == name) return &p.step_seconds;
    return nullptr;
  }
};

inline double ratio(double a, double b) {
  return b > 0 ? a / b : 0.0;
}

inline void print_json(const Report& r) {
  std::printf(
      "{\"workload\":\"%s\",\"agents\":%u,\"edges\":%llu,\"threads\":%u,\"steps\":%u,\"rounds\":%u,"
      "\"block_size\":%u,\"build_seconds\":%.6f,\"peak_rss_after_build_bytes\":%.0f,\"peak_rss_bytes\":%.0f,"
      "\"network_bytes\":%zu,\"paths\":{",
      r.workload.c_str(), r.agents, static_cast<unsigned long long>(r.edges), r.threads, r.steps, r.rounds,
      r.block_size, r.build_seconds, r.rss_after_build, r.rss_at_end, r.network_bytes);
  for (std::size_t i = 0; i < r.paths.size(); ++i) {
    const auto& s = r.paths[i].step_seconds;
    std::printf("%s\"%s\":{\"median\":%.9f,\"min\":%.9f,\"max\":%.9f}", i ? "," : "", r.paths[i].name.c_str(),
                s.median, s.min, s.max);
  }
  std::printf("}");
  for (const auto& [key, value] : r.extra) std::printf(",\"%s\":%.9g", key.c_str(), value);
  std::printf("}\n");
}

inline void print_table(const Report& r) {
  constexpr double MB = 1024.0 * 1024.0;
  const double n = r.agents, visits = 2.0 * static_cast<double>(r.edges);
  std::printf("%s: N = %u, E = %llu (mean degree %.2f), %u steps, %u rounds, %u threads, block %u\n",
              r.workload.c_str(), r.agents, static_cast<unsigned long long>(r.edges),
              n > 0 ? visits / n : 0.0, r.steps, r.rounds, r.threads, r.block_size);
  std::printf("world build        %10.3f s\n", r.build_seconds);
  std::printf("peak RSS           %10.1f MB after build, %.1f MB at end\n", r.rss_after_build / MB,
              r.rss_at_end / MB);
  std::printf("peak RSS per agent %10.1f B after build, %.1f B at end\n", ratio(r.rss_after_build, n),
              ratio(r.rss_at_end, n));
  std::printf("network (CSR)      %10.1f MB = %.1f B per agent, %.2f B per edge\n",
              static_cast<double>(r.network_bytes) / MB, ratio(static_cast<double>(r.network_bytes), n),
              ratio(static_cast<double>(r.network_bytes), static_cast<double>(r.edges)));
  std::printf("\n%-12s %12s %12s %12s %14s %16s %10s\n", "path", "s/step med", "min", "max", "agent-steps/s",
              "2E visits/s", "/reference");
  const double reference = r.paths.empty() ? 0.0 : r.paths.back().step_seconds.median;
  for (const auto& p : r.paths) {
    const auto& s = p.step_seconds;
    std::printf("%-12s %12.6f %12.6f %12.6f %14.3e %16.3e %10.3f\n", p.name.c_str(), s.median, s.min, s.max,
                ratio(n, s.median), ratio(visits, s.median), ratio(s.median, reference));
  }
  std::printf("\n");
  for (const auto& [key, value] : r.extra) std::printf("%-34s %.6g\n", key.c_str(), value);
}

}  // namespace missionsim::bench
