#include "engine/io/recorder.hpp"

#include <charconv>

#include "engine/core/error.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace missionsim {

std::size_t MetricSpec::width() const {
  return by ? by->labels.size() : 1;
}

std::string MetricSpec::dataset_name() const {
  return by ? name + "_by_" + by->dim : name;
}

std::size_t RecordingHeader::values_per_step() const {
  std::size_t total = 0;
  for (const auto& m : metrics) total += m.width();
  return total;
}

std::string RecordingHeader::run_attribute_text(const std::string& name) const {
  for (const auto& [key, value] : run_attributes) {
    if (key != name) continue;
    if (const auto* s = std::get_if<std::string>(&value)) return *s;
    if (const auto* i = std::get_if<std::int64_t>(&value)) return std::to_string(*i);
    char buffer[32];
    const auto r = std::to_chars(buffer, buffer + sizeof buffer, std::get<double>(value));
    return std::string(buffer, r.ptr);
  }
  return "";
}

namespace {
void require(bool ok, const std::string& message) {
  if (!ok) throw InternalError("recording header: " + message);
}

// Names become HDF5 link names and xarray variable names: keep them to identifiers.
bool is_identifier(const std::string& s) {
  if (s.empty() || (s.front() >= '0' && s.front() <= '9')) return false;
  for (const char c : s) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    if (!ok) return false;
  }
  return true;
}

// The shape only: the calendar that produced the date has already checked that it exists.
bool is_iso_date(const std::string& s) {
  if (s.size() != 10) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const bool ok = (i == 4 || i == 7) ? s[i] == '-' : (s[i] >= '0' && s[i] <= '9');
    if (!ok) return false;
  }
  return true;
}
}  // namespace

void validate_header(const RecordingHeader& header) {
  require(header.run_count >= 1, "run_count must be at least 1");
  require(!header.time_days.empty(), "the time axis has no steps");
  // Names taken in /metrics: the two axes, every dataset, every breakdown dimension.
  std::set<std::string> datasets{"time", "run"};
  std::map<std::string, std::vector<std::string>> dims;
  for (const auto& m : header.metrics) {
    require(is_identifier(m.name), "metric name '" + m.name + "' is not an identifier");
    if (m.by) {
      require(is_identifier(m.by->dim), "dimension name '" + m.by->dim + "' is not an identifier");
      require(m.by->dim != "time" && m.by->dim != "run", "dimension name '" + m.by->dim + "' is reserved");
      require(!m.by->labels.empty(), "breakdown of '" + m.name + "' has no labels");
      require(std::set<std::string>(m.by->labels.begin(), m.by->labels.end()).size() == m.by->labels.size(),
              "breakdown of '" + m.name + "' repeats a label");
      const auto [it, inserted] = dims.emplace(m.by->dim, m.by->labels);
      require(inserted || it->second == m.by->labels,
              "dimension '" + m.by->dim + "' is used with different labels");
    }
    require(datasets.insert(m.dataset_name()).second,
            "dataset name '" + m.dataset_name() + "' is used twice");
  }
  for (const auto& [dim, labels] : dims) {
    require(!datasets.contains(dim), "dimension '" + dim + "' has the name of a metric");
  }
  // Names taken in /goals: the run axis and one group per goal.
  std::set<std::string> goals{"run"};
  for (const auto& g : header.goals) {
    require(is_identifier(g.name), "goal name '" + g.name + "' is not an identifier");
    require(goals.insert(g.name).second, "goal name '" + g.name + "' is used twice or reserved");
    require(g.direction == "at_most" || g.direction == "at_least",
            "goal '" + g.name + "' has direction '" + g.direction + "', not at_most or at_least");
    require(is_iso_date(g.deadline),
            "goal '" + g.name + "' has deadline '" + g.deadline + "', not YYYY-MM-DD");
  }
  // Analyses are groups beside the file's own, each holding the run axis and its values.
  std::set<std::string> groups(reserved_root_names.begin(), reserved_root_names.end());
  for (const auto& a : header.analyses) {
    require(is_identifier(a.group), "analysis group '" + a.group + "' is not an identifier");
    require(groups.insert(a.group).second, "analysis group '" + a.group + "' is used twice or reserved");
    std::set<std::string> values{"run"};
    for (const auto& v : a.values) {
      require(is_identifier(v.name),
              "value name '" + v.name + "' of analysis '" + a.group + "' is not an identifier");
      require(values.insert(v.name).second,
              "value name '" + v.name + "' of analysis '" + a.group + "' is used twice or reserved");
    }
  }
  // Run parameters are key paths (dots allowed) beside the fixed /runs columns.
  std::set<std::string> columns{"run", "index", "seed", "replicate", "status", "wall_seconds", "point"};
  for (const auto& p : header.run_parameters) {
    require(!p.empty() && p.find('/') == std::string::npos, "run parameter '" + p + "' is not a key path");
    require(columns.insert(p).second, "run parameter '" + p + "' is used twice or reserved");
  }
}

void check_result_table(const RecordingHeader& header, const ResultTable& table) {
  const auto fail = [&](const std::string& what) {
    throw InternalError("result table '" + table.group + "': " + what);
  };
  if (!is_identifier(table.group)) fail("the group is not an identifier");
  if (std::find(reserved_root_names.begin(), reserved_root_names.end(), table.group) !=
      reserved_root_names.end())
    fail("the group is reserved");
  for (const auto& a : header.analyses)
    if (a.group == table.group) fail("the group is an analysis's");
  std::set<std::string> names{table.dim};
  if (!is_identifier(table.dim)) fail("dimension '" + table.dim + "' is not an identifier");
  for (const auto& c : table.columns) {
    if (!is_identifier(c.name) || !names.insert(c.name).second)
      fail("column '" + c.name + "' is not an identifier or is used twice");
    if (c.values.size() != table.coordinates.size())
      fail("column '" + c.name + "' has " + std::to_string(c.values.size()) + " values for " +
           std::to_string(table.coordinates.size()) + " coordinates");
  }
}

void check_goal_outcomes(const RecordingHeader& header, std::uint32_t run,
                         std::span<const GoalOutcome> outcomes) {
  if (run >= header.run_count)
    throw InternalError("record_goals: run " + std::to_string(run) + " out of range");
  if (outcomes.size() != header.goals.size()) {
    throw InternalError("record_goals: " + std::to_string(outcomes.size()) + " outcomes for " +
                        std::to_string(header.goals.size()) + " goals");
  }
  for (const auto& o : outcomes) {
    if (o.achieved < -1 || o.achieved > 1) {
      throw InternalError("record_goals: achieved is " + std::to_string(o.achieved) + ", not -1, 0 or 1");
    }
  }
}

void check_analysis_values(const RecordingHeader& header, std::uint32_t run, std::size_t analysis,
                           std::span<const AnalysisValue> values) {
  if (run >= header.run_count)
    throw InternalError("record_analysis: run " + std::to_string(run) + " out of range");
  if (analysis >= header.analyses.size())
    throw InternalError("record_analysis: analysis " + std::to_string(analysis) + " out of range");
  const auto& spec = header.analyses[analysis];
  if (values.size() != spec.values.size()) {
    throw InternalError("record_analysis: " + std::to_string(values.size()) + " values for the " +
                        std::to_string(spec.values.size()) + " of analysis '" + spec.group + "'");
  }
}

}  // namespace missionsim
