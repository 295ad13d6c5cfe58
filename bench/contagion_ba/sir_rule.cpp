#include "bench/contagion_ba/sir_rule.hpp"

#include <algorithm>

namespace missionsim::bench {

std::vector<std::uint32_t> initial_infected(std::uint32_t population, std::uint32_t count, std::uint64_t seed,
                                            std::uint32_t run) {
  count = std::min(count, population);
  PhiloxEngine rng(StreamKey{seed, run, sir_initial_stream});
  std::vector<std::uint32_t> ids;
  while (ids.size() < count) {
    const auto v = static_cast<std::uint32_t>(rng.below(population));
    if (std::find(ids.begin(), ids.end(), v) == ids.end()) ids.push_back(v);
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

}  // namespace missionsim::bench
