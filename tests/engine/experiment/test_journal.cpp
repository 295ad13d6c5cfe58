#include "engine/experiment/journal.hpp"

#include "engine/core/error.hpp"
#include "tests/support/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

namespace missionsim {

namespace {
RunResult run(std::uint32_t index) {
  RunResult r;
  r.record = RunRecord{index, 1000U + index, 0, "ok", 0.1, index, {0.5 * index}};
  r.values = {1.0 * index, 2.0};
  return r;
}
}  // namespace

TEST_CASE("a journal gives back the runs appended before it was closed", "[journal]") {
  const test::TempDir dir;
  const auto path = dir / "out.h5.journal";
  {
    Journal j(path, "sweep A");
    CHECK(j.take_recovered().empty());
    j.append(run(3));
    j.append(run(1));
  }
  Journal again(path, "sweep A");
  const auto runs = again.take_recovered();
  REQUIRE(runs.size() == 2);
  CHECK(runs[0].record.index == 3);
  CHECK(runs[1].record.index == 1);
  CHECK(runs[1].record.parameters == std::vector<double>{0.5});
  again.remove();
  CHECK_FALSE(std::filesystem::exists(path));
}

TEST_CASE("a torn last record is dropped and the journal goes on after the last whole one", "[journal]") {
  const test::TempDir dir;
  const auto path = dir / "out.h5.journal";
  {
    Journal j(path, "sweep A");
    j.append(run(0));
    j.append(run(1));
  }
  const auto whole = std::filesystem::file_size(path);
  const auto cut = GENERATE(1, 7, 20);  // bytes lost from the end of the last record
  std::filesystem::resize_file(path, whole - static_cast<std::uintmax_t>(cut));
  {
    Journal j(path, "sweep A");
    const auto runs = j.take_recovered();
    REQUIRE(runs.size() == 1);
    CHECK(runs[0].record.index == 0);
    j.append(run(2));
  }
  Journal j(path, "sweep A");
  const auto runs = j.take_recovered();
  REQUIRE(runs.size() == 2);
  CHECK(runs[1].record.index == 2);
}

TEST_CASE("a journal of another sweep is refused, one killed in its header restarts", "[journal]") {
  const test::TempDir dir;
  const auto path = dir / "out.h5.journal";
  { Journal j(path, "sweep A"); }
  CHECK_THROWS_AS(Journal(path, "sweep B"), InputError);
  std::filesystem::resize_file(path, 10);
  Journal j(path, "sweep A");
  CHECK(j.take_recovered().empty());
}

}  // namespace missionsim
