#include "bench/contagion_ba/reference_kernel.hpp"

#include <algorithm>

namespace missionsim::bench {

namespace {
std::uint32_t max_degree(std::span<const std::uint64_t> offsets) {
  std::uint64_t d = 0;
  for (std::size_t v = 0; v + 1 < offsets.size(); ++v) d = std::max(d, offsets[v + 1] - offsets[v]);
  return static_cast<std::uint32_t>(d);
}
}  // namespace

SirReference::SirReference(std::span<const std::uint64_t> offsets, std::span<const std::uint32_t> targets,
                           SirParams p, StreamKey key)
    : offsets_(offsets),
      targets_(targets),
      recovery_(p.recovery),
      draws_(key),
      infection_(infection_probabilities(p.transmission, max_degree(offsets))),
      current_(offsets.empty() ? 0 : offsets.size() - 1),
      next_(current_.size()) {}

void SirReference::reset(std::span<const std::uint8_t> state) {
  std::copy(state.begin(), state.end(), current_.begin());
  infected_ =
      static_cast<std::uint64_t>(std::count(current_.begin(), current_.end(), std::uint8_t{infected}));
  recovered_ =
      static_cast<std::uint64_t>(std::count(current_.begin(), current_.end(), std::uint8_t{recovered}));
}

void SirReference::step(std::uint32_t t) {
  const std::size_t n = current_.size();
  const std::uint8_t* cur = current_.data();
  std::uint8_t* next = next_.data();
  const std::uint64_t* offsets = offsets_.data();
  const std::uint32_t* targets = targets_.data();
  const double* infection = infection_.data();
  std::int64_t infected_change = 0;
  std::uint64_t recoveries = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint8_t s = cur[i];
    if (s == susceptible) {
      std::uint32_t k = 0;
      for (std::uint64_t e = offsets[i]; e < offsets[i + 1]; ++e) k += cur[targets[e]] == infected;
      const bool caught = k > 0 && draws_.uniform(t, i, 0) < infection[k];
      next[i] = caught ? infected : susceptible;
      infected_change += caught;
    } else if (s == infected) {
      const bool recovers = draws_.uniform(t, i, 0) < recovery_;
      next[i] = recovers ? recovered : infected;
      infected_change -= recovers;
      recoveries += recovers;
    } else {
      next[i] = recovered;
    }
  }
  current_.swap(next_);
  infected_ = static_cast<std::uint64_t>(static_cast<std::int64_t>(infected_) + infected_change);
  recovered_ += recoveries;
}

}  // namespace missionsim::bench
