#include "models/population/population.hpp"

#include "engine/rng/philox_stream.hpp"
#include "models/world/stream_ids.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>

namespace missionsim::model {

std::vector<std::uint32_t> region_starts(std::uint32_t n, std::span<const RegionParams> regions) {
  std::vector<std::uint32_t> starts{0};
  if (regions.empty()) {
    starts.push_back(n);
    return starts;
  }
  std::vector<std::uint32_t> counts(regions.size());
  std::vector<std::pair<double, std::size_t>> remainders;
  std::uint64_t assigned = 0;
  for (std::size_t r = 0; r < regions.size(); ++r) {
    const double exact = regions[r].share * n;
    counts[r] = static_cast<std::uint32_t>(std::floor(exact));
    assigned += counts[r];
    remainders.emplace_back(exact - counts[r], r);
  }
  std::stable_sort(remainders.begin(), remainders.end(), [](auto a, auto b) { return a.first > b.first; });
  for (std::size_t i = 0; assigned < n; ++i, ++assigned) ++counts[remainders[i % remainders.size()].second];
  for (const auto c : counts) starts.push_back(starts.back() + c);
  return starts;
}

namespace {
// Cumulative persons over the quintile × band cells of each region, for drawing a person's cell
// from the region's conditional distribution.
std::vector<std::vector<double>> cumulative_cells(const PopulationParams& p) {
  std::vector<std::vector<double>> out(p.regions.size());
  for (std::size_t r = 0; r < p.regions.size(); ++r) {
    double sum = 0;
    for (int q = 0; q < quintile_count; ++q)
      for (std::size_t b = 0; b < p.age_bands.size(); ++b)
        out[r].push_back(sum += p.joint_persons[p.cell(r, q, b)]);
  }
  return out;
}

std::size_t pick(double u, const auto& items) {
  double cumulative = 0;
  for (std::size_t i = 0; i + 1 < items.size(); ++i) {
    cumulative += items[i].share;
    if (u < cumulative) return i;
  }
  return items.size() - 1;
}
}  // namespace

Population::Population(PopulationParams params, std::uint64_t seed, std::uint32_t run)
    : params_(std::move(params)) {
  const std::uint32_t n = params_.size;
  region_.resize(n);
  quintile_.resize(n);
  age_band_.resize(n);
  risks_.assign(n, 0);
  onset_risk_.resize(n);

  region_starts_ = model::region_starts(n, params_.regions);
  for (std::size_t r = 0; r + 1 < region_starts_.size(); ++r)
    std::fill(region_.begin() + region_starts_[r], region_.begin() + region_starts_[r + 1],
              static_cast<std::uint16_t>(r));

  // Prevalence of each risk factor per quintile: geometric gradient with the given mean.
  const auto& risks = params_.risk_factors;
  std::vector<std::array<double, quintile_count>> prevalence(risks.size());
  for (std::size_t k = 0; k < risks.size(); ++k) {
    double mean = 0;
    for (int q = 0; q < quintile_count; ++q)
      mean += quintile_gradient(risks[k].prevalence_ratio, q) / quintile_count;
    for (int q = 0; q < quintile_count; ++q)
      prevalence[k][q] =
          std::min(1.0, risks[k].prevalence * quintile_gradient(risks[k].prevalence_ratio, q) / mean);
  }

  // With a joint table, draw 0 picks the person's quintile × band cell within their region and
  // draw 1 goes unused, so the risk-factor draws keep their numbers either way.
  const bool joint = !params_.joint_persons.empty();
  const auto cells = joint ? cumulative_cells(params_) : std::vector<std::vector<double>>{};
  const std::size_t bands = params_.age_bands.size();

  const PhiloxStream rng(stream_key(seed, run, StreamPurpose::population, "citizens"));
  for (std::uint32_t i = 0; i < n; ++i) {
    std::uint8_t q = 0;
    if (joint) {
      const auto& cumulative = cells[region_[i]];
      // upper_bound skips empty cells: a draw never lands where the table has nobody.
      const auto at =
          std::upper_bound(cumulative.begin(), cumulative.end(), rng.uniform(0, i, 0) * cumulative.back());
      const auto c = std::min(static_cast<std::size_t>(at - cumulative.begin()), cumulative.size() - 1);
      q = static_cast<std::uint8_t>(c / bands);
      age_band_[i] = static_cast<std::uint8_t>(c % bands);
    } else {
      q = static_cast<std::uint8_t>(std::min(4.0, std::floor(rng.uniform(0, i, 0) * quintile_count)));
      age_band_[i] = static_cast<std::uint8_t>(pick(rng.uniform(0, i, 1), params_.age_bands));
    }
    quintile_[i] = q;
    double rr = params_.regions[region_[i]].onset_multiplier *
                params_.age_bands[age_band_[i]].onset_multiplier *
                quintile_gradient(params_.deprivation.onset_ratio, q);
    for (std::size_t k = 0; k < risks.size(); ++k) {
      if (rng.uniform(0, i, static_cast<std::uint32_t>(2 + k)) < prevalence[k][q]) {
        risks_[i] |= 1u << k;
        rr *= risks[k].onset_multiplier;
      }
    }
    onset_risk_[i] = static_cast<float>(rr);
  }
}

std::vector<std::string> Population::region_labels() const {
  std::vector<std::string> out;
  for (const auto& r : params_.regions) out.push_back(r.name);
  return out;
}

std::vector<std::string> Population::quintile_labels() {
  return {"q1", "q2", "q3", "q4", "q5"};
}

std::vector<std::string> Population::age_band_labels() const {
  std::vector<std::string> out;
  for (const auto& b : params_.age_bands) out.push_back(b.name);
  return out;
}

}  // namespace missionsim::model
