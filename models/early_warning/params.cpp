#include "models/early_warning/params.hpp"

#include "engine/core/error.hpp"
#include "engine/scenario/schema.hpp"
#include "engine/scenario/table_view.hpp"

#include <string>

namespace missionsim::model {

void declare_early_warning_keys(TableSpec& root) {
  auto& t = root.table(
      "early_warning",
      "Early-warning indicators of a critical transition (Dakos et al. 2012), computed every run for every "
      "adoption share and goal KPI: variance, lag-1 autocorrelation and skewness of the detrended series in "
      "a window trailing each step, and their Kendall tau against time (docs/tipping-points.md).");
  t.real("window", "Length of the rolling window as a share of the run's steps (at least 3 steps).")
      .unit("share of the run")
      .greater_than(0)
      .max(1)
      .default_value(0.5);
  t.choice("detrending", {"gaussian", "linear", "none"},
           "What is removed before the indicators are computed: a one-sided Gaussian kernel smoother of the "
           "series up to each step, the least-squares line through each window, or nothing.")
      .default_value(std::string("gaussian"));
  t.when("detrending", "gaussian")
      .real("bandwidth",
            "Bandwidth of the Gaussian kernel as a share of the run's steps, as R's ksmooth defines it "
            "(quartiles at ±bandwidth/4, standard deviation 0.37 × bandwidth).")
      .unit("share of the run")
      .greater_than(0)
      .max(1)
      .default_value(0.1);
}

EarlyWarningSettings read_early_warning(const TableView& root) {
  const auto t = root.table("early_warning");
  EarlyWarningSettings s;
  s.window_share = t.get<double>("window");
  const auto d = t.get<std::string>("detrending");
  if (d == "gaussian") {
    s.detrending = Detrending::gaussian;
    s.bandwidth_share = t.get<double>("bandwidth");
  } else if (d == "linear") {
    s.detrending = Detrending::linear;
  } else if (d == "none") {
    s.detrending = Detrending::none;
  } else {
    throw InternalError("early_warning.detrending '" + d + "' passed validation but has no meaning");
  }
  return s;
}

const char* detrending_name(Detrending d) {
  switch (d) {
    case Detrending::none:
      return "none";
    case Detrending::gaussian:
      return "gaussian";
    case Detrending::linear:
      return "linear";
  }
  return "?";
}

}  // namespace missionsim::model
