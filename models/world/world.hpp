// The simulated population and the named network layers that connect it, built from the
// scenario and the seed before the first step.
#pragma once

#include "engine/network/csr_graph.hpp"
#include "models/world/network_params.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace missionsim::model {

/// One layer of contacts. A well-mixed layer stores no edges: everyone meets everyone.
struct NetworkLayer {
  std::string name;
  bool well_mixed = false;
  CsrGraph graph;  ///< empty when well_mixed

  /// Contacts of a person in this layer (population − 1 when well mixed).
  [[nodiscard]] std::uint64_t degree(NodeId v, std::uint32_t population) const {
    return well_mixed ? population - 1u : graph.degree(v);
  }
};

class World {
 public:
  World(std::uint32_t population, std::vector<NetworkLayer> layers);
  /// Worlds constructed in this process so far (a diagnostic for tests).
  [[nodiscard]] static std::uint64_t constructed() noexcept;

  [[nodiscard]] std::uint32_t population() const noexcept { return population_; }
  [[nodiscard]] const std::vector<NetworkLayer>& layers() const noexcept { return layers_; }
  /// The layer with this name; InternalError if absent (the scenario reader checked names).
  [[nodiscard]] const NetworkLayer& layer(std::string_view name) const;
  /// For a layer that changes during a run (coordination adds ties), from a serial phase only.
  [[nodiscard]] NetworkLayer& layer_mut(std::string_view name);
  /// Bytes held by the networks (offsets and targets).
  [[nodiscard]] std::size_t network_bytes() const noexcept;

 private:
  std::uint32_t population_;
  std::vector<NetworkLayer> layers_;
};

/// Builds a layer from its parameters; each layer draws from its own stream.
/// `region_starts` (first id of each region, then the size) places the groups of a regional layer.
NetworkLayer build_layer(const NetworkLayerParams& p, std::span<const std::uint32_t> region_starts,
                         std::uint64_t seed, std::uint32_t run);

}  // namespace missionsim::model
