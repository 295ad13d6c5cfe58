// The command line as users meet it: exit codes, default output path, overwrite rule, help,
// and the messages for bad input (file, line, key; exit 2; no output file left behind).
#include "engine/io/h5.hpp"
#include "tests/support/process.hpp"
#include "tests/support/scenario_text.hpp"
#include "tests/support/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace missionsim::test {

namespace {
const std::string small_demo =
    " --set population.size=2000 --set time.end=2027-01-01 --set "
    "goals.early_detection.deadline=2026-12-31 --set goals.fewer_cancers.deadline=2026-12-31 -q";

std::string demo_path() {
  return "'" + (source_dir() / "scenarios/demo.toml").string() + "'";
}

std::size_t files_in(const std::filesystem::path& dir) {
  std::size_t n = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
    if (e.is_regular_file()) ++n;
  return n;
}

int line_of(const std::string& text, const std::string& marker) {
  const auto pos = text.find(marker);
  if (pos == std::string::npos) throw std::runtime_error("marker not in text: " + marker);
  return 1 +
         static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(pos), '\n'));
}
}  // namespace

TEST_CASE("run writes the file, prints a summary, and info describes it") {
  TempDir dir;
  const auto r =
      run_command(missionsim_exe() + " run " + demo_path() + " -o out.h5" + small_demo, dir.path());
  INFO(r.output);
  REQUIRE(r.status == 0);
  CHECK(std::filesystem::exists(dir / "out.h5"));
  CHECK(r.output.find("screening") != std::string::npos);
  CHECK(r.output.find("agent-steps/s") != std::string::npos);
  CHECK(r.output.find("out.h5") != std::string::npos);
  CHECK(files_in(dir.path()) == 1);  // no temporary left beside it

  const auto info = run_command(missionsim_exe() + " info out.h5", dir.path());
  INFO(info.output);
  CHECK(info.status == 0);
  CHECK(info.output.find("adopter_share_by_innovation") != std::string::npos);
  CHECK(info.output.find("stakeholder_adopter_share_by_stakeholder_innovation [1 × 24 × 2]") !=
        std::string::npos);
  CHECK(info.output.find("incidence_by_quintile") != std::string::npos);
  CHECK(info.output.find("demo") != std::string::npos);
  // The early-warning trends as a table: a row per series, a tau per indicator.
  CHECK(info.output.find("adopter_share_ews_ac1_by_innovation [1 × 24 × 1]") != std::string::npos);
  CHECK(info.output.find("ews: Kendall tau against time of the indicators over a 12-step window (gaussian "
                         "detrending, bandwidth 2.4 steps)") != std::string::npos);
  CHECK(info.output.find("    adopter_share_healthy_diet  ") != std::string::npos);
  CHECK(info.output.find("    goal_kpi_fewer_cancers  ") != std::string::npos);
}

TEST_CASE("run --baseline writes /impact, and a scenario without instruments has zero impact") {
  TempDir dir;
  const auto r = run_command(missionsim_exe() + " run " + demo_path() + " -o out.h5 --baseline" + small_demo,
                             dir.path());
  INFO(r.output);
  REQUIRE(r.status == 0);
  CHECK(r.output.find("QALYs gained") != std::string::npos);
  const auto info = run_command(missionsim_exe() + " info out.h5", dir.path());
  CHECK(info.output.find("impact: discount_rate 0.03") != std::string::npos);

  // Without instruments the baseline is the same run: common random numbers make every
  // difference exactly zero.
  dir.write("plain.toml",
            scenario_text(3000, "kind = \"small_world\"",
                          "rule = \"bass\"\nonset_multiplier = 0.5\ncost_per_adopter_per_year = 10") +
                "[pathway]\nonset_rate = 0.05\n");
  const auto same = run_command(missionsim_exe() + " run plain.toml -o plain.h5 -q --baseline", dir.path());
  INFO(same.output);
  REQUIRE(same.status == 0);
  CHECK(same.output.find("deaths averted 0, life-years gained 0, QALYs gained 0.0") != std::string::npos);
  CHECK(same.output.find("incremental cost 0 ") != std::string::npos);
}

