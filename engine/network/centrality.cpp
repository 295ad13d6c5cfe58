#include "engine/network/centrality.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/betweenness_centrality.hpp>

namespace missionsim {

std::vector<double> degree_centrality(const CsrGraph& g) {
  std::vector<double> out(g.node_count());
  for (NodeId v = 0; v < g.node_count(); ++v) out[v] = g.degree(v);
  return out;
}

std::vector<double> betweenness_centrality(const CsrGraph& g) {
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
  Graph graph(g.node_count());
  const auto offsets = g.offsets();
  const auto targets = g.targets();
  for (NodeId u = 0; u < g.node_count(); ++u)
    for (auto e = offsets[u]; e < offsets[u + 1]; ++e)
      if (u < targets[e]) boost::add_edge(u, targets[e], graph);
  std::vector<double> out(g.node_count(), 0.0);
  boost::brandes_betweenness_centrality(graph, boost::centrality_map(boost::make_iterator_property_map(
                                                   out.begin(), get(boost::vertex_index, graph))));
  return out;
}

}  // namespace missionsim
