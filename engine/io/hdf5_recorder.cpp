#include "engine/io/hdf5_recorder.hpp"

#include "engine/core/error.hpp"
#include "engine/core/version.hpp"
#include "engine/io/h5.hpp"
#include "engine/io/metric_buffer.hpp"

#include <hdf5_hl.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <limits>
#include <map>
#include <numeric>
#include <optional>
#include <tuple>

namespace missionsim {

namespace {

constexpr unsigned deflate_level = 4;           // zlib's sweet spot of size against time
constexpr hsize_t max_column_chunk = 1U << 16;  // rows per chunk of a /runs or /events column

struct Layout {
  std::vector<hsize_t> dims;
  std::vector<hsize_t> chunk;  // empty: contiguous
  bool growable = false;       // first axis unlimited (needed to chunk a zero-length axis)
  bool deflate = false;
};

h5::Dataset create_dataset(hid_t parent, const std::string& name, hid_t type, const Layout& layout) {
  std::vector<hsize_t> max_dims;
  if (layout.growable && !layout.dims.empty()) {
    max_dims.push_back(H5S_UNLIMITED);
    max_dims.insert(max_dims.end(), layout.dims.begin() + 1, layout.dims.end());
  }
  const auto space = h5::simple_space(layout.dims, max_dims);
  h5::PropertyList dcpl(h5::check(H5Pcreate(H5P_DATASET_CREATE), "creating dataset properties"));
  if (!layout.chunk.empty()) {
    h5::check(H5Pset_chunk(dcpl, static_cast<int>(layout.chunk.size()), layout.chunk.data()),
              "chunking dataset " + name);
    if (layout.deflate) h5::check(H5Pset_deflate(dcpl, deflate_level), "compressing dataset " + name);
  }
  return h5::Dataset(h5::check(H5Dcreate2(parent, name.c_str(), type, space, H5P_DEFAULT, dcpl, H5P_DEFAULT),
                               "creating dataset " + name));
}

// A 1-D table column of `n` rows, chunked and (for numbers) compressed.
Layout column_layout(std::size_t n, bool growable, bool deflate) {
  const auto rows = static_cast<hsize_t>(n);
  return Layout{{rows}, {std::clamp<hsize_t>(rows, 1, max_column_chunk)}, growable, deflate};
}

template <class T>
h5::Dataset write_column(hid_t group, const std::string& name, hid_t file_type, hid_t memory_type,
                         const std::vector<T>& values, bool growable) {
  auto dataset = create_dataset(group, name, file_type, column_layout(values.size(), growable, true));
  if (!values.empty()) {
    h5::check(H5Dwrite(dataset, memory_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()),
              "writing column " + name);
  }
  return dataset;
}

h5::Dataset write_string_column(hid_t group, const std::string& name, const std::vector<std::string>& values,
                                bool growable) {
  // Not compressed: filters on variable-length data compress only heap pointers, and
  // netCDF-C refuses them.
  const auto type = h5::utf8_string_type();
  const auto layout =
      growable ? column_layout(values.size(), true, false) : Layout{{values.size()}, {}, false, false};
  auto dataset = create_dataset(group, name, type, layout);
  h5::write_strings(dataset, values);
  return dataset;
}

void make_scale(hid_t dataset, const std::string& dim) {
  h5::check(H5DSset_scale(dataset, dim.c_str()), "making " + dim + " a dimension scale");
}

void attach(hid_t dataset, hid_t scale, unsigned axis, const std::string& what) {
  h5::check(H5DSattach_scale(dataset, scale, axis), "attaching a dimension scale to " + what);
}

template <class T>
std::vector<T> iota_column(std::size_t n) {
  std::vector<T> v(n);
  std::iota(v.begin(), v.end(), T{0});
  return v;
}

// A group's own run axis, as /runs has, so xarray opens the group alone with a run coordinate.
h5::Dataset write_run_axis(hid_t group, const std::vector<std::uint32_t>& run_slots,
                           const std::string& where) {
  auto run = create_dataset(group, "run", H5T_STD_U32LE, Layout{{run_slots.size()}, {}, false, false});
  h5::check(H5Dwrite(run, H5T_NATIVE_UINT32, H5S_ALL, H5S_ALL, H5P_DEFAULT, run_slots.data()),
            "writing " + where);
  make_scale(run, "run");
  h5::write_attribute(run, "long_name", "run index (see the /runs group)");
  return run;
}
}  // namespace

struct Hdf5Recorder::State {
  // One analysis group's datasets and every run's values, kept until finish(). Each value owns
  // a row of `numbers` or of `texts` (value-major: row × runs), so its column is written in one
  // call. Nested rather than file-local: a member of a class with external linkage may not have
  // a type from an anonymous namespace (-Wsubobject-linkage once the file is part of a unity
  // translation unit).
  struct AnalysisTable {
    std::vector<h5::Dataset> datasets;  // one per value spec
    std::vector<std::size_t> row;       // per value spec: its row in numbers or texts
    std::vector<double> numbers;
    std::vector<std::string> texts;
  };

