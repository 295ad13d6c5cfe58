#include "engine/analysis/comparison_output.hpp"

#include "engine/io/array_file.hpp"

#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <functional>

namespace missionsim {

namespace {
std::vector<double> indices(std::size_t n) {
  std::vector<double> out(n);
  for (std::size_t i = 0; i < n; ++i) out[i] = static_cast<double>(i);
  return out;
}

std::string format(const char* pattern, ...) {
  char buffer[512];
  va_list args;
  va_start(args, pattern);
  std::vsnprintf(buffer, sizeof buffer, pattern, args);
  va_end(args);
  return buffer;
}

// Numbers for people: 4 significant digits, "n/a" for NaN, "not reached" for +∞.
std::string num(double x) {
  if (std::isnan(x)) return "n/a";
  if (std::isinf(x)) return x > 0 ? "not reached" : "-inf";
  if (x == 0) return "0";
  return format("%.4g", x);
}
std::string signed_num(double x) {
  return (x > 0 && std::isfinite(x) ? "+" : "") + num(x);
}
std::string interval(double lo, double hi) {
  return "[" + num(lo) + ", " + num(hi) + "]";
}
}  // namespace

void write_comparison(ArrayFile& file, const std::string& group, const ArmComparisonInput& in,
                      const ArmComparison& result, const ComparisonContext& context) {
  const std::size_t K = in.outcomes.size(), G = in.goals.size();
  const std::size_t S = in.arms.front().outcomes.front().size();
  std::vector<std::string> mixes, outcomes, units, descriptions;
  for (const auto& a : in.arms) mixes.push_back(a.name);
  for (const auto& o : in.outcomes) {
    outcomes.push_back(o.name);
    units.push_back(o.units);
    descriptions.push_back(o.description);
  }
  file.attribute(group, "description",
                 "Intervention mixes run with the same seeds (common random numbers); differences are "
                 "paired against the first mix");
  file.attribute(group, "reference_mix", mixes.front());
  file.attribute(group, "seed", static_cast<std::int64_t>(context.seed));
  file.attribute(group, "replicates", static_cast<std::int64_t>(context.replicates));
  file.attribute(group, "parameter_sets", static_cast<std::int64_t>(context.sets));
  file.attribute(group, "willingness_to_pay", in.willingness_to_pay);
  file.attribute(group, "willingness_to_pay_units", context.currency + " per QALY");
  file.attribute(group, "discount_rate", context.discount_rate);
  file.attribute(group, "currency", context.currency);
  file.attribute(group, "ci", "95% confidence interval of the mean: mean ± t(0.975, n−1)·sd/√n");
  file.attribute(group, "range", "2.5% and 97.5% quantiles of the samples (where 95% of them lie)");
  file.axis(group, "mix", mixes, "intervention mix (the first is the reference)");
  file.axis(group, "outcome", outcomes, "headline outcome");
  file.axis(group, "goal", in.goals, "goal of the mission");
  file.axis(group, "quantile", in.time_quantiles, "1", "quantile of the time to target");
  file.axis(group, "sample", indices(S), "1",
            "sample = parameter set × replicates + replicate; the same seeds in every mix");
  file.strings(group, "outcome_units", {"outcome"}, units, "units of each outcome");
  file.strings(group, "outcome_description", {"outcome"}, descriptions, "what each outcome is");

  const std::string per_outcome = "see outcome_units";
  auto mix_outcome = [&](const std::string& name, const std::string& description,
                         const std::function<double(const ArmResult&, std::size_t)>& get) {
    std::vector<double> data;
    for (const auto& r : result.arms)
      for (std::size_t k = 0; k < K; ++k) data.push_back(get(r, k));
    file.array(group, name, {"mix", "outcome"}, data, per_outcome, description);
  };
  mix_outcome("mean", "mean over the samples",
              [](const ArmResult& r, std::size_t k) { return r.outcome[k].mean; });
  mix_outcome("sd", "standard deviation over the samples",
              [](const ArmResult& r, std::size_t k) { return r.outcome[k].sd; });
  mix_outcome("ci_low", "lower end of the 95% confidence interval of the mean",
              [](const ArmResult& r, std::size_t k) { return r.outcome[k].ci_low; });
  mix_outcome("ci_high", "upper end of the 95% confidence interval of the mean",
              [](const ArmResult& r, std::size_t k) { return r.outcome[k].ci_high; });
  mix_outcome("range_low", "2.5% quantile of the samples",
              [](const ArmResult& r, std::size_t k) { return r.outcome[k].range_low; });
  mix_outcome("range_high", "97.5% quantile of the samples",
              [](const ArmResult& r, std::size_t k) { return r.outcome[k].range_high; });
  mix_outcome("difference_mean", "mean of the paired differences, this mix − the first",
              [](const ArmResult& r, std::size_t k) { return r.difference[k].mean; });
  mix_outcome("difference_ci_low", "lower end of the 95% confidence interval of the mean paired difference",
              [](const ArmResult& r, std::size_t k) { return r.difference[k].ci_low; });
  mix_outcome("difference_ci_high", "upper end of the 95% confidence interval of the mean paired difference",
              [](const ArmResult& r, std::size_t k) { return r.difference[k].ci_high; });
  mix_outcome("difference_range_low", "2.5% quantile of the paired differences",
              [](const ArmResult& r, std::size_t k) { return r.difference[k].range_low; });
  mix_outcome("difference_range_high", "97.5% quantile of the paired differences",
              [](const ArmResult& r, std::size_t k) { return r.difference[k].range_high; });
  {
    std::vector<double> data;
    for (const auto& r : result.arms)
      data.insert(data.end(), r.cost_per_improvement.begin(), r.cost_per_improvement.end());
    file.array(group, "cost_per_improvement", {"mix", "outcome"}, data,
               context.currency + " per unit of the outcome",
               "mean incremental cost / mean improvement against the first mix (for qalys: the ICER); NaN "
               "without a direction or an improvement");
  }
  {
    std::vector<double> data;
    for (const auto& a : in.arms)
      for (const auto& column : a.outcomes) data.insert(data.end(), column.begin(), column.end());
    file.array(group, "samples", {"mix", "outcome", "sample"}, data, per_outcome, "each sample's outcomes");
  }

  auto mix_goal = [&](const std::string& name, const std::string& u, const std::string& description,
                      const std::function<double(const ArmResult&, std::size_t)>& get) {
    std::vector<double> data;
    for (const auto& r : result.arms)
      for (std::size_t g = 0; g < G; ++g) data.push_back(get(r, g));
    file.array(group, name, {"mix", "goal"}, data, u, description);
  };
  mix_goal("probability_goal_met", "1", "share of samples in which the goal is met at its deadline",
           [](const ArmResult& r, std::size_t g) { return r.goal_met[g].estimate; });
  mix_goal("probability_goal_met_low", "1", "lower end of its Wilson 95% interval",
           [](const ArmResult& r, std::size_t g) { return r.goal_met[g].low; });
  mix_goal("probability_goal_met_high", "1", "upper end of its Wilson 95% interval",
           [](const ArmResult& r, std::size_t g) { return r.goal_met[g].high; });
  mix_goal("probability_target_reached", "1",
           "share of samples in which the KPI reaches the target at some step of the run",
           [](const ArmResult& r, std::size_t g) { return r.target_reached[g].estimate; });
  {
    std::vector<double> quantiles, times, met;
    for (const auto& r : result.arms)
      for (std::size_t g = 0; g < G; ++g)
        quantiles.insert(quantiles.end(), r.time_to_target[g].begin(), r.time_to_target[g].end());
    for (const auto& a : in.arms)
      for (std::size_t g = 0; g < G; ++g) {
        times.insert(times.end(), a.time_to_target[g].begin(), a.time_to_target[g].end());
        for (auto x : a.goal_met[g]) met.push_back(x);
      }
    file.array(group, "time_to_target", {"mix", "goal", "quantile"}, quantiles, "years",
               "quantiles of the time from the start to the end of the first step at which the KPI meets "
               "the target; inf = not reached within the run");
    file.array(group, "time_to_target_samples", {"mix", "goal", "sample"}, times, "years",
               "each sample's time to target; inf = not reached within the run");
    file.array(group, "goal_met_samples", {"mix", "goal", "sample"}, met, "1",
               "each sample's goal outcome: 1 met, 0 missed, -1 not decided");
  }

  auto per_mix = [&](const std::string& name, const std::string& u, const std::string& description,
                     const std::function<double(const ArmResult&)>& get) {
    std::vector<double> data;
    for (const auto& r : result.arms) data.push_back(get(r));
    file.array(group, name, {"mix"}, data, u, description);
  };
  per_mix("probability_all_goals_met", "1", "share of samples in which every goal is met",
          [](const ArmResult& r) { return r.all_goals_met.estimate; });
  per_mix("probability_all_goals_met_low", "1", "lower end of its Wilson 95% interval",
          [](const ArmResult& r) { return r.all_goals_met.low; });
  per_mix("probability_all_goals_met_high", "1", "upper end of its Wilson 95% interval",
          [](const ArmResult& r) { return r.all_goals_met.high; });
  const std::string money = context.currency;
  per_mix("net_monetary_benefit", money, "expected λ·QALYs − costs (discounted) at the scenario's λ",
          [](const ArmResult& r) { return r.net_monetary_benefit.mean; });
  per_mix("incremental_net_monetary_benefit", money, "mean paired NMB difference to the first mix",
          [](const ArmResult& r) { return r.incremental_net_monetary_benefit.mean; });
  per_mix("incremental_net_monetary_benefit_ci_low", money, "lower end of its 95% confidence interval",
          [](const ArmResult& r) { return r.incremental_net_monetary_benefit.ci_low; });
  per_mix("incremental_net_monetary_benefit_ci_high", money, "upper end of its 95% confidence interval",
          [](const ArmResult& r) { return r.incremental_net_monetary_benefit.ci_high; });
  per_mix("icer", money + " per QALY",
          "incremental cost-effectiveness ratio against the first mix (NaN: no QALY difference)",
          [](const ArmResult& r) { return r.icer; });
  per_mix("rank", "1", "rank by expected net monetary benefit (1 = highest)",
          [](const ArmResult& r) { return static_cast<double>(r.rank); });
  std::vector<std::string> notes;
  for (const auto& r : result.arms) notes.push_back(r.icer_note);
  file.strings(group, "icer_note", {"mix"}, notes,
               "\"dominant\" (no fewer QALYs and no more cost than the first mix), \"dominated\", or \"\"");
}

void write_acceptability(ArrayFile& file, const std::string& group, const std::vector<std::string>& mixes,
                         const AcceptabilityCurve& curve, const ComparisonContext& context) {
  file.attribute(
      group, "description",
      "Cost-effectiveness acceptability curve: for each willingness to pay, the share of parameter "
      "sets in which each mix has the highest net monetary benefit (ties shared)");
  file.attribute(group, "parameter_sets", static_cast<std::int64_t>(context.sets));
  file.axis(group, "mix", mixes, "intervention mix");
  file.axis(group, "willingness_to_pay", curve.willingness_to_pay, context.currency + " per QALY",
            "value of one QALY");
  std::vector<double> data;
  for (const auto& row : curve.probability) data.insert(data.end(), row.begin(), row.end());
  file.array(group, "probability_most_cost_effective", {"mix", "willingness_to_pay"}, data, "1",
             "share of parameter sets in which the mix has the highest net monetary benefit");
}

std::string comparison_report(const ArmComparisonInput& in, const ArmComparison& result,
                              const ComparisonContext& context) {
  const std::size_t samples = in.arms.front().outcomes.front().size();
  std::string out;
  const std::string& first = in.arms.front().name;
  out +=
      format("compare    %zu mixes, %zu samples each (%u parameter set(s) x %u replicate(s)), seed %llu,\n",
             in.arms.size(), samples, context.sets, context.replicates,
             static_cast<unsigned long long>(context.seed));
  out +=
      "           the same seeds in every mix (common random numbers); differences against " + first + "\n";
  std::size_t width = 8;
  for (const auto& a : in.arms) width = std::max(width, a.name.size() + 2);
  const int w = static_cast<int>(width);

  out += format("\nranking by expected net monetary benefit at %s %s/QALY (discounted %.1f %% a year)\n",
                num(in.willingness_to_pay).c_str(), context.currency.c_str(), 100 * context.discount_rate);
  out += format("  rank  %-*s %-14s %-40s %s\n", w, "mix", "expected NMB",
                ("NMB vs " + first + " [95% CI]").c_str(), "P(all goals met) [95% CI]");
  for (std::size_t k = 0; k < result.ranking.size(); ++k) {
    const std::size_t a = result.ranking[k];
    const auto& r = result.arms[a];
    const auto& n = r.incremental_net_monetary_benefit;
    out += format("  %-4zu  %-*s %-14s %-40s %s %s\n", k + 1, w, in.arms[a].name.c_str(),
                  num(r.net_monetary_benefit.mean).c_str(),
                  (signed_num(n.mean) + " " + interval(n.ci_low, n.ci_high)).c_str(),
                  num(r.all_goals_met.estimate).c_str(),
                  interval(r.all_goals_met.low, r.all_goals_met.high).c_str());
  }

  out += "\ncost-effectiveness against " + first + " (means of the paired differences)\n";
  out += format("  %-*s %16s %16s %18s %s\n", w, "mix", "QALYs gained", "extra cost", "ICER", "note");
  for (std::size_t a = 1; a < in.arms.size(); ++a) {
    const auto& r = result.arms[a];
    out += format("  %-*s %16s %16s %18s %s\n", w, in.arms[a].name.c_str(),
                  signed_num(r.difference[in.qalys_outcome].mean).c_str(),
                  signed_num(r.difference[in.costs_outcome].mean).c_str(),
                  (num(r.icer) + " " + context.currency + "/QALY").c_str(), r.icer_note.c_str());
  }

  for (std::size_t g = 0; g < in.goals.size(); ++g) {
    out += "\ngoal " + in.goals[g] +
           ": probability met by the deadline [95% CI]; time to target in years,\n" +
           "  median (5% to 95%), from the start to the end of the first step that meets the target\n";
    std::size_t median = 0, q05 = 0, q95 = 0;
    for (std::size_t q = 0; q < in.time_quantiles.size(); ++q) {
      if (in.time_quantiles[q] == 0.5) median = q;
      if (in.time_quantiles[q] == 0.05) q05 = q;
      if (in.time_quantiles[q] == 0.95) q95 = q;
    }
    for (std::size_t a = 0; a < in.arms.size(); ++a) {
      const auto& r = result.arms[a];
      const auto& t = r.time_to_target[g];
      out +=
          format("  %-*s met %-5s %-16s reached %-5s time %s (%s to %s)\n", w, in.arms[a].name.c_str(),
                 num(r.goal_met[g].estimate).c_str(), interval(r.goal_met[g].low, r.goal_met[g].high).c_str(),
                 num(r.target_reached[g].estimate).c_str(), num(t[median]).c_str(), num(t[q05]).c_str(),
                 num(t[q95]).c_str());
    }
  }

  out += "\noutcomes: mean (2.5% to 97.5% of samples); difference to " + first +
         ": mean [95% CI]; cost per unit improved\n";
  for (std::size_t k = 0; k < in.outcomes.size(); ++k) {
    const auto& spec = in.outcomes[k];
    out += "  " + spec.name + (spec.units.empty() || spec.units == "1" ? "" : " (" + spec.units + ")") + "\n";
    for (std::size_t a = 0; a < in.arms.size(); ++a) {
      const auto& r = result.arms[a];
      const auto& s = r.outcome[k];
      const auto& d = r.difference[k];
      std::string line = format("    %-*s %-12s %-26s", w, in.arms[a].name.c_str(), num(s.mean).c_str(),
                                ("(" + num(s.range_low) + " to " + num(s.range_high) + ")").c_str());
      if (a > 0) {
        line += format(" %-12s %-26s", signed_num(d.mean).c_str(), interval(d.ci_low, d.ci_high).c_str());
        if (!std::isnan(r.cost_per_improvement[k]))
          line += " " + num(r.cost_per_improvement[k]) + " " + context.currency + " per unit";
      }
      while (!line.empty() && line.back() == ' ') line.pop_back();
      out += line + "\n";
    }
  }
  return out;
}

std::string acceptability_report(const std::vector<std::string>& mixes, const AcceptabilityCurve& curve,
                                 const ComparisonContext& context, std::size_t rows) {
  std::string out = format(
      "\ncost-effectiveness acceptability (%u parameter sets): probability each mix has the highest net "
      "monetary benefit\n",
      context.sets);
  out += format("  %16s", ("WTP " + context.currency + "/QALY").c_str());
  for (const auto& m : mixes) out += format(" %12s", m.c_str());
  out += "\n";
  const std::size_t n = curve.willingness_to_pay.size();
  const std::size_t shown = std::min(rows, n);
  for (std::size_t i = 0; i < shown; ++i) {
    const std::size_t w = shown < 2 ? 0 : i * (n - 1) / (shown - 1);
    out += format("  %16s", num(curve.willingness_to_pay[w]).c_str());
    for (const auto& p : curve.probability) out += format(" %12.3f", p[w]);
    out += "\n";
  }
  return out;
}

}  // namespace missionsim