TEST_CASE("Without -o the output goes to results/STEM.h5 and is never overwritten without --force") {
  TempDir dir;
  const auto cmd = missionsim_exe() + " run " + demo_path() + small_demo;
  REQUIRE(run_command(cmd, dir.path()).status == 0);
  const auto out = dir / "results/demo.h5";
  REQUIRE(std::filesystem::exists(out));
  const auto written = std::filesystem::last_write_time(out);

  const auto again = run_command(cmd, dir.path());
  CHECK(again.status == 2);
  CHECK(again.output.find("--force") != std::string::npos);
  CHECK(std::filesystem::last_write_time(out) == written);

  CHECK(run_command(cmd + " --force", dir.path()).status == 0);
}

TEST_CASE("Every subcommand has help, and a missing subcommand is a usage error") {
  for (const char* sub : {"run", "validate", "info", "schema", "tipping", "compare"}) {
    const auto r = run_command(missionsim_exe() + " " + sub + " --help");
    INFO(sub << ": " << r.output);
    CHECK(r.status == 0);
    CHECK(r.output.find("Usage") != std::string::npos);
  }
  CHECK(run_command(missionsim_exe() + " run --threads 1 --help").output.find("--set") != std::string::npos);
  CHECK(run_command(missionsim_exe()).status == 2);
  CHECK(run_command(missionsim_exe() + " frobnicate").status == 2);
}

TEST_CASE("validate accepts every scenario shipped under scenarios/") {
  std::size_t checked = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(source_dir() / "scenarios")) {
    if (e.path().extension() != ".toml") continue;
    // A base under scenarios/base/ is a part, not a scenario: the scenarios that extend it check it.
    if (e.path().parent_path().filename() == "base") continue;
    const auto r = run_command(missionsim_exe() + " validate '" + e.path().string() + "'");
    INFO(e.path() << ": " << r.output);
    CHECK(r.status == 0);
    CHECK(r.output.find("valid") != std::string::npos);
    ++checked;
  }
  CHECK(checked >= 2);
}

TEST_CASE("A goal may not follow an early-warning indicator: they are computed after the goals") {
  const auto r = run_command(missionsim_exe() + " validate " + demo_path() +
                             " --set goals.early_detection.metric=adopter_share_ews_variance_by_innovation"
                             " --set goals.early_detection.label=healthy_diet");
  INFO(r.output);
  CHECK(r.status == 2);
  CHECK(r.output.find("adopter_share_ews_variance_by_innovation") != std::string::npos);
}

TEST_CASE("validate prints every problem in a file, not only the first") {
  TempDir dir;
  std::string text = scenario_text(100, "kind = \"small_world\"", "rule = \"threshold\"\nthreshold = 1.5");
  text.replace(text.find("seed = 7"), 8, "sede = 7");
  const auto file = dir.write("two.toml", text);
  const auto r = run_command(missionsim_exe() + " validate two.toml", dir.path());
  INFO(r.output);
  CHECK(r.status == 2);
  CHECK(r.output.find("did you mean 'seed'") != std::string::npos);
  CHECK(r.output.find("innovations.idea.threshold") != std::string::npos);
  CHECK(r.output.find("2 problem(s)") != std::string::npos);
}

TEST_CASE("The W1 workload takes its network and initial adopters from files through --set") {
  // A path of 6 people 0-1-2-3-4-5 seeded at 0: with θ = 0.18 every interior person needs one
  // adopting contact of two, so the cascade moves one person per daily step.
  TempDir dir;
  dir.write("path.txt", "# a path\n0 1\n1 2\n2 3\n3 4\n4 5\n");
  dir.write("seeds.txt", "0\n");
  const auto r = run_command(missionsim_exe() + " run '" +
                                 (source_dir() / "scenarios/bench/threshold_ba.toml").string() +
                                 "' -o w1.h5 -q --set population.size=6 --set network.contacts.kind=edge_list"
                                 " --set network.contacts.file=" +
                                 (dir / "path.txt").string() +
                                 " --set innovations.cascade.initial=file"
                                 " --set innovations.cascade.initial_file=" +
                                 (dir / "seeds.txt").string(),
                             dir.path());
  INFO(r.output);
  REQUIRE(r.status == 0);
  CHECK(r.output.find("100.00 %") != std::string::npos);  // all six by the end of 50 steps
  CHECK(r.output.find("6 people, 50 steps") != std::string::npos);
}

