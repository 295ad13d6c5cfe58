// `missionsim compare` end to end: common random numbers (a mix against itself differs by exactly
// zero), a known effect detected by the paired interval, the same file for any thread count, and
// bad input (exit 2, file:line and key, no output file).
#include "engine/io/h5.hpp"
#include "tests/support/process.hpp"
#include "tests/support/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

namespace missionsim::test {

namespace {
// Tiny: 1,500 people for two years, goals judged at the end.
const std::string tiny =
    " --set population.size=1500 --set time.end=2027-01-01"
    " --set goals.early_detection.deadline=2026-12-31 --set goals.fewer_cancers.deadline=2026-12-31 -q";

std::string demo_text() {
  std::ifstream in(source_dir() / "scenarios/demo.toml");
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<double> read_doubles(const std::filesystem::path& file, const std::string& group,
                                 const std::string& name) {
  const auto f = h5::open_file_read_only(file);
  const auto g = h5::open_group(f, group);
  const auto d = h5::open_dataset(g, name);
  std::size_t n = 1;
  for (auto extent : h5::shape(d)) n *= extent;
  std::vector<double> out(n);
  h5::check(H5Dread(d, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, out.data()), "reading " + name);
  return out;
}

std::vector<std::string> read_labels(const std::filesystem::path& file, const std::string& group,
                                     const std::string& name) {
  const auto f = h5::open_file_read_only(file);
  const auto g = h5::open_group(f, group);
  return h5::read_strings(h5::open_dataset(g, name));
}

std::size_t index_of(const std::vector<std::string>& labels, const std::string& label) {
  const auto it = std::find(labels.begin(), labels.end(), label);
  REQUIRE(it != labels.end());
  return static_cast<std::size_t>(it - labels.begin());
}

std::size_t files_in(const std::filesystem::path& dir) {
  std::size_t n = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
    if (e.is_regular_file()) ++n;
  return n;
}

int line_of(const std::string& text, const std::string& marker) {
  const auto pos = text.find(marker);
  REQUIRE(pos != std::string::npos);
  return 1 +
         static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(pos), '\n'));
}
}  // namespace

TEST_CASE("compare of a scenario with itself: exactly zero difference, for any thread count") {
  TempDir dir;
  dir.write("a.toml", demo_text());
  const auto one = run_command(
      missionsim_exe() + " compare a.toml a.toml --replicates 3 --threads 1 -o one.h5" + tiny, dir.path());
  INFO(one.output);
  REQUIRE(one.status == 0);
  CHECK(one.output.find("ranking by expected net monetary benefit") != std::string::npos);
  CHECK(one.output.find("goal early_detection") != std::string::npos);

  const auto file = dir / "one.h5";
  const auto mixes = read_labels(file, "compare", "mix");
  CHECK(mixes == std::vector<std::string>{"a", "a_2"});
  const auto outcomes = read_labels(file, "compare", "outcome");
  const std::size_t K = outcomes.size();
  for (const char* name : {"difference_mean", "difference_ci_low", "difference_ci_high"}) {
    const auto d = read_doubles(file, "compare", name);
    REQUIRE(d.size() == 2 * K);
    for (std::size_t k = 0; k < d.size(); ++k) {
      INFO(name << " " << outcomes[k % K]);
      CHECK((d[k] == 0.0 || std::isnan(d[k])));
    }
    for (const char* o : {"deaths", "qalys", "costs", "adoption_healthy_diet"})
      CHECK(d[K + index_of(outcomes, o)] == 0.0);  // present, and exactly zero
  }
  CHECK(read_doubles(file, "compare", "incremental_net_monetary_benefit") == std::vector<double>{0.0, 0.0});
  const auto met = read_doubles(file, "compare", "probability_goal_met");
  CHECK(met[0] == met[2]);
  CHECK(met[1] == met[3]);
  CHECK(read_labels(file, "scenarios", "a").size() == 1);
  const auto info = run_command(missionsim_exe() + " info one.h5", dir.path());
  INFO(info.output);
  CHECK(info.status == 0);
  CHECK(info.output.find("compare/difference_mean") != std::string::npos);
  CHECK(info.output.find("a_2") != std::string::npos);

  // Runs are keyed by seed and replicate, never by thread: 2 threads give the same samples.
  const auto two = run_command(
      missionsim_exe() + " compare a.toml a.toml --replicates 3 --threads 2 -o two.h5" + tiny, dir.path());
  REQUIRE(two.status == 0);
  for (const char* name : {"samples", "time_to_target_samples", "goal_met_samples"})
    CHECK(read_doubles(file, "compare", name) == read_doubles(dir / "two.h5", "compare", name));
}

