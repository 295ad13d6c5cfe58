// Networks and node sets from text files: an edge list is one undirected edge per line as two
// whitespace-separated 0-based node ids, a node list one id per line; `#` starts a comment.
#pragma once

#include "engine/network/csr_graph.hpp"

#include <filesystem>
#include <vector>

namespace missionsim {

/// Reads an edge list; node_count 0 means "largest id + 1". Self-loops are dropped and an edge
/// listed twice (in either orientation) is kept once. Bad lines (wrong number of values, not a
/// non-negative integer, id >= node_count), an empty list or an unreadable file throw
/// InputError with file and line. The file is read twice (count, then fill) instead of
/// buffering its edges.
[[nodiscard]] CsrGraph read_edge_list(const std::filesystem::path& file, NodeId node_count);

/// Writes each edge once (smaller id first) after a comment line with the counts; written to a
/// temporary file renamed into place, so a failure never leaves half a file. Throws IoError.
void write_edge_list(const CsrGraph& g, const std::filesystem::path& file);

/// Reads node ids in file order, duplicates kept; node_count 0 means no upper bound. Same
/// comment and error rules as read_edge_list; a list without ids is an error.
[[nodiscard]] std::vector<NodeId> read_node_list(const std::filesystem::path& file, NodeId node_count);

/// Reads one number per node, one per line in node-id order (the line's place is the id;
/// comments and blank lines skipped), each in [lo, hi]: exactly node_count of them. Same error
/// rules as read_edge_list.
[[nodiscard]] std::vector<double> read_node_values(const std::filesystem::path& file, NodeId node_count,
                                                   double lo, double hi);

}  // namespace missionsim
