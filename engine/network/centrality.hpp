// Centrality of the nodes of a CSR graph: degree (cheap at any size) and betweenness (Brandes,
// through Boost.Graph; O(V·E), so for small networks such as the stakeholders').
#pragma once

#include "engine/network/csr_graph.hpp"

#include <vector>

namespace missionsim {

/// Each node's number of neighbours.
[[nodiscard]] std::vector<double> degree_centrality(const CsrGraph& g);
/// Each node's betweenness: the number of shortest paths between other pairs through it
/// (unnormalised, each unordered pair counted once).
[[nodiscard]] std::vector<double> betweenness_centrality(const CsrGraph& g);

}  // namespace missionsim
