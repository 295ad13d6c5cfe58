// Builds a CsrGraph from a replayable edge source in two passes (count, then fill), so a
// country-scale network never exists as an adjacency list or a vector of 64-bit edge pairs.
#pragma once

#include "engine/network/csr_graph.hpp"

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace missionsim {

/// Why our own builder: Boost's compressed_sparse_row_graph constructor copies every edge into
/// vectors of 64-bit (source, target) pairs before it sorts them, ~16 bytes per edge on top of
/// the result; at 100 million edges that is gigabytes we do not have. Here the extra memory is
/// one 64-bit cursor per node and a fixed batch of 32 KiB; the edges themselves are produced
/// twice by the source instead.
///
/// Usage: count() every edge, start_fill(), fill() the very same edges, finish(). Self-loops
/// are dropped, duplicates (either orientation) are removed, rows come out sorted.
class CsrBuilder {
 public:
  /// Ids must be below node_count.
  explicit CsrBuilder(NodeId node_count);
  /// The node count grows to the largest id counted + 1 (for files that do not state it).
  [[nodiscard]] static CsrBuilder inferring_node_count();

  /// Pass 1: one undirected edge.
  void count(NodeId u, NodeId v) {
    // Range first: a self-loop is dropped, but its id still counts towards an inferred node count.
    if (phase_ != Phase::counting || u >= node_count_ || v >= node_count_) grow_or_throw(u > v ? u : v);
    if (u != v) hold(u, v);
  }
  /// Between the passes: turns the counts into row offsets and allocates the targets.
  void start_fill();
  /// Pass 2: the same edges again, in any order.
  void fill(NodeId u, NodeId v) {
    if (u == v) return;
    if (phase_ != Phase::filling || u >= node_count_ || v >= node_count_) throw_not_replayed();
    hold(u, v);
  }
  /// Sorts each row, drops duplicates, compacts, and hands over the graph.
  [[nodiscard]] CsrGraph finish();

  [[nodiscard]] NodeId node_count() const noexcept { return node_count_; }

 private:
  enum class Phase { counting, filling, finished };
  CsrBuilder(NodeId node_count, bool grows);
  void grow_or_throw(NodeId largest_id);
  [[noreturn]] static void throw_not_replayed();
  // Edges wait in a small batch and are applied together: the increments and writes land at
  // random rows, and applying them in a tight loop lets their cache misses overlap instead of
  // each one stalling the generator or parser that produced the edge (2.6x faster reading a
  // 10-million-edge file).
  void hold(NodeId u, NodeId v) {
    batch_[held_++] = {u, v};
    if (held_ == batch_.size()) apply_batch();
  }
  void apply_batch();

  static constexpr std::size_t batch_size = 4096;

  NodeId node_count_;
  bool grows_;
  Phase phase_ = Phase::counting;
  std::vector<EdgeIndex> offsets_;  // counts in pass 1 (shifted by one), row starts afterwards
  std::vector<EdgeIndex> cursor_;   // next free slot of each row during pass 2
  std::vector<NodeId> targets_;
  std::vector<std::pair<NodeId, NodeId>> batch_ = std::vector<std::pair<NodeId, NodeId>>(batch_size);
  std::size_t held_ = 0;
};

/// `source(emit)` must call `emit(u, v)` for the same undirected edges every time it is called
/// (a generator replays by rebuilding its PhiloxEngine from the same StreamKey).
template <typename EdgeSource>
[[nodiscard]] CsrGraph build_csr(NodeId node_count, EdgeSource&& source) {
  CsrBuilder builder(node_count);
  source([&builder](NodeId u, NodeId v) { builder.count(u, v); });
  builder.start_fill();
  source([&builder](NodeId u, NodeId v) { builder.fill(u, v); });
  return builder.finish();
}

}  // namespace missionsim
