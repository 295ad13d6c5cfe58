#include "engine/network/csr_graph.hpp"

#include "engine/core/error.hpp"
#include "tests/engine/network/network_checks.hpp"

#include <catch2/catch.hpp>

#include <vector>

namespace missionsim {

namespace {
// The path 0 - 1 - 2 and an isolated node 3.
CsrGraph path_and_isolated() {
  return CsrGraph({0, 1, 3, 4, 4}, {1, 0, 2, 1});
}
}  // namespace

TEST_CASE("An empty CsrGraph has no nodes and no edges") {
  const CsrGraph g;
  CHECK(g.node_count() == 0);
  CHECK(g.edge_count() == 0);
  CHECK(g.mean_degree() == 0.0);
  CHECK(g.offsets().size() == 1);
  CHECK(g.is_symmetric());
}

TEST_CASE("CsrGraph answers counts, degrees and neighbours from its rows") {
  const CsrGraph g = path_and_isolated();
  CHECK(g.node_count() == 4);
  CHECK(g.edge_count() == 2);
  CHECK(g.degree(0) == 1);
  CHECK(g.degree(1) == 2);
  CHECK(g.degree(3) == 0);
  CHECK(g.neighbours(3).empty());
  const std::vector<NodeId> middle(g.neighbours(1).begin(), g.neighbours(1).end());
  CHECK(middle == std::vector<NodeId>{0, 2});
  CHECK(g.mean_degree() == Approx(2.0 * 2 / 4));
  CHECK(g.memory_bytes() >= 5 * sizeof(EdgeIndex) + 4 * sizeof(NodeId));
  test::require_simple_undirected(g);
}

TEST_CASE("CsrGraph rejects offsets that do not describe its targets") {
  CHECK_THROWS_AS(CsrGraph({}, {}), InternalError);
  CHECK_THROWS_AS(CsrGraph({1, 2}, {0, 1}), InternalError);        // does not start at 0
  CHECK_THROWS_AS(CsrGraph({0, 1, 2}, {1, 0, 0}), InternalError);  // does not end at the target count
  CHECK_THROWS_AS(CsrGraph({0, 1}, {0}), InternalError);           // odd number of entries
}

TEST_CASE("is_symmetric catches a one-way edge, an unsorted row and a self-loop") {
  struct Case {
    std::vector<EdgeIndex> offsets;
    std::vector<NodeId> targets;
  };
  const auto bad = GENERATE(Case{{0, 2, 2, 2}, {1, 2}},        // 0 -> 1, 0 -> 2 without the way back
                            Case{{0, 2, 3, 4}, {2, 1, 0, 0}},  // row 0 unsorted
                            Case{{0, 2, 3}, {0, 1, 0}});       // 0 -> 0 self-loop
#if defined(MISSIONSIM_SEATBELTS) && MISSIONSIM_SEATBELTS
  // With seatbelts the constructor already refuses it.
  CHECK_THROWS_AS(CsrGraph(bad.offsets, bad.targets), InternalError);
#else
  CHECK_FALSE(CsrGraph(bad.offsets, bad.targets).is_symmetric());
#endif
}

}  // namespace missionsim
