#include "engine/analysis/early_warning.hpp"

#include "engine/core/error.hpp"
#include "engine/core/no_value.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>

namespace missionsim {

namespace {

// Kernel weights exp(−½(j/σ)²) for j = 0, 1, … while j < 4σ: ksmooth's normal kernel and cutoff.
std::vector<double> causal_kernel(const EarlyWarningSettings& s, std::size_t length) {
  const double sd = ksmooth_sd_per_bandwidth * s.bandwidth_share * static_cast<double>(length);
  const double cutoff = 4 * sd;
  std::size_t reach = cutoff > 0 ? static_cast<std::size_t>(std::ceil(cutoff)) - 1 : 0;
  reach = std::min(reach, length > 0 ? length - 1 : 0);
  std::vector<double> k(reach + 1, 1.0);
  for (std::size_t j = 1; j <= reach; ++j) {
    const double z = static_cast<double>(j) / sd;
    k[j] = std::exp(-0.5 * z * z);
  }
  return k;
}

// Removes the least-squares line through x (time 0, 1, …) in place. A window the line explains
// to rounding (a constant or an exact ramp) is left with residuals of exactly 0, so that its
// ac1 and skewness are NaN rather than the statistics of rounding noise.
void remove_line(std::span<double> x) {
  const auto n = static_cast<double>(x.size());
  const double mean = std::accumulate(x.begin(), x.end(), 0.0) / n;
  const double t_mean = (n - 1) / 2;
  double sxy = 0, spread = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    const double d = x[i] - mean;
    sxy += (static_cast<double>(i) - t_mean) * d;
    spread += d * d;
  }
  const double slope = sxy / (n * (n * n - 1) / 12);
  double left = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    x[i] = x[i] - mean - slope * (static_cast<double>(i) - t_mean);
    left += x[i] * x[i];
  }
  if (!(left > 1e-24 * spread)) std::fill(x.begin(), x.end(), 0.0);
}

// Merge sort of y counting the pairs i < j with y[i] > y[j] (discordant pairs, for tau).
std::uint64_t sort_counting_inversions(std::span<double> y, std::span<double> buffer) {
  std::uint64_t swaps = 0;
  const std::size_t n = y.size();
  for (std::size_t width = 1; width < n; width *= 2) {
    for (std::size_t lo = 0; lo < n; lo += 2 * width) {
      const std::size_t mid = std::min(lo + width, n), hi = std::min(lo + 2 * width, n);
      std::size_t i = lo, j = mid, k = lo;
      while (i < mid && j < hi) {
        if (y[j] < y[i]) {
          swaps += mid - i;
          buffer[k++] = y[j++];
        } else {
          buffer[k++] = y[i++];
        }
      }
      while (i < mid) buffer[k++] = y[i++];
      while (j < hi) buffer[k++] = y[j++];
    }
    std::copy(buffer.begin(), buffer.begin() + static_cast<std::ptrdiff_t>(n), y.begin());
  }
  return swaps;
}

// Σ t(t−1)/2 over the runs of equal values of a sorted sequence: the pairs tied in it.
template <class Equal>
std::uint64_t tied_pairs(std::size_t n, Equal equal) {
  std::uint64_t pairs = 0, run = 1;
  for (std::size_t i = 1; i <= n; ++i) {
    if (i < n && equal(i - 1, i)) {
      ++run;
    } else {
      pairs += run * (run - 1) / 2;
      run = 1;
    }
  }
  return pairs;
}
}  // namespace

std::size_t early_warning_window(const EarlyWarningSettings& s, std::size_t length) {
  // Half to even, as R's round() in generic_ews: a window of 60.5 steps has 60.
  const auto w = static_cast<std::size_t>(std::nearbyint(s.window_share * static_cast<double>(length)));
  return std::max<std::size_t>(w, 3);
}

EarlyWarningValues window_indicators(std::span<const double> r) {
  const std::size_t n = r.size();
  if (n < 3) return {};
  const double mean = std::accumulate(r.begin(), r.end(), 0.0) / static_cast<double>(n);
  double ss = 0, cubes = 0, lagged = 0;
  double previous = r[0] - mean;
  ss = previous * previous;
  cubes = previous * ss;
  for (std::size_t i = 1; i < n; ++i) {
    const double d = r[i] - mean;
    ss += d * d;
    cubes += d * d * d;
    lagged += d * previous;
    previous = d;
  }
  EarlyWarningValues v;
  v.variance = ss / static_cast<double>(n - 1);
  if (!(ss > 0)) return v;
  const double head = ss - previous * previous;  // Σ over all but the last
  if (head > 0) v.ac1 = lagged / head;
  const double m2 = ss / static_cast<double>(n);
  v.skewness = (cubes / static_cast<double>(n)) / (m2 * std::sqrt(m2));
  return v;
}

