#include "models/adoption/adoption.hpp"

#include "engine/core/calendar.hpp"
#include "engine/core/seatbelt.hpp"
#include "engine/network/edge_list.hpp"
#include "models/world/stream_ids.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <numeric>

namespace missionsim::model {

Adoption::Adoption(std::vector<InnovationParams> params, const World& world, BlockPartition blocks)
    : population_(world.population()), blocks_(blocks) {
  spreads_.reserve(params.size());
  for (auto& p : params) {
    Spread s;
    s.layer = &world.layer(p.network);
    s.params = std::move(p);
    s.adopted = DoubleBuffer<std::uint8_t>(population_, 0);
    s.new_by_block.assign(blocks_.block_count(), 0);
    spreads_.push_back(std::move(s));
  }
}

double Adoption::adopter_share(std::size_t i) const {
  return population_ == 0 ? 0.0 : static_cast<double>(spreads_[i].adopters) / population_;
}

void Adoption::setup(std::uint64_t seed, std::uint32_t run) {
  for (auto& s : spreads_) {
    s.draws = PhiloxStream(stream_key(seed, run, StreamPurpose::adoption, s.params.name));
    draw_thresholds(s, seed, run);
    place_initial_adopters(s, seed, run);
    s.adopted.sync();
    const auto cur = s.adopted.current();
    s.adopters = static_cast<std::uint64_t>(std::count(cur.begin(), cur.end(), std::uint8_t{1}));
    s.new_adopters = 0;
  }
}

void Adoption::draw_thresholds(Spread& s, std::uint64_t seed, std::uint32_t run) {
  const auto& p = s.params;
  s.thresholds.clear();
  if (p.rule != AdoptionRule::threshold || p.threshold_distribution == ThresholdDistribution::fixed ||
      p.threshold_spread == 0.0)
    return;
  const PhiloxStream rng(stream_key(seed, run, StreamPurpose::threshold, p.name));
  s.thresholds.resize(population_);
  for (std::uint32_t i = 0; i < population_; ++i) {
    double theta = p.threshold;
    if (p.threshold_distribution == ThresholdDistribution::uniform) {
      theta += p.threshold_spread * (2.0 * rng.uniform(0, i, 0) - 1.0);
    } else {  // Box–Muller from two independent uniforms of the same counter
      const double r = std::sqrt(-2.0 * std::log1p(-rng.uniform(0, i, 0)));
      theta += p.threshold_spread * r * std::cos(2.0 * std::numbers::pi * rng.uniform(0, i, 1));
    }
    s.thresholds[i] = static_cast<float>(std::clamp(theta, 0.0, 1.0));
  }
}

void Adoption::place_initial_adopters(Spread& s, std::uint64_t seed, std::uint32_t run) {
  auto adopted = s.adopted.initial();
  std::fill(adopted.begin(), adopted.end(), std::uint8_t{0});
  const auto& p = s.params;
  switch (p.initial) {
    case InitialAdopters::none:
      break;
    case InitialAdopters::random: {
      // Each person independently: the sets are nested as the share grows, so scenarios that
      // differ only in the share seed the same people first (common random numbers).
      const PhiloxStream rng(stream_key(seed, run, StreamPurpose::initial_adopters, p.name));
      for (std::uint32_t i = 0; i < population_; ++i) adopted[i] = rng.uniform(0, i, 0) < p.initial_share;
      break;
    }
    case InitialAdopters::most_central: {
      const auto k = static_cast<std::size_t>(std::llround(p.initial_share * population_));
      std::vector<NodeId> ids(population_);
      std::iota(ids.begin(), ids.end(), NodeId{0});
      const auto& layer = *s.layer;
      const auto n = population_;
      std::nth_element(ids.begin(), ids.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(k, n)),
                       ids.end(), [&](NodeId a, NodeId b) {
                         const auto da = layer.degree(a, n), db = layer.degree(b, n);
                         return da != db ? da > db : a < b;
                       });
      for (std::size_t j = 0; j < k && j < n; ++j) adopted[ids[j]] = 1;
      break;
    }
    case InitialAdopters::file:
      for (NodeId id : read_node_list(p.initial_file, population_)) adopted[id] = 1;
      break;
  }
}

