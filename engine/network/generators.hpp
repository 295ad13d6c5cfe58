// Random network generators, each a pure function of its StreamKey: the same key gives the
// same graph, whatever else the run does. All return a frozen CsrGraph.
#pragma once

#include "engine/network/csr_graph.hpp"
#include "engine/rng/philox_stream.hpp"

#include <cstdint>
#include <span>
#include <vector>

namespace missionsim {

// Bad parameters throw InputError whose diagnostic key is the parameter's name.

/// G(n, p) with p = mean_degree / (n - 1) (Boost's sorted_erdos_renyi_iterator, O(n + E)).
[[nodiscard]] CsrGraph erdos_renyi(NodeId n, double mean_degree, StreamKey key);

/// Watts–Strogatz (Boost's small_world_iterator): a ring where each node links to the
/// mean_degree / 2 nearest on each side, each edge rewired with rewire_probability to a node
/// outside that neighbourhood. mean_degree is even. A rewired edge that lands on an existing
/// one is dropped, so for p > 0 the edge count can fall a little short of n * mean_degree / 2.
[[nodiscard]] CsrGraph small_world(NodeId n, std::uint32_t mean_degree, double rewire_probability,
                                   StreamKey key);

/// Power-law out-degree (Boost's PLOD, Palmer & Steffan 2000): node degree budget
/// beta * x^-alpha with x uniform on [0, n), at least 1; stubs are paired at random and
/// repeated pairs dropped.
[[nodiscard]] CsrGraph power_law(NodeId n, double alpha, double beta, StreamKey key);

/// Barabási–Albert preferential attachment (Boost 1.74 has none): starts from a clique of
/// m + 1 nodes; each later node links to m distinct earlier nodes, each picked with
/// probability proportional to its degree (uniformly from the list of edge endpoints).
[[nodiscard]] CsrGraph barabasi_albert(NodeId n, std::uint32_t m, StreamKey key);

/// Silos: `groups` contiguous groups of equal size (sizes differ by at most one, see
/// block_of_nodes). Within each group round(size * mean_degree_within / 2) edges between
/// uniformly drawn member pairs; across groups round(n * mean_degree_across / 2) edges between
/// a uniform node and a uniform node of another group (G(n, M)-style: O(E) time, no memory
/// beyond the graph). Repeated pairs are dropped, so counts can fall slightly short.
[[nodiscard]] CsrGraph block_model(NodeId n, std::uint32_t groups, double mean_degree_within,
                                   double mean_degree_across, StreamKey key);

/// The same with groups given by their first node: group g is [starts[g], starts[g+1]), and
/// starts.back() is the node count. Groups of any size, e.g. the regions of a population.
[[nodiscard]] CsrGraph block_model(std::span<const NodeId> starts, double mean_degree_within,
                                   double mean_degree_across, StreamKey key);

/// First node of each of `groups` equal groups of n nodes, then n (groups + 1 entries): the
/// groups block_model(n, groups, ...) draws. Needs 1 <= groups <= n.
[[nodiscard]] std::vector<NodeId> block_starts(NodeId n, std::uint32_t groups);

/// The largest mean degrees a block model over these groups can have, so that a scenario can
/// be checked before any graph is drawn: within, the smallest non-empty group's size − 1;
/// across, the nodes outside the largest group.
struct BlockDegreeLimits {
  double within = 0, across = 0;
  NodeId smallest_group = 0, largest_group = 0;
};
[[nodiscard]] BlockDegreeLimits block_degree_limits(std::span<const NodeId> starts);

/// Group of each node in block_model: node v is in group floor(v * groups / n).
[[nodiscard]] std::vector<std::uint32_t> block_of_nodes(NodeId n, std::uint32_t groups);

}  // namespace missionsim
