// `missionsim merge`: joins the shard files of a job array (sweep --shard I/N) into the file a
// single sweep writes (models/experiments/shard_merge.hpp).
#include "cli/commands.hpp"
#include "models/experiments/shard_merge.hpp"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <memory>

namespace missionsim::cli {

namespace {

struct MergeOptions {
  std::vector<std::string> shards;
  std::string output;
  bool force = false;
};

int merge(const MergeOptions& o, const std::string& command_line) {
  const auto report =
      model::merge_shards({{o.shards.begin(), o.shards.end()}, o.output, o.force, command_line});
  std::printf("merged     %zu shards, %zu runs\noutput     %s\n", report.shards, report.runs,
              report.output.string().c_str());
  return 0;
}

}  // namespace

Command add_merge_command(CLI::App& app, const std::string& command_line) {
  auto o = std::make_shared<MergeOptions>();
  app.add_option("shards", o->shards, "Shard files written by sweep --shard I/N (all N of them)")->required();
  app.add_option("-o,--output", o->output, "Output HDF5 file")->required();
  app.add_flag("--force", o->force, "Overwrite the output file if it exists");
  return [o, command_line] { return merge(*o, command_line); };
}

}  // namespace missionsim::cli
