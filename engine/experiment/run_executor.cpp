#include "engine/experiment/run_executor.hpp"

#include "engine/experiment/local_executor.hpp"
#ifdef MISSIONSIM_HAVE_MPI
#include "engine/experiment/mpi_sweep.hpp"
#endif

namespace missionsim {

namespace {

class ThreadExecutor final : public RunExecutor {
 public:
  explicit ThreadExecutor(unsigned threads) : threads_(threads) {}
  [[nodiscard]] bool coordinates() const noexcept override { return true; }
  [[nodiscard]] bool all(bool mine) const override { return mine; }
  void execute(std::span<const std::uint32_t> runs, const RunFunction& run, const ResultSink& sink) override {
    run_locally(runs, threads_, run, sink);
  }

 private:
  unsigned threads_;
};

#ifdef MISSIONSIM_HAVE_MPI
class MpiExecutor final : public RunExecutor {
 public:
  explicit MpiExecutor(unsigned threads) : threads_(threads) {}
  [[nodiscard]] bool coordinates() const noexcept override { return session_.rank() == 0; }
  [[nodiscard]] bool all(bool mine) const override { return session_.all(mine); }
  void execute(std::span<const std::uint32_t> runs, const RunFunction& run, const ResultSink& sink) override {
    run_distributed(session_, runs, threads_, run, sink);
  }

 private:
  MpiSession session_;
  unsigned threads_;
};
#endif

}  // namespace

std::vector<std::uint32_t> run_indices(std::size_t count) {
  std::vector<std::uint32_t> out(count);
  for (std::size_t i = 0; i < count; ++i) out[i] = static_cast<std::uint32_t>(i);
  return out;
}

std::unique_ptr<RunExecutor> thread_executor(unsigned threads) {
  return std::make_unique<ThreadExecutor>(threads);
}

std::unique_ptr<RunExecutor> process_executor(unsigned threads) {
#ifdef MISSIONSIM_HAVE_MPI
  if (launched_by_mpi()) return std::make_unique<MpiExecutor>(threads);
#endif
  return thread_executor(threads);
}

}  // namespace missionsim