TEST_CASE("compare: an added campaign is detected, its paired interval excludes zero") {
  TempDir dir;
  dir.write("base.toml", demo_text());
  dir.write("campaign.toml", demo_text() +
                                 "\n[[instruments]]\nname = \"big_campaign\"\nkind = \"campaign\"\n"
                                 "innovation = \"healthy_diet\"\nstart = 2025-01-01\nend = 2027-01-01\n"
                                 "budget_per_year = 2_000_000\ninnovation_rate_boost = 0.6\n");
  const auto r = run_command(
      missionsim_exe() + " compare base.toml campaign.toml --replicates 5 -o out.h5" + tiny, dir.path());
  INFO(r.output);
  REQUIRE(r.status == 0);
  const auto file = dir / "out.h5";
  const auto outcomes = read_labels(file, "compare", "outcome");
  const std::size_t K = outcomes.size();
  const auto low = read_doubles(file, "compare", "difference_ci_low");
  const auto high = read_doubles(file, "compare", "difference_ci_high");
  const auto adoption = index_of(outcomes, "adoption_healthy_diet");
  const auto costs = index_of(outcomes, "costs");
  CHECK(low[K + adoption] > 0.0);            // more people eat well, in every pair
  CHECK(low[K + costs] > 0.0);               // and it costs more
  CHECK(high[K + costs] >= low[K + costs]);  // the budget is spent alike in every pair: a point
  const auto rank = read_doubles(file, "compare", "rank");
  CHECK(((rank[0] == 1 && rank[1] == 2) || (rank[0] == 2 && rank[1] == 1)));
  // The ICER is printed with its currency, and every dataset, text ones too, has units.
  CHECK(r.output.find(" EUR/QALY") != std::string::npos);
  CHECK(r.output.find(" /QALY") == std::string::npos);
  const auto f = h5::open_file_read_only(file);
  const auto g = h5::open_group(f, "compare");
  for (const char* name : {"outcome_units", "outcome_description", "icer_note"})
    CHECK(h5::attribute_exists(h5::open_dataset(g, name), "units"));
}

TEST_CASE("compare: the library's intervention mixes extend their mission and differ only where they say") {
  TempDir dir;
  const auto library = source_dir() / "scenarios";
  const std::string mission = (library / "decade_against_cancer.toml").string();
  const std::string mixes = (library / "mixes").string();
  const auto r = run_command(
      missionsim_exe() + " compare " + mission + " " + mixes + "/decade_prevention_first.toml " + mixes +
          "/decade_without_nct.toml --replicates 3 -q -o out.h5" + " --set population.size=3000",
      dir.path());
  INFO(r.output);
  REQUIRE(r.status == 0);
  const auto file = dir / "out.h5";
  CHECK(read_labels(file, "compare", "mix") ==
        std::vector<std::string>{"decade_against_cancer", "decade_prevention_first", "decade_without_nct"});
  const auto outcomes = read_labels(file, "compare", "outcome");
  const std::size_t K = outcomes.size();
  const auto low = read_doubles(file, "compare", "difference_ci_low");
  const auto high = read_doubles(file, "compare", "difference_ci_high");
  const auto lifestyle = index_of(outcomes, "adoption_healthy_lifestyle");
  const auto costs = index_of(outcomes, "costs");
  CHECK(low[K + lifestyle] > 0.0);       // the stronger dialogue: more healthy lifestyles in every pair
  CHECK(high[2 * K + costs] < 0.0);      // without the NCT sites: less spent in every pair
  CHECK(low[2 * K + lifestyle] == 0.0);  // and the dialogue untouched
  CHECK(high[2 * K + lifestyle] == 0.0);
  // Each mix is stored merged, standing alone: no extends, no removed instrument.
  const auto stored = read_labels(file, "scenarios", "decade_without_nct").at(0);
  CHECK(stored.find("extends") == std::string::npos);
  CHECK(stored.find("nct_berlin") == std::string::npos);
  CHECK(stored.find("practice_changing_trials") != std::string::npos);
}

