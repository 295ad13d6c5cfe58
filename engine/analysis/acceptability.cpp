#include "engine/analysis/acceptability.hpp"

#include "engine/core/error.hpp"

#include <cmath>
#include <string>

namespace missionsim {

AcceptabilityCurve acceptability_curve(const std::vector<std::vector<double>>& qalys,
                                       const std::vector<std::vector<double>>& costs,
                                       std::span<const double> willingness_to_pay) {
  const std::size_t options = qalys.size();
  if (options == 0 || costs.size() != options)
    throw InternalError("acceptability_curve: needs the same options (at least one) in qalys and costs");
  const std::size_t sets = qalys[0].size();
  if (sets == 0) throw InternalError("acceptability_curve: needs at least one parameter set");
  for (std::size_t o = 0; o < options; ++o) {
    if (qalys[o].size() != sets || costs[o].size() != sets)
      throw InternalError("acceptability_curve: option " + std::to_string(o) + " has a different set count");
    for (std::size_t k = 0; k < sets; ++k)
      if (!std::isfinite(qalys[o][k]) || !std::isfinite(costs[o][k]))
        throw InternalError("acceptability_curve: value not finite for option " + std::to_string(o));
  }
  AcceptabilityCurve out;
  out.willingness_to_pay.assign(willingness_to_pay.begin(), willingness_to_pay.end());
  out.probability.assign(options, std::vector<double>(willingness_to_pay.size(), 0.0));
  std::vector<double> nmb(options);
  for (std::size_t w = 0; w < willingness_to_pay.size(); ++w) {
    const double lambda = willingness_to_pay[w];
    if (!std::isfinite(lambda) || lambda < 0)
      throw InternalError("acceptability_curve: willingness to pay must be finite and >= 0");
    for (std::size_t k = 0; k < sets; ++k) {
      double best = -INFINITY;
      for (std::size_t o = 0; o < options; ++o) {
        nmb[o] = lambda * qalys[o][k] - costs[o][k];
        best = std::max(best, nmb[o]);
      }
      std::size_t winners = 0;
      for (std::size_t o = 0; o < options; ++o) winners += nmb[o] == best;
      for (std::size_t o = 0; o < options; ++o)
        if (nmb[o] == best) out.probability[o][w] += 1.0 / static_cast<double>(winners);
    }
    for (std::size_t o = 0; o < options; ++o) out.probability[o][w] /= static_cast<double>(sets);
  }
  return out;
}

std::vector<double> willingness_to_pay_grid(double highest, std::size_t count) {
  if (count < 2 || !std::isfinite(highest) || highest <= 0)
    throw InternalError("willingness_to_pay_grid: needs count >= 2 and a finite highest > 0");
  std::vector<double> out(count);
  for (std::size_t i = 0; i < count; ++i)
    out[i] = highest * static_cast<double>(i) / static_cast<double>(count - 1);
  return out;
}

}  // namespace missionsim
