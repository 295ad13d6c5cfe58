// Health-economic comparison of a policy arm with its baseline arm (same world, same seed, no
// instruments): QALYs, life-years, deaths, costs, ICER and net monetary benefit. Domain-free: it
// receives per-step time series, not a model. Every formula is in docs/model.md, section 12.
#pragma once

#include <string>
#include <vector>

namespace missionsim {

/// One arm (policy or baseline) as per-step flows. Every vector has one entry per step; both arms
/// of a comparison must have the same steps (same time_years, same dt_years).
struct EconomicSeries {
  std::vector<double> time_years;  ///< start of each step since the analysis start, years (t_k)
  double dt_years = 0.0;           ///< step length, years (Δt)
  std::vector<double> qalys;       ///< QALYs lived during the step, scaled to real persons (Q_k)
  std::vector<double>
      life_years_lost;         ///< life-years not lived during the step (L_k); see docs/model.md, section 12
  std::vector<double> deaths;  ///< deaths from the disease during the step (D_k)
  std::vector<double> costs;   ///< all costs incurred during the step, currency (C_k)
  std::vector<double> equity_gap;  ///< optional (empty = absent): a gap metric per step (G_k)
};

/// Taken from the scenario.
struct EconomicSettings {
  double discount_rate = 0.03;        ///< r, per year, annual compounding; same for costs and QALYs
  double willingness_to_pay = 30000;  ///< λ, currency per QALY
};

/// The policy against its baseline. Gains and averted counts are positive when the policy does
/// better; incremental costs are policy cost − baseline cost.
struct EconomicComparison {
  EconomicSettings settings;  ///< what the discounted figures and NMB were computed with

  double deaths_averted = 0;                 ///< Σ (D^B − D^P), undiscounted
  double life_years_gained = 0;              ///< Σ (L^B − L^P), undiscounted
  double life_years_gained_discounted = 0;   ///< Σ d_k (L^B − L^P)
  double qalys_gained = 0;                   ///< ΔQALY = Σ d_k (Q^P − Q^B)
  double qalys_gained_undiscounted = 0;      ///< Σ (Q^P − Q^B)
  double incremental_cost = 0;               ///< ΔC = Σ d_k (C^P − C^B)
  double incremental_cost_undiscounted = 0;  ///< Σ (C^P − C^B)

  double policy_qalys = 0;    ///< Σ d_k Q^P
  double baseline_qalys = 0;  ///< Σ d_k Q^B
  double policy_cost = 0;     ///< Σ d_k C^P
  double baseline_cost = 0;   ///< Σ d_k C^B

  double icer = 0;                  ///< ΔC / ΔQALY; NaN when ΔQALY == 0
  double net_monetary_benefit = 0;  ///< λ·ΔQALY − ΔC (discounted)
  double equity_gap_closed = 0;     ///< G^B − G^P at the last step; NaN when the gap is absent

  /// "dominant": ΔQALY ≥ 0 and ΔC ≤ 0, not both zero (no worse, cheaper or better);
  /// "dominated": ΔQALY ≤ 0 and ΔC ≥ 0, not both zero; otherwise "" (a trade-off, or no difference).
  std::string icer_note;
};

/// Compares the two arms. Throws InternalError if the arms do not describe the same steps
/// (lengths, times or step length differ), a value is not finite, dt_years is not > 0, only one
/// arm has an equity gap, or the settings are out of range (rate not > −1, λ negative): the
/// caller builds both series from the same run layout, so any mismatch is a bug.
[[nodiscard]] EconomicComparison compare(const EconomicSeries& policy, const EconomicSeries& baseline,
                                         const EconomicSettings& settings);

}  // namespace missionsim