struct BadInput {
  const char* what;
  std::string text;         ///< scenario text ("" = do not write the file)
  std::string extra;        ///< extra command-line arguments
  std::string fragment;     ///< must appear in the message
  std::string line_marker;  ///< the message must name the line holding this text ("" = no line)
  std::string side_file;    ///< name=content of an input file beside the scenario
};

TEST_CASE("Bad input: a clear message, exit status 2, and no output file") {
  const auto base = [](const std::string& net, const std::string& inn) {
    return scenario_text(500, net, inn);
  };
  const std::string sw = "kind = \"small_world\"\nmean_degree = 4";
  const std::string thr = "rule = \"threshold\"";
  std::string odd_time = base(sw, thr);
  odd_time.replace(odd_time.find("end = 2027-01-01"), 16, "end = 2024-06-01");
  std::string bad_step = base(sw, thr);
  bad_step.replace(bad_step.find("\"1 month\""), 9, "\"1 fortnight\"");
  std::string no_population = base(sw, thr);
  no_population.replace(no_population.find("[population]\nsize = 500\n"), 24, "");
  std::string version = base(sw, thr);
  version.replace(0, 18, "schema_version = 2");
  std::string misspelt = base(sw, thr);
  misspelt.replace(misspelt.find("seed = 7"), 8, "sede = 7");

  const std::vector<BadInput> cases{
      {"TOML syntax error", "schema_version = 1\n[scenario\nname = \"x\"\n", "", "", "[scenario", ""},
      {"misspelt key", misspelt, "", "did you mean 'seed'", "sede = 7", ""},
      {"unknown key", base(sw + "\ncolour = \"blue\"", thr), "", "colour", "colour", ""},
      {"wrong type", base(sw, thr + "\nthreshold = \"high\""), "", "innovations.idea.threshold",
       "threshold = \"high\"", ""},
      {"negative population", base(sw, thr).replace(base(sw, thr).find("size = 500"), 10, "size = -5"), "",
       "population.size", "size = -5", ""},
      {"threshold above 1", base(sw, thr + "\nthreshold = 1.5"), "", "innovations.idea.threshold",
       "threshold = 1.5", ""},
      {"end before start", odd_time, "", "time.end", "end = 2024-06-01", ""},
      {"unknown network kind", base("kind = \"hypercube\"", thr), "", "small_world", "hypercube", ""},
      {"malformed step", bad_step, "", "time.step", "fortnight", ""},
      {"missing required table", no_population, "", "population", "", ""},
      {"key of another variant", base("kind = \"erdos_renyi\"\nrewire_probability = 0.2", thr), "",
       "rewire_probability", "rewire_probability", ""},
      {"odd small-world degree", base("kind = \"small_world\"\nmean_degree = 5", thr), "", "even",
       "mean_degree = 5", ""},
      {"unknown layer name",
       base(sw, thr).replace(base(sw, thr).find("network = \"net\""), 15, "network = \"web\""), "", "web",
       "network = \"web\"", ""},
      {"unsupported schema version", version, "", "schema_version", "schema_version = 2", ""},
      {"missing scenario file", "", "", "missing.toml", "", ""},
      {"empty scenario file", "\n", "", "empty", "", ""},
      {"bad --set key", base(sw, thr), " --set population.sise=10", "did you mean 'size'", "", ""},
      {"bad --set value", base(sw, thr), " --set population.size=many", "--set", "", ""},
      {"bad --set element", base(sw, thr), " --set innovations.nope.threshold=0.2", "nope", "", ""},
      {"bad edge-list line", base("kind = \"edge_list\"\nfile = \"edges.txt\"", thr), "", "edges.txt:2", "",
       "0 1\n1 x\n"},
      {"missing edge-list file", base("kind = \"edge_list\"\nfile = \"nowhere.txt\"", thr), "",
       "no such file", "file = \"nowhere.txt\"", ""},
      {"initial adopter outside the population",
       base(sw, thr + "\ninitial = \"file\"\ninitial_file = \"edges.txt\""), "", "edges.txt:1", "", "900\n"},
  };
  REQUIRE(cases.size() >= 15);
  for (const auto& c : cases) {
    TempDir dir;
    const std::string file = c.what == std::string("missing scenario file") ? "missing.toml" : "bad.toml";
    if (!c.text.empty()) dir.write(file, c.text);
    if (!c.side_file.empty()) dir.write("edges.txt", c.side_file);
    const auto before = files_in(dir.path());
    const auto r = run_command(missionsim_exe() + " run " + file + " -o out.h5 -q" + c.extra, dir.path());
    INFO(c.what << "\n" << r.output);
    CHECK(r.status == 2);
    CHECK(r.output.find(c.fragment) != std::string::npos);
    if (!c.line_marker.empty())
      CHECK(r.output.find(file + ":" + std::to_string(line_of(c.text, c.line_marker)) + ":") !=
            std::string::npos);
    CHECK(files_in(dir.path()) == before);  // nothing written: no output, no temporary
  }
}

