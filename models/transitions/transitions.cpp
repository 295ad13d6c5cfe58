#include "models/transitions/transitions.hpp"

#include "engine/core/error.hpp"
#include "engine/core/names.hpp"
#include "engine/network/centrality.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace missionsim::model {

namespace {
double days_since(Date origin, Date d) {
  return static_cast<double>((std::chrono::sys_days{d} - std::chrono::sys_days{origin}).count());
}
}  // namespace

Transitions::Transitions(TransitionParams params, std::vector<TransitionInnovation> innovations,
                         const Calendar& calendar, Instruments* instruments)
    : params_(std::move(params)),
      innovations_(std::move(innovations)),
      instruments_(instruments),
      steps_(calendar.step_count()) {
  for (const auto& i : innovations_)
    if (std::find(adoptions_.begin(), adoptions_.end(), i.adoption) == adoptions_.end())
      adoptions_.push_back(i.adoption);
  // Landscape series, precomputed: each step takes the value on its first day.
  const std::size_t series = params_.landscape.size();
  pressure_.assign(steps_ * series, 0.0);
  shock_step_.assign(series, static_cast<std::uint32_t>(steps_));
  for (std::size_t k = 0; k < series; ++k) {
    const auto& p = params_.landscape[k];
    const double start = days_since(calendar.start(), p.start);
    const double end = days_since(calendar.start(), p.end);
    for (std::size_t t = 0; t < steps_; ++t) {
      const double day = calendar.time_days()[t];
      double v = 0;
      if (day >= start) switch (p.shape) {
          case PressureShape::trend:
            v = p.magnitude * (day - start) / 365.25;
            break;
          case PressureShape::pulse:
            v = day < end ? p.magnitude : 0.0;
            break;
          case PressureShape::step:
            v = p.magnitude;
            break;
        }
      pressure_[t * series + k] = v;
      if (p.shape != PressureShape::trend && v != 0.0 && shock_step_[k] == steps_)
        shock_step_[k] = static_cast<std::uint32_t>(t);
    }
  }
  // Regimes: each agent's weight, from centrality and (organisations) incumbency.
  for (const auto& r : params_.regimes) {
    const auto& first = innovations_.at(r.challengers.front());
    const Adoption& a = *first.adoption;
    const auto n = a.agent_count();
    std::vector<double> centrality(n, 1.0);
    const NetworkLayer& layer = a.layer(first.index);
    if (r.centrality == Centrality::degree && !layer.well_mixed)
      centrality = degree_centrality(layer.graph);
    else if (r.centrality == Centrality::betweenness && !layer.well_mixed)
      centrality = betweenness_centrality(layer.graph);
    std::vector<float> w(n);
    for (std::uint32_t i = 0; i < n; ++i) {
      const double inc = first.incumbency.empty() ? 0.0 : first.incumbency[i];
      w[i] = static_cast<float>(centrality[i] * (1.0 + r.incumbency_weight * inc));
    }
    std::vector<double> totals;
    for (const auto c : r.challengers) {
      const auto eligible = innovations_[c].adoption->eligible(innovations_[c].index);
      double total = 0;
      for (std::uint32_t i = 0; i < n; ++i) total += eligible.empty() || eligible[i] ? w[i] : 0.0f;
      totals.push_back(total);
    }
    weight_.push_back(std::move(w));
    weight_total_.push_back(std::move(totals));
  }
  for (const auto& p : params_.niches) {
    const auto& inn = innovations_.at(p.innovation);
    const auto eligible = inn.adoption->eligible(inn.index);
    std::vector<std::uint8_t> member;
    double count = 0;
    for (std::uint32_t i = 0; i < inn.adoption->agent_count(); ++i) {
      const bool in = p.regions.empty() || std::find(p.regions.begin(), p.regions.end(),
                                                     std::size_t{inn.region[i]}) != p.regions.end();
      if (!p.regions.empty()) member.push_back(in);
      count += in && (eligible.empty() || eligible[i]);
    }
    member_.push_back(std::move(member));
    members_.push_back(count);
  }
  strength_.assign(params_.regimes.size(), 1.0);
  stability_.assign(params_.regimes.size(), 1.0);
  shifted_.assign(params_.regimes.size(), 0);
  momentum_.assign(params_.niches.size(), 0.0);
  broken_through_.assign(params_.niches.size(), 0);
  events_.reserve(series + params_.regimes.size() + params_.niches.size());
}

