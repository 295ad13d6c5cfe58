#include "engine/io/hdf5_recorder.hpp"

#include "engine/core/error.hpp"
#include "engine/core/version.hpp"
#include "engine/io/h5.hpp"
#include "tests/engine/io/sample_recording.hpp"
#include "tests/support/temp_dir.hpp"

#include <hdf5_hl.h>

#include <catch2/catch.hpp>

#include <cmath>
#include <span>
#include <string>
#include <vector>

namespace missionsim {

namespace {

std::vector<double> read_doubles(hid_t dataset) {
  std::size_t n = 1;
  for (const auto d : h5::shape(dataset)) n *= d;
  std::vector<double> out(n);
  REQUIRE(H5Dread(dataset, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, out.data()) >= 0);
  return out;
}

template <class T>
std::vector<T> read_column(hid_t dataset, hid_t memory_type) {
  std::vector<T> out(h5::shape(dataset).at(0));
  REQUIRE(H5Dread(dataset, memory_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, out.data()) >= 0);
  return out;
}

// Chunk shape and filters, as a reader sees them.
void check_chunked_and_deflated(hid_t dataset, const std::vector<hsize_t>& expected_chunk) {
  const h5::PropertyList dcpl(h5::check(H5Dget_create_plist(dataset), "dcpl"));
  REQUIRE(H5Pget_layout(dcpl) == H5D_CHUNKED);
  std::vector<hsize_t> chunk(expected_chunk.size());
  CHECK(H5Pget_chunk(dcpl, static_cast<int>(chunk.size()), chunk.data()) == static_cast<int>(chunk.size()));
  CHECK(chunk == expected_chunk);
  REQUIRE(H5Pget_nfilters(dcpl) == 1);  // deflate and nothing else
  unsigned flags = 0;
  std::size_t n_values = 0;
  unsigned filter_config = 0;
  CHECK(H5Pget_filter2(dcpl, 0, &flags, &n_values, nullptr, 0, nullptr, &filter_config) ==
        H5Z_FILTER_DEFLATE);
}

void check_vlen_utf8(hid_t dataset) {
  const h5::Datatype type(h5::check(H5Dget_type(dataset), "type"));
  CHECK(H5Tget_class(type) == H5T_STRING);
  CHECK(H5Tis_variable_str(type) > 0);
  CHECK(H5Tget_cset(type) == H5T_CSET_UTF8);
}

}  // namespace

TEST_CASE("Hdf5Recorder writes the layout of the output file contract") {
  test::TempDir dir;
  const auto path = dir / "out.h5";
  const auto header = test::sample_header(2);
  const auto events = test::sample_events();
  {
    Hdf5Recorder recorder(path, false);
    test::record_sample(recorder, header, events, {1, 0});
    recorder.finish();
  }
  const std::size_t runs = header.run_count;
  const std::size_t steps = header.step_count();

  const auto file = h5::open_file_read_only(path);
  SECTION("root attributes and the scenario text") {
    CHECK(h5::read_string_attribute(file, "format") == "missionsim");
    CHECK(h5::read_int_attribute(file, "format_version") == output_format_version);
    CHECK(h5::read_string_attribute(file, "engine_version") == engine_version);
    CHECK(h5::read_string_attribute(file, "scenario_name") == header.scenario_name);
    CHECK(h5::read_string_attribute(file, "command_line") == header.command_line);
    const auto created = h5::read_string_attribute(file, "created_utc");  // YYYY-MM-DDTHH:MM:SSZ
    REQUIRE(created.size() == 20);
    CHECK(created[4] == '-');
    CHECK(created[10] == 'T');
    CHECK(created[19] == 'Z');
    const auto scenario = h5::open_dataset(file, "scenario");
    CHECK(h5::shape(scenario).empty());  // scalar
    check_vlen_utf8(scenario);
    CHECK(h5::read_strings(scenario) == std::vector<std::string>{header.scenario_text});
    CHECK(h5::link_exists(file, "goals"));
  }
  SECTION("the axes are dimension scales in CF units") {
    const auto metrics = h5::open_group(file, "metrics");
    const auto time = h5::open_dataset(metrics, "time");
    CHECK(H5DSis_scale(time) > 0);
    CHECK(read_doubles(time) == header.time_days);
    CHECK(h5::read_string_attribute(time, "units") == "days since 2025-01-01");
    CHECK(h5::read_string_attribute(time, "calendar") == "standard");
    const auto run = h5::open_dataset(metrics, "run");
    CHECK(H5DSis_scale(run) > 0);
    CHECK(read_column<std::uint32_t>(run, H5T_NATIVE_UINT32) == std::vector<std::uint32_t>{0, 1});
    const auto innovation = h5::open_dataset(metrics, "innovation");
    CHECK(H5DSis_scale(innovation) > 0);
    check_vlen_utf8(innovation);
    CHECK(h5::read_strings(innovation) == header.metrics[1].by->labels);
  }
  SECTION("each metric has its shape, values, attributes, scales and compression") {
    const auto metrics = h5::open_group(file, "metrics");
    const auto time = h5::open_dataset(metrics, "time");
    const auto run = h5::open_dataset(metrics, "run");
    const auto innovation = h5::open_dataset(metrics, "innovation");

    const auto incidence = h5::open_dataset(metrics, "incidence");
    CHECK(h5::shape(incidence) == std::vector<hsize_t>{runs, steps});
    CHECK(h5::read_string_attribute(incidence, "units") == header.metrics[0].units);
    CHECK(h5::read_string_attribute(incidence, "description") == header.metrics[0].description);
    CHECK(H5DSis_attached(incidence, run, 0) > 0);
    CHECK(H5DSis_attached(incidence, time, 1) > 0);
    check_chunked_and_deflated(incidence, {1, steps});
    const auto plain = read_doubles(incidence);
    for (std::uint32_t r = 0; r < runs; ++r) {
      for (std::uint32_t t = 0; t < steps; ++t) CHECK(plain[r * steps + t] == test::sample_value(0, r, t, 0));
    }

    const auto adoption = h5::open_dataset(metrics, "adoption_by_innovation");
    CHECK(h5::shape(adoption) == std::vector<hsize_t>{runs, steps, 2});
    CHECK(h5::read_string_attribute(adoption, "units") == "1");
    CHECK(H5DSis_attached(adoption, run, 0) > 0);
    CHECK(H5DSis_attached(adoption, time, 1) > 0);
    CHECK(H5DSis_attached(adoption, innovation, 2) > 0);
    CHECK(H5DSis_attached(adoption, time, 2) == 0);
    check_chunked_and_deflated(adoption, {1, steps, 2});
    const auto split = read_doubles(adoption);
    for (std::uint32_t r = 0; r < runs; ++r) {
      for (std::uint32_t t = 0; t < steps; ++t) {
        for (std::size_t k = 0; k < 2; ++k) {
          CHECK(split[(r * steps + t) * 2 + k] == test::sample_value(1, r, t, k));
        }
      }
    }
  }
  SECTION("/runs holds one row per run over a run scale") {
    const auto group = h5::open_group(file, "runs");
    const auto scale = h5::open_dataset(group, "run");
    CHECK(H5DSis_scale(scale) > 0);
    const auto seed = h5::open_dataset(group, "seed");
    CHECK(H5DSis_attached(seed, scale, 0) > 0);
    CHECK(read_column<std::uint64_t>(seed, H5T_NATIVE_UINT64) ==
          std::vector<std::uint64_t>{test::sample_run(0).seed, test::sample_run(1).seed});
    CHECK(read_column<std::uint32_t>(h5::open_dataset(group, "index"), H5T_NATIVE_UINT32) ==
          std::vector<std::uint32_t>{0, 1});
    CHECK(read_column<std::uint32_t>(h5::open_dataset(group, "replicate"), H5T_NATIVE_UINT32) ==
          std::vector<std::uint32_t>{test::sample_run(0).replicate, test::sample_run(1).replicate});
    CHECK(read_doubles(h5::open_dataset(group, "wall_seconds")) ==
          std::vector<double>{test::sample_run(0).wall_seconds, test::sample_run(1).wall_seconds});
    const auto status = h5::open_dataset(group, "status");
    check_vlen_utf8(status);
    CHECK(H5DSis_attached(status, scale, 0) > 0);
    CHECK(h5::read_strings(status) == std::vector<std::string>{"ok", "ok"});
  }
  SECTION("/events holds every event, sorted by run and step, over an event scale") {
    auto sorted = events;
    std::sort(sorted.begin(), sorted.end(), [](const Event& a, const Event& b) {
      return std::tie(a.run, a.step) < std::tie(b.run, b.step);
    });
    const auto group = h5::open_group(file, "events");
    const auto scale = h5::open_dataset(group, "event");
    CHECK(H5DSis_scale(scale) > 0);
    const auto kind = h5::open_dataset(group, "kind");
    check_vlen_utf8(kind);
    CHECK(H5DSis_attached(kind, scale, 0) > 0);
    const auto kinds = h5::read_strings(kind);
    const auto subjects = h5::read_strings(h5::open_dataset(group, "subject"));
    const auto run = read_column<std::uint32_t>(h5::open_dataset(group, "run"), H5T_NATIVE_UINT32);
    const auto step = read_column<std::uint32_t>(h5::open_dataset(group, "step"), H5T_NATIVE_UINT32);
    const auto value = read_doubles(h5::open_dataset(group, "value"));
    REQUIRE(kinds.size() == sorted.size());
    for (std::size_t i = 0; i < sorted.size(); ++i) {
      CHECK(kinds[i] == sorted[i].kind);
      CHECK(subjects[i] == sorted[i].subject);
      CHECK(run[i] == sorted[i].run);
      CHECK(step[i] == sorted[i].step);
      CHECK(value[i] == sorted[i].value);
    }
  }
}

TEST_CASE("Hdf5Recorder writes /goals: one group per goal, its description and each run's outcome") {
  test::TempDir dir;
  const auto path = dir / "out.h5";
  const auto header = test::sample_header(3);
  {
    Hdf5Recorder recorder(path, false);
    test::record_sample(recorder, header, {}, {2, 0});  // run 1 never records its goals
    recorder.finish();
  }
  const auto file = h5::open_file_read_only(path);
  const auto goals = h5::open_group(file, "goals");
  std::vector<std::string> expected_members{"run"};  // the axis, then the goals in declaration order
  for (const auto& g : header.goals) expected_members.push_back(g.name);
  CHECK(h5::member_names(goals) == expected_members);

  const auto scale = h5::open_dataset(goals, "run");
  CHECK(H5DSis_scale(scale) > 0);
  CHECK(read_column<std::uint32_t>(scale, H5T_NATIVE_UINT32) == std::vector<std::uint32_t>{0, 1, 2});

  for (std::size_t g = 0; g < header.goals.size(); ++g) {
    const auto& spec = header.goals[g];
    INFO(spec.name);
    const auto group = h5::open_group(goals, spec.name);
    CHECK(h5::read_string_attribute(group, "kpi") == spec.kpi);
    CHECK(h5::read_string_attribute(group, "direction") == spec.direction);
    CHECK(h5::read_string_attribute(group, "deadline") == spec.deadline);
    CHECK(h5::read_double_attribute(group, "target") == spec.target);
    const double baseline = h5::read_double_attribute(group, "baseline");
    if (std::isnan(spec.baseline)) {
      CHECK(std::isnan(baseline));
    } else {
      CHECK(baseline == spec.baseline);
    }

    const auto achieved = h5::open_dataset(group, "achieved");
    const auto value = h5::open_dataset(group, "value_at_deadline");
    {
      const h5::Datatype type(h5::check(H5Dget_type(achieved), "type"));
      CHECK(H5Tequal(type, H5T_STD_I8LE) > 0);
      const h5::Datatype value_type(h5::check(H5Dget_type(value), "type"));
      CHECK(H5Tequal(value_type, H5T_IEEE_F64LE) > 0);
    }
    CHECK(H5DSis_attached(achieved, scale, 0) > 0);
    CHECK(H5DSis_attached(value, scale, 0) > 0);
    const auto flags = read_column<std::int8_t>(achieved, H5T_NATIVE_INT8);
    const auto values = read_doubles(value);
    REQUIRE(flags.size() == header.run_count);
    REQUIRE(values.size() == header.run_count);
    for (const std::uint32_t run : {0U, 2U}) {
      CHECK(flags[run] == test::sample_goal_outcome(g, run).achieved);
      CHECK(values[run] == test::sample_goal_outcome(g, run).value_at_deadline);
    }
    CHECK(flags[1] == -1);  // never recorded: not decided
    CHECK(std::isnan(values[1]));
  }
}

TEST_CASE("Hdf5Recorder writes an analysis group: a run axis and one dataset per value") {
  test::TempDir dir;
  const auto path = dir / "out.h5";
  const auto header = test::sample_header(4);
  {
    Hdf5Recorder recorder(path, false);
    test::record_sample(recorder, header, {}, {3, 0, 2});  // run 1 never records its analysis
    recorder.finish();
  }
  const auto& impact = header.analyses.at(0);
  const auto file = h5::open_file_read_only(path);
  REQUIRE(h5::link_exists(file, "impact"));
  const auto group = h5::open_group(file, "impact");
  std::vector<std::string> expected_members{"run"};  // the axis, then the values in declaration order
  for (const auto& v : impact.values) expected_members.push_back(v.name);
  CHECK(h5::member_names(group) == expected_members);

  const auto scale = h5::open_dataset(group, "run");
  CHECK(H5DSis_scale(scale) > 0);
  CHECK(read_column<std::uint32_t>(scale, H5T_NATIVE_UINT32) == std::vector<std::uint32_t>{0, 1, 2, 3});

  for (std::size_t v = 0; v < impact.values.size(); ++v) {
    const auto& spec = impact.values[v];
    INFO(spec.name);
    const auto dataset = h5::open_dataset(group, spec.name);
    CHECK(h5::shape(dataset) == std::vector<hsize_t>{header.run_count});
    CHECK(H5DSis_attached(dataset, scale, 0) > 0);
    CHECK(h5::read_string_attribute(dataset, "units") == spec.units);
    CHECK(h5::read_string_attribute(dataset, "description") == spec.description);
    if (spec.is_text) {
      check_vlen_utf8(dataset);
      const auto texts = h5::read_strings(dataset);
      REQUIRE(texts.size() == header.run_count);
      for (const std::uint32_t run : {0U, 2U, 3U})
        CHECK(texts[run] == test::sample_analysis_value(v, run).text);
      CHECK(texts[1].empty());  // never recorded
    } else {
      const h5::Datatype type(h5::check(H5Dget_type(dataset), "type"));
      CHECK(H5Tequal(type, H5T_IEEE_F64LE) > 0);
      const auto numbers = read_doubles(dataset);
      REQUIRE(numbers.size() == header.run_count);
      for (const std::uint32_t run : {0U, 2U, 3U})
        CHECK(numbers[run] == test::sample_analysis_value(v, run).number);
      CHECK(std::isnan(numbers[1]));  // never recorded
    }
  }
}

TEST_CASE("Hdf5Recorder writes each analysis in its own group, long and non-ASCII text intact") {
  test::TempDir dir;
  const auto path = dir / "out.h5";
  auto header = test::sample_header(2);
  header.analyses.push_back(
      AnalysisSpec{"tipping", {{"note", "", "what tipped", true}, {"threshold", "1", "where it tipped"}}});
  const std::string note = "the screening niche broke through before the diet one did — ünïcödé";
  {
    Hdf5Recorder recorder(path, false);
    test::record_sample(recorder, header, {}, {0, 1});
    const std::vector<AnalysisValue> tipping{{0, note}, {0.625, {}}};
    recorder.record_analysis(1, 1, tipping);
    recorder.finish();
  }
  const auto file = h5::open_file_read_only(path);
  // The root: the fixed layout, and one group per analysis.
  CHECK(h5::member_names(file) ==
        std::vector<std::string>{"events", "goals", "impact", "metrics", "runs", "scenario", "tipping"});
  const auto tipping = h5::open_group(file, "tipping");
  CHECK(h5::member_names(tipping) == std::vector<std::string>{"run", "note", "threshold"});
  // record_sample records run 0 and 1 of every analysis by the sample formula; run 1 was replaced.
  CHECK(h5::read_strings(h5::open_dataset(tipping, "note")) ==
        std::vector<std::string>{std::string(test::sample_analysis_value(0, 0).text), note});
  CHECK(read_doubles(h5::open_dataset(tipping, "threshold")) ==
        std::vector<double>{test::sample_analysis_value(1, 0).number, 0.625});
}

TEST_CASE("Hdf5Recorder writes no analysis group when the run has no analyses") {
  test::TempDir dir;
  const auto path = dir / "out.h5";
  auto header = test::sample_header(1);
  header.analyses.clear();
  {
    Hdf5Recorder recorder(path, false);
    test::record_sample(recorder, header, {}, {0});
    recorder.finish();
  }
  const auto file = h5::open_file_read_only(path);
  CHECK(h5::member_names(file) == std::vector<std::string>{"events", "goals", "metrics", "runs", "scenario"});
}

TEST_CASE("Hdf5Recorder refuses analysis values that do not fit the header") {
  test::TempDir dir;
  Hdf5Recorder recorder(dir / "out.h5", false);
  const auto header = test::sample_header(2);
  std::vector<AnalysisValue> values(header.analyses[0].values.size());
  CHECK_THROWS_AS(recorder.record_analysis(0, 0, values), InternalError);  // before begin
  recorder.begin(header);
  CHECK_NOTHROW(recorder.record_analysis(1, 0, values));
  CHECK_THROWS_AS(recorder.record_analysis(2, 0, values), InternalError);
  CHECK_THROWS_AS(recorder.record_analysis(0, 1, values), InternalError);
  CHECK_THROWS_AS(recorder.record_analysis(0, 0, std::span(values).first(1)), InternalError);
}

TEST_CASE("Hdf5Recorder writes only the run axis under /goals when the run has no goals") {
  test::TempDir dir;
  const auto path = dir / "out.h5";
  auto header = test::sample_header(2);
  header.goals.clear();
  {
    Hdf5Recorder recorder(path, false);
    test::record_sample(recorder, header, {}, {0, 1});
    recorder.finish();
  }
  const auto file = h5::open_file_read_only(path);
  CHECK(h5::member_names(h5::open_group(file, "goals")) == std::vector<std::string>{"run"});
}

TEST_CASE("Hdf5Recorder refuses goal outcomes that do not fit the header") {
  test::TempDir dir;
  Hdf5Recorder recorder(dir / "out.h5", false);
  std::vector<GoalOutcome> outcomes(2);
  CHECK_THROWS_AS(recorder.record_goals(0, outcomes), InternalError);  // before begin
  recorder.begin(test::sample_header(2));
  CHECK_NOTHROW(recorder.record_goals(1, outcomes));
  CHECK_THROWS_AS(recorder.record_goals(2, outcomes), InternalError);
  CHECK_THROWS_AS(recorder.record_goals(0, std::span(outcomes).first(1)), InternalError);
}

TEST_CASE("Hdf5Recorder writes an empty /events group when nothing happened") {
  test::TempDir dir;
  const auto path = dir / "out.h5";
  {
    Hdf5Recorder recorder(path, false);
    test::record_sample(recorder, test::sample_header(1), {}, {0});
    recorder.finish();
  }
  const auto file = h5::open_file_read_only(path);
  const auto events = h5::open_group(file, "events");
  for (const char* column : {"event", "run", "step", "kind", "subject", "value"}) {
    INFO(column);
    CHECK(h5::shape(h5::open_dataset(events, column)) == std::vector<hsize_t>{0});
  }
  CHECK(h5::read_strings(h5::open_dataset(events, "kind")).empty());
}

TEST_CASE("Hdf5Recorder fills runs that never ended with NaN and status not_run") {
  test::TempDir dir;
  const auto path = dir / "out.h5";
  const auto header = test::sample_header(2);
  {
    Hdf5Recorder recorder(path, false);
    recorder.begin(header);
    std::vector<double> values(header.values_per_step(), 1.5);
    recorder.record_step(0, 0, values);
    recorder.end_run(test::sample_run(0));
    recorder.finish();
  }
  const auto file = h5::open_file_read_only(path);
  const auto incidence = read_doubles(h5::open_dataset(h5::open_group(file, "metrics"), "incidence"));
  const std::size_t steps = header.step_count();
  CHECK(incidence[0] == 1.5);
  CHECK(std::isnan(incidence[1]));      // run 0, a step never recorded
  CHECK(std::isnan(incidence[steps]));  // run 1, never recorded at all
  const auto status = h5::read_strings(h5::open_dataset(h5::open_group(file, "runs"), "status"));
  CHECK(status == std::vector<std::string>{"ok", "not_run"});
}

TEST_CASE("Hdf5Recorder writes beside the target and renames into place only in finish") {
  test::TempDir dir;
  const auto path = dir / "out.h5";
  const auto entries = [&]() {
    std::vector<std::filesystem::path> out;
    for (const auto& e : std::filesystem::directory_iterator(dir.path())) out.push_back(e.path());
    return out;
  };

  SECTION("finish moves the temporary file to the target") {
    Hdf5Recorder recorder(path, false);
    test::record_sample(recorder, test::sample_header(), test::sample_events(), {0, 1});
    CHECK(entries() == std::vector<std::filesystem::path>{recorder.temporary_path()});
    CHECK(recorder.temporary_path().parent_path() == path.parent_path());
    recorder.finish();
    CHECK(entries() == std::vector<std::filesystem::path>{path});
  }
  SECTION("a recorder destroyed without finish leaves nothing behind") {
    {
      Hdf5Recorder recorder(path, false);
      test::record_sample(recorder, test::sample_header(), test::sample_events(), {0});
      REQUIRE(std::filesystem::exists(recorder.temporary_path()));
    }
    CHECK(entries().empty());
  }
}

TEST_CASE("Hdf5Recorder refuses an existing file without overwrite and replaces it with") {
  test::TempDir dir;
  const auto existing = dir.write("out.h5", "precious");
  try {
    Hdf5Recorder refused(existing, false);
    FAIL("an existing file must be refused");
  } catch (const IoError& e) {
    CHECK_THAT(e.what(), Catch::Contains(existing.string()));
  }
  CHECK(std::filesystem::file_size(existing) == std::string("precious").size());
  {
    Hdf5Recorder abandoned(existing, true);
    test::record_sample(abandoned, test::sample_header(), {}, {0});
  }
  CHECK(std::filesystem::file_size(existing) == std::string("precious").size());  // untouched
  Hdf5Recorder recorder(existing, true);
  test::record_sample(recorder, test::sample_header(), {}, {0, 1});
  recorder.finish();
  CHECK(h5::is_hdf5_file(existing));
}

TEST_CASE("Hdf5Recorder reports a file it cannot create as IoError") {
  test::TempDir dir;
  Hdf5Recorder recorder(dir / "no-such-dir" / "out.h5", false);
  CHECK_THROWS_AS(recorder.begin(test::sample_header()), IoError);
}

}  // namespace missionsim
