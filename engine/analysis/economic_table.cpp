#include "engine/analysis/economic_table.hpp"

namespace missionsim {

std::vector<EconomicRow> economic_table(const EconomicComparison& c, const EconomicUnits& units) {
  const std::string& cur = units.currency;
  const std::string per_qaly = cur + "/QALY";
  const std::string disc = " discounted at the discount rate, each step at its mid-point";
  return {
      {"discount_rate", c.settings.discount_rate, "1/year",
       "Annual discount rate applied to costs, QALYs and life-years (annual compounding)"},
      {"willingness_to_pay", c.settings.willingness_to_pay, per_qaly,
       "Willingness to pay per QALY gained used for the net monetary benefit"},
      {"deaths_averted", c.deaths_averted, "persons", "Baseline deaths minus policy deaths, undiscounted"},
      {"life_years_gained", c.life_years_gained, "years",
       "Baseline minus policy life-years lost, undiscounted"},
      {"life_years_gained_discounted", c.life_years_gained_discounted, "years",
       "Baseline minus policy life-years lost," + disc},
      {"qalys_gained", c.qalys_gained, "QALY", "Policy minus baseline QALYs," + disc},
      {"qalys_gained_undiscounted", c.qalys_gained_undiscounted, "QALY",
       "Policy minus baseline QALYs, undiscounted"},
      {"policy_qalys", c.policy_qalys, "QALY", "QALYs lived in the policy arm," + disc},
      {"baseline_qalys", c.baseline_qalys, "QALY", "QALYs lived in the baseline arm," + disc},
      {"incremental_cost", c.incremental_cost, cur, "Policy minus baseline costs," + disc},
      {"incremental_cost_undiscounted", c.incremental_cost_undiscounted, cur,
       "Policy minus baseline costs, undiscounted"},
      {"policy_cost", c.policy_cost, cur, "Costs of the policy arm," + disc},
      {"baseline_cost", c.baseline_cost, cur, "Costs of the baseline arm," + disc},
      {"icer", c.icer, per_qaly,
       "Incremental cost-effectiveness ratio: incremental cost / QALYs gained (both discounted); NaN if no "
       "QALYs gained or lost"},
      {"icer_note", c.icer_note, "",
       "'dominant' if the policy is no worse in QALYs and no dearer, and better in one; 'dominated' if it is "
       "no "
       "better in QALYs and no cheaper, and worse in one; otherwise empty"},
      {"net_monetary_benefit", c.net_monetary_benefit, cur,
       "Willingness to pay x QALYs gained - incremental cost (both discounted)"},
      {"equity_gap_closed", c.equity_gap_closed, units.equity_gap,
       "Baseline minus policy equity gap at the last step; NaN if no equity gap was recorded"},
  };
}

}  // namespace missionsim
