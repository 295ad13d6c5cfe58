#include "models/experiments/tipping_driver.hpp"

#include "engine/io/hdf5_recorder.hpp"
#include "engine/io/output_target.hpp"

namespace missionsim::model {

TippingOutcome find_tipping_point(const TippingRequest& o) {
  ScenarioRequest scenario = o.scenario;
  if (o.replicates) scenario.overrides.push_back("tipping.replicates=" + std::to_string(*o.replicates));
  if (o.probability)
    scenario.overrides.push_back(number_override("tipping.sustain_probability", *o.probability));
  if (o.new_normal) scenario.overrides.push_back(number_override("tipping.new_normal", *o.new_normal));
  if (o.grid_years) scenario.overrides.push_back(number_override("tipping.grid_years", *o.grid_years));
  TippingOutcome out;
  out.scenario = load_scenario(scenario.file, scenario.with_seed());
  out.output = o.output ? *o.output
                        : std::filesystem::path("results") /
                              (o.scenario.file.stem().string() + "-tipping-" + o.innovation + ".h5");
  check_output_target(out.output, o.force, out.scenario.inputs);

  const TippingSettings settings{o.innovation, out.scenario.transitions.tipping, o.threads, o.bootstrap};
  out.params = settings.params;
  const auto header = tipping_header(out.scenario, settings, o.command_line);
  create_output_folder(out.output);
  Hdf5Recorder recorder(out.output, o.force);
  recorder.begin(header);
  out.report = analyse_tipping(out.scenario, settings, recorder, o.progress);
  recorder.record_table(tipping_table(out.report, header));
  recorder.finish();
  return out;
}

}  // namespace missionsim::model