TEST_CASE("compare: a bad value in a mix that extends another names the mix's file and line") {
  TempDir dir;
  const std::string text = "schema_version = 1\nextends = \"" +
                           (source_dir() / "scenarios/decade_against_cancer.toml").string() +
                           "\"\n\n[scenario]\nname = \"broken\"\n\n[[instruments]]\n"
                           "name = \"prevention_dialogue\"\nbudget_per_year = -1\n";
  dir.write("broken.toml", text);
  const auto before = files_in(dir.path());
  const auto r = run_command(missionsim_exe() + " compare " +
                                 (source_dir() / "scenarios/decade_against_cancer.toml").string() +
                                 " broken.toml --replicates 2 -q -o out.h5",
                             dir.path());
  INFO(r.output);
  CHECK(r.status == 2);
  CHECK(r.output.find("broken.toml:" + std::to_string(line_of(text, "budget_per_year = -1")) + ":") !=
        std::string::npos);
  CHECK(r.output.find("instruments.prevention_dialogue.budget_per_year") != std::string::npos);
  CHECK(files_in(dir.path()) == before);
}

TEST_CASE("compare: bad input exits 2 with file, line and key, and writes nothing") {
  const std::string demo = demo_text();
  std::string later_end = demo;
  later_end.replace(later_end.find("end = 2035-01-01"), 16, "end = 2036-01-01");
  std::string other_target = demo;
  other_target.replace(other_target.find("target = 0.5"), 12, "target = 0.6");
  std::string bad_distribution = demo;
  bad_distribution.replace(bad_distribution.find("innovation_rate_boost = 0.08"), 28,
                           "innovation_rate_boost = { distribution = \"gama\", shape = 4, scale = 0.02 }");
  std::string renamed_goal = demo;
  renamed_goal.replace(renamed_goal.find("name = \"fewer_cancers\""), 22, "name = \"fewer_tumours\"");
  std::string invalid = demo;
  invalid.replace(invalid.find("seed = 20251124"), 15, "seed = \"many\"");
  struct Case {
    const char* what;
    std::string b_text;
    std::string extra;
    std::string fragment;
    std::string line_marker;
  };
  const std::vector<Case> cases{
      {"another horizon", later_end, "", "time.end", "end = 2036-01-01"},
      {"another goal target", other_target, " --set goals.early_detection.deadline=2034-12-31",
       "goals.early_detection.target", "target = 0.6"},
      {"a goal missing", renamed_goal, "", "goals: mixes must share their goals: goal 'fewer_cancers'", ""},
      {"invalid scenario", invalid, "", "scenario.seed", "seed = \"many\""},
      {"missing scenario", "", "", "missing.toml", ""},
      {"malformed distribution", bad_distribution, "",
       "instruments.eat_well_campaign.innovation_rate_boost.distribution: expected one of",
       "distribution = \"gama\""},
      {"--psa without distributions", demo, " --psa 3",
       "--psa needs at least one key given as a distribution", ""},
  };
  for (const auto& c : cases) {
    TempDir dir;
    dir.write("a.toml", demo);
    const std::string b = c.b_text.empty() ? "missing.toml" : "b.toml";
    if (!c.b_text.empty()) dir.write(b, c.b_text);
    const auto before = files_in(dir.path());
    const auto r = run_command(
        missionsim_exe() + " compare a.toml " + b + " --replicates 2 -q -o out.h5" + c.extra, dir.path());
    INFO(c.what << "\n" << r.output);
    CHECK(r.status == 2);
    CHECK(r.output.find(c.fragment) != std::string::npos);
    if (!c.line_marker.empty())
      CHECK(r.output.find(b + ":" + std::to_string(line_of(c.b_text, c.line_marker)) + ":") !=
            std::string::npos);
    CHECK(files_in(dir.path()) == before);
  }
}

