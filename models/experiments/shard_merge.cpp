#include "models/experiments/shard_merge.hpp"

#include "engine/core/error.hpp"
#include "engine/experiment/sweep_file.hpp"
#include "engine/io/output_target.hpp"

#include <optional>

namespace missionsim::model {

namespace {

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

}  // namespace

MergeReport merge_shards(const MergeRequest& o) {
  const std::filesystem::path& out = o.output;
  check_output_target(out, o.force, o.shards);
  std::optional<RecordingHeader> header;
  std::vector<RunResult> runs;
  std::vector<int> owner;  // per run: which shard holds it, -1 none
  for (std::size_t i = 0; i < o.shards.size(); ++i) {
    const std::string file = o.shards[i].string();
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
                                  "belongs to another sweep than " + o.shards.front().string() +
                                      " (scenario, design, replicates or layout differ)"});
    }
    for (auto& r : c.runs) {
      const std::uint32_t index = r.record.index;
      if (owner[index] >= 0)
        throw InputError(Diagnostic{{file, 0, 0},
                                    "",
                                    "run " + std::to_string(index) + " is also in " +
                                        o.shards[static_cast<std::size_t>(owner[index])].string()});
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
  header->command_line = o.command_line;
  create_output_folder(out);
  write_sweep_file(out, o.force, *header, std::move(runs));
  return MergeReport{o.shards.size(), owner.size(), out};
}

}  // namespace missionsim::model
