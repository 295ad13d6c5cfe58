// The people and their contact layers: who lives where, in which deprivation quintile and age
// band, with what onset risk, and the networks innovations spread on.
#pragma once

#include "engine/storage/block_partition.hpp"
#include "models/components/health_component.hpp"
#include "models/composition/scenario.hpp"
#include "models/population/population.hpp"
#include "models/world/world.hpp"

#include <optional>

namespace missionsim::model {

class PopulationComponent final : public HealthComponent {
 public:
  /// Its section of the scenario schema.
  static void declare_keys(TableSpec& root);
  static std::unique_ptr<PopulationComponent> make(const Scenario& s, const ComponentsAbove& above,
                                                   const RegistryOptions& o);
  PopulationComponent(const Scenario& s, std::uint32_t block_size);
  [[nodiscard]] std::string_view name() const override { return "population"; }
  void describe(ComponentDescription& d) override;
  void setup(SetupContext& ctx) override;
  void summarise(RunSummary& out) const override;

  [[nodiscard]] const Population& population() const { return *population_; }
  [[nodiscard]] const World& world() const { return *world_; }
  [[nodiscard]] const BlockPartition& blocks() const noexcept { return blocks_; }
  [[nodiscard]] std::uint16_t region_count() const noexcept {
    return static_cast<std::uint16_t>(scenario_.population.regions.size());
  }

  Column<std::uint16_t> region;
  Column<std::uint8_t> quintile, age_band;
  Column<std::uint32_t> risk_factors;
  Column<float> onset_risk;
  Column<CsrGraph> network;

 private:
  const Scenario& scenario_;
  BlockPartition blocks_;
  std::optional<Population> population_;
  std::optional<World> world_;
};

}  // namespace missionsim::model
