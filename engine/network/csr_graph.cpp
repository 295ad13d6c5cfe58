#include "engine/network/csr_graph.hpp"

#include "engine/core/error.hpp"
#include "engine/core/seatbelt.hpp"

#include <algorithm>
#include <limits>
#include <string>
#include <utility>

namespace missionsim {

CsrGraph::CsrGraph(std::vector<EdgeIndex> offsets, std::vector<NodeId> targets)
    : offsets_(std::move(offsets)), targets_(std::move(targets)) {
  if (offsets_.empty() || offsets_.front() != 0 || offsets_.back() != targets_.size()) {
    throw InternalError("CsrGraph: offsets must start at 0 and end at the number of targets (" +
                        std::to_string(targets_.size()) + ")");
  }
  if (offsets_.size() - 1 > std::numeric_limits<NodeId>::max()) {
    throw InternalError("CsrGraph: more nodes than 32-bit node ids can address");
  }
  if (targets_.size() % 2 != 0) throw InternalError("CsrGraph: an undirected graph stores every edge twice");
  MS_SEATBELT(is_symmetric(), "CsrGraph rows must be sorted, free of self-loops and symmetric");
}

double CsrGraph::mean_degree() const noexcept {
  const NodeId n = node_count();
  return n == 0 ? 0.0 : static_cast<double>(targets_.size()) / static_cast<double>(n);
}

std::size_t CsrGraph::memory_bytes() const noexcept {
  return offsets_.capacity() * sizeof(EdgeIndex) + targets_.capacity() * sizeof(NodeId);
}

bool CsrGraph::is_symmetric() const {
  const NodeId n = node_count();
  for (NodeId u = 0; u < n; ++u) {
    if (offsets_[u] > offsets_[u + std::size_t{1}]) return false;
  }
  for (NodeId u = 0; u < n; ++u) {
    const auto row = neighbours(u);
    for (std::size_t i = 0; i < row.size(); ++i) {
      const NodeId v = row[i];
      if (v >= n || v == u || (i > 0 && row[i - 1] >= v)) return false;
      const auto back = neighbours(v);
      if (!std::binary_search(back.begin(), back.end(), u)) return false;
    }
  }
  return true;
}

}  // namespace missionsim
