// `missionsim validate`: every problem in a scenario file, or a one-line description of it.
#include "cli/commands.hpp"
#include "models/composition/scenario.hpp"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <memory>

namespace missionsim::cli {

Command add_validate_command(CLI::App& app) {
  struct Options {
    std::string scenario;
    std::vector<std::string> sets;
  };
  auto o = std::make_shared<Options>();
  app.add_option("scenario", o->scenario, "Scenario file (TOML)")->required();
  app.add_option("--set", o->sets, "Override a scenario key before validation (repeatable)")
      ->allow_extra_args(false);
  return [o] {
    try {
      const auto s = model::load_scenario(o->scenario, o->sets);
      model::check_input_files(s);
      std::printf("%s: valid — \"%s\": %u people, %zu steps of %s, %zu network layer(s), %zu innovation(s)\n",
                  o->scenario.c_str(), s.name.c_str(), s.population.size, s.calendar().step_count(),
                  s.step.to_string().c_str(), s.networks.size(), s.innovations.size());
      return 0;
    } catch (const InputError& e) {
      for (const auto& d : e.diagnostics()) std::fprintf(stderr, "%s\n", d.format().c_str());
      std::fprintf(stderr, "%s: %zu problem(s)\n", o->scenario.c_str(), e.diagnostics().size());
      return 2;
    }
  };
}

}  // namespace missionsim::cli
