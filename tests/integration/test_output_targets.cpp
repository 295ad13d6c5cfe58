// Where outputs may go: never onto a FIFO, a folder, a link without --force or one of the
// command's own inputs, for every writing command; mistyped paths are exit 2; a write that
// fails for want of room is a clean exit 1 that leaves no temporary and keeps the old file;
// inputs that are not regular files are refused with what they are, not opened.
#include "tests/support/process.hpp"
#include "tests/support/scenario_text.hpp"
#include "tests/support/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <fstream>
#include <sstream>

namespace missionsim::test {

namespace fs = std::filesystem;

namespace {
const std::string small =
    scenario_text(500, "kind = \"small_world\"\nmean_degree = 4", "rule = \"threshold\"");

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The writing commands, each with `OUT` where its output path goes and s.toml its scenario.
struct Writer {
  const char* name;
  std::string args;
};
const std::vector<Writer> writers{
    {"run", " run s.toml -q -o OUT"},
    {"sweep", " sweep s.toml --method lhs --samples 2 --param innovations.idea.threshold=0.1:0.3 -q -o OUT"},
    {"compare", " compare s.toml s.toml --replicates 1 -q -o OUT"},
    {"tipping", " tipping s.toml --innovation idea --replicates 1 -q -o OUT"},
    {"merge", " merge shard.h5 -o OUT"},
};

ProcessResult write_to(const Writer& w, const std::string& out, const std::string& extra,
                       const TempDir& dir) {
  std::string args = w.args;
  args.replace(args.find("OUT"), 3, out);
  return run_command(missionsim_exe() + args + extra, dir.path());
}
}  // namespace

TEST_CASE("No command writes onto a FIFO, a folder, its own input or a link without --force") {
  for (const auto& w : writers) {
    TempDir dir;
    dir.write("s.toml", small);
    dir.write("shard.h5", "not really a shard");
    REQUIRE(::mkfifo((dir.path() / "pipe").c_str(), 0600) == 0);
    fs::create_directory(dir.path() / "folder");
    fs::create_symlink("nowhere.h5", dir.path() / "dangling.h5");
    const std::string input = w.name == std::string("merge") ? "shard.h5" : "s.toml";
    struct Case {
      std::string out, extra, says;
    };
    const std::vector<Case> cases{
        {"pipe", " --force", "FIFO"},
        {"folder", " --force", "a directory"},
        {input, " --force", "is an input of this command"},
        {"dangling.h5", "", "symbolic link to nowhere.h5"},
        {"''", "", "empty"},
        {"s.toml/x.h5", "", "s.toml is a file, not a folder"},
    };
    for (const auto& c : cases) {
      INFO(w.name << " -o " << c.out << c.extra);
      const std::string before = read(dir.path() / input);
      const auto r = write_to(w, c.out, c.extra, dir);
      INFO(r.output);
      CHECK(r.status == 2);
      CHECK(r.output.find(c.says) != std::string::npos);
      CHECK(read(dir.path() / input) == before);
      CHECK(fs::is_fifo(dir.path() / "pipe"));
      CHECK(fs::is_symlink(dir.path() / "dangling.h5"));
      CHECK(fs::is_empty(dir.path() / "folder"));
    }
  }
}

TEST_CASE("With --force a link at the output path is replaced by the file, not written through") {
  TempDir dir;
  dir.write("s.toml", small);
  dir.write("elsewhere.h5", "keep me");
  fs::create_symlink("elsewhere.h5", dir.path() / "link.h5");
  const auto r = run_command(missionsim_exe() + " run s.toml -q -o link.h5 --force", dir.path());
  INFO(r.output);
  CHECK(r.status == 0);
  CHECK_FALSE(fs::is_symlink(dir.path() / "link.h5"));
  CHECK(fs::is_regular_file(dir.path() / "link.h5"));
  CHECK(read(dir.path() / "elsewhere.h5") == "keep me");
}

TEST_CASE("A folder that cannot be made is the user's path mistake: exit 2 naming it") {
  TempDir dir;
  dir.write("s.toml", small);
  dir.write("afile", "x");
  for (const std::string out : {"afile/x.h5", "afile/deeper/x.h5", "/proc/nope/x.h5"}) {
    const auto r = run_command(missionsim_exe() + " run s.toml -q -o " + out, dir.path());
    INFO(out << "\n" << r.output);
    CHECK(r.status == 2);
    CHECK(r.output.find(out.starts_with("/proc") ? "/proc/nope" : "afile") != std::string::npos);
    CHECK(r.output.find("internal error") == std::string::npos);
  }
}

TEST_CASE(
    "A write that hits the file-size limit is exit 1, says so, removes its temporary, keeps the old file") {
  TempDir dir;
  dir.write("s.toml",
            scenario_text(2000, "kind = \"small_world\"\nmean_degree = 4", "rule = \"threshold\"", 40));
  dir.write("out.h5", "the previous result");
  // 100 blocks of 512 bytes is far less than the run writes; SIGXFSZ ignored, so write() fails.
  const auto r = run_command(
      "trap '' XFSZ; ulimit -f 100; " + missionsim_exe() + " run s.toml -q -o out.h5 --force", dir.path());
  INFO(r.output);
  CHECK(r.status == 1);
  CHECK(r.output.find("File too large") != std::string::npos);
  CHECK(r.output.find("out.h5") != std::string::npos);
  CHECK(r.output.find("internal error") == std::string::npos);
  CHECK(read(dir.path() / "out.h5") == "the previous result");
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir.path())) ++files;
  CHECK(files == 2);  // s.toml and out.h5: no .partial left
}

TEST_CASE("Inputs that are not regular files are refused with what they are, never opened") {
  TempDir dir;
  REQUIRE(::mkfifo((dir.path() / "f.toml").c_str(), 0600) == 0);
  // `timeout`: before the fix, opening the FIFO blocked for ever.
  auto r = run_command("timeout 10 " + missionsim_exe() + " validate f.toml", dir.path());
  INFO(r.output);
  CHECK(r.status == 2);
  CHECK(r.output.find("FIFO") != std::string::npos);

  fs::create_directory(dir.path() / "edges");
  REQUIRE(::mkfifo((dir.path() / "edges.fifo").c_str(), 0600) == 0);
  for (const std::string file : {"edges", "edges.fifo"}) {
    dir.write("s.toml",
              scenario_text(500, "kind = \"edge_list\"\nfile = \"" + file + "\"", "rule = \"threshold\""));
    r = run_command("timeout 10 " + missionsim_exe() + " validate s.toml", dir.path());
    INFO(file << "\n" << r.output);
    CHECK(r.status == 2);
    CHECK(r.output.find(file.ends_with("fifo") ? "is a FIFO" : "is a directory") != std::string::npos);
    CHECK(r.output.find("no such file") == std::string::npos);
  }
}

}  // namespace missionsim::test
