#include "engine/analysis/arm_comparison.hpp"

#include "engine/core/error.hpp"
#include "engine/core/no_value.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

namespace missionsim {
namespace {

[[noreturn]] void contract_broken(const std::string& what) {
  throw InternalError("compare_arms: " + what);
}

std::size_t check(const ArmComparisonInput& in) {
  if (in.arms.empty()) contract_broken("needs at least one arm");
  if (in.qalys_outcome >= in.outcomes.size() || in.costs_outcome >= in.outcomes.size())
    contract_broken("the QALY and cost outcomes must be among the outcomes");
  if (!std::isfinite(in.willingness_to_pay) || in.willingness_to_pay < 0)
    contract_broken("willingness to pay must be finite and >= 0");
  for (double q : in.time_quantiles)
    if (!(q >= 0 && q <= 1)) contract_broken("quantiles must lie in [0, 1]");
  const auto& first = in.arms.front();
  const std::size_t samples = first.outcomes.empty() ? 0 : first.outcomes.front().size();
  if (samples == 0) contract_broken("needs at least one sample");
  for (const auto& arm : in.arms) {
    if (arm.outcomes.size() != in.outcomes.size() || arm.goal_met.size() != in.goals.size() ||
        arm.time_to_target.size() != in.goals.size())
      contract_broken("arm '" + arm.name + "' has the wrong number of outcome or goal columns");
    for (const auto& c : arm.outcomes)
      if (c.size() != samples) contract_broken("arm '" + arm.name + "' has a column of another length");
    for (const auto& c : arm.goal_met)
      if (c.size() != samples) contract_broken("arm '" + arm.name + "' has a column of another length");
    for (const auto& c : arm.time_to_target)
      if (c.size() != samples) contract_broken("arm '" + arm.name + "' has a column of another length");
  }
  return samples;
}

std::vector<double> net_benefit(const ArmComparisonInput& in, const ArmSamples& arm) {
  const auto& q = arm.outcomes[in.qalys_outcome];
  const auto& c = arm.outcomes[in.costs_outcome];
  std::vector<double> out(q.size());
  for (std::size_t i = 0; i < q.size(); ++i) out[i] = in.willingness_to_pay * q[i] - c[i];
  return out;
}
}  // namespace

ArmComparison compare_arms(const ArmComparisonInput& in) {
  const std::size_t samples = check(in);
  const ArmSamples& reference = in.arms.front();
  const auto reference_nmb = net_benefit(in, reference);
  ArmComparison out;
  for (std::size_t a = 0; a < in.arms.size(); ++a) {
    const ArmSamples& arm = in.arms[a];
    ArmResult r;
    for (std::size_t o = 0; o < in.outcomes.size(); ++o) {
      r.outcome.push_back(summarize(arm.outcomes[o]));
      r.difference.push_back(summarize_difference(reference.outcomes[o], arm.outcomes[o]));
    }
    const double dq = r.difference[in.qalys_outcome].mean;
    const double dc = r.difference[in.costs_outcome].mean;
    for (std::size_t o = 0; o < in.outcomes.size(); ++o) {
      const Better better = in.outcomes[o].better;
      const double d = r.difference[o].mean;
      const double improvement = better == Better::lower ? -d : d;
      const bool has = a > 0 && better != Better::neither && o != in.costs_outcome && improvement != 0 &&
                       std::isfinite(improvement);
      r.cost_per_improvement.push_back(has ? dc / improvement : nan);
    }
    if (a > 0) {
      r.icer = dq == 0 || !std::isfinite(dq) ? nan : dc / dq;
      if (dq >= 0.0 && dc <= 0.0 && (dq > 0.0 || dc < 0.0))
        r.icer_note = "dominant";
      else if (dq <= 0.0 && dc >= 0.0 && (dq < 0.0 || dc > 0.0))
        r.icer_note = "dominated";
    }

    std::size_t all_met = 0;
    std::vector<std::size_t> met(in.goals.size(), 0);
    for (std::size_t i = 0; i < samples; ++i) {
      bool all = true;
      for (std::size_t g = 0; g < in.goals.size(); ++g) {
        const bool ok = arm.goal_met[g][i] == 1;
        met[g] += ok;
        all = all && ok;
      }
      all_met += all;
    }
    r.all_goals_met = proportion(all_met, samples);
    for (std::size_t g = 0; g < in.goals.size(); ++g) {
      r.goal_met.push_back(proportion(met[g], samples));
      const auto& times = arm.time_to_target[g];
      const auto reached = static_cast<std::size_t>(
          std::count_if(times.begin(), times.end(), [](double t) { return std::isfinite(t); }));
      r.target_reached.push_back(proportion(reached, samples));
      std::vector<double> q;
      for (double p : in.time_quantiles) q.push_back(quantile(times, p));
      r.time_to_target.push_back(std::move(q));
    }
    const auto nmb = net_benefit(in, arm);
    r.net_monetary_benefit = summarize(nmb);
    r.incremental_net_monetary_benefit = summarize_difference(reference_nmb, nmb);
    out.arms.push_back(std::move(r));
  }
  out.ranking.resize(in.arms.size());
  std::iota(out.ranking.begin(), out.ranking.end(), std::size_t{0});
  // Ranked by the paired difference to the first arm: the same order as by the expected NMB,
  // without the rounding of two large means.
  // An arm without a finite NMB (NaN) ranks last.
  const auto key = [&](std::size_t a) {
    const double m = out.arms[a].incremental_net_monetary_benefit.mean;
    return std::isnan(m) ? -std::numeric_limits<double>::infinity() : m;
  };
  std::stable_sort(out.ranking.begin(), out.ranking.end(),
                   [&](std::size_t x, std::size_t y) { return key(x) > key(y); });
  for (std::size_t k = 0; k < out.ranking.size(); ++k) out.arms[out.ranking[k]].rank = k + 1;
  return out;
}

}  // namespace missionsim