void Transitions::setup() {
  step_ = 0;
  shift_regime_.reset();
  std::fill(shifted_.begin(), shifted_.end(), 0);
  std::fill(momentum_.begin(), momentum_.end(), 0.0);
  std::fill(broken_through_.begin(), broken_through_.end(), 0);
  history_ = {};
  events_.clear();
  measure_regimes();  // the initial adopters' regime, for the first step's lock-in
  for (std::size_t r = 0; r < strength_.size(); ++r)
    stability_[r] = std::clamp(strength_[r] - total_pressure(PressureTarget::regime, 0), 0.0, 1.0);
  if (instruments_) instruments_->set_budget_factor(1.0 + total_pressure(PressureTarget::budget, 0));
}

void Transitions::restore(const State& s) {
  strength_ = s.strength;
  stability_ = s.stability;
  momentum_ = s.momentum;
  shifted_ = s.shifted;
  broken_through_ = s.broken_through;
  history_ = s.history;
  step_ = s.step;
  shift_regime_ = s.shift_regime;
  events_.clear();
}

double Transitions::total_pressure(PressureTarget target, std::size_t t) const {
  double sum = 0;
  if (t >= steps_) return sum;
  for (std::size_t k = 0; k < params_.landscape.size(); ++k)
    if (params_.landscape[k].target == target) sum += pressure(k, t);
  return sum;
}

void Transitions::measure_regimes() {
  for (std::size_t r = 0; r < params_.regimes.size(); ++r) {
    const auto& challengers = params_.regimes[r].challengers;
    const auto& w = weight_[r];
    double adopted_share = 0;
    for (std::size_t c = 0; c < challengers.size(); ++c) {
      const auto& inn = innovations_[challengers[c]];
      const auto adopted = inn.adoption->adopted(inn.index);
      double sum = 0;
      for (std::size_t i = 0; i < adopted.size(); ++i) sum += adopted[i] ? w[i] : 0.0f;
      adopted_share += weight_total_[r][c] > 0 ? sum / weight_total_[r][c] : 0.0;
    }
    strength_[r] = 1.0 - adopted_share / static_cast<double>(challengers.size());
  }
}

void Transitions::add_lever_phase(StepPlan& plan) {
  Phase phase;
  phase.name = "transitions.levers";
  phase.kind = Phase::Kind::serial;
  phase.on_step = [this](const StepContext& ctx) { apply_levers(ctx); };
  plan.add(std::move(phase));
}

void Transitions::add_update_phase(StepPlan& plan) {
  Phase phase;
  phase.name = "transitions.update";
  phase.kind = Phase::Kind::serial;
  phase.on_step = [this](const StepContext& ctx) { update(ctx); };
  plan.add(std::move(phase));
}

void Transitions::apply_levers(const StepContext& ctx) {
  if (!instruments_)
    for (Adoption* a : adoptions_) a->reset_levers();
  const auto add_to_zones = [](const TransitionInnovation& inn, double shift, double boost) {
    for (std::uint16_t z = 0; z < inn.adoption->zone_count(); ++z) {
      auto& levers = inn.adoption->levers(inn.index, z);
      levers.threshold_shift += shift;
      levers.innovation_rate_boost += boost;
    }
  };
  for (std::size_t k = 0; k < params_.landscape.size(); ++k) {
    const auto& p = params_.landscape[k];
    if (shock_step_[k] == ctx.step)
      events_.push_back({ctx.run, ctx.step, "landscape_shock", p.name, pressure(k, ctx.step)});
    if (p.target != PressureTarget::threshold && p.target != PressureTarget::innovation_rate) continue;
    const double v = pressure(k, ctx.step);
    if (v == 0.0) continue;
    const auto act = [&](std::size_t i) {
      if (p.target == PressureTarget::threshold)
        add_to_zones(innovations_[i], -v, 0.0);
      else
        add_to_zones(innovations_[i], 0.0, v);
    };
    if (p.innovations.empty())
      for (std::size_t i = 0; i < innovations_.size(); ++i) act(i);
    else
      for (const auto i : p.innovations) act(i);
  }
  // Lock-in: the regime holds its challengers back in proportion to its stability, except those
  // whose niche has broken through.
  for (std::size_t r = 0; r < params_.regimes.size(); ++r) {
    const auto& regime = params_.regimes[r];
    if (regime.lock_in == 0.0) continue;
    for (const auto c : regime.challengers) {
      bool free = false;
      for (std::size_t n = 0; n < params_.niches.size(); ++n)
        free |= broken_through_[n] && params_.niches[n].innovation == c && params_.niches[n].regime == r;
      if (!free) add_to_zones(innovations_[c], regime.lock_in * stability_[r], 0.0);
    }
  }
}

