#include "models/instruments/instruments.hpp"

#include "models/instruments/instrument_kind.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>

namespace missionsim::model {

namespace {
double days_between(Date from, Date to) {
  return static_cast<double>((std::chrono::sys_days{to} - std::chrono::sys_days{from}).count());
}
// Money is compared with a tolerance of a millionth of a currency unit, so a budget that is a
// whole number of steps' spending runs out at that step, not one step later by rounding.
constexpr double money_epsilon = 1e-6;
}  // namespace

Instruments::Instruments(std::vector<InstrumentParams> params, std::vector<InnovationTarget> targets,
                         std::vector<Adoption*> adoptions, const Calendar& calendar,
                         const Population& population, double mission_budget, Stakeholders* stakeholders)
    : params_(std::move(params)),
      targets_(std::move(targets)),
      adoptions_(std::move(adoptions)),
      calendar_(calendar),
      population_(population),
      mission_budget_(mission_budget),
      stakeholders_(stakeholders) {
  for (const auto& p : params_) {
    if (!p.kind) throw InternalError("instrument '" + p.name + "' has no kind");
    if (p.kind->needs_stakeholders() && stakeholders_ == nullptr)
      throw InternalError("instrument '" + p.name + "' (" + std::string(p.kind->name()) +
                          ") needs stakeholders (read_instruments reports this)");
    start_days_.push_back(days_between(calendar.start(), p.start));
    end_days_.push_back(days_between(calendar.start(), p.end));
    const double years = days_between(p.start, p.end) / 365.25;
    total_budget_.push_back(p.total_budget > 0 ? p.total_budget : p.budget_per_year * years);
  }
  const std::size_t n = params_.size();
  engaged_.resize(n);
  if (stakeholders_)
    for (std::size_t i = 0; i < n; ++i)
      engaged_[i] = params_[i].kind->organisations(params_[i], *stakeholders_);
  spend_.assign(n, 0.0);
  cumulative_.assign(n, 0.0);
  funded_.assign(n, 0.0);
  exhausted_.assign(n, 0);
  seeded_.assign(n, 0);
  ties_added_.assign(n, 0);
  held_initially_.assign(n, 0);
  held_.assign(n, 0);
  stopped_.assign(n, 0);
  intensity_.assign(n, 1.0);
  events_.reserve(2 * n + 2);  // every possible event of a step: no allocation in the loop
}

void Instruments::setup() {
  std::fill(spend_.begin(), spend_.end(), 0.0);
  std::fill(cumulative_.begin(), cumulative_.end(), 0.0);
  std::fill(funded_.begin(), funded_.end(), 0.0);
  std::fill(exhausted_.begin(), exhausted_.end(), 0);
  std::fill(seeded_.begin(), seeded_.end(), 0);
  std::fill(ties_added_.begin(), ties_added_.end(), 0);
  held_ = held_initially_;
  std::fill(stopped_.begin(), stopped_.end(), 0);
  std::fill(intensity_.begin(), intensity_.end(), 1.0);
  budget_factor_ = 1.0;
  mission_spent_ = 0;
  mission_exhausted_ = false;
  events_.clear();
}

void Instruments::restore(const State& s) {
  if (s.spend.size() != params_.size()) throw InternalError("Instruments::restore: other instruments' state");
  spend_ = s.spend;
  cumulative_ = s.cumulative;
  funded_ = s.funded;
  intensity_ = s.intensity;
  exhausted_ = s.exhausted;
  seeded_ = s.seeded;
  held_ = s.held;
  stopped_ = s.stopped;
  ties_added_ = s.ties_added;
  budget_factor_ = s.budget_factor;
  mission_spent_ = s.mission_spent;
  mission_exhausted_ = s.mission_exhausted;
  events_.clear();
}

void Instruments::add_phases(StepPlan& plan) {
  Phase phase;
  phase.name = "instruments.apply";
  phase.kind = Phase::Kind::serial;
  phase.on_step = [this](const StepContext& ctx) { apply(ctx); };
  plan.add(std::move(phase));
}

void Instruments::apply(const StepContext& ctx) {
  for (Adoption* a : adoptions_) a->reset_levers();
  const double today = calendar_.time_days()[ctx.step];
  for (std::size_t i = 0; i < params_.size(); ++i) {
    const auto& p = params_[i];
    spend_[i] = 0;
    funded_[i] = 0;
    if (today >= end_days_[i] || exhausted_[i] || held_[i] || stopped_[i]) continue;
    if (today < start_days_[i] && !held_initially_[i]) continue;  // a start trigger overrides the date
    if (p.budget_per_year <= 0) {
      funded_[i] = 1.0;
    } else {
      const double planned = p.budget_per_year * ctx.dt_years * intensity_[i] * budget_factor_;
      if (planned <= 0) continue;  // scaled or squeezed to nothing
      double allowed = std::min(planned, total_budget_[i] - cumulative_[i]);
      if (mission_budget_ > 0) allowed = std::min(allowed, mission_budget_ - mission_spent_);
      allowed = std::max(0.0, allowed);
      spend_[i] = allowed;
      cumulative_[i] += allowed;
      mission_spent_ += allowed;
      funded_[i] = allowed / planned;
      if (total_budget_[i] - cumulative_[i] <= money_epsilon) {
        exhausted_[i] = 1;
        events_.push_back({ctx.run, ctx.step, "budget_exhausted", p.name, cumulative_[i]});
      }
      if (mission_budget_ > 0 && !mission_exhausted_ && mission_budget_ - mission_spent_ <= money_epsilon) {
        mission_exhausted_ = true;
        events_.push_back({ctx.run, ctx.step, "budget_exhausted", "mission", mission_spent_});
      }
    }
    if (funded_[i] <= 0) continue;
    // What the effect sizes are multiplied by.
    const double strength = funded_[i] * intensity_[i] * budget_factor_;
    InnovationTarget& target = targets_[i];
    InstrumentAct act{
        p,          strength,    ctx.dt_years,  *target.adoption, target.index,   target.zones,
        seeded_[i], population_, stakeholders_, engaged_[i],      ties_added_[i], collaboration_changed_};
    p.kind->act(act);
  }
}

void Instruments::describe_metrics(const std::vector<InstrumentParams>& params, const std::string& currency,
                                   std::vector<MetricSpec>& out) {
  Breakdown by{"instrument", {}};
  for (const auto& p : params) by.labels.push_back(p.name);
  out.push_back({"spend", currency, "Spending of the instrument during the step", by});
  out.push_back({"cumulative_spend", currency, "Spending of the instrument since the start", by});
  out.push_back(
      {"funded_share", "1",
       "Share of the instrument's planned spending it could fund this step (1 for instruments without "
       "a budget while active, 0 when inactive)",
       by});
  out.push_back({"total_spend", currency, "Spending of all instruments during the step", std::nullopt});
}

void Instruments::write_metrics(std::span<double> out) const {
  const std::size_t n = params_.size();
  for (std::size_t i = 0; i < n; ++i) {
    out[i] = spend_[i];
    out[n + i] = cumulative_[i];
    out[2 * n + i] = funded_[i];
  }
  out[3 * n] = std::accumulate(spend_.begin(), spend_.end(), 0.0);
}

}  // namespace missionsim::model
