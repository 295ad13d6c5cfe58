#include "engine/network/csr_builder.hpp"

#include "engine/core/error.hpp"

#include <algorithm>
#include <limits>
#include <string>

namespace missionsim {

CsrBuilder::CsrBuilder(NodeId node_count) : CsrBuilder(node_count, false) {}

CsrBuilder::CsrBuilder(NodeId node_count, bool grows)
    : node_count_(node_count), grows_(grows), offsets_(std::size_t{node_count} + 1, 0) {}

CsrBuilder CsrBuilder::inferring_node_count() {
  return CsrBuilder(0, true);
}

void CsrBuilder::apply_batch() {
  if (phase_ == Phase::counting) {
    for (std::size_t i = 0; i < held_; ++i) {
      ++offsets_[batch_[i].first + std::size_t{1}];
      ++offsets_[batch_[i].second + std::size_t{1}];
    }
  } else {
    for (std::size_t i = 0; i < held_; ++i) {
      const auto [u, v] = batch_[i];
      if (cursor_[u] == offsets_[u + std::size_t{1}] || cursor_[v] == offsets_[v + std::size_t{1}]) {
        held_ = 0;
        throw_not_replayed();
      }
      targets_[cursor_[u]++] = v;
      targets_[cursor_[v]++] = u;
    }
  }
  held_ = 0;
}

void CsrBuilder::grow_or_throw(NodeId largest_id) {
  if (phase_ != Phase::counting) throw InternalError("CsrBuilder: count() after start_fill()");
  if (!grows_) {
    throw InternalError("CsrBuilder: node id " + std::to_string(largest_id) +
                        " is not below the node count " + std::to_string(node_count_));
  }
  if (largest_id == std::numeric_limits<NodeId>::max()) {
    throw InternalError("CsrBuilder: node id " + std::to_string(largest_id) +
                        " leaves no room for a node count");
  }
  node_count_ = largest_id + 1;
  // Amortised doubling, so a file with increasing ids does not resize on every line.
  if (offsets_.capacity() < std::size_t{node_count_} + 1) {
    offsets_.reserve(std::max(std::size_t{node_count_} + 1, 2 * offsets_.capacity()));
  }
  offsets_.resize(std::size_t{node_count_} + 1, 0);
}

void CsrBuilder::throw_not_replayed() {
  throw InternalError(
      "CsrBuilder: the edge source emitted different edges in the fill pass than in the count pass");
}

void CsrBuilder::start_fill() {
  if (phase_ != Phase::counting) throw InternalError("CsrBuilder: start_fill() called twice");
  apply_batch();
  offsets_.shrink_to_fit();
  for (std::size_t i = 1; i < offsets_.size(); ++i) offsets_[i] += offsets_[i - 1];
  targets_.resize(offsets_.back());
  cursor_.assign(offsets_.begin(), offsets_.end() - 1);
  phase_ = Phase::filling;
}

CsrGraph CsrBuilder::finish() {
  if (phase_ != Phase::filling) throw InternalError("CsrBuilder: finish() without start_fill()");
  apply_batch();
  batch_ = {};
  for (NodeId u = 0; u < node_count_; ++u) {
    if (cursor_[u] != offsets_[u + std::size_t{1}]) throw_not_replayed();
  }
  cursor_ = {};  // release before sorting: it is as large as offsets

  // Sort each row, drop repeats, and slide it down over the space freed by earlier rows.
  EdgeIndex write = 0;
  EdgeIndex row_begin = 0;
  for (NodeId u = 0; u < node_count_; ++u) {
    const EdgeIndex row_end = offsets_[u + std::size_t{1}];
    const auto first = targets_.begin() + static_cast<std::ptrdiff_t>(row_begin);
    const auto last = targets_.begin() + static_cast<std::ptrdiff_t>(row_end);
    std::sort(first, last);
    const auto unique_end = std::unique(first, last);
    const auto out = targets_.begin() + static_cast<std::ptrdiff_t>(write);
    write += static_cast<EdgeIndex>(std::move(first, unique_end, out) - out);
    offsets_[u] = write - static_cast<EdgeIndex>(unique_end - first);  // start of row u
    row_begin = row_end;
  }
  offsets_.back() = write;
  targets_.resize(write);
  targets_.shrink_to_fit();  // a no-op unless duplicates were dropped
  phase_ = Phase::finished;
  return CsrGraph(std::move(offsets_), std::move(targets_));
}

}  // namespace missionsim
