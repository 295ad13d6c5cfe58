#include "engine/rng/distribution.hpp"

#include "engine/core/error.hpp"
#include "engine/rng/philox_stream.hpp"

#include <boost/math/distributions/beta.hpp>
#include <boost/math/distributions/gamma.hpp>
#include <boost/math/distributions/lognormal.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/triangular.hpp>
#include <boost/math/distributions/uniform.hpp>

#include <cmath>
#include <limits>

namespace missionsim {

namespace {
constexpr double inf = std::numeric_limits<double>::infinity();

template <class F>
auto with_boost(const Distribution& d, F&& f) {
  namespace bm = boost::math;
  switch (d.kind) {
    case DistributionKind::normal:
      return f(bm::normal(d.a, d.b));
    case DistributionKind::lognormal:
      return f(bm::lognormal(d.a, d.b));
    case DistributionKind::beta:
      return f(bm::beta_distribution<>(d.a, d.b));
    case DistributionKind::gamma:
      return f(bm::gamma_distribution<>(d.a, d.b));
    case DistributionKind::uniform:
      return f(bm::uniform(d.a, d.b));
    case DistributionKind::triangular:
      return f(bm::triangular(d.a, d.b, d.c));
  }
  throw InternalError("unknown distribution kind");
}
}  // namespace

std::string_view distribution_name(DistributionKind kind) {
  switch (kind) {
    case DistributionKind::normal:
      return "normal";
    case DistributionKind::lognormal:
      return "lognormal";
    case DistributionKind::beta:
      return "beta";
    case DistributionKind::gamma:
      return "gamma";
    case DistributionKind::uniform:
      return "uniform";
    case DistributionKind::triangular:
      return "triangular";
  }
  return "?";
}

void Distribution::check() const {
  const bool finite = std::isfinite(a) && std::isfinite(b) && std::isfinite(c);
  bool ok = finite;
  switch (kind) {
    case DistributionKind::normal:
    case DistributionKind::lognormal:
      ok = ok && b > 0;
      break;
    case DistributionKind::beta:
    case DistributionKind::gamma:
      ok = ok && a > 0 && b > 0;
      break;
    case DistributionKind::uniform:
      ok = ok && a < b;
      break;
    case DistributionKind::triangular:
      // a = min, b = mode, c = max.
      ok = ok && a < c && a <= b && b <= c;
      break;
  }
  if (!ok) throw InternalError("invalid distribution " + describe());
}

double Distribution::mean() const {
  check();
  return with_boost(*this, [](const auto& d) { return boost::math::mean(d); });
}

double Distribution::variance() const {
  check();
  return with_boost(*this, [](const auto& d) { return boost::math::variance(d); });
}

double Distribution::support_low() const {
  switch (kind) {
    case DistributionKind::normal:
      return -inf;
    case DistributionKind::lognormal:
    case DistributionKind::beta:
    case DistributionKind::gamma:
      return 0;
    case DistributionKind::uniform:
    case DistributionKind::triangular:
      return a;
  }
  return -inf;
}

double Distribution::support_high() const {
  switch (kind) {
    case DistributionKind::normal:
    case DistributionKind::lognormal:
    case DistributionKind::gamma:
      return inf;
    case DistributionKind::beta:
      return 1;
    case DistributionKind::uniform:
      return b;
    case DistributionKind::triangular:
      return c;
  }
  return inf;
}

double Distribution::quantile(double u) const {
  check();
  if (!(u > 0 && u < 1)) throw InternalError("Distribution::quantile: u must lie in (0, 1)");
  return with_boost(*this, [u](const auto& d) { return boost::math::quantile(d, u); });
}

std::string Distribution::describe() const {
  auto n = [](double x) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", x);
    return std::string(text);
  };
  switch (kind) {
    case DistributionKind::normal:
      return "normal(mean = " + n(a) + ", sd = " + n(b) + ")";
    case DistributionKind::lognormal:
      return "lognormal(mu = " + n(a) + ", sigma = " + n(b) + ")";
    case DistributionKind::beta:
      return "beta(alpha = " + n(a) + ", beta = " + n(b) + ")";
    case DistributionKind::gamma:
      return "gamma(shape = " + n(a) + ", scale = " + n(b) + ")";
    case DistributionKind::uniform:
      return "uniform(min = " + n(a) + ", max = " + n(b) + ")";
    case DistributionKind::triangular:
      return "triangular(min = " + n(a) + ", mode = " + n(b) + ", max = " + n(c) + ")";
  }
  return "?";
}

double parameter_uniform(std::uint64_t seed, std::uint32_t set, std::string_view path) {
  // FNV-1a of the path, after a tag that keeps these streams apart from the model's.
  std::uint32_t h = 2166136261u;
  for (char c : std::string_view("parameter:")) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  for (char c : path) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  const PhiloxStream stream(StreamKey{seed, 0, h});
  // The mid-point of one of 2^53 equal cells: never 0 or 1, so every quantile is finite.
  return stream.uniform(set, 0) + 0x1p-54;
}

}  // namespace missionsim
