// `missionsim merge`: joins the shard files of a job array (sweep --shard I/N) into the file a
// single sweep writes.
#include "cli/commands.hpp"
#include "engine/core/error.hpp"
#include "engine/experiment/sweep_file.hpp"
#include "engine/io/output_target.hpp"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <memory>

namespace missionsim::cli {

namespace {

struct MergeOptions {
  std::vector<std::string> shards;
  std::string output;
  bool force = false;
};

// Two shards belong to one sweep if they were made from the same scenario, design and layout.
bool same_sweep(const RecordingHeader& a, const RecordingHeader& b) {
  auto names = [](const RecordingHeader& h) {
    std::vector<std::string> n;
    for (const auto& m : h.metrics) n.push_back(m.dataset_name());
    for (const auto& g : h.goals) n.push_back(g.name);
    return n;
  };
  return a.scenario_text == b.scenario_text && a.run_count == b.run_count && a.time_days == b.time_days &&
         a.run_parameters == b.run_parameters && a.run_attributes == b.run_attributes && names(a) == names(b);
}

int merge(const MergeOptions& o, const std::string& command_line) {
  const std::filesystem::path out(o.output);
  const std::vector<std::filesystem::path> shards(o.shards.begin(), o.shards.end());
  check_output_target(out, o.force, shards);
  std::optional<RecordingHeader> header;
  std::vector<RunResult> runs;
  std::vector<int> owner;  // per run: which shard holds it, -1 none
  for (std::size_t i = 0; i < o.shards.size(); ++i) {
    const auto& file = o.shards[i];
    if (!std::filesystem::exists(file)) throw InputError(Diagnostic{{file, 0, 0}, "", "no such file"});
    SweepContents c = read_sweep_file(file);
    if (c.header.run_parameters.empty())
      throw InputError(Diagnostic{{file, 0, 0}, "", "not a sweep file (its /runs has no parameter columns)"});
    if (!header) {
      header = c.header;
      owner.assign(header->run_count, -1);
    } else if (!same_sweep(*header, c.header)) {
      throw InputError(Diagnostic{{file, 0, 0},
                                  "",
                                  "belongs to another sweep than " + o.shards.front() +
                                      " (scenario, design, replicates or layout differ)"});
    }
    for (auto& r : c.runs) {
      const std::uint32_t index = r.record.index;
      if (owner[index] >= 0)
        throw InputError(Diagnostic{{file, 0, 0},
                                    "",
                                    "run " + std::to_string(index) + " is also in " +
                                        o.shards[static_cast<std::size_t>(owner[index])]});
      owner[index] = static_cast<int>(i);
      runs.push_back(std::move(r));
    }
  }
  std::size_t missing = 0;
  for (int w : owner) missing += w < 0 ? 1 : 0;
  if (missing > 0)
    throw InputError(Diagnostic{{"merge", 0, 0},
                                "",
                                std::to_string(missing) + " of " + std::to_string(owner.size()) +
                                    " runs are in none of the shards given (is a shard missing?)"});
  header->command_line = command_line;
  create_output_folder(out);
  write_sweep_file(out, o.force, *header, std::move(runs));
  std::printf("merged     %zu shards, %zu runs\noutput     %s\n", o.shards.size(), owner.size(),
              out.string().c_str());
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
