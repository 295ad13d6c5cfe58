#include "models/adoption/adoption.hpp"

#include "models/adoption/adoption_rule.hpp"

#include "engine/core/calendar.hpp"
#include "engine/core/error.hpp"
#include "engine/core/seatbelt.hpp"
#include "engine/network/edge_list.hpp"
#include "models/world/stream_ids.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <numeric>

namespace missionsim::model {

Adoption::Adoption(std::vector<InnovationParams> params, const World& world, BlockPartition blocks,
                   AdoptionNames names, std::vector<AdopterProfile> profiles, LeverZones zones)
    : population_(world.population()), blocks_(blocks), zones_(zones), names_(std::move(names)) {
  if (!profiles.empty() && profiles.size() != params.size())
    throw InternalError("Adoption: one adopter profile per innovation, or none");
  if (zones_.count == 0 || (zones_.of_agent.empty() && zones_.count != 1) ||
      (!zones_.of_agent.empty() && zones_.of_agent.size() != population_))
    throw InternalError("Adoption: a lever zone per agent, or one zone for all");
  for (const auto z : zones_.of_agent)
    if (z >= zones_.count) throw InternalError("Adoption: lever zone out of range");
  spreads_.reserve(params.size());
  for (std::size_t k = 0; k < params.size(); ++k) {
    auto& p = params[k];
    Spread s;
    if (!profiles.empty()) s.profile = std::move(profiles[k]);
    s.eligible_count =
        s.profile.eligible.empty()
            ? population_
            : static_cast<std::uint64_t>(std::count(s.profile.eligible.begin(), s.profile.eligible.end(), 1));
    s.layer = &world.layer(p.network);
    s.params = std::move(p);
    s.adopted = DoubleBuffer<std::uint8_t>(population_, 0);
    s.kept.assign(population_, 0);
    s.new_by_block.assign(blocks_.block_count(), 0);
    s.abandoned_by_block.assign(blocks_.block_count(), 0);
    s.zones.assign(zones_.count, ZoneLevers{});
    s.zone_probability.assign(zones_.count, 0.0);
    s.can_use_active_set = !s.layer->well_mixed && s.params.rule->uses_active_set();
    if (s.can_use_active_set) {
      s.active_set = ActiveSet(blocks_);
      s.block_changed.assign(blocks_.block_count(), 0);
    }
    s.evaluated_by_block.assign(blocks_.block_count(), 0);
    s.previous_zones.assign(zones_.count, ZoneLevers{});
    spreads_.push_back(std::move(s));
  }
}

double Adoption::adopter_share(std::size_t i) const {
  const auto& s = spreads_[i];
  return s.eligible_count == 0 ? 0.0 : static_cast<double>(s.adopters) / s.eligible_count;
}

void Adoption::setup(std::uint64_t seed, std::uint32_t run) {
  for (auto& s : spreads_) {
    s.draws = PhiloxStream(stream_key(seed, run, StreamPurpose::adoption, s.params.name));
    draw_thresholds(s, seed, run);
    place_initial_adopters(s, seed, run);
    if (!s.profile.eligible.empty()) {
      auto cur = s.adopted.initial();
      for (std::uint32_t i = 0; i < population_; ++i) cur[i] &= s.profile.eligible[i];
    }
    s.adopted.sync();
    const auto cur = s.adopted.current();
    s.adopters = static_cast<std::uint64_t>(std::count(cur.begin(), cur.end(), std::uint8_t{1}));
    std::fill(s.kept.begin(), s.kept.end(), std::uint8_t{0});
    s.new_adopters = 0;
    s.abandonments = 0;
    s.seeded = 0;
    s.maturity = static_cast<double>(s.params.maturity);
    s.active_set.clear();
    s.need_full = true;
    s.changed_last = 0;
    s.evaluated = 0;
    s.full_sweeps = 0;
  }
  reset_levers();
}

void Adoption::network_changed() noexcept {
  for (auto& s : spreads_) s.need_full = true;
}

std::uint64_t Adoption::evaluated_last_step() const noexcept {
  std::uint64_t n = 0;
  for (const auto& s : spreads_) n += s.evaluated;
  return n;
}

Adoption::State Adoption::state() const {
  State out;
  for (const auto& s : spreads_) {
    const auto cur = s.adopted.current();
    out.innovations.push_back(
        {{cur.begin(), cur.end()}, s.kept, s.adopters, s.new_adopters, s.abandonments, s.maturity});
  }
  return out;
}

void Adoption::restore(const State& state) {
  if (state.innovations.size() != spreads_.size())
    throw InternalError("Adoption::restore: another Adoption's state");
  for (std::size_t k = 0; k < spreads_.size(); ++k) {
    auto& s = spreads_[k];
    const auto& in = state.innovations[k];
    const auto cur = s.adopted.initial();
    std::copy(in.adopted.begin(), in.adopted.end(), cur.begin());
    s.adopted.sync();
    s.kept = in.kept;
    s.adopters = in.adopters;
    s.new_adopters = in.new_adopters;
    s.abandonments = in.abandonments;
    s.maturity = in.maturity;
    s.seeded = 0;
    s.need_full = true;  // the active set of the interrupted run does not apply here
  }
  reset_levers();
}

void Adoption::reset_levers() {
  for (auto& s : spreads_) {
    std::fill(s.zones.begin(), s.zones.end(), ZoneLevers{});
    s.maturation_speedup = 0;
  }
}

void Adoption::draw_thresholds(Spread& s, std::uint64_t seed, std::uint32_t run) {
  const auto& p = s.params;
  s.thresholds.clear();
  if (!p.rule->compares_share()) return;
  if (p.threshold_distribution == ThresholdDistribution::file) {
    s.thresholds = read_node_values(p.threshold_file, population_, 0.0, 1.0);
    return;
  }
  const bool varies = p.threshold_distribution != ThresholdDistribution::fixed && p.threshold_spread != 0.0;
  const auto& offset = s.profile.threshold_offset;
  if (!varies && offset.empty()) return;
  const PhiloxStream rng(stream_key(seed, run, StreamPurpose::threshold, p.name));
  s.thresholds.resize(population_);
  for (std::uint32_t i = 0; i < population_; ++i) {
    double theta = p.threshold + (offset.empty() ? 0.0 : offset[i]);
    if (!varies) {
      s.thresholds[i] = std::clamp(theta, 0.0, 1.0);
      continue;
    }
    if (p.threshold_distribution == ThresholdDistribution::uniform) {
      theta += p.threshold_spread * (2.0 * rng.uniform(0, i, 0) - 1.0);
    } else {  // Box–Muller from two independent uniforms of the same counter
      const double r = std::sqrt(-2.0 * std::log1p(-rng.uniform(0, i, 0)));
      theta += p.threshold_spread * r * std::cos(2.0 * std::numbers::pi * rng.uniform(0, i, 1));
    }
    s.thresholds[i] = std::clamp(theta, 0.0, 1.0);
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
  prepare.name = names_.prefix + "adoption.prepare";
  prepare.kind = Phase::Kind::serial;
  prepare.on_step = [this](const StepContext& ctx) { this->prepare(ctx); };
  plan.add(std::move(prepare));

  Phase mark;
  mark.name = names_.prefix + "adoption.mark";
  mark.blocks = blocks_;
  mark.on_block = [this](const StepContext&, const AgentBlock& b) { this->mark(b); };
  plan.add(std::move(mark));

  // Marking and draining the active set are two parallel phases on one column.
  Phase barrier;
  barrier.name = names_.prefix + "adoption.marked";
  barrier.kind = Phase::Kind::serial;
  barrier.on_step = [](const StepContext&) {};
  plan.add(std::move(barrier));

  Phase decide;
  decide.name = names_.prefix + "adoption.decide";
  decide.blocks = blocks_;
  decide.on_block = [this](const StepContext& ctx, const AgentBlock& b) { this->decide(ctx, b); };
  plan.add(std::move(decide));

  Phase commit;
  commit.name = names_.prefix + "adoption.commit";
  commit.kind = Phase::Kind::serial;
  commit.on_step = [this](const StepContext&) { this->commit(); };
  plan.add(std::move(commit));
}

void Adoption::prepare(const StepContext& ctx) {
  for (auto& s : spreads_) {
    s.maturity = std::min(
        final_maturity, s.maturity + ctx.dt_years / s.params.years_per_stage * (1.0 + s.maturation_speedup));
    const ZoneLevers& first = s.zones.front();
    s.uniform = std::all_of(s.zones.begin(), s.zones.end(), [&](const ZoneLevers& z) { return z == first; });
    s.any_mandate =
        std::any_of(s.zones.begin(), s.zones.end(), [](const ZoneLevers& z) { return z.mandate; });
    s.all_mandate = s.uniform && first.mandate;
    choose_sweep(s);
    if (!s.layer->well_mixed) continue;
    const double a = static_cast<double>(s.adopters);
    // Bass's F is the adopting share of the whole population; a threshold compares with
    // the share of the others (a non-adopter does not count itself).
    const double f = population_ > 0 ? a / population_ : 0.0;
    const auto probability = [&](const ZoneLevers& z) {
      return step_probability(
          s.params.innovation_rate + z.innovation_rate_boost + s.params.imitation_rate * f, ctx.dt_years);
    };
    s.mixed_adopt_probability = probability(first);
    if (!s.uniform) std::transform(s.zones.begin(), s.zones.end(), s.zone_probability.begin(), probability);
    s.mixed_share = population_ > 1 ? a / (population_ - 1.0) : 0.0;
    s.mixed_adopter_share = population_ > 1 && a >= 1 ? (a - 1.0) / (population_ - 1.0) : -1.0;
    s.mixed_enough = s.params.rule->enough_adopters(s.adopters, s.params);
  }
}

void Adoption::choose_sweep(Spread& s) const {
  // Skipping the agents whose neighbourhood did not change is exact only if each of them
  // would decide as in the previous step: the same rule (on the market, no mandate, the same
  // levers) and a complete previous state in the buffer's other half (not after setup or a
  // change of the network).
  const bool by_rule = !s.any_mandate && s.maturity >= adoptable_maturity;
  const bool same_rule =
      by_rule && s.previous_by_rule && std::equal(s.zones.begin(), s.zones.end(), s.previous_zones.begin());
  const double n = population_;
  const double changed = static_cast<double>(s.changed_last + s.seeded);
  s.active = s.can_use_active_set && !force_full_ && !s.need_full && same_rule &&
             changed * std::max(s.layer->graph.mean_degree(), 1.0) <= active_set_max_share * n;
  s.previous_by_rule = by_rule;
  std::copy(s.zones.begin(), s.zones.end(), s.previous_zones.begin());
  s.need_full = false;
}

void Adoption::mark(const AgentBlock& b) {
  for (auto& s : spreads_) {
    if (!s.active) continue;
    const auto cur = s.adopted.current();
    const auto before = s.adopted.next();  // still the state at the start of the previous step
    const bool changed = block_differs(cur, std::span<const std::uint8_t>(before), b);
    s.block_changed[b.index] = changed;
    if (!changed) continue;
    const auto offsets = s.layer->graph.offsets();
    const auto targets = s.layer->graph.targets();
    // A changed agent re-decides too: with abandonment, its own state is part of its rule.
    for (std::uint32_t v = b.begin; v < b.end; ++v)
      if (cur[v] != before[v]) s.active_set.touch_with_neighbours(v, offsets, targets);
  }
}

std::uint64_t Adoption::seed_adopters(std::size_t i, std::uint32_t first, std::uint32_t count) {
  Spread& s = spreads_[i];
  auto cur = s.adopted.initial();
  std::uint64_t fresh = 0;
  const std::uint32_t end = std::min<std::uint64_t>(std::uint64_t{first} + count, population_);
  for (std::uint32_t v = first; v < end; ++v) {
    if (!s.profile.eligible.empty() && !s.profile.eligible[v]) continue;
    fresh += cur[v] == 0;
    cur[v] = 1;
    s.kept[v] = 1;
  }
  s.adopters += fresh;
  s.seeded += fresh;
  return fresh;
}

void Adoption::decide(const StepContext& ctx, const AgentBlock& b) {
  // One loop per (rule, layer kind), with everything per innovation hoisted out of it: the
  // compiler cannot prove that the uint8 stores to `next` leave them unchanged. When the
  // instruments treat every zone alike (`uniform`), the loops read no zone column.
  for (auto& s : spreads_) {
    const auto cur = s.adopted.current();
    const auto next = s.adopted.next();
    const std::uint32_t begin = b.begin, end = b.end;
    std::uint64_t fresh = 0, gone = 0;
    std::uint64_t evaluated = end - begin;  // the active set sets its own count
    const std::uint8_t* eligible = s.profile.eligible.empty() ? nullptr : s.profile.eligible.data();
    std::uint8_t* const kept = s.kept.data();
    const std::uint16_t* zone = s.uniform ? nullptr : zones_.of_agent.data();
    const ZoneLevers* levers = s.zones.data();
    if (s.all_mandate) {
      for (std::uint32_t i = begin; i < end; ++i) {
        const bool adopt = cur[i] != 0 || !eligible || eligible[i];
        fresh += adopt && cur[i] == 0;
        next[i] = adopt;
        kept[i] |= static_cast<std::uint8_t>(adopt);
      }
    } else if (s.maturity < adoptable_maturity) {  // not on the market yet: nobody decides on their own
      std::copy(cur.begin() + begin, cur.begin() + end, next.begin() + begin);
    } else {
      const double* thresholds = s.thresholds.empty() ? nullptr : s.thresholds.data();
      const double base_theta = s.params.threshold;
      const double common_shift = levers[0].threshold_shift;
      // θ of non-adopter i: its own or the innovation's, shifted by its zone's levers.
      const auto theta = [=](std::uint32_t i) {
        const double shift = zone ? levers[zone[i]].threshold_shift : common_shift;
        return thresholds ? thresholds[i] + shift : base_theta + shift;
      };
      const double abandon = s.params.abandon_threshold;  // 0: nobody abandons
      const PhiloxStream draws = s.draws;
      const std::uint64_t step = ctx.step;
      if (s.layer->well_mixed) {
        const double share = s.mixed_share;
        const double common_probability = s.mixed_adopt_probability;
        const double* zone_probability = s.zone_probability.data();
        const bool share_rule = s.params.rule->compares_share();
        const bool can_follow = population_ > 1 && s.mixed_enough;
        // Every adopter sees the same others, so either all unprotected adopters leave or none.
        const bool leaving = s.mixed_adopter_share >= 0.0 && s.mixed_adopter_share < abandon;
        for (std::uint32_t i = begin; i < end; ++i) {
          bool adopt = cur[i] != 0;
          if (adopt) {
            adopt = !leaving || kept[i];
            gone += !adopt;
          } else if (!eligible || eligible[i]) {
            adopt = share_rule
                        ? can_follow && share >= theta(i)
                        : draws.uniform(step, i, 0) < (zone ? zone_probability[zone[i]] : common_probability);
            fresh += adopt;
          }
          next[i] = adopt;
        }
      } else {
        const NetworkStep network{cur,
                                  s.layer->graph.offsets(),
                                  s.layer->graph.targets(),
                                  thresholds,
                                  base_theta,
                                  common_shift,
                                  levers[0].innovation_rate_boost,
                                  zone,
                                  levers,
                                  s.params.min_adopting_contacts,
                                  s.params.innovation_rate,
                                  s.params.imitation_rate,
                                  draws,
                                  step,
                                  ctx.dt_years};
        const NetworkBlock out{next, s.active ? &s.active_set : nullptr,
                               s.active && s.block_changed[b.index] != 0};
        const BlockTally t = s.params.rule->decide(out, b, network, eligible, kept, abandon);
        evaluated = t.evaluated;
        fresh = t.fresh;
        gone = t.gone;
      }
    }
    if (s.any_mandate && !s.all_mandate) apply_partial_mandate(s, zone, b, fresh, gone);
    s.new_by_block[b.index] = fresh;
    s.abandoned_by_block[b.index] = gone;
    s.evaluated_by_block[b.index] = evaluated;
  }
}

void Adoption::apply_partial_mandate(Spread& s, const std::uint16_t* zone, const AgentBlock& b,
                                     std::uint64_t& fresh, std::uint64_t& gone) {
  const auto cur = s.adopted.current();
  const auto next = s.adopted.next();
  const std::uint8_t* eligible = s.profile.eligible.empty() ? nullptr : s.profile.eligible.data();
  for (std::uint32_t i = b.begin; i < b.end; ++i) {
    if (!s.zones[zone[i]].mandate || (eligible && !eligible[i])) continue;
    if (!next[i]) {  // the rule let it be: the mandate overrides, undoing an abandonment
      if (cur[i])
        --gone;
      else
        ++fresh;
    }
    next[i] = 1;
    s.kept[i] = 1;
  }
}

void Adoption::commit() {
  for (auto& s : spreads_) {
    s.adopted.swap();
    const auto sum = [](const std::vector<std::uint64_t>& v) {
      return std::accumulate(v.begin(), v.end(), std::uint64_t{0});
    };
    const std::uint64_t decided = sum(s.new_by_block);
    s.abandonments = sum(s.abandoned_by_block);
    s.new_adopters = s.seeded + decided;
    MS_SEATBELT(s.abandonments <= s.adopters, "more abandonments than adopters");
    s.adopters = s.adopters + decided - s.abandonments;  // seeded ones were counted when placed
    s.seeded = 0;
    s.changed_last = decided + s.abandonments;
    s.evaluated = sum(s.evaluated_by_block);
    s.full_sweeps += !s.active;
    MS_SEATBELT(s.adopters <= population_, "more adopters than people");
  }
}

void Adoption::describe_metrics(std::vector<MetricSpec>& out) const {
  std::vector<InnovationParams> params;
  for (const auto& s : spreads_) params.push_back(s.params);
  describe_metrics(params, names_, out);
}

void Adoption::describe_metrics(const std::vector<InnovationParams>& params, const AdoptionNames& names,
                                std::vector<MetricSpec>& out) {
  if (params.empty()) return;  // a breakdown by innovation needs one: no innovations, no metrics
  Breakdown by{names.dimension, {}};
  for (const auto& p : params) by.labels.push_back(p.name);
  const std::string& pre = names.prefix;
  out.push_back({pre + "adopter_share", "1",
                 "Share of those who may adopt the innovation that have, at the end of the step", by});
  out.push_back({pre + "new_adopters", names.agents,
                 "Number of " + names.agents + " that adopted the innovation during the step", by});
  out.push_back({pre + "maturity", "stage",
                 "Maturity at the end of the step: 0 research, 1 demonstration, 2 clinical trial, 3 market, "
                 "4 standard of care (fractions: progress to the next stage)",
                 by});
  out.push_back({pre + "abandonments", names.agents,
                 "Adopters who abandoned the innovation during the step (their contacts' adopting share fell "
                 "below abandon_threshold)",
                 by});
}

void Adoption::write_metrics(std::span<double> out) const {
  const std::size_t n = spreads_.size();
  for (std::size_t i = 0; i < n; ++i) {
    out[i] = adopter_share(i);
    out[n + i] = static_cast<double>(spreads_[i].new_adopters);
    out[2 * n + i] = spreads_[i].maturity;
    out[3 * n + i] = static_cast<double>(spreads_[i].abandonments);
  }
}

}  // namespace missionsim::model
