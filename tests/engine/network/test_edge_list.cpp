#include "engine/network/edge_list.hpp"

#include "engine/core/error.hpp"
#include "engine/network/generators.hpp"
#include "tests/engine/network/network_checks.hpp"
#include "tests/support/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace missionsim {

namespace {
std::vector<NodeId> row(const CsrGraph& g, NodeId v) {
  return {g.neighbours(v).begin(), g.neighbours(v).end()};
}
}  // namespace

TEST_CASE("An edge list round-trips through a file") {
  const test::TempDir dir;
  const CsrGraph g = erdos_renyi(3000, 7.0, StreamKey{99, 1, 2});
  const auto file = dir / "network.edges";
  write_edge_list(g, file);
  const CsrGraph back = read_edge_list(file, g.node_count());
  CHECK(back.node_count() == g.node_count());
  CHECK(back.edge_count() == g.edge_count());
  CHECK(test::same_graph(g, back));
}

TEST_CASE("Comments, blank lines, tabs, CRLF, repeats and self-loops are read as intended") {
  const test::TempDir dir;
  const auto file = dir.write("e.txt",
                              "# a small network\n"
                              "\n"
                              "0 1\n"
                              "  1\t2   # trailing comment\r\n"
                              "2 1\n"  // the same edge again, other way round
                              "3 3\n"  // self-loop: dropped
                              "   \n"
                              "#0 4\n"
                              "4 0");  // no newline at the end
  SECTION("node count inferred as largest id + 1") {
    const CsrGraph g = read_edge_list(file, 0);
    CHECK(g.node_count() == 5);  // 4 is the largest id; node 3 appears only in its self-loop
    CHECK(g.edge_count() == 3);
    CHECK(row(g, 0) == std::vector<NodeId>{1, 4});
    CHECK(row(g, 1) == std::vector<NodeId>{0, 2});
    CHECK(row(g, 3).empty());
    test::require_simple_undirected(g);
  }
  SECTION("node count given, with isolated nodes past the largest id") {
    const CsrGraph g = read_edge_list(file, 8);
    CHECK(g.node_count() == 8);
    CHECK(g.edge_count() == 3);
  }
}

TEST_CASE("A self-loop on the largest id still counts towards the inferred node count") {
  const test::TempDir dir;
  const CsrGraph g = read_edge_list(dir.write("loop.edges", "0 1\n6 6\n"), 0);
  CHECK(g.node_count() == 7);
  CHECK(g.edge_count() == 1);
}

TEST_CASE("A bad edge-list line names the file, the line and what was wrong") {
  struct Case {
    std::string text;
    NodeId node_count;
    int line;
    std::string says;
  };
  const auto c = GENERATE(
      Case{"0 1\n2\n", 0, 2, "expected two node ids (one undirected edge), found 1 value"},
      Case{"# header\n0 1\n1 2 3\n", 0, 3, "found 3 values"},
      Case{"0 1 # fine\n\n  \n1 two\n", 0, 4, "found 'two'"}, Case{"0 -1\n", 0, 1, "negative"},
      Case{"0 1.5\n", 0, 1, "found '1.5'"}, Case{"0 0x10\n", 0, 1, "found '0x10'"},
      Case{"0 1\n1 99999999999\n", 0, 2, "too large"}, Case{"0 1\n1 4294967295\n", 0, 2, "too large"},
      Case{"0 1\n\n1 5\n", 5, 3, "node id 5 is out of range: the network has 5 nodes (ids 0 to 4)"});
  const test::TempDir dir;
  const auto file = dir.write("bad.edges", c.text);
  try {
    (void)read_edge_list(file, c.node_count);
    FAIL("expected InputError");
  } catch (const InputError& e) {
    REQUIRE(e.diagnostics().size() == 1);
    const Diagnostic& d = e.diagnostics().front();
    CHECK(d.where.file == file.string());
    CHECK(d.where.line == c.line);
    CHECK_THAT(d.message, Catch::Contains(c.says));
    CHECK_THAT(std::string(e.what()), Catch::Contains(file.string() + ":" + std::to_string(c.line)));
  }
}

