#include "models/equity/equity.hpp"

#include "engine/core/error.hpp"
#include "engine/core/seatbelt.hpp"

#include <limits>
#include <string>

namespace missionsim::model {

namespace {
constexpr double per_100k = 1e5;

struct IndicatorInfo {
  const char* name;
  const char* units;  ///< of the indicator (and so of its absolute gaps)
  const char* what;   ///< for descriptions
};
// In EquityIndicator order.
constexpr IndicatorInfo indicators[] = {
    {"incidence_rate", "per 100000 person-years", "incidence rate (new cases per 100,000 per year)"},
    {"disease_mortality_rate", "per 100000 person-years",
     "mortality from the disease (deaths per 100,000 per year)"},
    {"early_stage_share", "1", "early-stage share of diagnoses"},
};
static_assert(std::size(indicators) == equity_indicator_count);
}  // namespace

Equity::Equity(const Pathway& pathway, const Population& population, double dt_years)
    : pathway_(pathway), dt_years_(dt_years) {
  if (!(dt_years > 0)) throw InternalError("Equity: the step length must be positive");
  const auto& starts = population.region_starts();
  for (std::size_t r = 0; r + 1 < starts.size(); ++r) region_persons_.push_back(starts[r + 1] - starts[r]);
  for (auto q : population.quintile()) quintile_persons_[q] += 1;
}

// Rates use simulated counts over simulated persons: the scale (real persons per simulated
// person) multiplies both and cancels. A group without persons has no rate (NaN).
template <class CountOf>
double Equity::value(EquityIndicator indicator, CountOf count_of, double persons) const noexcept {
  switch (indicator) {
    case EquityIndicator::incidence_rate:
      return count_of(Pathway::incidence) / persons / dt_years_ * per_100k;
    case EquityIndicator::disease_mortality_rate:
      return count_of(Pathway::deaths_disease) / persons / dt_years_ * per_100k;
    case EquityIndicator::early_stage_share: {
      const double early = count_of(Pathway::diagnosed_early), late = count_of(Pathway::diagnosed_late);
      return early + late > 0 ? early / (early + late) : std::numeric_limits<double>::quiet_NaN();
    }
  }
  return std::numeric_limits<double>::quiet_NaN();
}

QuintileValues Equity::by_quintile(EquityIndicator indicator) const noexcept {
  QuintileValues h{};
  for (std::size_t q = 0; q < quintile_count; ++q)
    h[q] = value(
        indicator, [&](Pathway::Tally k) { return pathway_.last_step_in_quintile(k, q); },
        quintile_persons_[q]);
  return h;
}

double Equity::in_region(EquityIndicator indicator, std::size_t r) const noexcept {
  return value(
      indicator, [&](Pathway::Tally k) { return pathway_.last_step_in_region(k, r); }, region_persons_[r]);
}

void Equity::describe_metrics(std::vector<MetricSpec>& out) {
  for (const auto& i : indicators) {
    const std::string name = i.name, what = i.what;
    out.push_back({name + "_gap_absolute", i.units,
                   "Most deprived quintile (q5) minus least deprived (q1): " + what +
                       "; positive when q5's value is higher",
                   std::nullopt});
    out.push_back({name + "_gap_relative", "1",
                   "Most deprived quintile (q5) over least deprived (q1): " + what + "; NaN if q1's is 0",
                   std::nullopt});
    out.push_back({name + "_concentration_index", "1",
                   "Concentration index over quintiles ranked from most to least deprived: " + what +
                       "; negative when concentrated among the more deprived",
                   std::nullopt});
    out.push_back({name + "_gap_regions", i.units,
                   "Highest minus lowest region (regions without a value left out): " + what, std::nullopt});
  }
}

void Equity::write_metrics(std::span<double> out) const {
  MS_SEATBELT(out.size() == metric_width(),
              "equity metrics need " + std::to_string(metric_width()) + " values");
  std::size_t o = 0;
  for (std::size_t i = 0; i < equity_indicator_count; ++i) {
    const auto indicator = static_cast<EquityIndicator>(i);
    const QuintileValues h = by_quintile(indicator);
    out[o++] = gap_absolute(h);
    out[o++] = gap_relative(h);
    out[o++] = concentration_index(h);
    Spread regions;
    for (std::size_t r = 0; r < region_persons_.size(); ++r) regions.add(in_region(indicator, r));
    out[o++] = regions.width();
  }
}

}  // namespace missionsim::model