void Transitions::update(const StepContext& ctx) {
  const std::size_t t = ctx.step;
  step_ = ctx.step;
  const double regime_pressure = total_pressure(PressureTarget::regime, t);
  measure_regimes();
  for (std::size_t r = 0; r < params_.regimes.size(); ++r) {
    stability_[r] = std::clamp(strength_[r] - regime_pressure, 0.0, 1.0);
    if (!shifted_[r] && strength_[r] < params_.regimes[r].shift_level) {
      shifted_[r] = 1;
      events_.push_back({ctx.run, ctx.step, "regime_shift", params_.regimes[r].name, strength_[r]});
      if (!history_.first_regime_shift) {
        history_.first_regime_shift = ctx.step;
        history_.max_regime_pressure_before_shift =
            std::max(history_.max_regime_pressure_before_shift, regime_pressure);
        shift_regime_ = r;
      }
    }
  }
  if (!history_.first_regime_shift)
    history_.max_regime_pressure_before_shift =
        std::max(history_.max_regime_pressure_before_shift, regime_pressure);
  for (std::size_t n = 0; n < params_.niches.size(); ++n) {
    const auto& p = params_.niches[n];
    const auto& inn = innovations_[p.innovation];
    const auto adopted = inn.adoption->adopted(inn.index);
    const auto& member = member_[n];
    double adopters = 0;
    for (std::size_t i = 0; i < adopted.size(); ++i) adopters += adopted[i] && (member.empty() || member[i]);
    const double share = members_[n] > 0 ? adopters / members_[n] : 0.0;
    momentum_[n] = p.learning_weight * share + p.expectation_weight * inn.adoption->maturity(inn.index) / 4.0;
    if (!broken_through_[n] && momentum_[n] + regime_pressure >= stability_[p.regime]) {
      broken_through_[n] = 1;
      events_.push_back({ctx.run, ctx.step, "niche_breakthrough", p.name, momentum_[n]});
      if (!history_.first_breakthrough) history_.first_breakthrough = ctx.step;
    }
  }
  if (instruments_) instruments_->set_budget_factor(1.0 + total_pressure(PressureTarget::budget, t + 1));
}

TransitionHistory Transitions::history() const {
  TransitionHistory h = history_;
  if (shift_regime_)
    for (const auto c : params_.regimes[*shift_regime_].challengers)
      h.challengers_established += innovations_[c].adoption->adopter_share(innovations_[c].index) >= 0.5;
  return h;
}

void Transitions::describe_metrics(const TransitionParams& params, std::vector<MetricSpec>& out) {
  if (!params.landscape.empty()) {
    const Breakdown by{"pressure", names_of(params.landscape)};
    out.push_back({"landscape_pressure", "1",
                   "Value of each landscape pressure during the step (units of what it acts on: share of "
                   "contacts, per year, stability, or budget share)",
                   by});
  }
  if (!params.regimes.empty()) {
    const Breakdown by{"regime", names_of(params.regimes)};
    out.push_back({"regime_strength", "1",
                   "Centrality-weighted share of the challengers' possible adopters that have not adopted "
                   "them, at the end of the step",
                   by});
    out.push_back(
        {"regime_stability", "1", "Regime strength less the landscape pressure on regimes, in [0, 1]", by});
  }
  if (!params.niches.empty()) {
    const Breakdown by{"niche", names_of(params.niches)};
    out.push_back({"niche_momentum", "1",
                   "learning_weight × adopter share among members + expectation_weight × maturity / 4", by});
  }
}

std::size_t Transitions::metric_width() const noexcept {
  return params_.landscape.size() + 2 * params_.regimes.size() + params_.niches.size();
}

void Transitions::write_metrics(std::span<double> out) const {
  std::size_t k = 0;
  for (std::size_t s = 0; s < params_.landscape.size(); ++s) out[k++] = pressure(s, step_);
  for (const double v : strength_) out[k++] = v;
  for (const double v : stability_) out[k++] = v;
  for (const double v : momentum_) out[k++] = v;
}

}  // namespace missionsim::model
