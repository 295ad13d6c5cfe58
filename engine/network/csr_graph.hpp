// A frozen network in compressed sparse rows with 32-bit node ids: the layout the step loop
// reads. Simple and undirected: each edge is stored in both rows, each row sorted.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace missionsim {

using NodeId = std::uint32_t;
using EdgeIndex = std::uint64_t;

class CsrGraph {
 public:
  CsrGraph() = default;
  /// Row v's neighbours are targets[offsets[v] .. offsets[v+1]); offsets.size() == n + 1.
  /// Checks the shape always (InternalError); symmetry and sorted rows with seatbelts on.
  CsrGraph(std::vector<EdgeIndex> offsets, std::vector<NodeId> targets);

  [[nodiscard]] NodeId node_count() const noexcept {
    return offsets_.empty() ? 0 : static_cast<NodeId>(offsets_.size() - 1);
  }
  /// Undirected edges (each is stored twice).
  [[nodiscard]] EdgeIndex edge_count() const noexcept { return targets_.size() / 2; }
  [[nodiscard]] std::uint32_t degree(NodeId v) const noexcept {
    return static_cast<std::uint32_t>(offsets_[v + std::size_t{1}] - offsets_[v]);
  }
  [[nodiscard]] std::span<const NodeId> neighbours(NodeId v) const noexcept {
    return {targets_.data() + offsets_[v],
            static_cast<std::size_t>(offsets_[v + std::size_t{1}] - offsets_[v])};
  }
  [[nodiscard]] std::span<const EdgeIndex> offsets() const noexcept { return offsets_; }
  [[nodiscard]] std::span<const NodeId> targets() const noexcept { return targets_; }
  [[nodiscard]] double mean_degree() const noexcept;
  /// Heap bytes held by the two arrays (capacity, not size), the figure we publish per edge.
  [[nodiscard]] std::size_t memory_bytes() const noexcept;
  /// True if offsets are monotone, every row is strictly increasing, holds no self-loop and no
  /// id out of range, and every edge appears in both rows. O(E log d); for tests and seatbelts.
  [[nodiscard]] bool is_symmetric() const;

 private:
  std::vector<EdgeIndex> offsets_ = std::vector<EdgeIndex>(1, 0);
  std::vector<NodeId> targets_;
};

}  // namespace missionsim
