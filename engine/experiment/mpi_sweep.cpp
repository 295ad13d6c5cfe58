#include "engine/experiment/mpi_sweep.hpp"

#include "engine/core/error.hpp"
#include "engine/schedule/step_executor.hpp"

#include <mpi.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

namespace missionsim {

namespace {

enum Tag : int { tag_ready = 1, tag_result = 2, tag_work = 3, tag_stop = 4 };

void check(int code, const char* what) {
  if (code != MPI_SUCCESS) throw IoError(std::string("MPI: ") + what + " failed");
}

[[noreturn]] void abort_job(const std::exception& e) {
  std::fprintf(stderr, "error: %s\n", e.what());
  MPI_Abort(MPI_COMM_WORLD, dynamic_cast<const InputError*>(&e) ? 2 : 1);
  std::abort();
}

void coordinate(int ranks, std::span<const std::uint32_t> runs, const ResultSink& sink) {
  std::size_t next = 0;
  int stopped = 0;
  std::vector<char> buffer;
  while (stopped < ranks - 1) {
    MPI_Status status;
    int arrived = 0;
    check(MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &arrived, &status), "MPI_Iprobe");
    if (!arrived) {
      // Polling with a short sleep instead of a blocking receive: Open MPI's blocking calls spin,
      // and this rank would take a core from the ranks that run.
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
      continue;
    }
    int bytes = 0;
    check(MPI_Get_count(&status, MPI_CHAR, &bytes), "MPI_Get_count");
    buffer.resize(static_cast<std::size_t>(bytes));
    check(MPI_Recv(buffer.data(), bytes, MPI_CHAR, status.MPI_SOURCE, status.MPI_TAG, MPI_COMM_WORLD,
                   MPI_STATUS_IGNORE),
          "MPI_Recv");
    if (status.MPI_TAG == tag_result) sink(decode_run_result(std::span(buffer.data(), buffer.size())));
    if (next < runs.size()) {
      const std::uint32_t run = runs[next++];
      check(MPI_Send(&run, 1, MPI_UINT32_T, status.MPI_SOURCE, tag_work, MPI_COMM_WORLD), "MPI_Send");
    } else {
      check(MPI_Send(nullptr, 0, MPI_UINT32_T, status.MPI_SOURCE, tag_stop, MPI_COMM_WORLD), "MPI_Send");
      ++stopped;
    }
  }
}

void work(unsigned threads, const RunFunction& run) {
  std::string message;
  int tag = tag_ready;
  for (;;) {
    check(MPI_Send(message.data(), static_cast<int>(message.size()), MPI_CHAR, 0, tag, MPI_COMM_WORLD),
          "MPI_Send");
    std::uint32_t index = 0;
    MPI_Status status;
    check(MPI_Recv(&index, 1, MPI_UINT32_T, 0, MPI_ANY_TAG, MPI_COMM_WORLD, &status), "MPI_Recv");
    if (status.MPI_TAG == tag_stop) return;
    message = encode_run_result(run(index, threads));
    tag = tag_result;
  }
}

}  // namespace

bool launched_by_mpi() {
  for (const char* v : {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_SIZE"})
    if (std::getenv(v) != nullptr) return true;
  return false;
}

MpiSession::MpiSession() {
  int provided = 0;
  check(MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided), "MPI_Init_thread");
  MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &size_);
  MPI_Comm node;
  check(MPI_Comm_split_type(MPI_COMM_WORLD, MPI_COMM_TYPE_SHARED, rank_, MPI_INFO_NULL, &node),
        "MPI_Comm_split_type");
  int on_node = 0;
  int coordinator_here = 0;
  const int am_coordinator = rank_ == 0 && size_ > 1 ? 1 : 0;
  MPI_Comm_size(node, &on_node);
  MPI_Allreduce(&am_coordinator, &coordinator_here, 1, MPI_INT, MPI_MAX, node);
  MPI_Comm_free(&node);
  const int running = std::max(1, on_node - coordinator_here);
  threads_ = std::max(1U, available_cores() / static_cast<unsigned>(running));
}

MpiSession::~MpiSession() {
  MPI_Finalize();
}

bool MpiSession::all(bool mine) const {
  int in = mine ? 1 : 0;
  int out = 0;
  MPI_Allreduce(&in, &out, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD);
  return out == 1;
}

void run_distributed(const MpiSession& session, std::span<const std::uint32_t> runs, unsigned threads,
                     const RunFunction& run, const ResultSink& sink) {
  const unsigned per_run = threads != 0 ? threads : session.threads_per_rank();
  if (session.size() == 1) return run_locally(runs, per_run, run, sink);
  try {
    if (session.rank() == 0)
      coordinate(session.size(), runs, sink);
    else
      work(per_run, run);
  } catch (const std::exception& e) {
    abort_job(e);
  }
}

}  // namespace missionsim
