#include "engine/io/file_summary.hpp"

#include "engine/core/error.hpp"
#include "engine/io/h5.hpp"
#include "engine/io/recorder.hpp"
#include "engine/io/untrusted_read.hpp"

#include <hdf5_hl.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>

namespace missionsim {

namespace {

std::string optional_string(hid_t object, const std::string& name) {
  return h5::attribute_exists(object, name) ? h5::read_string_attribute(object, name) : std::string();
}

bool is_group(hid_t parent, const std::string& name) {
  return h5::object_kind(parent, name, name) == H5I_GROUP;
}

GoalSummary read_goal(hid_t group, const std::string& name, std::size_t runs) {
  GoalSummary g;
  g.name = name;
  g.kpi = optional_string(group, "kpi");
  g.direction = optional_string(group, "direction");
  g.deadline = optional_string(group, "deadline");
  g.target = h5::read_double_attribute(group, "target");
  g.baseline = h5::read_double_attribute(group, "baseline");
  const auto achieved = h5::open_dataset(group, "achieved");
  const std::string where = "/goals/" + name + "/achieved";
  h5::expect_class(achieved, H5T_INTEGER, where);
  std::vector<std::int8_t> flags(h5::expect_shape(achieved, std::array<hsize_t, 1>{runs}, where).at(0));
  if (!flags.empty()) {
    h5::check(H5Dread(achieved, H5T_NATIVE_INT8, H5S_ALL, H5S_ALL, H5P_DEFAULT, flags.data()),
              "reading " + where);
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
    v.is_text = h5::type_class(type, where) == H5T_STRING;
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

FileSummary read_summary(const std::filesystem::path& file) {
  if (!h5::is_hdf5_file(file)) refuse_file(file, "not an HDF5 file");
  const auto root = h5::open_file_read_only(file);
  if (!h5::attribute_exists(root, "format") || h5::read_string_attribute(root, "format") != "missionsim")
    refuse_file(file, "not a missionsim output file (no root attribute format = \"missionsim\")");
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
  out.steps = h5::column_length(h5::open_dataset(metrics, "time"), "/metrics/time");
  out.time_units = optional_string(h5::open_dataset(metrics, "time"), "units");
  out.runs = h5::column_length(h5::open_dataset(metrics, "run"), "/metrics/run");
  // The breakdowns' labels, by dimension name, for the check of each NAME_by_DIM's last axis.
  std::map<std::string, std::size_t> labels;
  for (const auto& name : h5::member_names(metrics)) {
    const std::string where = "/metrics/" + name;
    if (h5::object_kind(metrics, name, where) != H5I_DATASET) continue;
    const auto dataset = h5::open_dataset(metrics, name);
    if (is_scale(dataset, where)) {  // an axis
      if (name != "time" && name != "run") labels[name] = h5::column_length(dataset, where);
      continue;
    }
    h5::expect_class(dataset, H5T_FLOAT, where);
    MetricSummary m;
    m.name = name;
    m.units = optional_string(dataset, "units");
    m.description = optional_string(dataset, "description");
    const auto dims = h5::shape(dataset);
    // The breakdown whose name ends this one's, as NAME_by_DIM is written; the longest such
    // dimension wins, so that "_by_stakeholder_innovation" is not read as "_by_innovation".
    std::size_t width = 0;
    std::string by;
    for (const auto& [dim, count] : labels) {
      if (name.ends_with("_by_" + dim) && dim.size() > by.size()) {
        by = dim;
        width = count;
      }
    }
    std::vector<hsize_t> expected{out.runs, out.steps};
    if (!by.empty()) expected.push_back(width);
    if (dims != expected)
      throw IoError(where + " has shape " + h5::shape_text(dims) + ", expected " + h5::shape_text(expected) +
                    (by.empty() ? " (runs × steps)" : " (runs × steps × labels of " + by + ")"));
    for (const hsize_t d : dims) m.shape.push_back(static_cast<std::size_t>(d));
    out.metrics.push_back(std::move(m));
  }

  if (h5::link_exists(root, "events")) {
    const auto events = h5::open_group(root, "events");
    const auto kind_column = h5::open_dataset(events, "kind");
    static_cast<void>(h5::column_length(kind_column, "/events/kind"));
    const auto kinds = h5::read_strings(kind_column);
    std::map<std::string, std::size_t> counts;
    for (const auto& k : kinds) ++counts[k];
    for (const auto& [kind, count] : counts) out.events.push_back(EventCount{kind, count});
  }

  if (h5::link_exists(root, "goals")) {
    const auto goals = h5::open_group(root, "goals");
    for (const auto& name : h5::member_names(goals)) {
      if (!is_group(goals, name)) continue;  // the run axis
      out.goals.push_back(read_goal(h5::open_group(goals, name), name, out.runs));
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
  if (!std::filesystem::is_regular_file(file, ec)) refuse_file(file, "no such file");
  return read_untrusted(file, [&] { return read_summary(file); });
}

}  // namespace missionsim