TEST_CASE("tipping prints the curve and the tipping step, and writes /tipping beside the supported runs") {
  TempDir dir;
  const auto r =
      run_command(missionsim_exe() + " tipping " + demo_path() +
                      " --innovation healthy_diet --replicates 2 --bootstrap 50 -o tip.h5" + small_demo,
                  dir.path());
  INFO(r.output);
  REQUIRE(r.status == 0);
  CHECK(r.output.find("withdrawal step: sustain probability") != std::string::npos);
  CHECK(r.output.find("tipping ") != std::string::npos);
  const auto info = run_command(missionsim_exe() + " info tip.h5", dir.path());
  INFO(info.output);
  CHECK(info.output.find("runs        2") != std::string::npos);
  CHECK(info.output.find("tipping: withdrawal_date") != std::string::npos);

  const auto bad = run_command(
      missionsim_exe() + " tipping " + demo_path() + " --innovation nothing -o bad.h5" + small_demo,
      dir.path());
  CHECK(bad.status == 2);
  CHECK(bad.output.find("no innovation named 'nothing'") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir / "bad.h5"));
}

}  // namespace missionsim::test

namespace missionsim::test {

TEST_CASE("info --plan prints the demo's plan from its description, --dot as Graphviz, and writes nothing") {
  TempDir dir;
  const auto plan = run_command(missionsim_exe() + " info --plan " + demo_path(), dir.path());
  INFO(plan.output);
  REQUIRE(plan.status == 0);
  std::set<std::string> written;
  std::vector<std::string> read;
  std::istringstream lines(plan.output);
  std::size_t phases = 0;
  for (std::string line; std::getline(lines, line);) {
    const auto r = line.find(" reads: "), w = line.find(" writes: ");
    REQUIRE(w != std::string::npos);
    auto add = [](const std::string& list, auto& into) {
      std::istringstream in(list);
      for (std::string x; std::getline(in, x, ',');) {
        x.erase(0, x.find_first_not_of(' '));
        if (x != "-") into.insert(into.end(), x);
      }
    };
    add(line.substr(w + 9), written);
    if (r != std::string::npos) {
      add(line.substr(r + 8, w - r - 8), read);
      ++phases;
    }
  }
  CHECK(phases > 20);
  for (const auto& x : read) {
    INFO(x);
    CHECK(written.count(x) == 1);
  }
  const auto dot = run_command(missionsim_exe() + " info --plan --dot " + demo_path(), dir.path());
  CHECK(dot.status == 0);
  CHECK(dot.output.rfind("digraph step {", 0) == 0);
  CHECK(run_command(missionsim_exe() + " info --dot " + demo_path(), dir.path()).status == 2);
  CHECK(files_in(dir.path()) == 0);
}

}  // namespace missionsim::test

