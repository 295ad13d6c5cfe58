// Probability distributions of uncertain scenario parameters (probabilistic sensitivity
// analysis): mean, variance, support and inverse-CDF draws from Philox uniforms, so a draw is a
// pure function of (seed, parameter set, key path) and mixes that share a distribution share
// its draws. Formulas are Boost.Math's; docs/model.md lists the parameterisations.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace missionsim {

enum class DistributionKind { normal, lognormal, beta, gamma, uniform, triangular };

/// The parameterisations, as scenario files write them:
///   normal(mean, sd), lognormal(mu, sigma) of log(x), beta(alpha, beta) on (0, 1),
///   gamma(shape, scale), uniform(min, max), triangular(min, mode, max).
/// `a`, `b`, `c` hold them in that order (c only for triangular).
struct Distribution {
  DistributionKind kind = DistributionKind::uniform;
  double a = 0, b = 1, c = 0;

  /// Throws InternalError if the parameters are invalid (the scenario reader checks them first):
  /// sd, sigma, alpha, beta, shape and scale > 0; min < max; min ≤ mode ≤ max; all finite.
  void check() const;
  [[nodiscard]] double mean() const;
  [[nodiscard]] double variance() const;
  /// Smallest and largest value a draw can take (−∞/+∞ for unbounded sides).
  [[nodiscard]] double support_low() const;
  [[nodiscard]] double support_high() const;
  /// The u-quantile, u in (0, 1): the inverse of the cumulative distribution function.
  [[nodiscard]] double quantile(double u) const;
  /// "beta(alpha = 2, beta = 5)".
  [[nodiscard]] std::string describe() const;
};

/// "normal", "lognormal", ... as scenario files name them.
[[nodiscard]] std::string_view distribution_name(DistributionKind kind);

/// The uniform in (0, 1) — never 0 or 1 — behind parameter set `set` of the key `path` (e.g.
/// "innovations.screening.threshold") under `seed`: keyed by the path, not by a position, so
/// adding a parameter leaves the draws of the others unchanged.
[[nodiscard]] double parameter_uniform(std::uint64_t seed, std::uint32_t set, std::string_view path);

}  // namespace missionsim
