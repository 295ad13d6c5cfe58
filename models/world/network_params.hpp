// Scenario parameters of one named network layer over the citizens, and how they are read.
#pragma once

#include "engine/network/csr_graph.hpp"

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

namespace missionsim {
class TableSpec;
class TableView;
struct Diagnostic;
}  // namespace missionsim

namespace missionsim::model {

enum class NetworkKind {
  well_mixed,
  erdos_renyi,
  small_world,
  power_law,
  barabasi_albert,
  block,
  regional,
  edge_list
};

struct NetworkLayerParams {
  std::string name;
  NetworkKind kind = NetworkKind::small_world;
  double mean_degree = 10;          ///< erdos_renyi, small_world (even integer there)
  double rewire_probability = 0.1;  ///< small_world
  double alpha = 0.5, beta = 500;   ///< power_law (Boost's PLOD: β·x^−α edges per node)
  std::uint32_t m = 5;              ///< barabasi_albert
  std::uint32_t groups = 10;        ///< block
  double mean_degree_within = 8, mean_degree_across = 2;  ///< block, regional
  std::filesystem::path file;  ///< edge_list, resolved against the scenario's folder
};

/// Declares the keys of one `[[network]]` element.
void declare_network_keys(TableSpec& layer);
/// Reads a validated `[[network]]` element. Cross-field problems — an odd small-world degree,
/// m not below the population, a block or regional degree its groups cannot hold — are
/// appended to `problems`, so that every graph the scenario asks for can be drawn.
/// `region_starts` is the first id of each region, then the population size (region_starts()).
NetworkLayerParams read_network(const TableView& layer, std::span<const std::uint32_t> region_starts,
                                const std::filesystem::path& base_dir, std::vector<Diagnostic>& problems);

/// Reads the layer's input file (an edge list) as world setup will, and appends what is wrong
/// with it, by file and line, to `problems`; other kinds have no file.
void check_network_file(const NetworkLayerParams& layer, std::uint32_t population,
                        std::vector<Diagnostic>& problems);

}  // namespace missionsim::model