  RecordingHeader header;
  MetricBuffer values;
  std::vector<std::optional<RunRecord>> runs;
  std::vector<char> written;  // per run: series already in the file
  std::vector<Event> events;
  std::vector<ResultTable> tables;
  bool finished = false;
  // Declared before the datasets so they are closed first (the file refuses to close otherwise).
  h5::File file;
  h5::Group metrics;
  std::vector<h5::Dataset> metric_datasets;  // one per header metric
  // Goal-major (goals × runs), so each goal's column is written in one call.
  std::vector<std::int8_t> goal_achieved;
  std::vector<double> goal_value;
  std::vector<h5::Dataset> achieved_datasets;  // one per header goal
  std::vector<h5::Dataset> value_datasets;     // one per header goal
  std::vector<AnalysisTable> analyses;         // one per header analysis
};

Hdf5Recorder::Hdf5Recorder(std::filesystem::path path, bool overwrite)
    : path_(std::move(path)), overwrite_(overwrite) {
  if (!overwrite_ && std::filesystem::exists(path_)) {
    throw IoError(path_.string() + ": output file exists (use --force to overwrite it)");
  }
  temporary_ = path_;
  temporary_ += ".partial-" + std::to_string(::getpid());
}

Hdf5Recorder::~Hdf5Recorder() {
  if (!state_ || state_->finished) return;
  state_->analyses.clear();
  state_->achieved_datasets.clear();
  state_->value_datasets.clear();
  state_->metric_datasets.clear();
  state_->metrics.reset();
  state_->file.reset();
  std::error_code ignored;
  std::filesystem::remove(temporary_, ignored);
}

void Hdf5Recorder::begin(const RecordingHeader& header) {
  if (state_) throw InternalError("Hdf5Recorder: begin called twice");
  validate_header(header);
  state_ = std::make_unique<State>();
  State& s = *state_;
  s.header = header;
  s.values = MetricBuffer(s.header);
  s.runs.resize(header.run_count);
  s.written.assign(header.run_count, 0);
  const GoalOutcome undecided{};
  s.goal_achieved.assign(header.goals.size() * header.run_count, undecided.achieved);
  s.goal_value.assign(header.goals.size() * header.run_count, undecided.value_at_deadline);

  s.file = h5::create_file(temporary_);
  const hid_t root = s.file;
  h5::write_attribute(root, "format", "missionsim");
  h5::write_attribute(root, "format_version", std::int64_t{output_format_version});
  h5::write_attribute(root, "engine_version", engine_version);
  h5::write_attribute(root, "engine_git_describe", engine_git_describe);
  h5::write_attribute(root, "scenario_name", header.scenario_name);
  h5::write_attribute(root, "created_utc", h5::utc_now_iso8601());
  h5::write_attribute(root, "command_line", header.command_line);
  {
    const auto type = h5::utf8_string_type();
    const auto space = h5::scalar_space();
    const h5::Dataset scenario(
        h5::check(H5Dcreate2(root, "scenario", type, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT),
                  "creating /scenario"));
    const char* text = s.header.scenario_text.c_str();
    h5::check(H5Dwrite(scenario, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, static_cast<const void*>(&text)),
              "writing /scenario");
  }
  // /metrics: the two axes, the breakdown dimensions, then one dataset per metric in
  // declaration order (the group tracks creation order so readers list them that way).
  s.metrics = h5::create_group(root, "metrics", true);
  const auto steps = static_cast<hsize_t>(header.step_count());
  const auto runs = static_cast<hsize_t>(header.run_count);

  const auto time = create_dataset(s.metrics, "time", H5T_IEEE_F64LE, Layout{{steps}, {}, false, false});
  h5::check(H5Dwrite(time, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, header.time_days.data()),
            "writing /metrics/time");
  make_scale(time, "time");
  h5::write_attribute(time, "units", header.time_units);
  h5::write_attribute(time, "calendar", "standard");
  h5::write_attribute(time, "standard_name", "time");
  h5::write_attribute(time, "axis", "T");
  h5::write_attribute(time, "long_name", "first day of the step");

  const auto run = create_dataset(s.metrics, "run", H5T_STD_U32LE, Layout{{runs}, {}, false, false});
  const auto run_slots = iota_column<std::uint32_t>(header.run_count);
  h5::check(H5Dwrite(run, H5T_NATIVE_UINT32, H5S_ALL, H5S_ALL, H5P_DEFAULT, run_slots.data()),
            "writing /metrics/run");
  make_scale(run, "run");
  h5::write_attribute(run, "long_name", "run index (see the /runs group)");

  std::map<std::string, h5::Dataset> dim_scales;
  for (const auto& m : header.metrics) {
    if (!m.by || dim_scales.contains(m.by->dim)) continue;
    auto scale = write_string_column(s.metrics, m.by->dim, m.by->labels, false);
    make_scale(scale, m.by->dim);
    dim_scales.emplace(m.by->dim, std::move(scale));
  }

  for (const auto& m : header.metrics) {
    const std::string name = m.dataset_name();
    Layout layout{{runs, steps}, {1, steps}, false, true};  // one chunk = one run's series
    if (m.by) {
      layout.dims.push_back(m.width());
      layout.chunk.push_back(m.width());
    }
    auto dataset = create_dataset(s.metrics, name, H5T_IEEE_F64LE, layout);
    h5::write_attribute(dataset, "units", m.units);
    h5::write_attribute(dataset, "description", m.description);
    attach(dataset, run, 0, name);
    attach(dataset, time, 1, name);
    if (m.by) attach(dataset, dim_scales.at(m.by->dim), 2, name);
    s.metric_datasets.push_back(std::move(dataset));
  }

  // /goals: a run axis of its own (as /runs has), then one group per goal in declaration order.
  const auto goals = h5::create_group(root, "goals", true);
  const auto goal_run = write_run_axis(goals, run_slots, "/goals/run");
  for (const auto& g : header.goals) {
    const auto group = h5::create_group(goals, g.name, true);
    h5::write_attribute(group, "kpi", g.kpi);
    h5::write_attribute(group, "direction", g.direction);
    h5::write_attribute(group, "deadline", g.deadline);
    h5::write_attribute(group, "baseline", g.baseline);
    h5::write_attribute(group, "target", g.target);
    auto achieved = create_dataset(group, "achieved", H5T_STD_I8LE, Layout{{runs}, {}, false, false});
    h5::write_attribute(achieved, "description",
                        "1 if the goal was met at its deadline, 0 if missed, -1 if not decided");
    attach(achieved, goal_run, 0, "/goals/" + g.name + "/achieved");
    auto value = create_dataset(group, "value_at_deadline", H5T_IEEE_F64LE, Layout{{runs}, {}, false, false});
    h5::write_attribute(value, "description", "the KPI at the deadline (NaN if not reached)");
    attach(value, goal_run, 0, "/goals/" + g.name + "/value_at_deadline");
    s.achieved_datasets.push_back(std::move(achieved));
    s.value_datasets.push_back(std::move(value));
  }

  // One group per analysis, laid out as /goals/NAME is: a run axis, then a [runs] dataset per
  // value in declaration order. Numbers are float64 (NaN until recorded), text is variable-length
  // UTF-8 ("" until recorded), neither compressed, as for the goals.
  const auto text_type = h5::utf8_string_type();
  for (const auto& a : header.analyses) {
    const std::string where = "/" + a.group;
    const auto group = h5::create_group(root, a.group, true);
    const auto axis = write_run_axis(group, run_slots, where + "/run");
    State::AnalysisTable table;
    std::size_t number_rows = 0;
    std::size_t text_rows = 0;
    for (const auto& v : a.values) {
      table.row.push_back(v.is_text ? text_rows++ : number_rows++);
      auto dataset = create_dataset(group, v.name, v.is_text ? text_type.id() : H5T_IEEE_F64LE,
                                    Layout{{runs}, {}, false, false});
      h5::write_attribute(dataset, "units", v.units);
      h5::write_attribute(dataset, "description", v.description);
      attach(dataset, axis, 0, where + "/" + v.name);
      table.datasets.push_back(std::move(dataset));
    }
    table.numbers.assign(number_rows * header.run_count, std::numeric_limits<double>::quiet_NaN());
    table.texts.resize(text_rows * header.run_count);
    s.analyses.push_back(std::move(table));
  }
}

void Hdf5Recorder::record_step(std::uint32_t run, std::uint32_t step, std::span<const double> values) {
  if (!state_) throw InternalError("Hdf5Recorder: record_step before begin");
  state_->values.store_step(run, step, values);
}

void Hdf5Recorder::record_table(const ResultTable& table) {
  if (!state_) throw InternalError("Hdf5Recorder: record_table before begin");
  check_result_table(state_->header, table);
  for (const auto& t : state_->tables)
    if (t.group == table.group)
      throw InternalError("Hdf5Recorder: table '" + table.group + "' recorded twice");
  state_->tables.push_back(table);
}

void Hdf5Recorder::record_event(const Event& e) {
  if (!state_) throw InternalError("Hdf5Recorder: record_event before begin");
  if (e.run >= state_->header.run_count || e.step >= state_->header.step_count()) {
    throw InternalError("record_event: run " + std::to_string(e.run) + " or step " + std::to_string(e.step) +
                        " out of range");
  }
  state_->events.push_back(e);
}

void Hdf5Recorder::record_goals(std::uint32_t run, std::span<const GoalOutcome> outcomes) {
  if (!state_) throw InternalError("Hdf5Recorder: record_goals before begin");
  State& s = *state_;
  check_goal_outcomes(s.header, run, outcomes);
  const std::size_t runs = s.header.run_count;
  for (std::size_t g = 0; g < outcomes.size(); ++g) {
    s.goal_achieved[g * runs + run] = outcomes[g].achieved;
    s.goal_value[g * runs + run] = outcomes[g].value_at_deadline;
  }
}

void Hdf5Recorder::record_analysis(std::uint32_t run, std::size_t analysis,
                                   std::span<const AnalysisValue> values) {
  if (!state_) throw InternalError("Hdf5Recorder: record_analysis before begin");
  State& s = *state_;
  check_analysis_values(s.header, run, analysis, values);
  const auto& specs = s.header.analyses[analysis].values;
  auto& table = s.analyses[analysis];
  const std::size_t runs = s.header.run_count;
  for (std::size_t v = 0; v < specs.size(); ++v) {
    const std::size_t at = table.row[v] * runs + run;
    if (specs[v].is_text) {
      table.texts[at].assign(values[v].text);  // reuses the slot's buffer when the text fits
    } else {
      table.numbers[at] = values[v].number;
    }
  }
}

namespace {
void write_run_series(hid_t dataset, std::uint32_t run, std::span<const double> series) {
  const auto dims = h5::shape(dataset);
  std::vector<hsize_t> start(dims.size(), 0);
  std::vector<hsize_t> count = dims;
  start[0] = run;
  count[0] = 1;
  h5::Dataspace file_space(h5::check(H5Dget_space(dataset), "reading a dataspace"));
  h5::check(H5Sselect_hyperslab(file_space, H5S_SELECT_SET, start.data(), nullptr, count.data(), nullptr),
            "selecting a run");
  const std::array<hsize_t, 1> length{series.size()};
  const auto memory_space = h5::simple_space(length);
  h5::check(H5Dwrite(dataset, H5T_NATIVE_DOUBLE, memory_space, file_space, H5P_DEFAULT, series.data()),
            "writing run " + std::to_string(run));
}
}  // namespace

void Hdf5Recorder::end_run(const RunRecord& run) {
  if (!state_) throw InternalError("Hdf5Recorder: end_run before begin");
  State& s = *state_;
  if (run.index >= s.header.run_count) throw InternalError("end_run: run index out of range");
  s.runs[run.index] = run;
  for (std::size_t m = 0; m < s.metric_datasets.size(); ++m) {
    write_run_series(s.metric_datasets[m], run.index, s.values.run_series(m, run.index));
  }
  s.written[run.index] = 1;
}

void Hdf5Recorder::finish() {
  if (!state_) throw InternalError("Hdf5Recorder: finish before begin");
  State& s = *state_;
  if (s.finished) throw InternalError("Hdf5Recorder: finish called twice");

  for (std::uint32_t r = 0; r < s.header.run_count; ++r) {
    if (s.written[r] != 0) continue;
    for (std::size_t m = 0; m < s.metric_datasets.size(); ++m) {
      write_run_series(s.metric_datasets[m], r, s.values.run_series(m, r));
    }
  }

  {  // /runs: one row per run slot
    const std::size_t n = s.header.run_count;
    std::vector<std::uint32_t> index(n), replicate(n);
    std::vector<std::uint64_t> seed(n);
    std::vector<std::string> status(n);
    std::vector<double> wall(n);
    for (std::uint32_t r = 0; r < n; ++r) {
      const RunRecord record = s.runs[r].value_or(RunRecord{r, 0, 0, "not_run", 0, 0, {}});
      index[r] = r;
      seed[r] = record.seed;
      replicate[r] = record.replicate;
      status[r] = record.status;
      wall[r] = record.wall_seconds;
    }
    const auto group = h5::create_group(s.file, "runs", true);
    const auto scale = write_column(group, "run", H5T_STD_U32LE, H5T_NATIVE_UINT32, index, false);
    make_scale(scale, "run");
    std::vector<h5::Dataset> columns;
    columns.push_back(write_column(group, "index", H5T_STD_U32LE, H5T_NATIVE_UINT32, index, false));
    columns.push_back(write_column(group, "seed", H5T_STD_U64LE, H5T_NATIVE_UINT64, seed, false));
    columns.push_back(write_column(group, "replicate", H5T_STD_U32LE, H5T_NATIVE_UINT32, replicate, false));
    columns.push_back(write_string_column(group, "status", status, false));
    columns.push_back(write_column(group, "wall_seconds", H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, wall, false));
    h5::write_attribute(columns.back(), "units", "s");
    if (!s.header.run_parameters.empty()) {  // a sweep: the design point and its parameter values
      std::vector<std::uint32_t> point(n);
      const std::size_t k = s.header.run_parameters.size();
      std::vector<double> values(n * k, std::numeric_limits<double>::quiet_NaN());  // parameter-major
      for (std::uint32_t r = 0; r < n; ++r) {
        if (!s.runs[r]) continue;
        point[r] = s.runs[r]->point;
        if (s.runs[r]->parameters.size() != k)
          throw InternalError("end_run: run " + std::to_string(r) + " has " +
                              std::to_string(s.runs[r]->parameters.size()) + " parameter values for " +
                              std::to_string(k) + " parameters");
        for (std::size_t p = 0; p < k; ++p) values[p * n + r] = s.runs[r]->parameters[p];
      }
      columns.push_back(write_column(group, "point", H5T_STD_U32LE, H5T_NATIVE_UINT32, point, false));
      h5::write_attribute(columns.back(), "long_name", "design point of the run");
      for (std::size_t p = 0; p < k; ++p) {
        const std::vector<double> column(values.begin() + static_cast<std::ptrdiff_t>(p * n),
                                         values.begin() + static_cast<std::ptrdiff_t>((p + 1) * n));
        columns.push_back(write_column(group, s.header.run_parameters[p], H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE,
                                       column, false));
        h5::write_attribute(columns.back(), "long_name", "scenario key " + s.header.run_parameters[p]);
        if (p < s.header.run_parameter_ranges.size()) {
          h5::write_attribute(columns.back(), "lower", s.header.run_parameter_ranges[p].first);
          h5::write_attribute(columns.back(), "upper", s.header.run_parameter_ranges[p].second);
        }
      }
    }
    for (const auto& [name, value] : s.header.run_attributes)
      std::visit(
          [&, &attribute_name = name](const auto& v) { h5::write_attribute(group, attribute_name, v); },
          value);
    for (const auto& c : columns) attach(c, scale, 0, "a /runs column");
  }

  {  // /events: one row per event, in an order that does not depend on thread scheduling
    auto& events = s.events;
    std::stable_sort(events.begin(), events.end(), [](const Event& a, const Event& b) {
      return std::tie(a.run, a.step, a.kind, a.subject) < std::tie(b.run, b.step, b.kind, b.subject);
    });
    const std::size_t n = events.size();
    std::vector<std::uint32_t> run(n), step(n);
    std::vector<std::string> kind(n), subject(n);
    std::vector<double> value(n);
    for (std::size_t i = 0; i < n; ++i) {
      run[i] = events[i].run;
      step[i] = events[i].step;
      kind[i] = events[i].kind;
      subject[i] = events[i].subject;
      value[i] = events[i].value;
    }
    const auto group = h5::create_group(s.file, "events", true);
    const auto scale =
        write_column(group, "event", H5T_STD_U64LE, H5T_NATIVE_UINT64, iota_column<std::uint64_t>(n), true);
    make_scale(scale, "event");
    std::vector<h5::Dataset> columns;
    columns.push_back(write_column(group, "run", H5T_STD_U32LE, H5T_NATIVE_UINT32, run, true));
    columns.push_back(write_column(group, "step", H5T_STD_U32LE, H5T_NATIVE_UINT32, step, true));
    // The step's first day beside its index, in the units of /metrics/time: readers decode it
    // to a date (xarray, netCDF tools) without looking the step up.
    std::vector<double> date(n);
    for (std::size_t i = 0; i < n; ++i) date[i] = s.header.time_days.at(step[i]);
    auto dated = write_column(group, "date", H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, date, true);
    h5::write_attribute(dated, "units", s.header.time_units);
    h5::write_attribute(dated, "calendar", "standard");
    h5::write_attribute(dated, "description", "First day of the step the event happened in");
    columns.push_back(std::move(dated));
    columns.push_back(write_string_column(group, "kind", kind, true));
    columns.push_back(write_string_column(group, "subject", subject, true));
    columns.push_back(write_column(group, "value", H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, value, true));
    for (const auto& c : columns) attach(c, scale, 0, "an /events column");
  }

  for (std::size_t g = 0; g < s.header.goals.size(); ++g) {  // /goals: every run's outcome at once
    const std::size_t first = g * s.header.run_count;
    const std::string where = "/goals/" + s.header.goals[g].name;
    h5::check(H5Dwrite(s.achieved_datasets[g], H5T_NATIVE_INT8, H5S_ALL, H5S_ALL, H5P_DEFAULT,
                       s.goal_achieved.data() + first),
              "writing " + where + "/achieved");
    h5::check(H5Dwrite(s.value_datasets[g], H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT,
                       s.goal_value.data() + first),
              "writing " + where + "/value_at_deadline");
  }

  for (std::size_t a = 0; a < s.analyses.size(); ++a) {  // analyses: every run's values at once
    const auto& spec = s.header.analyses[a];
    const auto& table = s.analyses[a];
    const std::size_t runs = s.header.run_count;
    for (std::size_t v = 0; v < spec.values.size(); ++v) {
      const std::size_t first = table.row[v] * runs;
      if (spec.values[v].is_text) {
        h5::write_strings(table.datasets[v], std::span(table.texts).subspan(first, runs));
      } else {
        h5::check(H5Dwrite(table.datasets[v], H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT,
                           table.numbers.data() + first),
                  "writing /" + spec.group + "/" + spec.values[v].name);
      }
    }
  }

  // Result tables: a dimension scale and its columns, laid out as /metrics is, so that
  // xarray.open_dataset(path, group=GROUP) gives them with their coordinate.
  for (const auto& t : s.tables) {
    const auto group = h5::create_group(s.file, t.group, true);
    const std::string where = "/" + t.group;
    auto scale = write_column(group, t.dim, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, t.coordinates, false);
    make_scale(scale, t.dim);
    h5::write_attribute(scale, "units", t.dim_units);
    for (const auto& c : t.columns) {
      auto column = write_column(group, c.name, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, c.values, false);
      h5::write_attribute(column, "units", c.units);
      h5::write_attribute(column, "description", c.description);
      attach(column, scale, 0, where + "/" + c.name);
    }
    for (const auto& [name, value] : t.numbers) h5::write_attribute(group, name, value);
    for (const auto& [name, value] : t.texts) h5::write_attribute(group, name, std::string_view(value));
  }
  s.tables.clear();
  h5::add_cf_names(s.file);

  s.analyses.clear();
  s.achieved_datasets.clear();
  s.value_datasets.clear();
  s.metric_datasets.clear();
  s.metrics.close("closing /metrics");
  s.file.close("closing " + temporary_.string());

  if (!overwrite_ && std::filesystem::exists(path_)) {
    throw IoError(path_.string() + ": output file appeared while the run was writing; not overwriting it");
  }
  std::error_code ec;
  std::filesystem::rename(temporary_, path_, ec);
  if (ec) throw IoError(path_.string() + ": cannot move the finished output into place: " + ec.message());
  s.finished = true;
}

}  // namespace missionsim
