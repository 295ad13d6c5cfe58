#include "models/pathway/pathway.hpp"

#include "engine/core/names.hpp"

#include "engine/core/calendar.hpp"
#include "engine/core/error.hpp"
#include "models/world/stream_ids.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>

namespace missionsim::model {

namespace {
using S = CareState;
constexpr auto idx(CareState s) {
  return static_cast<std::size_t>(s);
}

// A destination of a transition: where the person goes, or death (disease or other causes).
enum class Exit : std::uint8_t { to_state, death_disease, death_other };
struct Branch {
  double rate;
  Exit exit;
  CareState to;
};
}  // namespace

Pathway::Pathway(PathwayParams params, const Population& population, BlockPartition blocks,
                 std::vector<PathwayEffect> effects)
    : params_(std::move(params)),
      population_(population),
      blocks_(blocks),
      effects_(std::move(effects)),
      regions_(population.params().regions.size()),
      bands_(population.params().age_bands.size()) {
  if (effects_.size() > max_effects) throw InternalError("Pathway: more innovation effects than max_effects");
  const auto& p = population.params();
  detection_multiplier_.resize(regions_ * quintile_count);
  for (std::size_t r = 0; r < regions_; ++r)
    for (int q = 0; q < quintile_count; ++q)
      detection_multiplier_[r * quintile_count + q] =
          p.regions[r].detection_multiplier * quintile_gradient(p.deprivation.detection_ratio, q);
  for (int q = 0; q < quintile_count; ++q)
    cure_multiplier_[q] = quintile_gradient(p.deprivation.survival_ratio, q);
  for (const auto& r : p.risk_factors) risk_factor_rr_.push_back(r.onset_multiplier);
  state_.assign(population.size(), idx(S::healthy));
  block_tallies_.assign(std::size_t{blocks_.block_count()} * block_stride(), 0.0);
  step_tally_.assign(stride(), 0.0);
  sum_.reserve(block_stride());
}

void Pathway::setup(std::uint64_t seed, std::uint32_t run) {
  std::fill(state_.begin(), state_.end(), idx(S::healthy));
  draws_ = PhiloxStream(stream_key(seed, run, StreamPurpose::pathway, params_.disease));
  std::fill(step_tally_.begin(), step_tally_.end(), 0.0);
  step_tally_[tally_kinds * groups() + idx(S::healthy)] = population_.size();
}

void Pathway::add_phases(StepPlan& plan) {
  Phase transition;
  transition.name = "pathway.transition";
  transition.on_block = [this](const StepContext& ctx, const AgentBlock& b) { this->transition(ctx, b); };
  plan.add(std::move(transition));

  Phase combine;
  combine.name = "pathway.combine";
  combine.kind = Phase::Kind::serial;
  combine.on_step = [this](const StepContext& ctx) { this->combine(ctx); };
  plan.add(std::move(combine));
}

void Pathway::transition(const StepContext& ctx, const AgentBlock& b) {
  double* tally = block_tallies_.data() + std::size_t{b.index} * block_stride();
  std::fill(tally, tally + block_stride(), 0.0);
  const auto region = population_.region();
  const auto quintile = population_.quintile();
  const auto band = population_.age_band();
  const auto onset_risk = population_.onset_risk();
  const auto risk_factors = population_.risk_factors();
  const auto& bands = population_.params().age_bands;
  const auto& p = params_;
  const double dt = ctx.dt_years;
  const std::size_t g = groups();

  // The adopted columns of this step, fetched once per block.
  std::array<std::span<const std::uint8_t>, max_effects> adopted_small{};
  const std::size_t n_effects = effects_.size();
  for (std::size_t e = 0; e < n_effects; ++e) adopted_small[e] = effects_[e].adopted();

  for (std::uint32_t i = b.begin; i < b.end; ++i) {
    const auto s = static_cast<CareState>(state_[i]);
    const std::size_t r = region[i], q = quintile[i];
    double onset_mult = 1.0, detect_mult = 1.0, cure_mult = 1.0;
    for (std::size_t e = 0; e < n_effects; ++e) {
      const auto& effect = effects_[e];
      if (effect.provider_of.empty() ? !adopted_small[e][i]
                                     : !(effect.reached[i] && adopted_small[e][effect.provider_of[i]]))
        continue;
      onset_mult *= effects_[e].onset;
      detect_mult *= effects_[e].early_detection;
      cure_mult *= effects_[e].cure;
    }
    const double mu = bands[band[i]].other_mortality;
    const double detection = detection_multiplier_[r * quintile_count + q];
    const double cure = cure_multiplier_[q] * cure_mult;

    // At most three competing exits per state plus death from other causes.
    std::array<Branch, 4> branches{};
    std::size_t n = 0;
    switch (s) {
      case S::healthy:
        branches[n++] = {(p.onset_rate_by_band.empty() ? p.onset_rate : p.onset_rate_by_band[band[i]]) *
                             onset_risk[i] * onset_mult,
                         Exit::to_state, S::preclinical_early};
        break;
      case S::preclinical_early:
        branches[n++] = {p.progression_rate, Exit::to_state, S::preclinical_late};
        branches[n++] = {p.early_detection_rate * detection * detect_mult, Exit::to_state,
                         S::diagnosed_early};
        break;
      case S::preclinical_late:
        branches[n++] = {p.late_detection_rate * detection, Exit::to_state, S::diagnosed_late};
        branches[n++] = {p.undiagnosed_death_rate, Exit::death_disease, S::healthy};
        break;
      case S::diagnosed_early:
        branches[n++] = {p.treatment_start_rate, Exit::to_state, S::treated_early};
        break;
      case S::diagnosed_late:
        branches[n++] = {p.treatment_start_rate, Exit::to_state, S::treated_late};
        break;
      case S::treated_early:
        branches[n++] = {p.early_cure_rate * cure, Exit::to_state, S::survivor};
        branches[n++] = {p.early_death_rate, Exit::death_disease, S::healthy};
        break;
      case S::treated_late:
        branches[n++] = {p.late_cure_rate * cure, Exit::to_state, S::survivor};
        branches[n++] = {p.late_death_rate, Exit::death_disease, S::healthy};
        break;
      case S::survivor:
        break;
    }
    branches[n++] = {mu, Exit::death_other, S::healthy};

    // The year's quality weight counts for the state the person starts the step in.
    double* at_start = tally + counted_kinds * g;
    at_start[r * care_state_count + idx(s)] += 1;
    at_start[(regions_ + q) * care_state_count + idx(s)] += 1;

    double total = 0;
    for (std::size_t k = 0; k < n; ++k) total += branches[k].rate;
    CareState next = s;
    if (total > 0) {
      const double u = draws_.uniform(ctx.step, i, 0);
      // Most people stay where they are: the bound spares them the exp.
      const double leave = u < step_probability_bound(total, dt) ? step_probability(total, dt) : 0.0;
      if (u < leave) {
        // Conditional on leaving, u / leave is uniform on [0, 1): it picks the branch.
        const double pick = u / leave * total;
        std::size_t k = 0;
        double cumulative = branches[0].rate;
        while (k + 1 < n && pick >= cumulative) cumulative += branches[++k].rate;
        const Branch& br = branches[k];
        auto count = [&](Tally kind, double value) {
          tally[kind * g + r] += value;
          tally[kind * g + regions_ + q] += value;
        };
        if (br.exit == Exit::to_state) {
          next = br.to;
          if (next == S::preclinical_early) {
            count(incidence, 1);
            // Onsets are rare: the product over the person's risk factors is taken only here.
            double rr = onset_mult;
            for (std::uint32_t m = risk_factors[i]; m != 0; m &= m - 1)
              rr *= risk_factor_rr_[std::countr_zero(m)];
            if (rr > 1) count(preventable_incidence, std::round((1 - 1 / rr) * preventable_unit));
          }
          if (next == S::diagnosed_early) count(diagnosed_early, 1);
          if (next == S::diagnosed_late) count(diagnosed_late, 1);
        } else {
          count(br.exit == Exit::death_disease ? deaths_disease : deaths_other, 1);
          if (br.exit == Exit::death_disease) {
            double* by_band = tally + (counted_kinds + care_state_count) * g;
            by_band[r * bands_ + band[i]] += 1;
            by_band[(regions_ + q) * bands_ + band[i]] += 1;
          }
          next = S::healthy;  // the place is taken by a new, healthy person
        }
      }
    }
    state_[i] = idx(next);
    tally[(counted_kinds + care_state_count + bands_) * g + idx(next)] += 1;
  }
}

void Pathway::combine(const StepContext& ctx) {
  const std::size_t g = groups(), n = block_stride();
  sum_.assign(n, 0.0);  // capacity reserved in the constructor: no allocation
  for (std::uint32_t b = 0; b < blocks_.block_count(); ++b) {
    const double* t = block_tallies_.data() + std::size_t{b} * n;
    for (std::size_t k = 0; k < n; ++k) sum_[k] += t[k];
  }
  std::fill(step_tally_.begin(), step_tally_.end(), 0.0);
  std::copy(sum_.begin(), sum_.begin() + static_cast<std::ptrdiff_t>(counted_kinds * g), step_tally_.begin());
  for (std::size_t k = 0; k < g; ++k) step_tally_[preventable_incidence * g + k] /= preventable_unit;
  const double* at_start = sum_.data() + counted_kinds * g;
  const double* by_band = sum_.data() + (counted_kinds + care_state_count) * g;
  const auto& bands = population_.params().age_bands;
  for (std::size_t k = 0; k < g; ++k) {
    double q = 0, y = 0;
    for (std::size_t s = 0; s < care_state_count; ++s)
      q += at_start[k * care_state_count + s] * params_.utility[s];
    for (std::size_t b = 0; b < bands_; ++b) y += by_band[k * bands_ + b] * bands[b].life_expectancy;
    step_tally_[qalys * g + k] = q * ctx.dt_years;
    step_tally_[yll * g + k] = y;
  }
  const double* at_end = sum_.data() + (counted_kinds + care_state_count + bands_) * g;
  std::copy(at_end, at_end + care_state_count,
            step_tally_.begin() + static_cast<std::ptrdiff_t>(tally_kinds * g));
}

std::array<std::uint64_t, care_state_count> Pathway::state_counts() const {
  std::array<std::uint64_t, care_state_count> out{};
  for (std::size_t s = 0; s < care_state_count; ++s)
    out[s] = static_cast<std::uint64_t>(step_tally_[tally_kinds * groups() + s]);
  return out;
}

namespace {
struct CountedMetric {
  const char* name;
  const char* units;
  const char* description;
};
// In Tally order; early_stage_share is derived and inserted after diagnosed_late.
constexpr CountedMetric counted[] = {
    {"incidence", "persons", "New cases (onsets) during the step"},
    {"diagnoses_early", "persons", "Diagnoses at an early stage during the step"},
    {"diagnoses_late", "persons", "Diagnoses at a late stage during the step"},
    {"deaths_disease", "persons", "Deaths from the disease during the step"},
    {"deaths_other", "persons", "Deaths from other causes during the step"},
    {"preventable_incidence", "persons",
     "Onsets attributable to the risk factors during the step: each onset counts 1 - 1/RR, RR the relative "
     "risk of onset its risk factors and adopted innovations give"},
    {"life_years_lost", "years", "Years of life lost to deaths from the disease during the step"},
    {"qalys", "QALY", "Quality-adjusted life-years lived during the step"},
};
}  // namespace

void Pathway::describe_metrics(const PopulationParams& population, std::vector<MetricSpec>& out) {
  const Breakdown by_region{"region", names_of(population.regions)};
  const Breakdown by_quintile{"quintile", Population::quintile_labels()};
  out.push_back({"people", "persons", "People in each state of the care pathway at the end of the step",
                 Breakdown{"care_state", care_state_labels()}});
  for (const auto& m : counted) {
    out.push_back({m.name, m.units, m.description, std::nullopt});
    out.push_back({m.name, m.units, m.description, by_region});
    out.push_back({m.name, m.units, m.description, by_quintile});
  }
  const char* share = "Share of the step's diagnoses made at an early stage (NaN without diagnoses)";
  out.push_back({"early_stage_share", "1", share, std::nullopt});
  out.push_back({"early_stage_share", "1", share, by_region});
  out.push_back({"early_stage_share", "1", share, by_quintile});
  const char* preventable =
      "Share of the step's onsets attributable to the risk factors, preventable_incidence / incidence "
      "(NaN without onsets)";
  out.push_back({"preventable_share", "1", preventable, std::nullopt});
  out.push_back({"preventable_share", "1", preventable, by_region});
  out.push_back({"preventable_share", "1", preventable, by_quintile});
}

std::size_t Pathway::metric_width() const noexcept {
  return care_state_count + (std::size(counted) + 2) * (1 + groups());
}

void Pathway::write_metrics(std::span<double> out) const {
  const double scale = population_.scale();
  const std::size_t g = groups();
  std::size_t o = 0;
  for (std::size_t s = 0; s < care_state_count; ++s) out[o++] = step_tally_[tally_kinds * g + s] * scale;
  auto write_kind = [&](auto value_of) {
    double total = 0;
    for (std::size_t r = 0; r < regions_; ++r) total += value_of(r);  // regions partition the population
    out[o++] = total;
    for (std::size_t k = 0; k < g; ++k) out[o++] = value_of(k);
  };
  for (std::size_t kind = 0; kind < tally_kinds; ++kind)
    write_kind([&](std::size_t k) { return step_tally_[kind * g + k] * scale; });
  // Shares of one kind in another (early in all diagnoses, preventable in all onsets), in total
  // and by group.
  const auto write_share = [&](Tally part, auto whole_of) {
    const auto share = [](double x, double whole) {
      return whole > 0 ? x / whole : std::numeric_limits<double>::quiet_NaN();
    };
    double part_total = 0, whole_total = 0;
    for (std::size_t r = 0; r < regions_; ++r) {
      part_total += step_tally_[part * g + r];
      whole_total += whole_of(r);
    }
    out[o++] = share(part_total, whole_total);
    for (std::size_t k = 0; k < g; ++k) out[o++] = share(step_tally_[part * g + k], whole_of(k));
  };
  write_share(diagnosed_early, [&](std::size_t k) {
    return step_tally_[diagnosed_early * g + k] + step_tally_[diagnosed_late * g + k];
  });
  write_share(preventable_incidence, [&](std::size_t k) { return step_tally_[incidence * g + k]; });
}

}  // namespace missionsim::model
