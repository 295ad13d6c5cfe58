#include "models/stakeholders/stakeholders.hpp"

#include "engine/core/error.hpp"
#include "engine/core/seatbelt.hpp"
#include "engine/network/csr_builder.hpp"
#include "engine/rng/philox_stream.hpp"
#include "models/world/stream_ids.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <utility>

namespace missionsim::model {

namespace {
float spread_draw(double mean, double spread, double u) {
  return static_cast<float>(std::clamp(mean + spread * (2.0 * u - 1.0), 0.0, 1.0));
}
}  // namespace

Stakeholders::Stakeholders(const StakeholderParams& params, const Population& population, std::uint64_t seed,
                           std::uint32_t run)
    : scale_(population.scale()), seed_(seed), run_(run) {
  place_organisations(params, population.region_starts().size() - 1, seed, run);
  build_collaboration(params.network, seed, run);
  assign_patients(population, seed, run);
}

void Stakeholders::place_organisations(const StakeholderParams& params, std::size_t region_count,
                                       std::uint64_t seed, std::uint32_t run) {
  const std::uint32_t total = params.organisation_count();
  if (total > max_organisations)
    throw InternalError("stakeholders: " + std::to_string(total) + " organisations exceed the limit of " +
                        std::to_string(max_organisations) + " (read_stakeholders reports this)");
  for (auto* column : {&resources_, &capacity_}) column->reserve(total);
  type_.reserve(total);
  region_.reserve(total);
  engagement_.reserve(total);
  incumbency_.reserve(total);
  labels_.reserve(total);

  for (const auto& g : params.groups) {
    if (g.region != national_region && (g.region < 0 || static_cast<std::size_t>(g.region) >= region_count ||
                                        g.region > std::numeric_limits<std::int16_t>::max()))
      throw InternalError("stakeholder group '" + g.name + "' names region " + std::to_string(g.region) +
                          " of a population with " + std::to_string(region_count));
    group_starts_.push_back(size());
    // Keyed by the group's name, so adding a group leaves the other groups' draws unchanged.
    const PhiloxStream draws(stream_key(seed, run, StreamPurpose::population, "stakeholder group " + g.name));
    const double capacity = !serves_patients(g.type) ? 0.0
                            : g.capacity > 0         ? g.capacity
                                                     : std::numeric_limits<double>::infinity();
    for (std::uint32_t k = 0; k < g.count; ++k) {
      type_.push_back(static_cast<std::uint8_t>(g.type));
      region_.push_back(static_cast<std::int16_t>(g.region));
      resources_.push_back(g.resources);
      engagement_.push_back(spread_draw(g.engagement, g.engagement_spread, draws.uniform(0, k, 0)));
      incumbency_.push_back(spread_draw(g.incumbency, g.incumbency_spread, draws.uniform(0, k, 1)));
      capacity_.push_back(capacity);
      labels_.push_back(g.count == 1 ? g.name : g.name + "#" + std::to_string(k + 1));
    }
  }
  group_starts_.push_back(size());
}

TieKind Stakeholders::tie_kind(std::uint8_t type_a, std::int16_t region_a, std::uint8_t type_b,
                               std::int16_t region_b) noexcept {
  const bool same_type = type_a == type_b;
  const bool same_region = region_a == region_b;
  if (same_type) return same_region ? TieKind::same_type_and_region : TieKind::same_type;
  return same_region ? TieKind::same_region : TieKind::across;
}

void Stakeholders::build_collaboration(const CollaborationParams& p, std::uint64_t seed, std::uint32_t run) {
  collaboration_.name = "collaboration";
  collaboration_.well_mixed = false;
  const std::uint32_t n = size();
  if (n == 0) return;

  // Pairs of each kind, from the sizes of the (type, region) cells and their margins.
  auto pairs_among = [](std::uint64_t k) { return k * (k - (k > 0 ? 1 : 0)) / 2; };
  std::map<std::pair<std::uint8_t, std::int16_t>, std::uint64_t> cell;
  std::map<std::int16_t, std::uint64_t> in_region;
  std::array<std::uint64_t, stakeholder_type_count> of_type{};
  for (std::uint32_t i = 0; i < n; ++i) {
    ++cell[{type_[i], region_[i]}];
    ++in_region[region_[i]];
    ++of_type[type_[i]];
  }
  std::uint64_t same_cell = 0, same_type = 0, same_region = 0;
  for (const auto& [key, k] : cell) same_cell += pairs_among(k);
  for (const auto k : of_type) same_type += pairs_among(k);
  for (const auto& [key, k] : in_region) same_region += pairs_among(k);
  const std::array<std::uint64_t, tie_kind_count> pairs = {
      same_cell, same_type - same_cell, same_region - same_cell,
      pairs_among(n) - same_type - same_region + same_cell};
  const std::array<double, tie_kind_count> degree = {p.within_type_and_region, p.within_type, p.within_region,
                                                     p.across};
  for (std::size_t k = 0; k < tie_kind_count; ++k)
    tie_probability_[k] =
        pairs[k] == 0 ? 0.0 : std::min(1.0, degree[k] * n / (2.0 * static_cast<double>(pairs[k])));

  // Pairs of two (type, region) cells share one tie probability, so each pair of cells is a
  // Bernoulli sequence over its pairs, walked by geometric skipping (Batagelj & Brandes 2005):
  // time linear in the ties drawn, where testing every pair took O(S²) (17.7 s for 10,000
  // organisations). Cell pair c draws from its own counter, so the ties do not depend on the
  // order of the loop.
  std::vector<std::vector<NodeId>> members;
  std::map<std::pair<std::uint8_t, std::int16_t>, std::size_t> cell_index;
  for (std::uint32_t i = 0; i < n; ++i) {
    const auto [it, fresh] = cell_index.try_emplace({type_[i], region_[i]}, members.size());
    if (fresh) members.emplace_back();
    members[it->second].push_back(i);
  }
  const PhiloxStream draws(stream_key(seed, run, StreamPurpose::network, "stakeholder collaboration"));
  std::vector<std::pair<NodeId, NodeId>> edges;
  std::uint64_t cell_pair = 0;
  for (std::size_t a = 0; a < members.size(); ++a)
    for (std::size_t b = a; b < members.size(); ++b, ++cell_pair) {
      const auto& A = members[a];
      const auto& B = members[b];
      const NodeId ia = A.front(), ib = B.front();
      const double prob = tie_probability_[static_cast<std::size_t>(
          tie_kind(type_[ia], region_[ia], type_[ib], region_[ib]))];
      if (prob <= 0) continue;
      // Pair k of the cell pair: (A[k / |B|], B[k % |B|]) across cells; within one cell the pairs
      // (x < y) row by row, row x holding the |A| − 1 − x pairs (x, x + 1 …).
      const std::uint64_t total = a == b ? pairs_among(A.size()) : std::uint64_t{A.size()} * B.size();
      std::uint64_t row = 0, row_start = 0;  // within one cell: the row of the last pair
      const auto emit_pair = [&](std::uint64_t k) {
        if (a != b) return edges.emplace_back(A[k / B.size()], B[k % B.size()]);
        while (k >= row_start + (A.size() - 1 - row)) row_start += A.size() - 1 - row++;
        return edges.emplace_back(A[row], A[row + 1 + (k - row_start)]);
      };
      if (prob >= 1) {
        for (std::uint64_t k = 0; k < total; ++k) emit_pair(k);
        continue;
      }
      const double log_miss = std::log1p(-prob);
      std::uint64_t draw = 0;
      for (double k = 0;; ++k) {
        // The gap before the next tie is geometric: floor(log(1 − U) / log(1 − p)).
        k += std::floor(std::log1p(-draws.uniform(cell_pair, draw / 4, draw % 4)) / log_miss);
        ++draw;
        if (k >= static_cast<double>(total)) break;
        emit_pair(static_cast<std::uint64_t>(k));
      }
    }
  collaboration_.graph = build_csr(n, [&edges](auto&& emit) {
    for (const auto& [u, v] : edges) emit(u, v);
  });
}

void Stakeholders::assign_patients(const Population& population, std::uint64_t seed, std::uint32_t run) {
  const std::uint32_t citizens = population.size();
  const std::uint32_t n = size();
  provider_of_.assign(citizens, no_provider);
  patient_offsets_.assign(std::size_t{n} + 1, 0);
  reached_count_.assign(n, 0);
  if (n == 0) {
    reached_.assign(citizens, 1);  // no providers: nothing limits who a practice reaches
    return;
  }

  std::vector<std::uint32_t> national;
  const auto& starts = population.region_starts();
  std::vector<std::vector<std::uint32_t>> regional(starts.size() - 1);
  for (std::uint32_t o = 0; o < n; ++o) {
    if (!serves_patients(static_cast<StakeholderType>(type_[o]))) continue;
    (region_[o] == national_region ? national : regional[static_cast<std::size_t>(region_[o])]).push_back(o);
  }

  // The citizen's provider (word 0) and their priority for capacity (word 1) are pure functions
  // of the citizen id, so another scenario with the same seed gives the same draws.
  const PhiloxStream draws(stream_key(seed, run, StreamPurpose::population, "stakeholder patients"));
  std::vector<std::uint32_t> priority(citizens);
  std::vector<double> cumulative;
  for (std::size_t r = 0; r + 1 < starts.size(); ++r) {
    const std::uint32_t first = starts[r], last = starts[r + 1];
    if (first == last) continue;
    const auto& candidates = regional[r].empty() ? national : regional[r];
    if (candidates.empty())
      throw InternalError("stakeholders: region " + std::to_string(r) +
                          " has citizens but no provider (read_stakeholders reports this)");
    // Weight: the region's real persons the provider could serve, min(capacity, all of them);
    // an unlimited provider counts as able to serve the whole region.
    const double everyone = static_cast<double>(last - first) * scale_;
    cumulative.clear();
    double sum = 0;
    for (const auto o : candidates) cumulative.push_back(sum += std::min(capacity_[o], everyone));
    for (std::uint32_t i = first; i < last; ++i) {
      const auto words = draws.block(0, i, 0);
      const double x = to_unit_interval(words[0]) * sum;
      const auto at = std::upper_bound(cumulative.begin(), cumulative.end(), x) - cumulative.begin();
      provider_of_[i] =
          candidates[std::min<std::size_t>(static_cast<std::size_t>(at), candidates.size() - 1)];
      priority[i] = static_cast<std::uint32_t>(words[1] >> 32);
    }
  }

  // Patients of each provider in compressed rows (count, then fill in id order), each row
  // sorted by priority so that capacity reaches a prefix of it.
  for (const auto o : provider_of_) ++patient_offsets_[std::size_t{o} + 1];
  for (std::uint32_t o = 0; o < n; ++o) patient_offsets_[o + 1] += patient_offsets_[o];
  patients_.resize(citizens);
  {
    std::vector<std::uint64_t> cursor(patient_offsets_.begin(), patient_offsets_.end() - 1);
    for (std::uint32_t i = 0; i < citizens; ++i) patients_[cursor[provider_of_[i]]++] = i;
  }
  for (std::uint32_t o = 0; o < n; ++o) {
    const auto row = patients_.begin() + static_cast<std::ptrdiff_t>(patient_offsets_[o]);
    const auto end = patients_.begin() + static_cast<std::ptrdiff_t>(patient_offsets_[o + 1]);
    std::sort(row, end, [&priority](std::uint32_t a, std::uint32_t b) {
      return priority[a] != priority[b] ? priority[a] < priority[b] : a < b;
    });
  }

  reached_.assign(citizens, 0);
  for (std::uint32_t o = 0; o < n; ++o) {
    reached_count_[o] = reachable(o);
    for (const auto i : patients(o).first(reached_count_[o])) reached_[i] = 1;
  }
}

std::span<const std::uint32_t> Stakeholders::patients(std::uint32_t org) const noexcept {
  return {patients_.data() + patient_offsets_[org],
          static_cast<std::size_t>(patient_offsets_[std::size_t{org} + 1] - patient_offsets_[org])};
}

std::uint32_t Stakeholders::reachable(std::uint32_t org) const noexcept {
  const auto count =
      static_cast<std::uint32_t>(patient_offsets_[std::size_t{org} + 1] - patient_offsets_[org]);
  const double can = capacity_[org] / scale_;  // simulated persons; +∞ stays +∞
  if (!(can < count)) return count;
  return static_cast<std::uint32_t>(std::llround(can));
}

void Stakeholders::add_capacity(std::uint32_t org, double extra) {
  if (org >= size() || !(extra >= 0))
    throw InternalError("add_capacity: organisation " + std::to_string(org) + " of " +
                        std::to_string(size()) + ", extra capacity " + std::to_string(extra) +
                        " (must be ≥ 0)");
  capacity_[org] += extra;
  const std::uint32_t now = reachable(org);
  MS_SEATBELT(now >= reached_count_[org], "more capacity reaches fewer patients");
  const auto row = patients(org);
  for (std::uint32_t k = reached_count_[org]; k < now; ++k) reached_[row[k]] = 1;
  reached_count_[org] = now;
}

void Stakeholders::add_ties(std::span<const std::pair<std::uint32_t, std::uint32_t>> ties) {
  const std::uint32_t n = size();
  for (const auto& [u, v] : ties)
    if (u >= n || v >= n)
      throw InternalError("add_ties: tie " + std::to_string(u) + "-" + std::to_string(v) + " among " +
                          std::to_string(n) + " organisations");
  const CsrGraph old = std::move(collaboration_.graph);
  const auto offsets = old.offsets();
  const auto targets = old.targets();
  // build_csr drops the duplicates (either orientation) and self-ties.
  collaboration_.graph = build_csr(n, [&](auto&& emit) {
    for (std::uint32_t u = 0; u < n && !offsets.empty(); ++u)
      for (auto e = offsets[u]; e < offsets[u + 1]; ++e)
        if (u < targets[e]) emit(u, targets[e]);
    for (const auto& [u, v] : ties) emit(u, v);
  });
}

std::uint32_t Stakeholders::add_cross_silo_ties(std::uint32_t count, std::string_view name) {
  const std::uint32_t n = size();
  if (n < 2 || count == 0) return 0;
  const auto offsets = collaboration_.graph.offsets();
  const auto targets = collaboration_.graph.targets();
  auto tied = [&](std::uint32_t u, std::uint32_t v) {
    if (offsets.empty()) return false;
    const auto row = targets.subspan(offsets[u], offsets[u + 1] - offsets[u]);
    return std::binary_search(row.begin(), row.end(), v);
  };
  const PhiloxStream draws(
      stream_key(seed_, run_, StreamPurpose::network, "coordination " + std::string(name)));
  std::set<std::pair<std::uint32_t, std::uint32_t>> chosen;
  const std::uint64_t attempts = 64 * std::uint64_t{count} + 1024;
  for (std::uint64_t k = 0; k < attempts && chosen.size() < count; ++k) {
    const auto words = draws.block(0, k, 0);
    auto u = static_cast<std::uint32_t>(to_unit_interval(words[0]) * n);
    auto v = static_cast<std::uint32_t>(to_unit_interval(words[1]) * n);
    u = std::min(u, n - 1);
    v = std::min(v, n - 1);
    if (u > v) std::swap(u, v);
    if (tie_kind(type_[u], region_[u], type_[v], region_[v]) != TieKind::across) continue;
    if (!tied(u, v)) chosen.emplace(u, v);
  }
  const std::vector<std::pair<std::uint32_t, std::uint32_t>> ties(chosen.begin(), chosen.end());
  add_ties(ties);
  return static_cast<std::uint32_t>(chosen.size());
}

void Stakeholders::raise_engagement(double gain) {
  if (!(gain >= 0)) throw InternalError("raise_engagement: gain " + std::to_string(gain) + " (must be ≥ 0)");
  for (auto& e : engagement_) e = static_cast<float>(std::min(1.0, static_cast<double>(e) + gain));
}

void Stakeholders::raise_engagement(double gain, std::span<const std::uint32_t> organisations) {
  if (!(gain >= 0)) throw InternalError("raise_engagement: gain " + std::to_string(gain) + " (must be ≥ 0)");
  for (const auto o : organisations)
    engagement_[o] = static_cast<float>(std::min(1.0, static_cast<double>(engagement_[o]) + gain));
}

std::vector<std::uint32_t> Stakeholders::members_of_types(StakeholderTypeMask mask) const {
  std::vector<std::uint32_t> out;
  for (std::uint32_t o = 0; o < size(); ++o)
    if (mask & type_mask(static_cast<StakeholderType>(type_[o]))) out.push_back(o);
  return out;
}

std::vector<std::string> Stakeholders::type_labels() {
  const auto& names = stakeholder_type_names();
  return {names.begin(), names.end()};
}

void Stakeholders::describe_metrics(std::vector<MetricSpec>& out) {
  const Breakdown by{"type", type_labels()};
  out.push_back({"stakeholders", "organisations", "Organisations of each stakeholder type", by});
  out.push_back({"mean_engagement", "1",
                 "Mean engagement in the mission of the organisations of each type, at the end of the step "
                 "(NaN for a type without organisations)",
                 by});
}

void Stakeholders::write_metrics(std::span<double> out) const {
  MS_SEATBELT(out.size() == metric_width(),
              "stakeholder metrics need " + std::to_string(metric_width()) + " values");
  std::array<double, stakeholder_type_count> count{}, engagement{};
  for (std::uint32_t o = 0; o < size(); ++o) {
    count[type_[o]] += 1;
    engagement[type_[o]] += engagement_[o];
  }
  for (std::size_t t = 0; t < stakeholder_type_count; ++t) {
    out[t] = count[t];
    out[stakeholder_type_count + t] =
        count[t] > 0 ? engagement[t] / count[t] : std::numeric_limits<double>::quiet_NaN();
  }
}

}  // namespace missionsim::model
