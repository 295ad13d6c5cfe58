#include "bench/contagion_ba/contagion.hpp"

#include <algorithm>
#include <numeric>

namespace missionsim::bench {

Contagion::Contagion(const CsrGraph& graph, SirParams params, BlockPartition blocks, StreamKey key)
    : graph_(graph),
      params_(params),
      blocks_(blocks),
      draws_(key),
      state_(graph.node_count(), susceptible),
      active_set_(blocks),
      block_changed_(blocks.block_count(), 0),
      infected_change_by_block_(blocks.block_count(), 0),
      recovered_by_block_(blocks.block_count(), 0),
      evaluated_by_block_(blocks.block_count(), 0) {
  std::uint32_t max_degree = 0;
  for (NodeId v = 0; v < graph.node_count(); ++v) max_degree = std::max(max_degree, graph.degree(v));
  infection_ = infection_probabilities(params.transmission, max_degree);
}

void Contagion::setup(std::span<const std::uint32_t> initial) {
  auto s = state_.initial();
  std::fill(s.begin(), s.end(), std::uint8_t{susceptible});
  for (auto v : initial) s[v] = infected;
  state_.sync();
  active_set_.clear();
  infected_ = initial.size();
  recovered_ = 0;
  evaluated_ = 0;
  full_sweeps_ = 0;
  first_step_ = true;
}

void Contagion::add_phases(StepPlan& plan) {
  Phase prepare;
  prepare.name = "contagion.prepare";
  prepare.kind = Phase::Kind::serial;
  prepare.writes = {"contagion.mode"};
  prepare.on_step = [this](const StepContext&) { this->prepare(); };
  plan.add(std::move(prepare));

  Phase mark;
  mark.name = "contagion.mark";
  mark.blocks = blocks_;
  mark.writes = {"contagion.active_set", "contagion.block_changed"};
  mark.on_block = [this](const StepContext&, const AgentBlock& b) { this->mark(b); };
  plan.add(std::move(mark));

  // The touching above and the draining below are two parallel phases on one column.
  Phase gather;
  gather.name = "contagion.gather";
  gather.kind = Phase::Kind::serial;
  gather.on_step = [](const StepContext&) {};
  plan.add(std::move(gather));

  Phase decide;
  decide.name = "contagion.decide";
  decide.blocks = blocks_;
  decide.writes = {"contagion.state.next", "contagion.active_set", "contagion.by_block"};
  decide.on_block = [this](const StepContext& ctx, const AgentBlock& b) { this->decide(ctx, b); };
  plan.add(std::move(decide));

  Phase commit;
  commit.name = "contagion.commit";
  commit.kind = Phase::Kind::serial;
  commit.writes = {"contagion.state.current", "contagion.counts"};
  commit.on_step = [this](const StepContext&) { this->commit(); };
  plan.add(std::move(commit));
}

void Contagion::prepare() {
  const double n = graph_.node_count();
  const double mean_degree = n > 0 ? 2.0 * static_cast<double>(graph_.edge_count()) / n : 0.0;
  active_ = !force_full_ && !first_step_ &&
            static_cast<double>(infected_) * std::max(mean_degree, 1.0) <= active_set_max_share * n;
}

void Contagion::mark(const AgentBlock& b) {
  if (!active_) return;
  const auto cur = state_.current();
  const auto before = state_.next();  // still the state at the start of the previous step
  block_changed_[b.index] = block_differs<std::uint8_t>(cur, before, b);
  // Only the infected act on others; they and their contacts are all that can change.
  const auto offsets = graph_.offsets();
  const auto targets = graph_.targets();
  for (std::uint32_t v = b.begin; v < b.end; ++v)
    if (cur[v] == infected) active_set_.touch_with_neighbours(v, offsets, targets);
}

namespace {
// Everything the rule reads, as plain pointers in locals: the uint8 stores to the next state
// may alias any byte, so members read through `this` would be reloaded for every agent.
struct RuleView {
  const std::uint8_t* cur;
  const EdgeIndex* offsets;
  const NodeId* targets;
  const double* infection;
  double recovery;
  PhiloxStream draws;

  std::uint8_t next_state(std::uint32_t step, std::uint32_t i) const {
    const std::uint8_t s = cur[i];
    if (s == susceptible) {
      std::uint32_t k = 0;
      for (EdgeIndex e = offsets[i]; e < offsets[i + 1]; ++e) k += cur[targets[e]] == infected;
      return k > 0 && draws.uniform(step, i, 0) < infection[k] ? infected : susceptible;
    }
    if (s == infected) return draws.uniform(step, i, 0) < recovery ? recovered : infected;
    return recovered;
  }
};
}  // namespace

void Contagion::decide(const StepContext& ctx, const AgentBlock& b) {
  const auto cur = state_.current();
  std::uint8_t* const next = state_.next().data();
  const RuleView rule{cur.data(),        graph_.offsets().data(), graph_.targets().data(),
                      infection_.data(), params_.recovery,        draws_};
  const std::uint32_t step = ctx.step;
  std::int64_t infected_change = 0;
  std::uint64_t recoveries = 0, evaluated = 0;
  const auto evaluate = [&](std::uint32_t i) {
    const std::uint8_t was = rule.cur[i], now = rule.next_state(step, i);
    next[i] = now;
    infected_change += (now == infected) - (was == infected);
    recoveries += now == recovered && was != recovered;
  };
  if (!active_) {
    for (std::uint32_t i = b.begin, end = b.end; i < end; ++i) evaluate(i);
    evaluated = b.end - b.begin;
  } else if (active_set_.touched(b) || block_changed_[b.index]) {
    // Untouched agents keep their state: make the next half equal to the current one first.
    std::copy(cur.begin() + b.begin, cur.begin() + b.end, next + b.begin);
    active_set_.drain(b, [&](std::uint32_t i) {
      evaluate(i);
      ++evaluated;
    });
  }
  infected_change_by_block_[b.index] = infected_change;
  recovered_by_block_[b.index] = recoveries;
  evaluated_by_block_[b.index] = evaluated;
}

void Contagion::commit() {
  state_.swap();
  const auto change =
      std::accumulate(infected_change_by_block_.begin(), infected_change_by_block_.end(), std::int64_t{0});
  infected_ = static_cast<std::uint64_t>(static_cast<std::int64_t>(infected_) + change);
  recovered_ += std::accumulate(recovered_by_block_.begin(), recovered_by_block_.end(), std::uint64_t{0});
  evaluated_ += std::accumulate(evaluated_by_block_.begin(), evaluated_by_block_.end(), std::uint64_t{0});
  full_sweeps_ += !active_;
  first_step_ = false;
}

}  // namespace missionsim::bench
