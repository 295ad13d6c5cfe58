#include "engine/network/centrality.hpp"

#include "engine/network/csr_builder.hpp"

#include <catch2/catch.hpp>

namespace missionsim {

TEST_CASE("Betweenness: a star's centre lies on every path between two leaves, a leaf on none") {
  const NodeId leaves = 6;
  const CsrGraph star = build_csr(leaves + 1, [&](auto&& emit) {
    for (NodeId v = 1; v <= leaves; ++v) emit(0, v);
  });
  const auto b = betweenness_centrality(star);
  CHECK(b[0] == Approx(leaves * (leaves - 1) / 2.0));  // C(6, 2) = 15 pairs of leaves
  for (NodeId v = 1; v <= leaves; ++v) CHECK(b[v] == 0.0);
  CHECK(degree_centrality(star)[0] == leaves);
}

TEST_CASE("Betweenness on a path: the inner nodes carry the pairs across them") {
  // 0 - 1 - 2 - 3: node 1 lies between 0 and 2, 0 and 3; node 2 between 1 and 3, 0 and 3.
  const CsrGraph path = build_csr(4, [](auto&& emit) {
    emit(0, 1);
    emit(1, 2);
    emit(2, 3);
  });
  const auto b = betweenness_centrality(path);
  CHECK(b[0] == 0.0);
  CHECK(b[1] == Approx(2.0));
  CHECK(b[2] == Approx(2.0));
  CHECK(b[3] == 0.0);
}

}  // namespace missionsim