namespace missionsim::test {

TEST_CASE(
    "Scenarios validate accepts run: no innovations, a pathway alone, organisations' innovations alone") {
  const std::string base =
      "schema_version = 1\n[scenario]\nname = \"sparse\"\n[time]\nstart = 2025-01-01\nend = 2026-01-01\n"
      "[population]\nsize = 500\n";
  const std::vector<std::pair<std::string, std::string>> cases{
      {"no innovations", base},
      {"a pathway alone",
       base + "[pathway]\ndisease = \"cancer\"\nonset_rate = 0.004\nearly_detection_rate = 0.25\n"},
      {"organisations' innovations alone",
       base + "[[stakeholders]]\nname = \"hospitals\"\ntype = \"care_provider\"\ncount = 8\n"
              "[[innovations]]\nname = \"screening\"\nadopters = \"stakeholders\"\nrule = \"threshold\"\n"
              "threshold = 0.2\ninitial_share = 0.2\n"},
  };
  for (const auto& [what, text] : cases) {
    TempDir dir;
    dir.write("s.toml", text);
    INFO(what);
    const auto v = run_command(missionsim_exe() + " validate s.toml", dir.path());
    REQUIRE(v.status == 0);
    const auto r = run_command(missionsim_exe() + " run s.toml -q -o out.h5", dir.path());
    INFO(r.output);
    CHECK(r.status == 0);
    CHECK(run_command(missionsim_exe() + " info out.h5", dir.path()).status == 0);
  }
}

}  // namespace missionsim::test

namespace missionsim::test {

TEST_CASE("Accepted no more: a NUL in a name, persons that sum to infinity, seeds outside 0 to 2^63-1") {
  const std::string base =
      "schema_version = 1\n[scenario]\nname = \"NAME\"\n[time]\nstart = 2025-01-01\nend = 2026-01-01\n"
      "[population]\nsize = 500\n";
  const auto named = [&](const std::string& name) {
    std::string text = base;
    return text.replace(text.find("NAME"), 4, name);
  };
  TempDir dir;
  dir.write("nul.toml", named("mi\\u0000x"));
  auto r = run_command(missionsim_exe() + " validate nul.toml", dir.path());
  CHECK(r.status == 2);
  CHECK(r.output.find("nul.toml:3:8: scenario.name") != std::string::npos);
  CHECK(r.output.find("\\u0000") != std::string::npos);

  std::string table = "region,quintile,age_band,persons\n";
  for (int q = 1; q <= 5; ++q) table += "all," + std::to_string(q) + ",all," + "1e308" + "\n";
  dir.write("people.csv", table);
  dir.write("table.toml", named("t") + "table = \"people.csv\"\n");
  r = run_command(missionsim_exe() + " validate table.toml", dir.path());
  INFO(r.output);
  CHECK(r.status == 2);
  CHECK(r.output.find("people.csv:2") != std::string::npos);
  CHECK(r.output.find("persons") != std::string::npos);

  dir.write("ok.toml", named("ok"));
  for (const std::string seed : {"-1", "18446744073709551615", "9223372036854775808", "7x"}) {
    r = run_command(missionsim_exe() + " run ok.toml -q -o out.h5 --seed " + seed, dir.path());
    INFO(seed << "\n" << r.output);
    CHECK(r.status == 2);
    CHECK(r.output.find("found '" + seed + "'") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir.path() / "out.h5"));
  }
  r = run_command(missionsim_exe() + " run ok.toml -q -o out.h5 --seed 9223372036854775807", dir.path());
  CHECK(r.status == 0);
}

}  // namespace missionsim::test

