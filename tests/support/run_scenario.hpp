// Runs a scenario in memory for tests: the same path as `missionsim run`, with a
// MemoryRecorder in place of the HDF5 file.
#pragma once

#include "engine/io/memory_recorder.hpp"
#include "models/composition/simulation.hpp"

#include <cstring>
#include <memory>

namespace missionsim::test {

inline std::unique_ptr<MemoryRecorder> run_in_memory(const model::Scenario& s, unsigned threads,
                                                     std::uint32_t block_size = 0,
                                                     StepObserver* observer = nullptr) {
  model::RunSettings settings;
  settings.seed = s.seed;
  settings.threads = threads;
  settings.block_size = block_size;
  model::Simulation sim(s, settings);
  auto rec = std::make_unique<MemoryRecorder>();
  rec->begin(sim.recording_header("test"));
  sim.run(*rec, observer);
  rec->finish();
  return rec;
}

/// True when every metric of every step is bit-identical (NaN where the other has the same NaN).
inline bool same_series(const MemoryRecorder& a, const MemoryRecorder& b) {
  if (a.header().metrics.size() != b.header().metrics.size()) return false;
  for (const auto& m : a.header().metrics) {
    const auto x = a.series(m.dataset_name(), 0), y = b.series(m.dataset_name(), 0);
    if (x.size() != y.size() || std::memcmp(x.data(), y.data(), x.size() * sizeof(double)) != 0) return false;
  }
  return true;
}

}  // namespace missionsim::test
