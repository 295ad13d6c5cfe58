// The experiment drivers called through their API give the files the CLI writes, dataset for
// dataset (the golden hash of every dataset: values, type and shape); every writer refuses an
// existing output alike; and --seed N is --set scenario.seed=N for every command that runs.
#include "models/experiments/compare_driver.hpp"
#include "models/experiments/run_driver.hpp"
#include "models/experiments/sensitivity_driver.hpp"
#include "models/experiments/shard_merge.hpp"
#include "models/experiments/sweep_driver.hpp"
#include "models/experiments/tipping_driver.hpp"
#include "tests/support/process.hpp"
#include "tests/support/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace missionsim::test {

namespace {

// The demo, small: 2,000 people over two years, goals due within them.
const std::vector<std::string> small{"population.size=2000", "time.end=2027-01-01",
                                     "goals.early_detection.deadline=2026-12-31",
                                     "goals.fewer_cancers.deadline=2026-12-31"};

std::string sets() {
  std::string out;
  for (const auto& s : small) out += " --set " + s;
  return out + " -q";
}

std::filesystem::path demo() {
  return source_dir() / "scenarios" / "demo.toml";
}

// One line per dataset: its path and the hash of its values, type and shape.
std::string hashes(const std::filesystem::path& file) {
  const auto r =
      run_command(std::string(MISSIONSIM_PYTHON) + " '" +
                  (source_dir() / "scripts" / "golden_hash.py").string() + "' x '" + file.string() + "'");
  INFO(r.output);
  REQUIRE(r.status == 0);
  REQUIRE(r.output.find(" x ") == std::string::npos);  // LABEL comes first on each line, not inside
  return r.output;
}

std::string bytes_of(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

ProcessResult cli(const std::string& arguments, const TempDir& dir) {
  auto r = run_command(missionsim_exe() + " " + arguments, dir.path());
  INFO(arguments << "\n" << r.output);
  REQUIRE(r.status == 0);
  return r;
}

}  // namespace

TEST_CASE("run through its driver writes the datasets the CLI writes, --seed as --set scenario.seed") {
  TempDir dir;
  model::RunRequest request;
  request.scenario = {demo(), small, 11};
  request.output = dir / "api.h5";
  request.baseline = true;
  const auto report = model::run_scenario(request);
  CHECK(report.impact.has_value());
  CHECK(report.scenario.seed == 11);
  cli("run '" + demo().string() + "' --baseline --seed 11 -o cli.h5" + sets(), dir);
  cli("run '" + demo().string() + "' --baseline --set scenario.seed=11 -o set.h5" + sets(), dir);
  CHECK(hashes(dir / "api.h5") == hashes(dir / "cli.h5"));
  CHECK(hashes(dir / "set.h5") == hashes(dir / "cli.h5"));
}

TEST_CASE("sweep and merge through their drivers write the datasets the CLI writes") {
  TempDir dir;
  model::SweepRequest request;
  request.scenario = {demo(), small, 5};
  request.method = "sobol";
  request.params = {"innovations.healthy_diet.innovation_rate=0.002:0.01"};
  request.samples = 2;
  request.replicates = 2;
  request.output = dir / "api.h5";
  std::uint32_t last_done = 0;
  const auto report = model::run_sweep(request, [&](std::uint32_t done, std::uint32_t) { last_done = done; });
  CHECK(report.run_count == 12);  // N(k + 2) points × replicates = 2 · 3 · 2
  CHECK(last_done == 12);
  const std::string design =
      " --method sobol --param innovations.healthy_diet.innovation_rate=0.002:0.01 --samples 2 "
      "--replicates 2";
  cli("sweep '" + demo().string() + "'" + design + " --seed 5 -o cli.h5" + sets(), dir);
  cli("sweep '" + demo().string() + "'" + design + " --set scenario.seed=5 -o set.h5" + sets(), dir);
  CHECK(hashes(dir / "api.h5") == hashes(dir / "cli.h5"));
  CHECK(hashes(dir / "set.h5") == hashes(dir / "cli.h5"));

  for (const char* shard : {"0/2", "1/2"}) {
    request.shard = shard;
    request.output = dir / ("shard" + std::string(1, shard[0]) + ".h5");
    static_cast<void>(model::run_sweep(request));
  }
  const auto merged =
      model::merge_shards({{dir / "shard0.h5", dir / "shard1.h5"}, dir / "merged.h5", false, ""});
  CHECK(merged.runs == 12);
  cli("merge shard0.h5 shard1.h5 -o merged-cli.h5", dir);
  CHECK(hashes(dir / "merged.h5") == hashes(dir / "merged-cli.h5"));
  CHECK(hashes(dir / "merged.h5") == hashes(dir / "cli.h5"));

  std::filesystem::copy_file(dir / "cli.h5", dir / "cli-copy.h5");
  const auto sensitivity = model::analyse_sensitivity({dir / "cli.h5", {}, 50});
  CHECK(sensitivity.method == "sobol");
  CHECK(sensitivity.sobol.size() == sensitivity.outputs.size());
  cli("sensitivity cli-copy.h5 --bootstrap 50", dir);
  CHECK(hashes(dir / "cli.h5") == hashes(dir / "cli-copy.h5"));
}

TEST_CASE("compare through its driver writes the datasets the CLI writes, --seed as --set scenario.seed") {
  TempDir dir;
  model::CompareRequest request;
  request.scenarios = {demo(), demo()};
  request.overrides = small;
  request.seed = 9;
  request.replicates = 2;
  request.output = dir / "api.h5";
  const auto report = model::compare_mixes(request);
  CHECK(report.runs == 4);
  const std::string mixes = "compare '" + demo().string() + "' '" + demo().string() + "' --replicates 2";
  cli(mixes + " --seed 9 -o cli.h5" + sets(), dir);
  cli(mixes + " --set scenario.seed=9 -o set.h5" + sets(), dir);
  CHECK(hashes(dir / "api.h5") == hashes(dir / "cli.h5"));
  CHECK(hashes(dir / "set.h5") == hashes(dir / "cli.h5"));
}

TEST_CASE("tipping through its driver writes the datasets the CLI writes, --seed as --set scenario.seed") {
  TempDir dir;
  model::TippingRequest request;
  request.scenario = {demo(), small, 3};
  request.innovation = "healthy_diet";
  request.replicates = 2;
  request.bootstrap = 50;
  request.output = dir / "api.h5";
  const auto outcome = model::find_tipping_point(request);
  CHECK(outcome.params.replicates == 2);
  const std::string tipping =
      "tipping '" + demo().string() + "' --innovation healthy_diet --replicates 2 --bootstrap 50";
  cli(tipping + " --seed 3 -o cli.h5" + sets(), dir);
  cli(tipping + " --set scenario.seed=3 -o set.h5" + sets(), dir);
  CHECK(hashes(dir / "api.h5") == hashes(dir / "cli.h5"));
  CHECK(hashes(dir / "set.h5") == hashes(dir / "cli.h5"));
}

TEST_CASE("Every writer refuses an existing output without --force alike: exit 2, the file untouched") {
  TempDir dir;
  dir.write("taken.h5", "not to be touched");
  cli("sweep '" + demo().string() +
          "' --method grid --param innovations.healthy_diet.innovation_rate=0.002:0.01 "
          "--samples 2 -o shard.h5 --shard 0/1" +
          sets(),
      dir);
  const std::string d = "'" + demo().string() + "'";
  for (const std::string& command : std::vector<std::string>{
           "run " + d + sets(),
           "sweep " + d +
               " --method grid --param innovations.healthy_diet.innovation_rate=0.002:0.01 "
               "--samples 2" +
               sets(),
           "compare " + d + " " + d + " --replicates 1" + sets(),
           "tipping " + d + " --innovation healthy_diet --replicates 1" + sets(),
           std::string("merge shard.h5")}) {
    const auto r = run_command(missionsim_exe() + " " + command + " -o taken.h5", dir.path());
    INFO(command << "\n" << r.output);
    CHECK(r.status == 2);
    CHECK(r.output.find("error: taken.h5: output file exists; pass --force to overwrite it or -o to choose "
                        "another") != std::string::npos);
    CHECK(bytes_of(dir / "taken.h5") == "not to be touched");
    CHECK_FALSE(std::filesystem::exists(dir / "taken.h5.journal"));
  }
}

}  // namespace missionsim::test