namespace missionsim::test {

TEST_CASE("Messages: one error line per problem, once; unknown commands and options named; plain bounds") {
  TempDir dir;
  const std::string good =
      scenario_text(500, "kind = \"small_world\"\nmean_degree = 4", "rule = \"threshold\"");
  std::string bad = good;
  bad.replace(bad.find("size = 500"), 10, "size = -5");
  dir.write("bad.toml", bad);
  std::string bad2 = bad;
  bad2.replace(bad2.find("seed = 7"), 8, "seed = -7");
  dir.write("bad2.toml", bad2);
  // Two mixes with the same problem, and one with two: each problem once, each line "error:".
  auto r = run_command(missionsim_exe() + " compare bad.toml bad.toml bad2.toml -q -o c.h5", dir.path());
  INFO(r.output);
  CHECK(r.status == 2);
  std::size_t lines = 0, errors = 0;
  std::istringstream in(r.output);
  for (std::string line; std::getline(in, line);) {
    ++lines;
    if (line.starts_with("error: ")) ++errors;
  }
  CHECK(lines == 3);  // bad.toml's size; bad2.toml's size and seed
  CHECK(errors == 3);

  r = run_command(missionsim_exe() + " rn bad.toml", dir.path());
  CHECK(r.status == 2);
  CHECK(r.output.find("unknown command 'rn'; did you mean 'run'?") != std::string::npos);
  r = run_command(missionsim_exe() + " --bogus", dir.path());
  CHECK(r.status == 2);
  CHECK(r.output.find("unknown option '--bogus'") != std::string::npos);

  dir.write("good.toml", good);
  r = run_command(missionsim_exe() + " tipping good.toml --innovation idea --grid-years 0 -o t.h5",
                  dir.path());
  CHECK(r.status == 2);
  CHECK(r.output.find("expected a number > 0, found '0'") != std::string::npos);
  CHECK(r.output.size() < 200);  // not DBL_MAX in 300 digits
}

TEST_CASE(
    "sensitivity on the docs' small sobol sweep warns that its intervals are too wide, naming a sample "
    "size") {
  TempDir dir;
  // docs/experiments.md, "Example": 4 base samples of 2 parameters.
  const auto sweep = run_command(
      missionsim_exe() + " sweep " + demo_path() +
          " --set population.size=2000 --set time.end=2027-01-01"
          " --set goals.early_detection.deadline=2026-12-31 --set goals.fewer_cancers.deadline=2026-12-31"
          " --method sobol --param pathway.onset_rate=0.002:0.006 --param "
          "pathway.early_detection_rate=0.1:0.4"
          " --samples 4 -o sobol.h5 -q",
      dir.path());
  INFO(sweep.output);
  REQUIRE(sweep.status == 0);
  const auto r = run_command(missionsim_exe() + " sensitivity sobol.h5 --metric incidence", dir.path());
  INFO(r.output);
  REQUIRE(r.status == 0);
  std::smatch m;
  REQUIRE(
      std::regex_search(r.output, m,
                        std::regex("warning: (the Sobol indices cannot be trusted at 4 base samples: [^\n]*"
                                   "about ([0-9]+) base samples \\(sweep --samples [0-9]+[^\n]*)\n")));
  const std::string warning = m[1].str();
  const double named = std::stod(m[2].str());

  // The size named is where the widest interval in the file, shrinking as 1/sqrt(N), is 0.1 wide.
  const auto file = h5::open_file_read_only(dir / "sobol.h5");
  const auto group = h5::open_group(file, "sensitivity");
  CHECK(h5::read_string_attribute(group, "warning") == warning);
  double widest = 0;
  for (const std::string index : {"first_order", "total_order"}) {
    const auto read = [&](const std::string& name) {
      const auto dataset = h5::open_dataset(group, name);
      std::vector<double> v(6);  // 3 outputs x 2 parameters
      REQUIRE(h5::shape(dataset) == std::vector<hsize_t>{3, 2});
      h5::check(H5Dread(dataset, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, v.data()), "reading");
      return v;
    };
    const auto low = read(index + "_low");
    const auto high = read(index + "_high");
    for (std::size_t i = 0; i < low.size(); ++i) widest = std::max(widest, high[i] - low[i]);
  }
  REQUIRE(widest > 0.5);
  const double exact = 4 * std::pow(widest / 0.1, 2);
  CHECK(named >= exact);
  CHECK(named < exact + 1);
}

}  // namespace missionsim::test