namespace {
std::string with_gamma_boost(std::string text) {
  text.replace(text.find("innovation_rate_boost = 0.08"), 28,
               "innovation_rate_boost = { distribution = \"gamma\", shape = 4, scale = 0.02 }");
  return text;
}
}  // namespace

TEST_CASE("run takes each distribution's mean") {
  TempDir dir;
  dir.write("fixed.toml", demo_text());
  dir.write("uncertain.toml", with_gamma_boost(demo_text()));  // mean 4 × 0.02 = 0.08, the fixed value
  const auto fixed = run_command(missionsim_exe() + " run fixed.toml -o f.h5" + tiny, dir.path());
  const auto uncertain = run_command(missionsim_exe() + " run uncertain.toml -o u.h5" + tiny, dir.path());
  INFO(fixed.output << "\n" << uncertain.output);
  REQUIRE(fixed.status == 0);
  REQUIRE(uncertain.status == 0);
  for (const char* metric : {"adopter_share_by_innovation", "deaths_disease", "total_spend"})
    CHECK(read_doubles(dir / "f.h5", "metrics", metric) == read_doubles(dir / "u.h5", "metrics", metric));
  // The stored scenario keeps the distribution.
  const auto f = h5::open_file_read_only(dir / "u.h5");
  CHECK(h5::read_strings(h5::open_dataset(f, "scenario")).at(0).find("distribution = \"gamma\"") !=
        std::string::npos);
}

TEST_CASE("compare --psa: shared draws, and an acceptability curve that sums to 1 at every WTP") {
  TempDir dir;
  dir.write("a.toml", with_gamma_boost(demo_text()));
  dir.write("b.toml", with_gamma_boost(demo_text()) +
                          "\n[[instruments]]\nname = \"big_campaign\"\nkind = \"campaign\"\n"
                          "innovation = \"healthy_diet\"\nstart = 2025-01-01\nend = 2027-01-01\n"
                          "budget_per_year = 2_000_000\n"
                          "innovation_rate_boost = { distribution = \"uniform\", min = 0.2, max = 0.8 }\n");
  const auto r = run_command(
      missionsim_exe() + " compare a.toml b.toml --replicates 1 --psa 6 --wtp-points 9 -o out.h5" + tiny,
      dir.path());
  INFO(r.output);
  REQUIRE(r.status == 0);
  CHECK(r.output.find("cost-effectiveness acceptability (6 parameter sets)") != std::string::npos);
  const auto file = dir / "out.h5";
  const auto p = read_doubles(file, "compare/ceac", "probability_most_cost_effective");
  REQUIRE(p.size() == std::size_t{2} * 9);
  for (std::size_t w = 0; w < 9; ++w) CHECK(p[w] + p[9 + w] == Approx(1.0).epsilon(1e-12));
  CHECK(read_doubles(file, "compare/ceac", "willingness_to_pay").back() == Approx(90000));

  // value [mix, set, parameter]: the shared key has the same draw in both mixes; the added one is
  // NaN where the mix lacks it.
  const auto parameters = read_labels(file, "compare/psa", "parameter");
  REQUIRE(parameters.size() == 2);
  const auto v = read_doubles(file, "compare/psa", "value");
  const auto shared = index_of(parameters, "instruments.eat_well_campaign.innovation_rate_boost");
  const auto added = index_of(parameters, "instruments.big_campaign.innovation_rate_boost");
  for (std::size_t k = 0; k < 6; ++k) {
    CHECK(v[k * 2 + shared] == v[12 + k * 2 + shared]);
    CHECK(std::isnan(v[k * 2 + added]));
    CHECK(v[12 + k * 2 + added] >= 0.2);
    CHECK(v[12 + k * 2 + added] <= 0.8);
  }
  CHECK(v[shared] != v[2 + shared]);  // sets differ
}

}  // namespace missionsim::test
