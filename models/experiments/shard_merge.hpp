// Merging the shard files of a job array (sweep --shard I/N) into the file a single sweep
// writes: every run exactly once, from shards of one sweep.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace missionsim::model {

struct MergeRequest {
  std::vector<std::filesystem::path> shards;
  std::filesystem::path output;
  bool force = false;
  std::string command_line;
};

struct MergeReport {
  std::size_t shards = 0, runs = 0;
  std::filesystem::path output;
};

/// InputError naming the file for a shard that is missing, damaged, not a sweep file, of another
/// sweep or holding a run another holds; for runs no shard holds; for a refused output.
MergeReport merge_shards(const MergeRequest& request);

}  // namespace missionsim::model
