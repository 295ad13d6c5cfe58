#include "models/experiments/sensitivity_driver.hpp"

#include "engine/core/error.hpp"
#include "engine/experiment/analysis_group.hpp"
#include "engine/experiment/sweep_file.hpp"

#include <array>
#include <charconv>
#include <cstdio>

namespace missionsim::model {

namespace {

struct Output {
  std::string name;
  std::vector<double> per_point;  // mean over replicates
};

// A number of /runs' attributes, which a damaged file may hold as anything.
template <class T>
T number_attribute(const RecordingHeader& h, const std::string& name, const std::string& file) {
  const std::string text = h.run_attribute_text(name);
  T value{};
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || !(value > T{}))
    throw InputError(Diagnostic{
        {file, 0, 0}, "", "/runs attribute " + name + " is '" + text + "', not a positive number"});
  return value;
}

// What sobol_reliability found, in words: which intervals are too wide or miss their estimate,
// and how many base samples would narrow the widest below 0.1.
std::string sobol_warning(const SobolReliability& r, std::size_t base_samples,
                          const std::vector<std::string>& outputs,
                          const std::vector<std::string>& parameters) {
  std::array<char, 32> width{};
  std::snprintf(width.data(), width.size(), "%.3g", r.widest);
  std::string text =
      "the Sobol indices cannot be trusted at " + std::to_string(base_samples) + " base samples:";
  if (r.wide_intervals > 0)
    text += " " + std::to_string(r.wide_intervals) + " of " + std::to_string(r.intervals) +
            " intervals are wider than 0.5 (the widest, " + width.data() + ", is " +
            (r.widest_is_total ? "ST" : "S1") + " of " + parameters[r.widest_parameter] + " on " +
            outputs[r.widest_output] + ")";
  if (r.stray_estimates > 0)
    text += std::string(r.wide_intervals > 0 ? " and " : " ") + std::to_string(r.stray_estimates) +
            (r.stray_estimates == 1 ? " estimate" : " estimates") +
            " outside [0, 1] outside its own bootstrap interval";
  text += r.samples_for_target > base_samples
              ? "; from the observed spread, about " + std::to_string(r.samples_for_target) +
                    " base samples (sweep --samples " + std::to_string(r.samples_for_target) + ", " +
                    std::to_string(r.samples_for_target * (parameters.size() + 2)) +
                    " points) would make the widest interval narrower than 0.1"
              : "; the widest interval is already narrower than 0.1";
  return text;
}

}  // namespace

