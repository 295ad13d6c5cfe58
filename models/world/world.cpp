#include "models/world/world.hpp"

#include "engine/core/error.hpp"
#include "engine/network/edge_list.hpp"
#include "engine/network/generators.hpp"
#include "models/world/stream_ids.hpp"

#include <atomic>
#include <utility>

namespace missionsim::model {

namespace {
// Counts constructions only, for the test that describing a scenario builds no world; it never
// changes a result.
std::atomic<std::uint64_t> worlds_built{0};
}  // namespace

std::uint64_t World::constructed() noexcept {
  return worlds_built.load();
}

World::World(std::uint32_t population, std::vector<NetworkLayer> layers)
    : population_(population), layers_(std::move(layers)) {
  worlds_built.fetch_add(1, std::memory_order_relaxed);
  for (const auto& l : layers_)
    if (!l.well_mixed && l.graph.node_count() != population_)
      throw InternalError("World: layer '" + l.name + "' has " + std::to_string(l.graph.node_count()) +
                          " nodes for a population of " + std::to_string(population_));
}

const NetworkLayer& World::layer(std::string_view name) const {
  for (const auto& l : layers_)
    if (l.name == name) return l;
  throw InternalError("World: no network layer named '" + std::string(name) + "'");
}

NetworkLayer& World::layer_mut(std::string_view name) {
  return const_cast<NetworkLayer&>(std::as_const(*this).layer(name));
}

std::size_t World::network_bytes() const noexcept {
  std::size_t bytes = 0;
  for (const auto& l : layers_) bytes += l.graph.memory_bytes();
  return bytes;
}

NetworkLayer build_layer(const NetworkLayerParams& p, std::span<const std::uint32_t> region_starts,
                         std::uint64_t seed, std::uint32_t run) {
  const NodeId n = region_starts.back();
  NetworkLayer layer;
  layer.name = p.name;
  const StreamKey key = stream_key(seed, run, StreamPurpose::network, p.name);
  switch (p.kind) {
    case NetworkKind::well_mixed:
      layer.well_mixed = true;
      break;
    case NetworkKind::erdos_renyi:
      layer.graph = erdos_renyi(n, p.mean_degree, key);
      break;
    case NetworkKind::small_world:
      layer.graph = small_world(n, static_cast<std::uint32_t>(p.mean_degree), p.rewire_probability, key);
      break;
    case NetworkKind::power_law:
      layer.graph = power_law(n, p.alpha, p.beta, key);
      break;
    case NetworkKind::barabasi_albert:
      layer.graph = barabasi_albert(n, p.m, key);
      break;
    case NetworkKind::block:
      layer.graph = block_model(n, p.groups, p.mean_degree_within, p.mean_degree_across, key);
      break;
    case NetworkKind::regional:
      layer.graph = block_model(region_starts, p.mean_degree_within, p.mean_degree_across, key);
      break;
    case NetworkKind::edge_list:
      layer.graph = read_edge_list(p.file, n);
      break;
  }
  return layer;
}

}  // namespace missionsim::model