EarlyWarningWindow::EarlyWarningWindow(const EarlyWarningSettings& settings, std::size_t length)
    : detrending_(settings.detrending), window_(early_warning_window(settings, length)) {
  if (!(settings.window_share > 0 && settings.window_share <= 1))
    throw InternalError("early warning: window_share must be in (0, 1]");
  if (detrending_ == Detrending::gaussian) {
    if (!(settings.bandwidth_share > 0)) throw InternalError("early warning: bandwidth_share must be > 0");
    kernel_ = causal_kernel(settings, length);
  }
  raw_.assign(std::max(window_, kernel_.size()), nan);
  if (detrending_ != Detrending::linear) residual_.assign(window_, nan);
  scratch_.assign(window_, nan);
}

void EarlyWarningWindow::reset() noexcept {
  pushed_ = 0;
}

double EarlyWarningWindow::raw(std::size_t back) const noexcept {
  return raw_[(pushed_ - 1 - back) % raw_.size()];
}

// x_t minus the kernel-weighted mean of x_t, x_{t−1}, …, written Σ k_j (x_t − x_{t−j}) / Σ k_j
// so that a constant stretch leaves residuals of exactly 0. Values not yet seen, or NaN, are
// left out of both sums (ksmooth's Nadaraya–Watson form at the series' edge).
double EarlyWarningWindow::causal_residual() const noexcept {
  const double x = raw(0);
  if (std::isnan(x)) return nan;
  const std::size_t reach = std::min(kernel_.size() - 1, pushed_ - 1);
  double weighted = 0, weight = kernel_[0];
  for (std::size_t j = 1; j <= reach; ++j) {
    const double v = raw(j);
    if (std::isnan(v)) continue;
    weighted += kernel_[j] * (x - v);
    weight += kernel_[j];
  }
  return weighted / weight;
}

EarlyWarningValues EarlyWarningWindow::push(double x) noexcept {
  raw_[pushed_ % raw_.size()] = x;
  ++pushed_;
  if (detrending_ == Detrending::none) residual_[(pushed_ - 1) % window_] = x;
  if (detrending_ == Detrending::gaussian) residual_[(pushed_ - 1) % window_] = causal_residual();
  if (pushed_ < window_) return {};
  for (std::size_t i = 0; i < window_; ++i) {
    const double v = detrending_ == Detrending::linear ? raw(window_ - 1 - i)
                                                       : residual_[(pushed_ - window_ + i) % window_];
    if (std::isnan(v)) return {};
    scratch_[i] = v;
  }
  if (detrending_ == Detrending::linear) remove_line(scratch_);
  return window_indicators(scratch_);
}

EarlyWarningSeries early_warning_series(std::span<const double> series,
                                        const EarlyWarningSettings& settings) {
  EarlyWarningWindow window(settings, series.size());
  EarlyWarningSeries out;
  for (const double x : series) {
    const auto v = window.push(x);
    out.variance.push_back(v.variance);
    out.ac1.push_back(v.ac1);
    out.skewness.push_back(v.skewness);
  }
  return out;
}

double kendall_tau(std::span<const double> x, std::span<const double> y) {
  if (x.size() != y.size()) throw InternalError("kendall_tau: the samples differ in size");
  const std::size_t n = x.size();
  const auto is_nan = [](double v) { return std::isnan(v); };
  if (std::any_of(x.begin(), x.end(), is_nan) || std::any_of(y.begin(), y.end(), is_nan))
    throw InternalError("kendall_tau: a sample holds NaN");
  if (n < 2) return nan;
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return x[a] < x[b] || (x[a] == x[b] && y[a] < y[b]); });
  const std::uint64_t x_ties =
      tied_pairs(n, [&](std::size_t a, std::size_t b) { return x[order[a]] == x[order[b]]; });
  const std::uint64_t joint_ties = tied_pairs(n, [&](std::size_t a, std::size_t b) {
    return x[order[a]] == x[order[b]] && y[order[a]] == y[order[b]];
  });
  std::vector<double> ys(n), buffer(n);
  for (std::size_t i = 0; i < n; ++i) ys[i] = y[order[i]];
  // Within a run of equal x the y are ascending, so every inversion is a discordant pair.
  const std::uint64_t discordant = sort_counting_inversions(ys, buffer);
  const std::uint64_t y_ties = tied_pairs(n, [&](std::size_t a, std::size_t b) { return ys[a] == ys[b]; });
  const auto pairs = static_cast<double>(n) * static_cast<double>(n - 1) / 2;
  const double untied_x = pairs - static_cast<double>(x_ties), untied_y = pairs - static_cast<double>(y_ties);
  if (!(untied_x > 0 && untied_y > 0)) return nan;
  // Concordant − discordant = (pairs tied in neither) − 2 × discordant.
  const double difference = pairs - static_cast<double>(x_ties) - static_cast<double>(y_ties) +
                            static_cast<double>(joint_ties) - 2 * static_cast<double>(discordant);
  return difference / std::sqrt(untied_x * untied_y);
}

double kendall_tau_against_time(std::span<const double> series) {
  std::vector<double> t, v;
  for (std::size_t i = 0; i < series.size(); ++i) {
    if (std::isnan(series[i])) continue;
    t.push_back(static_cast<double>(i));
    v.push_back(series[i]);
  }
  return kendall_tau(t, v);
}

}  // namespace missionsim
