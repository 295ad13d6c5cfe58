// A small schema with every value kind, a table, a table_array with variants and a variant
// table, a valid scenario for it whose line numbers the tests refer to, and the helpers that
// validate texts against it.
#pragma once

#include <sstream>
#include <string>
#include <vector>

#include "engine/scenario/document.hpp"
#include "engine/scenario/schema.hpp"

namespace missionsim::test {

inline TableSpec demo_schema() {
  using namespace std::chrono;
  TableSpec root("A demo scenario");
  root.string("title", "Name of the scenario").required();
  root.date("start", "First day simulated").required();
  root.date("end", "Day the simulation stops").default_value(Date{year(2030), January, day(1)});
  root.integer("seed", "Random seed").min(0).default_value(1);

  TableSpec& time = root.table("time", "Time stepping");
  time.real("step_years", "Step length").unit("years").greater_than(0).default_value(1.0 / 12);
  time.integer("steps", "Number of steps").range(1, 1000).default_value(12);
  time.boolean("verbose", "Print progress").default_value(false);

  TableSpec& network = root.table("network", "Contact network");
  network.choice("kind", {"erdos_renyi", "small_world"}, "Generator").default_value("erdos_renyi");
  network.real("mean_degree", "Mean degree").unit("contacts").min(0).default_value(4);
  network.when("kind", "small_world")
      .real("rewire_probability", "Rewiring probability")
      .unit("share (0–1)")
      .range(0, 1)
      .default_value(0.1);
  network.when("kind", "erdos_renyi").boolean("allow_self_loops", "Self loops").default_value(false);

  TableSpec& innovations = root.table_array("innovations", "What diffuses");
  innovations.choice("rule", {"threshold", "bass"}, "Adoption rule").required();
  innovations.real("cost", "Cost per adopter").unit("EUR").min(0).default_value(0);
  innovations.when("rule", "threshold")
      .real("threshold", "Fractional threshold")
      .range(0, 1)
      .default_value(0.18);
  TableSpec& bass = innovations.when("rule", "bass");
  bass.real("innovation", "Innovation coefficient p").unit("per year").greater_than(0).default_value(0.03);
  bass.real("imitation", "Imitation coefficient q").unit("per year").range(0, 1).required();

  root.table("field_lab", "Niche seeding, only when given")
      .integer("size", "People")
      .min(1)
      .default_value(100000);
  root.key("field_lab").keep_absent();
  root.table("budget", "Mission budget").real("total", "Total").unit("EUR").min(0).required();
  return root;
}

/// Valid for demo_schema(); tests replace single lines of it, so keep the numbering in step with
/// the comments.
inline const std::string demo_text =
    "title = \"demo\"\n"          // 1
    "start = 2025-01-01\n"        // 2
    "seed = 7\n"                  // 3
    "\n"                          // 4
    "[time]\n"                    // 5
    "step_years = 0.5\n"          // 6
    "steps = 24\n"                // 7
    "\n"                          // 8
    "[network]\n"                 // 9
    "kind = \"small_world\"\n"    // 10
    "mean_degree = 6\n"           // 11
    "rewire_probability = 0.2\n"  // 12
    "\n"                          // 13
    "[[innovations]]\n"           // 14
    "name = \"screening\"\n"      // 15
    "rule = \"threshold\"\n"      // 16
    "threshold = 0.3\n"           // 17
    "\n"                          // 18
    "[[innovations]]\n"           // 19
    "name = \"diet\"\n"           // 20
    "rule = \"bass\"\n"           // 21
    "imitation = 0.4\n";          // 22

/// `text` with its 1-based line `line` replaced by `replacement`.
inline std::string with_line(const std::string& text, int line, const std::string& replacement) {
  std::istringstream in(text);
  std::string out, current;
  for (int n = 1; std::getline(in, current); ++n) out += (n == line ? replacement : current) + '\n';
  return out;
}

/// Every problem validate() finds in `text` against demo_schema().
inline std::vector<Diagnostic> check(const std::string& text) {
  return validate(parse_document(text, "demo.toml"), demo_schema());
}

/// The diagnostics as the command line prints them, one per line (for failure messages).
inline std::string all(const std::vector<Diagnostic>& ds) {
  std::string out;
  for (const auto& d : ds) out += d.format() + '\n';
  return out;
}

}  // namespace missionsim::test
