// The keys and checks the rules that compare a share with θ share (threshold, complex).
#pragma once

#include "engine/scenario/schema.hpp"
#include "engine/scenario/table_view.hpp"
#include "models/adoption/params.hpp"

#include <sstream>

namespace missionsim::model {

// θ and its spread mean the same under both rules; only the default differs, since complex
// contagion's count of contacts already sets the bar.
inline void declare_theta_keys(TableSpec& thr, double default_theta) {
  thr.real("threshold",
           "θ: a non-adopter adopts when the adopting share of its contacts is at least θ "
           "(the mean θ when thresholds vary). People without contacts never adopt through them.")
      .unit("share of contacts")
      .range(0, 1)
      .default_value(default_theta);
  thr.choice("threshold_distribution", {"fixed", "uniform", "normal", "file"},
             "How θ varies between people: fixed; uniform on θ ± spread; normal with sd spread (clamped to "
             "[0, 1]); or each person's θ read from threshold_file (citizens' innovations only).")
      .default_value(std::string("fixed"));
  thr.when("threshold_distribution", "file")
      .string("threshold_file",
              "Text file of each person's θ in [0, 1], one number per line in person-id order (line k "
              "of the numbers is person k-1; # starts a comment), as many as population.size. Relative "
              "paths are relative to the scenario file. `threshold` is then unused.")
      .required();
  thr.real("threshold_spread", "Half-width (uniform) or standard deviation (normal) of θ across people.")
      .unit("share of contacts")
      .range(0, 1)
      .default_value(0.0);
}

inline void read_theta_keys(const TableView& t, InnovationParams& p) {
  p.threshold = t.get<double>("threshold");
  const auto d = t.get<std::string>("threshold_distribution");
  p.threshold_distribution = d == "uniform"  ? ThresholdDistribution::uniform
                             : d == "normal" ? ThresholdDistribution::normal
                             : d == "file"   ? ThresholdDistribution::file
                                             : ThresholdDistribution::fixed;
  p.threshold_spread = t.get<double>("threshold_spread");
}

/// Abandonment at or above θ would undo adoption at θ at once: no hysteresis.
inline void check_hysteresis(const TableView& t, const InnovationParams& p,
                             std::vector<Diagnostic>& problems) {
  if (p.abandon_threshold <= 0.0 || p.abandon_threshold < p.threshold) return;
  std::ostringstream m;
  m << "hysteresis needs abandon_threshold < threshold (abandon_threshold = " << p.abandon_threshold
    << ", threshold = " << p.threshold << ")";
  problems.push_back(t.diagnostic("abandon_threshold", m.str()));
}

}  // namespace missionsim::model