TEST_CASE("Every bad line is reported, with the column of a bad id") {
  const test::TempDir dir;
  const auto file = dir.write("bad.edges", "0 1\nx 1\n2\n1   -4\n");
  try {
    (void)read_edge_list(file, 0);
    FAIL("expected InputError");
  } catch (const InputError& e) {
    REQUIRE(e.diagnostics().size() == 3);
    CHECK(e.diagnostics()[0].where.line == 2);
    CHECK(e.diagnostics()[0].where.column == 1);
    CHECK(e.diagnostics()[1].where.line == 3);
    CHECK(e.diagnostics()[2].where.line == 4);
    CHECK(e.diagnostics()[2].where.column == 5);
  }
}

TEST_CASE("An edge list without edges is an error") {
  const test::TempDir dir;
  const std::string text = GENERATE(std::string(""), std::string("# only a comment\n\n   \n"));
  const auto file = dir.write("empty.edges", text);
  try {
    (void)read_edge_list(file, 0);
    FAIL("expected InputError");
  } catch (const InputError& e) {
    REQUIRE(e.diagnostics().size() == 1);
    CHECK(e.diagnostics().front().where.file == file.string());
    CHECK_THAT(e.diagnostics().front().message, Catch::Contains("no edges"));
  }
}

TEST_CASE("A missing edge or node list is an InputError naming the file") {
  const test::TempDir dir;
  const auto missing = dir / "does-not-exist.edges";
  for (const bool nodes : {false, true}) {
    try {
      if (nodes) {
        (void)read_node_list(missing, 0);
      } else {
        (void)read_edge_list(missing, 0);
      }
      FAIL("expected InputError");
    } catch (const InputError& e) {
      REQUIRE(e.diagnostics().size() == 1);
      CHECK(e.diagnostics().front().where.file == missing.string());
      CHECK_THAT(std::string(e.what()),
                 Catch::Contains("does-not-exist.edges") && Catch::Contains("cannot read"));
    }
  }
}

TEST_CASE("Writing into a missing directory is an IoError and leaves nothing behind") {
  const test::TempDir dir;
  const auto file = dir / "no-such-dir" / "g.edges";
  CHECK_THROWS_AS(write_edge_list(erdos_renyi(10, 2.0, StreamKey{}), file), IoError);
  CHECK_FALSE(std::filesystem::exists(file));
}

TEST_CASE("A node list is read in file order") {
  const test::TempDir dir;
  const auto file = dir.write("seeds.txt", "# field-lab community\n7\n\n 3 # trailing\n7\n0\r\n");
  CHECK(read_node_list(file, 0) == std::vector<NodeId>{7, 3, 7, 0});
  CHECK(read_node_list(file, 8) == std::vector<NodeId>{7, 3, 7, 0});
}

TEST_CASE("A bad node-list line names the file and the line") {
  struct Case {
    std::string text;
    NodeId node_count;
    int line;
    std::string says;
  };
  const auto c = GENERATE(Case{"1\n2 3\n", 0, 2, "expected one node id, found 2 values"},
                          Case{"# x\n1\nabc\n", 0, 3, "found 'abc'"}, Case{"-2\n", 0, 1, "negative"},
                          Case{"1\n\n10\n", 10, 3, "out of range"}, Case{"# nothing\n", 0, 0, "no node ids"});
  const test::TempDir dir;
  const auto file = dir.write("bad.nodes", c.text);
  try {
    (void)read_node_list(file, c.node_count);
    FAIL("expected InputError");
  } catch (const InputError& e) {
    REQUIRE(e.diagnostics().size() == 1);
    CHECK(e.diagnostics().front().where.file == file.string());
    CHECK(e.diagnostics().front().where.line == c.line);
    CHECK_THAT(e.diagnostics().front().message, Catch::Contains(c.says));
  }
}

}  // namespace missionsim
