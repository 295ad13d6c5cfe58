// The sweep driver: a design of parameter points × replicates run through the run executor
// (threads, or MPI ranks under mpirun; one shard of a job array with --shard), journaled so a
// killed sweep resumes, and written to one HDF5 file by the coordinating process.
#pragma once

#include "engine/experiment/design.hpp"
#include "engine/experiment/sweep_plan.hpp"
#include "models/experiments/request.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace missionsim::model {

struct SweepRequest {
  ScenarioRequest scenario;  ///< the base scenario; seed: the base seed of the runs
  std::string method = "lhs";
  std::vector<std::string> params;    ///< key.path=LO:HI
  std::filesystem::path design_file;  ///< instead of params
  std::uint32_t samples = 0;
  std::uint32_t replicates = 1;
  std::optional<std::filesystem::path> output;  ///< absent: results/STEM-sweep.h5
  std::string shard;                            ///< "I/N"; empty: the whole sweep
  unsigned threads = 0;
  bool force = false;
  std::string command_line;  ///< stored in the file
};

struct SweepReport {
  bool coordinator = true;  ///< false on an MPI rank that only ran: nothing below is set
  bool refused = false;     ///< on such a rank: the coordinator refused the sweep (its error says why)
  std::string scenario_name;
  DesignMethod method = DesignMethod::lhs;
  std::size_t points = 0;
  std::uint32_t replicates = 0, run_count = 0;
  Shard shard;
  std::uint32_t shard_runs = 0, recovered = 0;  ///< this shard's runs; of them, kept from the journal
  double wall_seconds = 0;
  std::filesystem::path output;
};

/// Runs done and the total of this shard; first called with the runs kept from the journal,
/// before any run. Called on the coordinator only, never from two threads at once.
using SweepProgress = std::function<void(std::uint32_t done, std::uint32_t total)>;

/// InputError (exit 2, no file, no journal) for a bad design, key or value, checked at every
/// point before anything runs, and for an output the target rules refuse.
SweepReport run_sweep(const SweepRequest& request, const SweepProgress& progress = {});

}  // namespace missionsim::model