void Adoption::add_phases(StepPlan& plan) {
  Phase prepare;
  prepare.name = "adoption.prepare";
  prepare.kind = Phase::Kind::serial;
  prepare.reads = {"adoption.adopter_count"};
  prepare.writes = {"adoption.mixed_rates"};
  prepare.on_step = [this](const StepContext& ctx) { this->prepare(ctx); };
  plan.add(std::move(prepare));

  Phase decide;
  decide.name = "adoption.decide";
  decide.reads = {"adoption.adopted.current", "adoption.thresholds", "adoption.mixed_rates", "network"};
  decide.writes = {"adoption.adopted.next", "adoption.new_by_block"};
  decide.on_block = [this](const StepContext& ctx, const AgentBlock& b) { this->decide(ctx, b); };
  plan.add(std::move(decide));

  Phase commit;
  commit.name = "adoption.commit";
  commit.kind = Phase::Kind::serial;
  commit.reads = {"adoption.new_by_block"};
  commit.writes = {"adoption.adopted.current", "adoption.adopter_count"};
  commit.on_step = [this](const StepContext&) { this->commit(); };
  plan.add(std::move(commit));
}

void Adoption::prepare(const StepContext& ctx) {
  for (auto& s : spreads_) {
    if (!s.layer->well_mixed) continue;
    const double a = static_cast<double>(s.adopters);
    // Bass's F is the adopting share of the whole population; a threshold compares with
    // the share of the others (a non-adopter does not count itself).
    const double f = population_ > 0 ? a / population_ : 0.0;
    s.mixed_adopt_probability =
        step_probability(s.params.innovation_rate + s.params.imitation_rate * f, ctx.dt_years);
    s.mixed_share = population_ > 1 ? a / (population_ - 1.0) : 0.0;
  }
}

void Adoption::decide(const StepContext& ctx, const AgentBlock& b) {
  for (auto& s : spreads_) {
    const auto cur = s.adopted.current();
    const auto next = s.adopted.next();
    const auto& p = s.params;
    const bool threshold_rule = p.rule == AdoptionRule::threshold;
    const bool mixed = s.layer->well_mixed;
    const auto offsets = s.layer->graph.offsets();
    const auto targets = s.layer->graph.targets();
    const float* thresholds = s.thresholds.empty() ? nullptr : s.thresholds.data();
    std::uint64_t fresh = 0;
    for (std::uint32_t i = b.begin; i < b.end; ++i) {
      if (cur[i]) {
        next[i] = 1;
        continue;
      }
      const double theta = thresholds ? static_cast<double>(thresholds[i]) : p.threshold;
      bool adopt = false;
      if (mixed) {
        adopt = threshold_rule ? (population_ > 1 && s.mixed_share >= theta)
                               : s.draws.uniform(ctx.step, i, 0) < s.mixed_adopt_probability;
      } else {
        const auto begin = offsets[i], end = offsets[i + 1];
        const auto degree = end - begin;
        std::uint32_t adopting = 0;
        for (auto e = begin; e < end; ++e) adopting += cur[targets[e]];
        // The share as a quotient is correctly rounded, so 7 of 10 meets θ = 0.7 exactly as
        // a person would reckon it (7 ≥ 0.7·10 can fail in floating point).
        const double share = degree > 0 ? static_cast<double>(adopting) / static_cast<double>(degree) : 0.0;
        if (threshold_rule) {
          adopt = degree > 0 && share >= theta;
        } else {
          const double prob = step_probability(p.innovation_rate + p.imitation_rate * share, ctx.dt_years);
          adopt = s.draws.uniform(ctx.step, i, 0) < prob;
        }
      }
      next[i] = adopt;
      fresh += adopt;
    }
    s.new_by_block[b.index] = fresh;
  }
}

void Adoption::commit() {
  for (auto& s : spreads_) {
    s.adopted.swap();
    s.new_adopters = std::accumulate(s.new_by_block.begin(), s.new_by_block.end(), std::uint64_t{0});
    s.adopters += s.new_adopters;
    MS_SEATBELT(s.adopters <= population_, "more adopters than people");
  }
}

void Adoption::describe_metrics(std::vector<MetricSpec>& out) const {
  Breakdown by{"innovation", {}};
  for (const auto& s : spreads_) by.labels.push_back(s.params.name);
  out.push_back({"adopter_share", "1",
                 "Share of the population that has adopted the innovation, at the end of the step", by});
  out.push_back({"new_adopters", "people", "People who adopted the innovation during the step", by});
}

void Adoption::write_metrics(std::span<double> out) const {
  const std::size_t n = spreads_.size();
  for (std::size_t i = 0; i < n; ++i) {
    out[i] = adopter_share(i);
    out[n + i] = static_cast<double>(spreads_[i].new_adopters);
  }
}

}  // namespace missionsim::model
