// Discounting of health-economic flows: the one convention every analysis in missionsim uses.
// A flow during a step is valued at the step's mid-point (docs/model.md, section 12).
#pragma once

namespace missionsim {

/// Present-value factor of one unit received t_years after the analysis start, discounted
/// annually compounded at `rate` per year: (1 + rate)^(−t_years). discount_factor(r, 0) == 1;
/// rate == 0 gives 1 at every t. Throws InternalError unless rate is finite and > −1 and
/// t_years is finite (the scenario layer validates the user's rate; reaching here with a bad
/// one is a bug).
[[nodiscard]] double discount_factor(double rate, double t_years);

/// Factor applied to everything that happens during a step that starts at step_start_years and
/// lasts step_years: the mid-point convention, (1 + rate)^(−(step_start_years + step_years/2)).
/// Why the mid-point: a flow spread over the step (QALYs lived, yearly costs) is on average
/// received half-way through it; integrating the discount continuously within a step changes the
/// result by O((step_years · ln(1+rate))²) and is not worth a second convention.
[[nodiscard]] double step_discount_factor(double rate, double step_start_years, double step_years);

}  // namespace missionsim
