#include "bench/threshold_ba/reference_kernel.hpp"

#include <algorithm>
#include <cstddef>

namespace missionsim::bench {

ThresholdReference::ThresholdReference(std::span<const std::uint64_t> offsets,
                                       std::span<const std::uint32_t> targets, double theta,
                                       std::span<const double> thresholds)
    : offsets_(offsets),
      targets_(targets),
      theta_(theta),
      thresholds_(thresholds),
      current_(offsets.empty() ? 0 : offsets.size() - 1),
      next_(current_.size()) {}

void ThresholdReference::reset(std::span<const std::uint8_t> adopted) {
  std::copy(adopted.begin(), adopted.end(), current_.begin());
  adopters_ = static_cast<std::uint64_t>(std::count(current_.begin(), current_.end(), std::uint8_t{1}));
  edge_visits_ = 0;
}

std::uint64_t ThresholdReference::step() {
  const std::size_t n = current_.size();
  const std::uint8_t* cur = current_.data();
  std::uint8_t* next = next_.data();
  const std::uint64_t* offsets = offsets_.data();
  const std::uint32_t* targets = targets_.data();
  const bool per_person = !thresholds_.empty();
  std::uint64_t fresh = 0;
  std::uint64_t visits = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (cur[i]) {
      next[i] = 1;
      continue;
    }
    const std::uint64_t begin = offsets[i], end = offsets[i + 1];
    std::uint32_t adopting = 0;
    for (std::uint64_t e = begin; e < end; ++e) adopting += cur[targets[e]];
    visits += end - begin;
    // The same comparison as the model (share as a correctly rounded quotient), so the two
    // agree bit for bit even where adopting = θ·d exactly.
    const double theta = per_person ? thresholds_[i] : theta_;
    const bool adopt =
        end > begin && static_cast<double>(adopting) / static_cast<double>(end - begin) >= theta;
    next[i] = adopt;
    fresh += adopt;
  }
  current_.swap(next_);
  adopters_ += fresh;
  edge_visits_ += visits;
  return fresh;
}

}  // namespace missionsim::bench
