#include "engine/network/csr_builder.hpp"

#include "engine/core/error.hpp"
#include "tests/engine/network/network_checks.hpp"

#include <catch2/catch.hpp>

#include <utility>
#include <vector>

namespace missionsim {

namespace {
using EdgeVector = std::vector<std::pair<NodeId, NodeId>>;

auto replay(const EdgeVector& edges) {
  return [&edges](auto&& emit) {
    for (const auto& [u, v] : edges) emit(u, v);
  };
}

std::vector<NodeId> row(const CsrGraph& g, NodeId v) {
  return {g.neighbours(v).begin(), g.neighbours(v).end()};
}
}  // namespace

TEST_CASE("build_csr sorts rows and drops self-loops and duplicates in either orientation") {
  const EdgeVector edges{{3, 1}, {0, 2}, {1, 3}, {2, 2}, {2, 0}, {0, 3}, {1, 0}, {0, 2}};
  const CsrGraph g = build_csr(5, replay(edges));
  CHECK(g.node_count() == 5);
  CHECK(g.edge_count() == 4);  // {0,1} {0,2} {0,3} {1,3}
  CHECK(row(g, 0) == std::vector<NodeId>{1, 2, 3});
  CHECK(row(g, 1) == std::vector<NodeId>{0, 3});
  CHECK(row(g, 2) == std::vector<NodeId>{0});
  CHECK(row(g, 3) == std::vector<NodeId>{0, 1});
  CHECK(row(g, 4).empty());
  test::require_simple_undirected(g);
}

TEST_CASE("build_csr of no edges keeps every node, isolated") {
  const CsrGraph g = build_csr(7, [](auto&&) {});
  CHECK(g.node_count() == 7);
  CHECK(g.edge_count() == 0);
  CHECK(g.is_symmetric());
}

TEST_CASE("A source that emits different edges on replay is caught") {
  int calls = 0;
  const auto drifting = [&calls](auto&& emit) {
    emit(0, 1);
    if (calls++ > 0) emit(1, 2);  // an extra edge only in the fill pass
  };
  CHECK_THROWS_AS(build_csr(3, drifting), InternalError);

  int calls_short = 0;
  const auto shrinking = [&calls_short](auto&& emit) {
    emit(0, 1);
    if (calls_short++ == 0) emit(1, 2);  // an edge only in the count pass
  };
  CHECK_THROWS_AS(build_csr(3, shrinking), InternalError);
}

TEST_CASE("An id at or above the node count is a bug in the source") {
  CHECK_THROWS_AS(build_csr(3, [](auto&& emit) { emit(0, 3); }), InternalError);
}

TEST_CASE("The inferring builder grows the node count to the largest id + 1") {
  CsrBuilder builder = CsrBuilder::inferring_node_count();
  const EdgeVector edges{{0, 9}, {4, 2}, {9, 4}};
  for (const auto& [u, v] : edges) builder.count(u, v);
  CHECK(builder.node_count() == 10);
  builder.start_fill();
  for (const auto& [u, v] : edges) builder.fill(u, v);
  const CsrGraph g = builder.finish();
  CHECK(g.node_count() == 10);
  CHECK(g.edge_count() == 3);
  CHECK(row(g, 4) == std::vector<NodeId>{2, 9});
  test::require_simple_undirected(g);
}

TEST_CASE("The builder enforces its phases") {
  CsrBuilder builder(3);
  builder.count(0, 1);
  CHECK_THROWS_AS(builder.fill(0, 1), InternalError);  // before start_fill
  builder.start_fill();
  CHECK_THROWS_AS(builder.start_fill(), InternalError);
  builder.fill(0, 1);
  CHECK(builder.finish().edge_count() == 1);
  CHECK_THROWS_AS(builder.finish(), InternalError);
}

}  // namespace missionsim
