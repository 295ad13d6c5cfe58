// Damaged output files, as a disk, a copy or a transfer leaves them: `info`, `merge` and
// `sensitivity` refuse them with exit status 2 and a message naming the file, and are never
// killed by a signal, whatever the damage (the "Defects" issue, item 7).
#include "tests/support/process.hpp"
#include "tests/support/scenario_text.hpp"
#include "tests/support/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <random>
#include <vector>

namespace missionsim::test {

namespace {

// A tiny scenario with a goal, so that `sensitivity` has an output to analyse.
std::string scenario() {
  return scenario_text(200, "kind = \"small_world\"\nmean_degree = 4", "rule = \"threshold\"", 1) +
         "[[goals]]\nname = \"spread\"\nmetric = \"adopter_share_by_innovation\"\nlabel = \"idea\"\n"
         "direction = \"at_least\"\ntarget = 0.5\ndeadline = 2025-12-31\n";
}

std::vector<char> bytes_of(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_bytes(const std::filesystem::path& file, const std::vector<char>& bytes) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  REQUIRE(out);
}

// The superblock of the HDF5 1.8 format (version 2) takes the first 48 bytes; it has a checksum
// of its own, and the damage that matters is to what it points to.
constexpr std::size_t superblock_bytes = 48;
constexpr int flips_per_copy = 50;

// Copy `seed`: the file with 50 bytes after the superblock each changed to another value,
// positions and values from a generator seeded with the copy's number.
std::vector<char> damaged(std::vector<char> bytes, std::uint64_t seed) {
  std::mt19937_64 draw(seed);
  for (int i = 0; i < flips_per_copy; ++i) {
    const std::size_t at = superblock_bytes + draw() % (bytes.size() - superblock_bytes);
    bytes[at] = static_cast<char>(bytes[at] ^ static_cast<char>(1 + draw() % 255));
  }
  return bytes;
}

enum class Made { run, sweep, morris_sweep };

// Makes the file `command` reads (a run, a sobol sweep of 12 runs or a morris one of 18) in `dir`, checks
// that the command reads it undamaged, then runs it on copies [first, last): each must end with 0 or 2.
void check_copies(const std::string& command, Made made, std::uint64_t first, std::uint64_t last) {
  TempDir dir;
  dir.write("tiny.toml", scenario());
  const std::string exe = missionsim_exe();
  const std::string command_for_good = [&]() -> std::string {
    switch (made) {
      case Made::run:
        return " run tiny.toml -o good.h5 -q";
      case Made::sweep:
        return " sweep tiny.toml --method sobol --param innovations.idea.threshold=0.1:0.5 --samples 4 "
               "-o good.h5 -q";
      case Made::morris_sweep:
        return " sweep tiny.toml --method morris --param innovations.idea.threshold=0.1:0.5 "
               "--param network.net.mean_degree=2:8 --samples 3 --replicates 2 -o good.h5 -q";
    }
    return "";
  }();
  const auto make = run_command(exe + command_for_good, dir.path());
  INFO(make.output);
  REQUIRE(make.status == 0);
  const auto good = bytes_of(dir / "good.h5");
  REQUIRE(good.size() > 10'000);
  REQUIRE(good[8] == 2);  // superblock version 2: the 1.8 format, which superblock_bytes assumes

  write_bytes(dir / "copy.h5", good);
  const auto undamaged = run_command(exe + " " + command, dir.path());
  INFO(undamaged.output);
  REQUIRE(undamaged.status == 0);

  std::size_t refused = 0;
  for (std::uint64_t seed = first; seed < last; ++seed) {
    write_bytes(dir / "copy.h5", damaged(good, seed));
    const auto r = run_command(exe + " " + command, dir.path());
    INFO("copy " << seed << ": " << r.output);
    REQUIRE((r.status == 0 || r.status == 2));  // -1 is death by a signal, 1 an internal error
    if (r.status == 2) {
      ++refused;
      CHECK(r.output.find("copy.h5") != std::string::npos);
    }
  }
  CHECK(refused > 0);  // fifty bytes of a file this small seldom miss everything that is checked
}

const std::string info = "info copy.h5";
const std::string merge = "merge copy.h5 -o merged.h5 --force";
const std::string sensitivity = "sensitivity copy.h5 --bootstrap 20";

}  // namespace

// 200 copies per command, in halves: each test case stays well under 10 s.
TEST_CASE("info on damaged copies of a run file: exit 0 or 2, never a signal (copies 0-99)") {
  check_copies(info, Made::run, 0, 100);
}
TEST_CASE("info on damaged copies of a run file: exit 0 or 2, never a signal (copies 100-199)") {
  check_copies(info, Made::run, 100, 200);
}
TEST_CASE("merge on damaged copies of a sweep file: exit 0 or 2, never a signal (copies 0-99)") {
  check_copies(merge, Made::sweep, 0, 100);
}
TEST_CASE("merge on damaged copies of a sweep file: exit 0 or 2, never a signal (copies 100-199)") {
  check_copies(merge, Made::sweep, 100, 200);
}
TEST_CASE("sensitivity on damaged copies of a sweep file: exit 0 or 2, never a signal (copies 0-99)") {
  check_copies(sensitivity, Made::sweep, 0, 100);
}
TEST_CASE("sensitivity on damaged copies of a sweep file: exit 0 or 2, never a signal (copies 100-199)") {
  check_copies(sensitivity, Made::sweep, 100, 200);
}
// Morris files hold the trajectories' design, which sensitivity reads beside the outcomes.
TEST_CASE("sensitivity on damaged copies of a morris sweep file: exit 0 or 2, never a signal (copies 0-99)") {
  check_copies(sensitivity, Made::morris_sweep, 0, 100);
}

TEST_CASE("A truncated file is bad input to info, merge and sensitivity alike: exit 2, naming it") {
  TempDir dir;
  dir.write("tiny.toml", scenario());
  const std::string exe = missionsim_exe();
  REQUIRE(run_command(exe + " sweep tiny.toml --method sobol --param innovations.idea.threshold=0.1:0.5 "
                            "--samples 4 -o good.h5 -q",
                      dir.path())
              .status == 0);
  auto bytes = bytes_of(dir / "good.h5");
  bytes.resize(bytes.size() / 2);
  write_bytes(dir / "cut.h5", bytes);
  for (const std::string command : {"info cut.h5", "merge cut.h5 -o merged.h5", "sensitivity cut.h5"}) {
    const auto r = run_command(exe + " " + command, dir.path());
    INFO(command << "\n" << r.output);
    CHECK(r.status == 2);
    CHECK(r.output.find("error: cut.h5: ") != std::string::npos);
  }
}

}  // namespace missionsim::test
