#include "engine/io/file_summary.hpp"

#include "engine/core/error.hpp"
#include "engine/core/version.hpp"
#include "engine/io/h5.hpp"
#include "engine/io/hdf5_recorder.hpp"
#include "tests/engine/io/sample_recording.hpp"
#include "tests/support/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <map>

namespace missionsim {

TEST_CASE("read_file_summary reports provenance, axes, metrics and event counts") {
  test::TempDir dir;
  const auto path = dir / "out.h5";
  const auto header = test::sample_header(3);
  auto events = test::sample_events();
  events.push_back(Event{2, 1, "goal_met", "screening_coverage", 1.0});
  {
    Hdf5Recorder recorder(path, false);
    test::record_sample(recorder, header, events, {0, 1, 2});
    recorder.finish();
  }
  const auto summary = read_file_summary(path);
  CHECK(summary.format == "missionsim");
  CHECK(summary.format_version == output_format_version);
  CHECK(summary.engine_version == engine_version);
  CHECK(summary.scenario_name == header.scenario_name);
  CHECK(summary.command_line == header.command_line);
  CHECK(summary.created_utc.size() == 20);
  CHECK(summary.time_units == header.time_units);
  CHECK(summary.runs == header.run_count);
  CHECK(summary.steps == header.step_count());

  REQUIRE(summary.metrics.size() == header.metrics.size());  // the axes are not metrics
  for (std::size_t m = 0; m < header.metrics.size(); ++m) {
    const auto& spec = header.metrics[m];
    const auto& got = summary.metrics[m];  // in declaration order
    CHECK(got.name == spec.dataset_name());
    CHECK(got.units == spec.units);
    CHECK(got.description == spec.description);
    std::vector<std::size_t> shape{header.run_count, header.step_count()};
    if (spec.by) shape.push_back(spec.width());
    CHECK(got.shape == shape);
  }

  std::map<std::string, std::size_t> expected;
  for (const auto& e : events) ++expected[e.kind];
  REQUIRE(summary.events.size() == expected.size());
  for (const auto& count : summary.events) CHECK(count.count == expected.at(count.kind));

  REQUIRE(summary.goals.size() == header.goals.size());
  for (std::size_t g = 0; g < header.goals.size(); ++g) {
    const auto& spec = header.goals[g];
    const auto& got = summary.goals[g];  // in declaration order
    CHECK(got.name == spec.name);
    CHECK(got.kpi == spec.kpi);
    CHECK(got.direction == spec.direction);
    CHECK(got.deadline == spec.deadline);
    CHECK(got.target == spec.target);
    CHECK((std::isnan(spec.baseline) ? std::isnan(got.baseline) : got.baseline == spec.baseline));
    std::size_t met = 0, missed = 0;
    for (std::uint32_t run = 0; run < header.run_count; ++run) {
      const auto achieved = test::sample_goal_outcome(g, run).achieved;
      met += achieved == 1 ? 1 : 0;
      missed += achieved == 0 ? 1 : 0;
    }
    CHECK(got.runs_met == met);
    CHECK(got.runs_missed == missed);
  }
}

TEST_CASE("read_file_summary counts runs whose goals were never decided as neither met nor missed") {
  test::TempDir dir;
  const auto path = dir / "out.h5";
  const auto header = test::sample_header(3);
  {
    Hdf5Recorder recorder(path, false);
    test::record_sample(recorder, header, {}, {1});  // runs 0 and 2 never end
    recorder.finish();
  }
  const auto summary = read_file_summary(path);
  REQUIRE(summary.goals.size() == header.goals.size());
  for (std::size_t g = 0; g < header.goals.size(); ++g) {
    const bool met = test::sample_goal_outcome(g, 1).achieved == 1;
    CHECK(summary.goals[g].runs_met == (met ? 1U : 0U));
    CHECK(summary.goals[g].runs_missed == (met ? 0U : 1U));
  }
}

TEST_CASE("read_file_summary lists analysis groups by name, their values in order, with units") {
  test::TempDir dir;
  const auto path = dir / "out.h5";
  auto header = test::sample_header(3);
  header.analyses.push_back(AnalysisSpec{"compare", {{"best_mix", "", "the mix that did best", true}}});
  {
    Hdf5Recorder recorder(path, false);
    test::record_sample(recorder, header, {}, {0, 1, 2});
    recorder.finish();
  }
  const auto summary = read_file_summary(path);
  REQUIRE(summary.analyses.size() == 2);
  CHECK(summary.analyses[0].group == "compare");  // by name, not declaration order
  REQUIRE(summary.analyses[0].values.size() == 1);
  CHECK(summary.analyses[0].values[0].is_text);
  const auto& impact = summary.analyses[1];
  CHECK(impact.group == "impact");
  const auto& specs = header.analyses[0].values;
  REQUIRE(impact.values.size() == specs.size());
  for (std::size_t v = 0; v < specs.size(); ++v) {
    INFO(specs[v].name);
    CHECK(impact.values[v].name == specs[v].name);
    CHECK(impact.values[v].units == specs[v].units);
    CHECK(impact.values[v].description == specs[v].description);
    CHECK(impact.values[v].is_text == specs[v].is_text);
    CHECK(std::isnan(impact.values[v].number));  // values only for a file of one run
    CHECK(impact.values[v].text.empty());
  }
}

TEST_CASE("read_file_summary gives the values of a file of one run") {
  test::TempDir dir;
  const auto path = dir / "out.h5";
  const auto header = test::sample_header(1);
  {
    Hdf5Recorder recorder(path, false);
    test::record_sample(recorder, header, {}, {0});
    recorder.finish();
  }
  const auto summary = read_file_summary(path);
  REQUIRE(summary.analyses.size() == 1);
  const auto& values = summary.analyses[0].values;
  const auto& specs = header.analyses[0].values;
  REQUIRE(values.size() == specs.size());
  for (std::size_t v = 0; v < specs.size(); ++v) {
    INFO(specs[v].name);
    const auto expected = test::sample_analysis_value(v, 0);
    if (specs[v].is_text) {
      CHECK(values[v].text == expected.text);
    } else {
      CHECK(values[v].number == expected.number);
    }
  }
}

TEST_CASE("read_file_summary reads a file without goals or analyses as having none") {
  test::TempDir dir;
  const auto path = dir / "out.h5";
  auto header = test::sample_header(1);
  header.goals.clear();
  header.analyses.clear();
  {
    Hdf5Recorder recorder(path, false);
    test::record_sample(recorder, header, {}, {0});
    recorder.finish();
  }
  const auto summary = read_file_summary(path);
  CHECK(summary.goals.empty());
  CHECK(summary.analyses.empty());
}

TEST_CASE("read_file_summary refuses what is not a missionsim file, naming it") {
  test::TempDir dir;
  std::filesystem::path file;
  SECTION("a missing file") {
    file = dir / "missing.h5";
  }
  SECTION("a text file") {
    file = dir.write("notes.h5", "not HDF5 at all\n");
  }
  SECTION("an HDF5 file of another program") {
    file = dir / "other.h5";
    auto handle = h5::create_file(file);
    h5::write_attribute(handle, "format", "netcdf");
    handle.close("closing");
  }
  SECTION("a missionsim file missing its metrics") {
    file = dir / "broken.h5";
    auto handle = h5::create_file(file);
    h5::write_attribute(handle, "format", "missionsim");
    h5::write_attribute(handle, "format_version", std::int64_t{1});
    handle.close("closing");
  }
  try {
    static_cast<void>(read_file_summary(file));
    FAIL("expected InputError");
  } catch (const InputError& e) {
    REQUIRE(e.diagnostics().size() == 1);
    CHECK(e.diagnostics().front().where.file == file.string());
    CHECK_THAT(e.what(), Catch::Contains(file.string()));
  }
}

}  // namespace missionsim
