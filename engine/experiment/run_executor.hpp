// The one executor of whole runs, for every experiment driver: runs in threads of this process
// (oneTBB, one arena shared with the steps inside each run), or across the ranks of an MPI job.
// A shard of a job array is a selection of runs (SweepPlan::runs_of) given to either. The steps
// inside a run have their own executor (engine/schedule), which this one leaves as it is.
#pragma once

#include "engine/experiment/run_result.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <vector>

namespace missionsim {

/// Runs one run (by index), with at most `threads` threads inside it.
using RunFunction = std::function<RunResult(std::uint32_t run, unsigned threads)>;
/// Takes each finished run; calls are serialised.
using ResultSink = std::function<void(RunResult&& result)>;

class RunExecutor {
 public:
  virtual ~RunExecutor() = default;
  RunExecutor() = default;
  RunExecutor(const RunExecutor&) = delete;
  RunExecutor& operator=(const RunExecutor&) = delete;
  RunExecutor(RunExecutor&&) = delete;
  RunExecutor& operator=(RunExecutor&&) = delete;

  /// True on the process that receives the results and writes the outputs: always, but on the
  /// ranks of an MPI job that only run.
  [[nodiscard]] virtual bool coordinates() const noexcept = 0;
  /// True on every process if `mine` is true on every process (collective under MPI): a verdict
  /// the coordinator reached alone (say, the output file is refused) that all must follow.
  [[nodiscard]] virtual bool all(bool mine) const = 0;
  /// Runs every index in `runs` (read on the coordinator only), handing each result to `sink` on
  /// the coordinator as it finishes. In threads, the first exception of a run or the sink cancels
  /// the runs not yet started and is rethrown; under MPI it aborts the job after its message.
  virtual void execute(std::span<const std::uint32_t> runs, const RunFunction& run,
                       const ResultSink& sink) = 0;
};

/// The indices 0, 1, ..., count − 1: every run of an experiment that runs them all.
std::vector<std::uint32_t> run_indices(std::size_t count);

/// Threads of this process: `threads` in all (0 = every core), across runs and inside them.
std::unique_ptr<RunExecutor> thread_executor(unsigned threads);

/// MPI ranks if this process was started by an MPI launcher (mpirun, srun --mpi=pmix) and MPI
/// is built in, each running rank with `threads` threads (0 = the node's cores shared among its
/// running ranks); otherwise thread_executor(threads). At most one per process (it owns
/// MPI_Init and MPI_Finalize).
std::unique_ptr<RunExecutor> process_executor(unsigned threads);

}  // namespace missionsim
