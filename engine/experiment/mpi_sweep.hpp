// Sweeps across MPI ranks (Open MPI): rank 0 hands out run indices one at a time to whichever
// rank asks next (dynamic load balancing: runs differ in length) and receives every result;
// the other ranks run. Only rank 0 touches the journal and the output file, so the file is
// the one a single-machine sweep writes. Compiled only when MPI is found.
#pragma once

#include "engine/experiment/local_executor.hpp"

#include <span>

namespace missionsim {

/// True if this process was started by an MPI launcher (mpirun, or srun --mpi=pmix), so a
/// plain `missionsim sweep` never initialises MPI.
bool launched_by_mpi();

/// MPI_Init_thread on construction, MPI_Finalize on destruction; one per process.
class MpiSession {
 public:
  MpiSession();
  ~MpiSession();
  MpiSession(const MpiSession&) = delete;
  MpiSession& operator=(const MpiSession&) = delete;
  MpiSession(MpiSession&&) = delete;
  MpiSession& operator=(MpiSession&&) = delete;

  [[nodiscard]] int rank() const noexcept { return rank_; }
  [[nodiscard]] int size() const noexcept { return size_; }
  /// Threads for a running rank: the node's cores divided by the running ranks on the node
  /// (rank 0 only coordinates, so it does not count), at least 1.
  [[nodiscard]] unsigned threads_per_rank() const noexcept { return threads_; }
  /// True on every rank if `mine` is true on every rank (a collective call).
  [[nodiscard]] bool all(bool mine) const;

 private:
  int rank_ = 0;
  int size_ = 1;
  unsigned threads_ = 1;
};

/// Runs `runs` (read on rank 0 only) over the ranks of `session`, each run with `threads`
/// threads (0: session.threads_per_rank()); `sink` is called on rank 0 only, in the order
/// results arrive. With one rank, runs locally. If a run throws on any rank, the job is aborted
/// (MPI_Abort) after the message is printed: the journal keeps what finished.
void run_distributed(const MpiSession& session, std::span<const std::uint32_t> runs, unsigned threads,
                     const RunFunction& run, const ResultSink& sink);

}  // namespace missionsim