namespace missionsim::test {

namespace {
// The whole line of `output` that holds `part`, or "" if none does.
std::string line_with(const std::string& output, const std::string& part) {
  std::istringstream in(output);
  for (std::string line; std::getline(in, line);)
    if (line.find(part) != std::string::npos) return line;
  return "";
}
}  // namespace

TEST_CASE(
    "validate refuses what run would before the first step: input files and degrees the groups cannot hold") {
  TempDir dir;
  dir.write("edges.txt", "# two people and a typo\n0 1\n1 x\n");
  dir.write("far.txt", "0 1\n1 700\n");
  dir.write("ids.txt", "3\n900\n");
  std::string thetas;
  for (int i = 0; i < 500; ++i) thetas += i == 41 ? "1.5\n" : "0.3\n";
  dir.write("thetas.txt", thetas);
  const std::string threshold = "rule = \"threshold\"\nthreshold = 0.3";
  struct Case {
    std::string what, text, expected;
  };
  const std::vector<Case> cases{
      {"an edge list with a bad line",
       scenario_text(500, "kind = \"edge_list\"\nfile = \"edges.txt\"", threshold), "edges.txt:3"},
      {"an edge list naming person 700 of 500",
       scenario_text(500, "kind = \"edge_list\"\nfile = \"far.txt\"", threshold), "far.txt:2"},
      {"initial adopters beyond the population",
       scenario_text(500, "kind = \"small_world\"\nmean_degree = 4",
                     threshold + "\ninitial = \"file\"\ninitial_file = \"ids.txt\""),
       "ids.txt:2"},
      {"a threshold above 1",
       scenario_text(500, "kind = \"small_world\"\nmean_degree = 4",
                     threshold + "\nthreshold_distribution = \"file\"\nthreshold_file = \"thetas.txt\""),
       "thetas.txt:42"},
      {"a block degree its groups of 10 cannot hold",
       scenario_text(100, "kind = \"block\"\ngroups = 10\nmean_degree_within = 10", threshold),
       "s.toml:15:22: network.net.mean_degree_within: must be at most 9: the smallest group has 10 simulated "
       "people, found 10"},
      {"a block degree across groups beyond the people outside the largest",
       scenario_text(100, "kind = \"block\"\ngroups = 2\nmean_degree_across = 60", threshold),
       "network.net.mean_degree_across: must be at most 50: the simulated people outside the largest group "
       "(100 − 50), found 60"},
  };
  for (const auto& c : cases) {
    INFO(c.what);
    dir.write("s.toml", c.text);
    const auto v = run_command(missionsim_exe() + " validate s.toml", dir.path());
    INFO(v.output);
    CHECK(v.status == 2);
    CHECK(v.output.find(c.expected) != std::string::npos);
    const auto r = run_command(missionsim_exe() + " run s.toml -q -o out.h5", dir.path());
    INFO(r.output);
    CHECK(r.status == 2);
    CHECK_FALSE(std::filesystem::exists(dir.path() / "out.h5"));
    // The same problem, in the same words.
    const auto line = line_with(v.output, c.expected);
    CHECK_FALSE(line.empty());
    CHECK(r.output.find(line) != std::string::npos);
  }

  // The demo's regional layer at 2,000 people: its smallest region cannot hold 600 contacts each.
  const auto demo = demo_path() + " --set population.size=2000 --set network.citizens.mean_degree_within=600";
  const auto v = run_command(missionsim_exe() + " validate " + demo, dir.path());
  INFO(v.output);
  CHECK(v.status == 2);
  // An override is placed at --set, as every override's problem is.
  CHECK(v.output.find("--set: network.citizens.mean_degree_within: must be at most 499: the smallest region "
                      "has 500 simulated people, found 600") != std::string::npos);
  const auto r = run_command(missionsim_exe() + " run " + demo + " -q -o demo.h5", dir.path());
  CHECK(r.status == 2);
  CHECK_FALSE(std::filesystem::exists(dir.path() / "demo.h5"));
}

}  // namespace missionsim::test
