// The runs of a sweep: every design point times every replicate, each with a seed derived from
// the base seed and the run index alone, so a run's result never depends on which thread, rank
// or shard ran it. Shards of a job array take every N-th run.
#pragma once

#include "engine/experiment/design.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace missionsim {

/// The I-th of N shares of a sweep (--shard I/N); {0, 1} is the whole sweep.
struct Shard {
  std::uint32_t index = 0;
  std::uint32_t count = 1;
};

/// Parses "I/N" with 0 <= I < N. InputError naming "--shard" otherwise.
Shard parse_shard(std::string_view text);

class SweepPlan {
 public:
  /// Run r is replicate r % replicates of design point r / replicates.
  SweepPlan(Design design, std::uint32_t replicates, std::uint64_t base_seed);

  [[nodiscard]] const Design& design() const noexcept { return design_; }
  [[nodiscard]] std::uint32_t replicates() const noexcept { return replicates_; }
  [[nodiscard]] std::uint64_t base_seed() const noexcept { return base_seed_; }
  [[nodiscard]] std::uint32_t run_count() const noexcept { return run_count_; }
  [[nodiscard]] std::uint32_t point_of(std::uint32_t run) const noexcept { return run / replicates_; }
  [[nodiscard]] std::uint32_t replicate_of(std::uint32_t run) const noexcept { return run % replicates_; }
  /// A seed for run `run`: SplitMix64 of the base seed and the run index, kept below 2^62 so it
  /// is a valid scenario.seed (`missionsim run --seed` repeats the run on its own).
  [[nodiscard]] std::uint64_t seed_of(std::uint32_t run) const noexcept;
  /// The runs of one shard: run r belongs to shard r % count, so long and short runs spread evenly.
  [[nodiscard]] std::vector<std::uint32_t> runs_of(Shard shard) const;
  /// A text that is the same exactly when two plans (with the same scenario text and shard) make
  /// the same runs: method, samples, replicates, seed, keys and a hash of every value's bits.
  [[nodiscard]] std::string fingerprint() const;

 private:
  Design design_;
  std::uint32_t replicates_;
  std::uint64_t base_seed_;
  std::uint32_t run_count_;
};

}  // namespace missionsim
