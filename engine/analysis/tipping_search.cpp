#include "engine/analysis/tipping_search.hpp"

#include "engine/core/error.hpp"
#include "engine/rng/philox_stream.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace missionsim {

double WithdrawalPoint::probability() const {
  if (sustained.empty()) return 0.0;
  return static_cast<double>(std::accumulate(sustained.begin(), sustained.end(), 0u)) /
         static_cast<double>(sustained.size());
}

namespace {
std::optional<std::uint32_t> first_reaching(const std::vector<WithdrawalPoint>& points,
                                            const std::vector<double>& probability, double level) {
  for (std::size_t k = 0; k < points.size(); ++k)
    if (probability[k] >= level) return points[k].step;
  return std::nullopt;
}
}  // namespace

TippingSearch find_tipping_step(const std::vector<std::uint32_t>& grid, const TippingSearchSettings& settings,
                                const std::function<std::vector<std::uint8_t>(std::uint32_t)>& sustained) {
  if (grid.empty() || !std::is_sorted(grid.begin(), grid.end()) ||
      std::adjacent_find(grid.begin(), grid.end()) != grid.end())
    throw InternalError("find_tipping_step: the grid must be ascending, without repeats");
  TippingSearch out;
  const auto evaluate = [&](std::uint32_t step) -> const WithdrawalPoint& {
    out.points.push_back({step, sustained(step)});
    if (out.points.back().sustained.size() != out.points.front().sustained.size())
      throw InternalError("find_tipping_step: replicates differ between steps");
    return out.points.back();
  };
  std::optional<std::size_t> crossing;
  for (std::size_t k = 0; k < grid.size(); ++k)
    if (evaluate(grid[k]).probability() >= settings.level && !crossing) crossing = k;
  if (crossing && *crossing > 0) {
    std::uint32_t below = grid[*crossing - 1], reaching = grid[*crossing];
    while (reaching - below > 1) {
      const std::uint32_t mid = below + (reaching - below) / 2;
      (evaluate(mid).probability() >= settings.level ? reaching : below) = mid;
    }
  }
  std::sort(out.points.begin(), out.points.end(),
            [](const WithdrawalPoint& a, const WithdrawalPoint& b) { return a.step < b.step; });
  std::vector<double> probability;
  for (const auto& p : out.points) probability.push_back(p.probability());
  out.step = first_reaching(out.points, probability, settings.level);

  // Bootstrap over replicates: resample R of them with replacement, recompute every evaluated
  // step's probability and take the first reaching the level.
  const std::size_t replicates = out.points.front().sustained.size();
  if (replicates == 0 || settings.bootstrap == 0) return out;
  const PhiloxStream draws(StreamKey{settings.seed, 0, 0x7199u});
  std::vector<std::uint32_t> tips;  // resamples that tip, by their step
  std::vector<std::size_t> pick(replicates);
  for (std::uint32_t b = 0; b < settings.bootstrap; ++b) {
    for (std::size_t r = 0; r < replicates; ++r)
      pick[r] = std::min(replicates - 1,
                         static_cast<std::size_t>(draws.uniform(b, r, 0) * static_cast<double>(replicates)));
    for (std::size_t k = 0; k < out.points.size(); ++k) {
      std::size_t count = 0;
      for (const auto r : pick) count += out.points[k].sustained[r];
      probability[k] = static_cast<double>(count) / static_cast<double>(replicates);
    }
    if (const auto tip = first_reaching(out.points, probability, settings.level)) tips.push_back(*tip);
  }
  std::sort(tips.begin(), tips.end());
  // Resamples that never tip count as later than every step.
  const auto quantile = [&](double q) -> std::optional<std::uint32_t> {
    const auto rank = static_cast<std::size_t>(std::floor(q * static_cast<double>(settings.bootstrap - 1)));
    if (rank >= tips.size()) return std::nullopt;
    return tips[rank];
  };
  out.low = quantile(0.025);
  out.high = quantile(0.975);
  return out;
}

}  // namespace missionsim
