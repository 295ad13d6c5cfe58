// A population and its care pathway, without networks or innovations, stepped by hand so a test
// can look at the pathway's tallies and the equity metrics after every step.
#pragma once

#include "engine/schedule/step_executor.hpp"
#include "models/composition/scenario.hpp"
#include "models/pathway/pathway.hpp"
#include "models/population/population.hpp"
#include "tests/support/scenario_text.hpp"
#include "tests/support/temp_dir.hpp"

#include <memory>
#include <string>

namespace missionsim::test {

/// `tables` is appended to a scenario of `people` people over `years` of steps `step` long.
inline model::Scenario pathway_scenario(int people, const std::string& tables, int years,
                                        const std::string& step, long seed = 7) {
  TempDir dir;
  return model::load_scenario(
      dir.write("equity.toml", scenario_text(people, "kind = \"well_mixed\"",
                                             "rule = \"threshold\"\ninitial = \"none\"", years, step, seed) +
                                   tables));
}

struct PathwayWorld {
  explicit PathwayWorld(const model::Scenario& s)
      : scenario(s),
        population(s.population, s.seed, 0),
        blocks(population.size()),
        pathway(s.pathway, population, blocks, {}) {
    pathway.setup(s.seed, 0);
    pathway.add_phases(plan);
    plan.freeze();
    executor = std::make_unique<StepExecutor>(plan, blocks, 2);
  }

  void step(std::uint32_t t) { executor->run_step(StepContext{0, t, scenario.calendar().dt_years()}); }

  model::Scenario scenario;
  model::Population population;
  BlockPartition blocks;
  model::Pathway pathway;
  StepPlan plan;
  std::unique_ptr<StepExecutor> executor;
};

}  // namespace missionsim::test
