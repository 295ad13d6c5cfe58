// Early-warning signals of a critical transition (Dakos et al. 2012; the R package earlywarnings,
// generic_ews): variance, lag-1 autocorrelation and skewness of detrended residuals in a rolling
// window, computed step by step over the trailing window, and Kendall's tau as their trend.
#pragma once

#include <cstddef>
#include <limits>
#include <span>
#include <vector>

namespace missionsim {

enum class Detrending {
  none,      ///< the series itself
  gaussian,  ///< minus a one-sided (causal) Gaussian kernel smoother of the series up to each point
  linear     ///< minus the least-squares line through the window
};

struct EarlyWarningSettings {
  double window_share = 0.5;  ///< rolling window as a share of the series length, in (0, 1]
  Detrending detrending = Detrending::gaussian;
  /// Gaussian kernel bandwidth as a share of the series length, as generic_ews's `bandwidth`
  /// (in per cent there) and R's ksmooth: the kernel's quartiles are at ±bandwidth/4.
  double bandwidth_share = 0.1;
};

/// The three indicators of one window; NaN where undefined (window not yet full, a NaN value in
/// it, or — for ac1 and skewness — residuals without variation).
struct EarlyWarningValues {
  double variance = std::numeric_limits<double>::quiet_NaN();
  double ac1 = std::numeric_limits<double>::quiet_NaN();
  double skewness = std::numeric_limits<double>::quiet_NaN();
};

/// Steps in the window for a series of `length` steps: round(window_share × length), halves to
/// even as R rounds them, and at least 3.
[[nodiscard]] std::size_t early_warning_window(const EarlyWarningSettings& s, std::size_t length);

/// ksmooth's normal kernel: standard deviation 0.3706506 × bandwidth (quartiles at ±bandwidth/4).
inline constexpr double ksmooth_sd_per_bandwidth = 0.3706506;

/// The indicators of one window of residuals r_1..r_n (n ≥ 3), with d_i = r_i − mean:
/// variance Σd²/(n−1) (R's var), ac1 Σ_{i≥2} d_i d_{i−1} / Σ_{i<n} d_i² (R's ar.ols, order 1,
/// demeaned, no intercept, as generic_ews fits it) and skewness (Σd³/n)/(Σd²/n)^{3/2} (the
/// moments package; generic_ews reports its absolute value, we keep the sign). Does not allocate.
[[nodiscard]] EarlyWarningValues window_indicators(std::span<const double> residuals);

/// One series' indicators, step by step: push() each value in time order and get the indicators
/// of the window ending there. Detrending uses no value after the current one, so the result at
/// step t never changes later and streams to a recorder. Allocates only when constructed.
class EarlyWarningWindow {
 public:
  /// For a series of `length` steps (window and bandwidth are shares of it).
  EarlyWarningWindow(const EarlyWarningSettings& settings, std::size_t length);

  /// Forgets every value pushed.
  void reset() noexcept;
  /// Adds the next value (NaN allowed) and returns the indicators of the trailing window.
  /// O(window + kernel support); never allocates.
  EarlyWarningValues push(double x) noexcept;

  [[nodiscard]] std::size_t window() const noexcept { return window_; }
  /// Past values the Gaussian smoother reaches back (0 without Gaussian detrending).
  [[nodiscard]] std::size_t kernel_reach() const noexcept { return kernel_.empty() ? 0 : kernel_.size() - 1; }

 private:
  [[nodiscard]] double raw(std::size_t back) const noexcept;  ///< value pushed `back` pushes ago
  [[nodiscard]] double causal_residual() const noexcept;

  Detrending detrending_;
  std::size_t window_;
  std::vector<double> kernel_;    ///< weight of the value j steps back, j = 0..reach
  std::vector<double> raw_;       ///< ring of past values
  std::vector<double> residual_;  ///< ring of past residuals (none, gaussian)
  std::vector<double> scratch_;   ///< the window's residuals in time order
  std::size_t pushed_ = 0;
};

/// The indicators of every step of a whole series (as streamed by EarlyWarningWindow).
struct EarlyWarningSeries {
  std::vector<double> variance, ac1, skewness;
};
[[nodiscard]] EarlyWarningSeries early_warning_series(std::span<const double> series,
                                                      const EarlyWarningSettings& settings);

/// Kendall's tau-b of paired samples, ties handled (R's cor(method = "kendall")), in
/// O(n log n) (Knight 1966). NaN with fewer than 2 pairs or when every x or every y is tied.
/// Throws InternalError if the sizes differ or a value is NaN.
[[nodiscard]] double kendall_tau(std::span<const double> x, std::span<const double> y);

/// Kendall's tau-b of a series against time (its index), over its non-NaN values only: the
/// trend statistic of an indicator. Positive: the indicator rises.
[[nodiscard]] double kendall_tau_against_time(std::span<const double> series);

}  // namespace missionsim
