// Checks shared by the network tests, written independently of CsrGraph::is_symmetric.
#pragma once

#include "engine/network/csr_graph.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>

namespace missionsim::test {

/// Rows strictly increasing (sorted, no duplicates), no self-loops, ids in range, and every
/// entry u -> v matched by v -> u.
inline void require_simple_undirected(const CsrGraph& g) {
  const NodeId n = g.node_count();
  REQUIRE(g.offsets().size() == std::size_t{n} + 1);
  REQUIRE(g.offsets().back() == g.targets().size());
  std::uint64_t self_loops = 0, unsorted = 0, out_of_range = 0, unmatched = 0;
  for (NodeId u = 0; u < n; ++u) {
    const auto row = g.neighbours(u);
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (row[i] == u) ++self_loops;
      if (i > 0 && row[i - 1] >= row[i]) ++unsorted;
      if (row[i] >= n) {
        ++out_of_range;
        continue;
      }
      const auto back = g.neighbours(row[i]);
      if (!std::binary_search(back.begin(), back.end(), u)) ++unmatched;
    }
  }
  CHECK(self_loops == 0);
  CHECK(unsorted == 0);
  CHECK(out_of_range == 0);
  CHECK(unmatched == 0);
  CHECK(g.is_symmetric());
}

inline bool same_graph(const CsrGraph& a, const CsrGraph& b) {
  return std::equal(a.offsets().begin(), a.offsets().end(), b.offsets().begin(), b.offsets().end()) &&
         std::equal(a.targets().begin(), a.targets().end(), b.targets().begin(), b.targets().end());
}

}  // namespace missionsim::test
