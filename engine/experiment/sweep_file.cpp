#include "engine/experiment/sweep_file.hpp"

#include "engine/core/error.hpp"
#include "engine/io/h5_arrays.hpp"
#include "engine/io/hdf5_recorder.hpp"
#include "engine/io/untrusted_read.hpp"

#include <algorithm>
#include <map>

namespace missionsim {

void write_sweep_file(const std::filesystem::path& path, bool overwrite, const RecordingHeader& header,
                      std::vector<RunResult> results) {
  std::sort(results.begin(), results.end(),
            [](const RunResult& a, const RunResult& b) { return a.record.index < b.record.index; });
  Hdf5Recorder recorder(path, overwrite);
  recorder.begin(header);
  const std::size_t width = header.values_per_step();
  for (const auto& r : results) {
    const std::uint32_t run = r.record.index;
    if (r.values.size() != width * header.step_count())
      throw InternalError("write_sweep_file: run " + std::to_string(run) + " has the wrong number of values");
    for (std::uint32_t t = 0; t < header.step_count(); ++t)
      recorder.record_step(run, t, std::span(r.values).subspan(t * width, width));
    for (const auto& e : r.events) recorder.record_event(e);
    if (!header.goals.empty()) recorder.record_goals(run, r.goals);
    recorder.end_run(r.record);
  }
  recorder.finish();
}

namespace {

using Shape = std::vector<hsize_t>;

// A dataset of numbers of shape `expected`, or of one axis of any length if `expected` is
// empty; checked before the buffer is sized by it.
template <class T>
std::vector<T> read_numbers(hid_t parent, const std::string& name, hid_t memory_type,
                            const std::string& where, const Shape& expected = {}) {
  const auto dataset = h5::open_dataset(parent, name);
  h5::expect_class(dataset, h5::type_class(memory_type, where), where);
  std::size_t n = 1;
  if (expected.empty()) {
    n = h5::column_length(dataset, where);
  } else {
    for (const auto d : h5::expect_shape(dataset, expected, where)) n *= d;
  }
  std::vector<T> values(n);
  if (n > 0) h5::read_whole(dataset, memory_type, values.data(), where);
  return values;
}

std::vector<std::string> read_labels(hid_t parent, const std::string& name, const std::string& where,
                                     const Shape& expected = {}) {
  const auto dataset = h5::open_dataset(parent, name);
  h5::expect_class(dataset, H5T_STRING, where);
  if (expected.empty()) {
    static_cast<void>(h5::column_length(dataset, where));
  } else {
    h5::expect_shape(dataset, expected, where);
  }
  return h5::read_strings(dataset);
}

bool holds_strings(hid_t parent, const std::string& name) {
  return h5::holds_strings(h5::open_dataset(parent, name), name);
}

std::string string_attribute_or(hid_t object, const std::string& name, const std::string& fallback) {
  return h5::attribute_exists(object, name) ? h5::read_string_attribute(object, name) : fallback;
}

SweepContents read_contents(const std::filesystem::path& path) {
  if (!h5::is_hdf5_file(path)) refuse_file(path, "not an HDF5 file");
  const auto file = h5::open_file_read_only(path);
  if (!h5::attribute_exists(file, "format") || h5::read_string_attribute(file, "format") != "missionsim")
    refuse_file(path, "not a missionsim output file");
  SweepContents c;
  RecordingHeader& h = c.header;
  h.scenario_name = h5::read_string_attribute(file, "scenario_name");
  h.command_line = string_attribute_or(file, "command_line", "");
  {
    const auto scenario = h5::read_strings(h5::open_dataset(file, "scenario"));
    if (scenario.size() != 1) throw IoError("/scenario does not hold one text");
    h.scenario_text = scenario.front();
  }

  const auto metrics = h5::open_group(file, "metrics");
  {
    const auto time = h5::open_dataset(metrics, "time");
    h.time_units = h5::read_string_attribute(time, "units");
  }
  h.time_days = read_numbers<double>(metrics, "time", H5T_NATIVE_DOUBLE, "/metrics/time");
  const auto run_axis = read_numbers<std::uint32_t>(metrics, "run", H5T_NATIVE_UINT32, "/metrics/run");
  h.run_count = static_cast<std::uint32_t>(run_axis.size());
  const std::size_t runs = h.run_count;
  const std::size_t steps = h.step_count();
  const Shape per_run{runs};

  // Members in creation order: time, run, the breakdown dimensions (strings), then the metrics.
  std::map<std::string, std::vector<std::string>> dims;
  std::vector<std::vector<double>> metric_values;
  for (const auto& name : h5::member_names(metrics)) {
    if (name == "time" || name == "run") continue;
    const std::string where = "/metrics/" + name;
    if (holds_strings(metrics, name)) {
      dims[name] = read_labels(metrics, name, where);
      continue;
    }
    const auto dataset = h5::open_dataset(metrics, name);
    MetricSpec m;
    m.name = name;
    m.units = h5::read_string_attribute(dataset, "units");
    m.description = h5::read_string_attribute(dataset, "description");
    if (h5::shape(dataset).size() == 3) {
      for (const auto& [dim, labels] : dims) {
        const std::string suffix = "_by_" + dim;
        if (name.size() > suffix.size() && name.ends_with(suffix)) {
          m.name = name.substr(0, name.size() - suffix.size());
          m.by = Breakdown{dim, labels};
        }
      }
      if (!m.by) throw IoError(where + " has no breakdown dimension");
    }
    Shape expected{runs, steps};
    if (m.by) expected.push_back(m.by->labels.size());
    metric_values.push_back(read_numbers<double>(metrics, name, H5T_NATIVE_DOUBLE, where, expected));
    h.metrics.push_back(std::move(m));
  }

  const auto goals = h5::open_group(file, "goals");
  std::vector<std::vector<std::int8_t>> achieved;
  std::vector<std::vector<double>> at_deadline;
  for (const auto& name : h5::member_names(goals)) {
    if (name == "run") continue;
    const std::string where = "/goals/" + name + "/";
    const auto g = h5::open_group(goals, name);
    h.goals.push_back(
        GoalSpec{name, h5::read_string_attribute(g, "kpi"), h5::read_string_attribute(g, "direction"),
                 h5::read_string_attribute(g, "deadline"), h5::read_double_attribute(g, "baseline"),
                 h5::read_double_attribute(g, "target")});
    achieved.push_back(
        read_numbers<std::int8_t>(g, "achieved", H5T_NATIVE_INT8, where + "achieved", per_run));
    at_deadline.push_back(read_numbers<double>(g, "value_at_deadline", H5T_NATIVE_DOUBLE,
                                               where + "value_at_deadline", per_run));
  }

  const auto table = h5::open_group(file, "runs");
  const auto seed = read_numbers<std::uint64_t>(table, "seed", H5T_NATIVE_UINT64, "/runs/seed", per_run);
  const auto replicate =
      read_numbers<std::uint32_t>(table, "replicate", H5T_NATIVE_UINT32, "/runs/replicate", per_run);
  const auto status = read_labels(table, "status", "/runs/status", per_run);
  const auto wall =
      read_numbers<double>(table, "wall_seconds", H5T_NATIVE_DOUBLE, "/runs/wall_seconds", per_run);
  std::vector<std::uint32_t> point(runs, 0);
  std::vector<std::vector<double>> parameters;
  if (h5::link_exists(table, "point")) {
    point = read_numbers<std::uint32_t>(table, "point", H5T_NATIVE_UINT32, "/runs/point", per_run);
    bool after_point = false;
    for (const auto& name : h5::member_names(table)) {
      if (after_point) {
        h.run_parameters.push_back(name);
        parameters.push_back(read_numbers<double>(table, name, H5T_NATIVE_DOUBLE, "/runs/" + name, per_run));
        const auto column = h5::open_dataset(table, name);
        if (h5::attribute_exists(column, "lower") && h5::attribute_exists(column, "upper"))
          h.run_parameter_ranges.emplace_back(h5::read_double_attribute(column, "lower"),
                                              h5::read_double_attribute(column, "upper"));
      }
      after_point = after_point || name == "point";
    }
  }
  // A design file gives no ranges: they are kept only when every parameter has them.
  if (h.run_parameter_ranges.size() != h.run_parameters.size()) h.run_parameter_ranges.clear();
  for (const char* name : {"design_method", "design_samples", "replicates", "base_seed", "morris_delta"})
    if (h5::attribute_exists(table, name))
      h.run_attributes.emplace_back(name, h5::read_attribute(table, name));

  std::vector<std::vector<Event>> events(runs);
  {
    const auto group = h5::open_group(file, "events");
    const auto run = read_numbers<std::uint32_t>(group, "run", H5T_NATIVE_UINT32, "/events/run");
    const Shape per_event{run.size()};
    const auto step =
        read_numbers<std::uint32_t>(group, "step", H5T_NATIVE_UINT32, "/events/step", per_event);
    const auto kind = read_labels(group, "kind", "/events/kind", per_event);
    const auto subject = read_labels(group, "subject", "/events/subject", per_event);
    const auto value = read_numbers<double>(group, "value", H5T_NATIVE_DOUBLE, "/events/value", per_event);
    for (std::size_t i = 0; i < run.size(); ++i) {
      if (run[i] >= runs) throw IoError("/events/run out of range");
      events[run[i]].push_back(Event{run[i], step[i], kind[i], subject[i], value[i]});
    }
  }

  const std::size_t width = h.values_per_step();
  for (std::uint32_t r = 0; r < runs; ++r) {
    if (status[r] == "not_run") continue;
    RunResult result;
    result.record = RunRecord{r, seed[r], replicate[r], status[r], wall[r], point[r], {}};
    for (const auto& p : parameters) result.record.parameters.push_back(p[r]);
    result.values.resize(steps * width);
    std::size_t offset = 0;
    for (std::size_t m = 0; m < h.metrics.size(); ++m) {
      const std::size_t w = h.metrics[m].width();
      const double* series = metric_values[m].data() + r * steps * w;
      for (std::size_t t = 0; t < steps; ++t)
        std::copy(series + t * w, series + (t + 1) * w,
                  result.values.begin() + static_cast<std::ptrdiff_t>(t * width + offset));
      offset += w;
    }
    for (std::size_t g = 0; g < h.goals.size(); ++g)
      result.goals.push_back({achieved[g][r], at_deadline[g][r]});
    result.events = std::move(events[r]);
    c.runs.push_back(std::move(result));
  }
  return c;
}

}  // namespace

SweepContents read_sweep_file(const std::filesystem::path& path) {
  return read_untrusted(path, [&] { return read_contents(path); });
}

}  // namespace missionsim
