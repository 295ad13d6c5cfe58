#include "engine/experiment/local_executor.hpp"

#include "engine/schedule/step_executor.hpp"

#include <tbb/blocked_range.h>
#include <tbb/global_control.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <mutex>

namespace missionsim {

void run_locally(std::span<const std::uint32_t> runs, unsigned threads, const RunFunction& run,
                 const ResultSink& sink) {
  const unsigned n = threads == 0 ? available_cores() : threads;
  // One pool of n threads for both levels: a run's own arena draws workers from it only when
  // other runs leave them idle (near the end of a sweep, or with fewer runs than threads).
  const tbb::global_control limit(tbb::global_control::max_allowed_parallelism, n);
  std::mutex sink_mutex;
  tbb::task_arena arena(static_cast<int>(n));
  arena.execute([&] {
    tbb::parallel_for(
        tbb::blocked_range<std::size_t>(0, runs.size(), 1),
        [&](const tbb::blocked_range<std::size_t>& range) {
          for (std::size_t i = range.begin(); i != range.end(); ++i) {
            RunResult result = run(runs[i], n);
            const std::lock_guard lock(sink_mutex);
            sink(std::move(result));
          }
        },
        tbb::simple_partitioner());
  });
}

}  // namespace missionsim