SensitivityReport analyse_sensitivity(const SensitivityRequest& o) {
  const std::string file = o.file.string();
  const std::filesystem::path& path = o.file;
  if (!std::filesystem::exists(path)) throw InputError(Diagnostic{{file, 0, 0}, "", "no such file"});
  const SweepContents c = read_sweep_file(path);
  const RecordingHeader& h = c.header;
  const std::string method = h.run_attribute_text("design_method");
  if (method != "sobol" && method != "morris")
    throw InputError(
        Diagnostic{{file, 0, 0},
                   "",
                   "sensitivity needs a sweep with --method sobol or morris, this file's design is '" +
                       (method.empty() ? std::string("none") : method) + "'"});
  if (c.runs.size() != h.run_count)
    throw InputError(
        Diagnostic{{file, 0, 0}, "", "not every run of the sweep is in the file (merge every shard first)"});
  const std::size_t k = h.run_parameters.size();
  if (k == 0) throw InputError(Diagnostic{{file, 0, 0}, "", "/runs has no parameter columns"});
  const auto replicates = number_attribute<std::uint32_t>(h, "replicates", file);
  if (h.run_count % replicates != 0)
    throw InputError(Diagnostic{{file, 0, 0},
                                "",
                                std::to_string(h.run_count) + " runs are not a whole number of points of " +
                                    std::to_string(replicates) + " replicates"});
  const std::size_t points = h.run_count / replicates;
  for (const auto& r : c.runs)
    if (r.record.point >= points)
      throw InputError(Diagnostic{{file, 0, 0},
                                  "",
                                  "/runs/point of run " + std::to_string(r.record.index) + " is " +
                                      std::to_string(r.record.point) + ", beyond the design's " +
                                      std::to_string(points) + " points"});

  // Outputs: each goal's KPI at its deadline, then the final value of each metric asked for.
  std::vector<Output> outputs;
  for (std::size_t g = 0; g < h.goals.size(); ++g) {
    Output out{h.goals[g].name, std::vector<double>(points, 0.0)};
    for (const auto& r : c.runs) out.per_point[r.record.point] += r.goals[g].value_at_deadline / replicates;
    outputs.push_back(std::move(out));
  }
  const std::size_t width = h.values_per_step();
  if (!o.metrics.empty() && h.step_count() == 0)
    throw InputError(Diagnostic{{file, 0, 0}, "", "the file has no time steps"});
  for (const auto& name : o.metrics) {
    std::size_t offset = 0;
    bool found = false;
    for (const auto& m : h.metrics) {
      if (m.dataset_name() == name && !m.by) {
        found = true;
        break;
      }
      offset += m.width();
    }
    if (!found)
      throw InputError(Diagnostic{{"--metric", 0, 0}, name, "not a metric of this file without a breakdown"});
    Output out{name + "_final", std::vector<double>(points, 0.0)};
    for (const auto& r : c.runs)
      out.per_point[r.record.point] += r.values[(h.step_count() - 1) * width + offset] / replicates;
    outputs.push_back(std::move(out));
  }
  if (outputs.empty())
    throw InputError(
        Diagnostic{{file, 0, 0}, "", "the scenario has no goals: name outputs with --metric NAME"});

  SensitivityReport report;
  std::vector<std::string> names;
  names.reserve(outputs.size());
  for (const auto& out : outputs) names.push_back(out.name);
  std::vector<AnalysisMatrix> matrices;
  matrices.reserve(6);  // matrix() hands out references that must stay valid
  auto matrix = [&](std::string name, std::string description) -> std::vector<double>& {
    matrices.push_back({std::move(name), std::move(description), std::vector<double>(outputs.size() * k)});
    return matrices.back().values;
  };
  std::vector<std::pair<std::string, std::string>> attributes{
      {"method", method}, {"replicates_averaged", std::to_string(replicates)}};

  if (method == "sobol") {
    if (points % (k + 2) != 0)
      throw InputError(Diagnostic{{file, 0, 0}, "", "the sobol design does not have N*(k+2) points"});
    const BootstrapSettings bootstrap{o.resamples, 0.95, 1};
    std::vector<SobolIndices> all;
    all.reserve(outputs.size());
    for (const auto& out : outputs) all.push_back(sobol_indices(out.per_point, k, bootstrap));
    const char* what[6] = {"first_order", "first_order_low", "first_order_high",
                           "total_order", "total_order_low", "total_order_high"};
    const char* says[6] = {
        "first-order Sobol index S1 (Saltelli 2010)",  "S1, lower end of the 95% bootstrap interval",
        "S1, upper end of the 95% bootstrap interval", "total Sobol index ST (Jansen 1999)",
        "ST, lower end of the 95% bootstrap interval", "ST, upper end of the 95% bootstrap interval"};
    for (int m = 0; m < 6; ++m) {
      auto& values = matrix(what[m], says[m]);
      for (std::size_t i = 0; i < outputs.size(); ++i) {
        const SobolIndices& s = all[i];
        const std::vector<double>* field[6] = {&s.first, &s.first_low, &s.first_high,
                                               &s.total, &s.total_low, &s.total_high};
        for (std::size_t j = 0; j < k; ++j) values[i * k + j] = (*field[m])[j];
      }
    }
    attributes.emplace_back("bootstrap_resamples", std::to_string(o.resamples));
    const std::size_t base_samples = points / (k + 2);
    const SobolReliability trust = sobol_reliability(all, base_samples);
    if (!trust.trustworthy) {
      report.warning = sobol_warning(trust, base_samples, names, h.run_parameters);
      attributes.emplace_back("warning", report.warning);
    }
    report.base_samples = base_samples;
    report.sobol = std::move(all);
  } else {
    if (points % (k + 1) != 0)
      throw InputError(Diagnostic{{file, 0, 0}, "", "the morris design does not have N*(k+1) points"});
    const auto delta = number_attribute<double>(h, "morris_delta", file);
    std::vector<double> design(points * k);
    for (const auto& r : c.runs)
      for (std::size_t j = 0; j < k; ++j) design[r.record.point * k + j] = r.record.parameters[j];
    auto& mu_star = matrix("mu_star", "mean absolute elementary effect (Morris, Campolongo et al. 2007)");
    auto& mu = matrix("mu", "mean elementary effect");
    auto& sigma = matrix("sigma", "standard deviation of the elementary effects");
    report.base_samples = points / (k + 1);
    report.morris_delta = delta;
    for (std::size_t i = 0; i < outputs.size(); ++i) {
      auto m = morris_indices(design, outputs[i].per_point, k, delta);
      for (std::size_t j = 0; j < k; ++j) {
        mu_star[i * k + j] = m.mu_star[j];
        mu[i * k + j] = m.mu[j];
        sigma[i * k + j] = m.sigma[j];
      }
      report.morris.push_back(std::move(m));
    }
  }
  write_analysis_group(path, "sensitivity", names, h.run_parameters, matrices, attributes);
  report.method = method;
  report.replicates = replicates;
  report.outputs = std::move(names);
  report.parameters = h.run_parameters;
  return report;
}

}  // namespace missionsim::model
