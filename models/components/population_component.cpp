#include "models/components/population_component.hpp"

#include "engine/scenario/schema.hpp"

namespace missionsim::model {

void PopulationComponent::declare_keys(TableSpec& root) {
  declare_population_keys(root);
  declare_network_keys(root.table_array("network", "Named contact layers over the population."));
}

std::unique_ptr<PopulationComponent> PopulationComponent::make(const Scenario& s,
                                                               const ComponentsAbove& /*above*/,
                                                               const RegistryOptions& o) {
  return std::make_unique<PopulationComponent>(s, o.block_size);
}

PopulationComponent::PopulationComponent(const Scenario& s, std::uint32_t block_size)
    : scenario_(s),
      blocks_(s.population.size, block_size ? block_size : BlockPartition::default_block_size) {}

void PopulationComponent::describe(ComponentDescription& d) {
  region = d.set_up_column<std::uint16_t>("region", "Each person's region");
  quintile =
      d.set_up_column<std::uint8_t>("quintile", "Each person's deprivation quintile (0 least deprived)");
  age_band = d.set_up_column<std::uint8_t>("age_band", "Each person's age band");
  risk_factors = d.set_up_column<std::uint32_t>("risk_factors", "Each person's risk factors (a bit each)");
  onset_risk =
      d.set_up_column<float>("onset_risk", "Each person's relative onset risk from the risk factors");
  network = d.set_up_column<CsrGraph>("network", "The contact layers innovations spread on");
}

void PopulationComponent::setup(SetupContext& ctx) {
  population_.emplace(scenario_.population, ctx.seed(), ctx.run());
  std::vector<NetworkLayer> layers;
  layers.reserve(scenario_.networks.size());
  for (const auto& p : scenario_.networks)
    layers.push_back(build_layer(p, population_->region_starts(), ctx.seed(), ctx.run()));
  world_.emplace(population_->size(), std::move(layers));
  ctx.bind(region, [this] { return population_->region(); });
  ctx.bind(quintile, [this] { return population_->quintile(); });
  ctx.bind(age_band, [this] { return population_->age_band(); });
  ctx.bind(risk_factors, [this] { return population_->risk_factors(); });
  ctx.bind(onset_risk, [this] { return population_->onset_risk(); });
}

void PopulationComponent::summarise(RunSummary& out) const {
  out.agents = population_->size();
}

}  // namespace missionsim::model
