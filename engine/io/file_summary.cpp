#include "engine/io/file_summary.hpp"

#include "engine/core/error.hpp"
#include "engine/io/h5.hpp"
#include "engine/io/recorder.hpp"

#include <hdf5_hl.h>

#include <algorithm>
#include <cstdint>
#include <map>

namespace missionsim {

namespace {

[[noreturn]] void reject(const std::filesystem::path& file, const std::string& message) {
  throw InputError(Diagnostic{SourcePosition{file.string(), 0, 0}, "", message});
}

std::string optional_string(hid_t object, const std::string& name) {
  return h5::attribute_exists(object, name) ? h5::read_string_attribute(object, name) : std::string();
}

bool is_group(hid_t parent, const std::string& name) {
  const h5::Handle<H5Oclose> object(h5::check(H5Oopen(parent, name.c_str(), H5P_DEFAULT), "opening " + name));
  return H5Iget_type(object) == H5I_GROUP;
}

GoalSummary read_goal(hid_t group, const std::string& name) {
  GoalSummary g;
  g.name = name;
  g.kpi = optional_string(group, "kpi");
  g.direction = optional_string(group, "direction");
  g.deadline = optional_string(group, "deadline");
  g.target = h5::read_double_attribute(group, "target");
  g.baseline = h5::read_double_attribute(group, "baseline");
  const auto achieved = h5::open_dataset(group, "achieved");
  std::vector<std::int8_t> flags(static_cast<std::size_t>(h5::shape(achieved).at(0)));
  if (!flags.empty()) {
    h5::check(H5Dread(achieved, H5T_NATIVE_INT8, H5S_ALL, H5S_ALL, H5P_DEFAULT, flags.data()),
              "reading /goals/" + name + "/achieved");
  }
  for (const auto flag : flags) {
    if (flag == 1) ++g.runs_met;
    if (flag == 0) ++g.runs_missed;
  }
  return g;
}

bool is_scale(hid_t dataset, const std::string& where) {
  return h5::check(H5DSis_scale(dataset), "inspecting " + where) > 0;
}

// An analysis group: every dataset but the run axis is a value. A file of one run also gives the
// values themselves, which are what `info` shows for it.
AnalysisSummary read_analysis(hid_t group, const std::string& name, std::size_t runs) {
  AnalysisSummary a;
  a.group = name;
  for (const auto& member : h5::member_names(group)) {
    if (is_group(group, member)) continue;
    const std::string where = "/" + name + "/" + member;
    const auto dataset = h5::open_dataset(group, member);
    if (is_scale(dataset, where)) continue;
    AnalysisValueSummary v;
    v.name = member;
    v.units = optional_string(dataset, "units");
    v.description = optional_string(dataset, "description");
    const h5::Datatype type(h5::check(H5Dget_type(dataset), "reading the type of " + where));
    v.is_text = H5Tget_class(type) == H5T_STRING;
    if (runs == 1 && h5::shape(dataset) == std::vector<hsize_t>{1}) {
      if (v.is_text) {
        v.text = h5::read_strings(dataset).at(0);
      } else {
        h5::check(H5Dread(dataset, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, &v.number),
                  "reading " + where);
      }
    }
    a.values.push_back(std::move(v));
  }
  return a;
}

// Every dataset of a group and its subgroups, depth first, in the group's order.
void read_arrays(hid_t group, const std::string& path, std::vector<MetricSummary>& out) {
  for (const auto& name : h5::member_names(group)) {
    if (is_group(group, name)) {
      read_arrays(h5::open_group(group, name), path + "/" + name, out);
      continue;
    }
    const auto dataset = h5::open_dataset(group, name);
    MetricSummary m;
    m.name = path + "/" + name;
    m.units = optional_string(dataset, "units");
    m.description = optional_string(dataset, "description");
    if (m.description.empty()) m.description = optional_string(dataset, "long_name");
    for (const hsize_t d : h5::shape(dataset)) m.shape.push_back(static_cast<std::size_t>(d));
    out.push_back(std::move(m));
  }
}

FileSummary read_summary(hid_t root) {
  FileSummary out;
  out.format = h5::read_string_attribute(root, "format");
  out.format_version = static_cast<int>(h5::read_int_attribute(root, "format_version"));
  out.engine_version = optional_string(root, "engine_version");
  out.scenario_name = optional_string(root, "scenario_name");
  out.created_utc = optional_string(root, "created_utc");
  out.command_line = optional_string(root, "command_line");

  if (!h5::link_exists(root, "metrics") && h5::link_exists(root, "compare")) {
    if (h5::link_exists(root, "scenarios")) out.mixes = h5::member_names(h5::open_group(root, "scenarios"));
    read_arrays(h5::open_group(root, "compare"), "compare", out.arrays);
    return out;
  }
  const auto metrics = h5::open_group(root, "metrics");
  {
    const auto time = h5::open_dataset(metrics, "time");
    out.steps = static_cast<std::size_t>(h5::shape(time).at(0));
    out.time_units = optional_string(time, "units");
    const auto run = h5::open_dataset(metrics, "run");
    out.runs = static_cast<std::size_t>(h5::shape(run).at(0));
  }
  for (const auto& name : h5::member_names(metrics)) {
    {
      const h5::Handle<H5Oclose> object(
          h5::check(H5Oopen(metrics, name.c_str(), H5P_DEFAULT), "opening /metrics/" + name));
      if (H5Iget_type(object) != H5I_DATASET) continue;
    }
    const auto dataset = h5::open_dataset(metrics, name);
    if (is_scale(dataset, "/metrics/" + name)) continue;  // an axis
    MetricSummary m;
    m.name = name;
    m.units = optional_string(dataset, "units");
    m.description = optional_string(dataset, "description");
    for (const hsize_t d : h5::shape(dataset)) m.shape.push_back(static_cast<std::size_t>(d));
    out.metrics.push_back(std::move(m));
  }

  if (h5::link_exists(root, "events")) {
    const auto events = h5::open_group(root, "events");
    const auto kinds = h5::read_strings(h5::open_dataset(events, "kind"));
    std::map<std::string, std::size_t> counts;
    for (const auto& k : kinds) ++counts[k];
    for (const auto& [kind, count] : counts) out.events.push_back(EventCount{kind, count});
  }

  if (h5::link_exists(root, "goals")) {
    const auto goals = h5::open_group(root, "goals");
    for (const auto& name : h5::member_names(goals)) {
      if (!is_group(goals, name)) continue;  // the run axis
      out.goals.push_back(read_goal(h5::open_group(goals, name), name));
    }
  }

  // Analyses are the root groups the fixed layout does not name.
  for (const auto& name : h5::member_names(root)) {
    const bool reserved =
        std::find(reserved_root_names.begin(), reserved_root_names.end(), name) != reserved_root_names.end();
    if (reserved || !is_group(root, name)) continue;
    out.analyses.push_back(read_analysis(h5::open_group(root, name), name, out.runs));
  }
  return out;
}

}  // namespace

FileSummary read_file_summary(const std::filesystem::path& file) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) reject(file, "no such file");
  try {
    if (!h5::is_hdf5_file(file)) reject(file, "not an HDF5 file");
    const auto handle = h5::open_file_read_only(file);
    if (!h5::attribute_exists(handle, "format") ||
        h5::read_string_attribute(handle, "format") != "missionsim") {
      reject(file, "not a missionsim output file (no root attribute format = \"missionsim\")");
    }
    return read_summary(handle);
  } catch (const IoError& e) {
    reject(file, std::string("unreadable missionsim output file: ") + e.what());
  }
}

}  // namespace missionsim
