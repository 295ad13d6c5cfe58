#include "models/experiments/tipping.hpp"

#include "engine/core/error.hpp"
#include "engine/io/metric_index.hpp"
#include "models/composition/simulation.hpp"

#include <algorithm>
#include <cmath>
#include <memory>

namespace missionsim::model {

namespace {
const InnovationParams& find_innovation(const Scenario& s, const std::string& name) {
  std::string names;
  for (const auto& i : s.innovations) {
    if (i.name == name) return i;
    names += (names.empty() ? "" : ", ") + i.name;
  }
  throw InputError(
      Diagnostic{{},
                 "--innovation",
                 "the scenario has no innovation named '" + name + "' (innovations: " + names + ")"});
}

RunSettings replicate(const Scenario& s, const TippingSettings& settings, std::uint32_t r) {
  RunSettings rs;
  rs.run = r;
  rs.replicate = r;
  rs.seed = s.seed;
  rs.threads = settings.threads;
  return rs;
}
}  // namespace

RecordingHeader tipping_header(const Scenario& scenario, const TippingSettings& settings,
                               const std::string& command_line) {
  find_innovation(scenario, settings.innovation);
  RecordingHeader h = scenario_header(scenario, command_line);
  h.run_count = settings.params.replicates;
  return h;
}

TippingReport analyse_tipping(const Scenario& scenario, const TippingSettings& settings, Recorder& recorder,
                              const std::function<void(std::uint32_t, std::uint32_t)>& progress) {
  const auto& innovation = find_innovation(scenario, settings.innovation);
  const bool citizens = innovation.adopters == Adopters::citizens;
  TippingReport report;
  report.innovation = innovation.name;
  report.among = citizens ? "people" : "organisations";
  const auto& p = settings.params;
  const std::uint32_t replicates = p.replicates;

  const Calendar calendar = scenario.calendar();
  const auto steps = static_cast<std::uint32_t>(calendar.step_count());
  report.grid_steps =
      std::max<std::uint32_t>(1, static_cast<std::uint32_t>(std::lround(p.grid_years / calendar.dt_years())));
  std::vector<std::uint32_t> grid;
  for (std::uint32_t t = 0; t < steps; t += report.grid_steps) grid.push_back(t);
  if (grid.back() != steps - 1) grid.push_back(steps - 1);  // so that the whole horizon is searched
  const auto bisections = static_cast<std::uint32_t>(std::ceil(std::log2(std::max(1u, report.grid_steps))));
  const std::uint32_t total = replicates * (1 + static_cast<std::uint32_t>(grid.size()) + bisections);
  std::uint32_t done = 0;
  const auto tick = [&] {
    ++done;
    if (progress) progress(done, std::max(done, total));
  };

  // The supported runs, recorded, with a snapshot at every grid step and the watched shares
  // after every step.
  std::vector<std::unique_ptr<Simulation>> worlds;
  std::vector<std::vector<std::shared_ptr<const SimulationSnapshot>>> snapshots(replicates);
  std::size_t share_at = 0, breakdown_at = 0;
  std::vector<std::vector<double>> watched(replicates);  // per replicate: steps × (1 + breakdown)
  for (std::uint32_t r = 0; r < replicates; ++r) {
    auto& sim =
        *worlds.emplace_back(std::make_unique<Simulation>(scenario, replicate(scenario, settings, r)));
    if (r == 0) {
      const auto& metrics = sim.metrics();
      const std::string share =
          citizens ? "adopter_share_by_innovation" : "stakeholder_adopter_share_by_stakeholder_innovation";
      const std::string breakdown = citizens ? "adopter_share_" + innovation.name + "_by_region"
                                             : "stakeholder_adopter_share_" + innovation.name + "_by_type";
      share_at = *metric_offset(metrics, share, innovation.name);
      breakdown_at = *metric_offset(metrics, breakdown);
      const auto m = std::find_if(metrics.begin(), metrics.end(),
                                  [&](const MetricSpec& s) { return s.dataset_name() == breakdown; });
      report.critical_mass_by = *m->by;
    }
    const std::size_t width = 1 + report.critical_mass_by.labels.size();
    for (std::uint32_t t = 0; t < steps; ++t) {
      if (t % report.grid_steps == 0) snapshots[r].push_back(sim.snapshot());
      sim.advance(t + 1, &recorder);
      const auto v = sim.values();
      watched[r].push_back(v[share_at]);
      watched[r].insert(watched[r].end(), v.begin() + static_cast<std::ptrdiff_t>(breakdown_at),
                        v.begin() + static_cast<std::ptrdiff_t>(breakdown_at + width - 1));
    }
    (void)sim.conclude(recorder);
    report.supported_final.push_back(sim.values()[share_at]);
    tick();
  }

  // Withdrawal at `step`: from the last grid snapshot at or before it, on with support to `step`,
  // then without any instrument to the horizon.
  const auto sustained = [&](std::uint32_t step) {
    std::vector<std::uint8_t> out(replicates);
    for (std::uint32_t r = 0; r < replicates; ++r) {
      auto& sim = *worlds[r];
      sim.restore(*snapshots[r][std::min<std::size_t>(step / report.grid_steps, snapshots[r].size() - 1)]);
      sim.advance(step);
      sim.withdraw_instruments();
      sim.advance(steps);
      out[r] = sim.values()[share_at] >= p.new_normal * report.supported_final[r];
      ++report.withdrawal_runs;
      tick();
    }
    return out;
  };
  report.search = find_tipping_step(
      grid, TippingSearchSettings{p.sustain_probability, settings.bootstrap, scenario.seed}, sustained);

  if (report.search.step) {
    // The state support leaves behind: the end of the last supported step (of step 0 when
    // support is not needed at all).
    const std::size_t at = *report.search.step == 0 ? 0 : *report.search.step - 1;
    const std::size_t width = 1 + report.critical_mass_by.labels.size();
    report.critical_mass_values.assign(width - 1, 0.0);
    for (std::uint32_t r = 0; r < replicates; ++r) {
      const double* row = watched[r].data() + at * width;
      report.critical_mass += row[0] / replicates;
      for (std::size_t k = 1; k < width; ++k) report.critical_mass_values[k - 1] += row[k] / replicates;
    }
    recorder.record_event(
        {0, *report.search.step, "tipping_point", innovation.name, report.search.points.empty() ? 0.0 : [&] {
           for (const auto& point : report.search.points)
             if (point.step == *report.search.step) return point.probability();
           return 0.0;
         }()});
  }
  return report;
}

ResultTable tipping_table(const TippingReport& report, const RecordingHeader& header) {
  ResultTable t;
  t.group = "tipping";
  t.dim = "withdrawal_step";
  t.dim_units = "step";
  // CF time units, so that xarray decodes the day to a date.
  ResultTable::Column day{"withdrawal_date", header.time_units, "First day without any instrument", {}};
  ResultTable::Column probability{
      "sustain_probability",
      "1",
      "Share of replicates whose adoption still reached the new normal at the horizon",
      {}};
  for (const auto& point : report.search.points) {
    t.coordinates.push_back(point.step);
    day.values.push_back(header.time_days.at(point.step));
    probability.values.push_back(point.probability());
  }
  t.columns = {std::move(day), std::move(probability)};
  const auto nan = std::numeric_limits<double>::quiet_NaN();
  const auto step_or_nan = [&](std::optional<std::uint32_t> s) { return s ? static_cast<double>(*s) : nan; };
  t.numbers = {{"tipping_step", step_or_nan(report.search.step)},
               {"tipping_step_low", step_or_nan(report.search.low)},
               {"tipping_step_high", step_or_nan(report.search.high)},
               {"critical_mass", report.search.step ? report.critical_mass : nan},
               {"grid_steps", static_cast<double>(report.grid_steps)}};
  for (std::size_t k = 0; k < report.critical_mass_values.size(); ++k)
    t.numbers.emplace_back("critical_mass_" + report.critical_mass_by.labels[k],
                           report.critical_mass_values[k]);
  t.texts = {{"innovation", report.innovation},
             {"among", report.among},
             {"critical_mass_by", report.critical_mass_by.dim}};
  return t;
}

}  // namespace missionsim::model
