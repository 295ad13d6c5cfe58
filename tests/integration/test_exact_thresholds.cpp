// docs/model.md promises that a share of contacts equal to θ adopts: 3 of 99 adopting contacts
// meet θ = 3/99. With θ stored as float32 it did not (float(3/99) > 3/99). End to end, for
// citizens with thresholds from a file and for organisations with the innovation's θ.
#include "engine/io/h5.hpp"
#include "tests/support/process.hpp"
#include "tests/support/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <charconv>
#include <fstream>

namespace missionsim::test {

namespace {
std::vector<double> read_doubles(const std::filesystem::path& file, const std::string& name) {
  const auto f = h5::open_file_read_only(file);
  const auto g = h5::open_group(f, "metrics");
  const auto d = h5::open_dataset(g, name);
  std::size_t n = 1;
  for (auto extent : h5::shape(d)) n *= extent;
  std::vector<double> out(n);
  h5::check(H5Dread(d, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, out.data()), "reading " + name);
  return out;
}

// The shortest text that reads back as the same double.
std::string exact(double x) {
  char buffer[32];
  const auto r = std::to_chars(buffer, buffer + sizeof buffer, x);
  return std::string(buffer, r.ptr);
}

const std::string head =
    "schema_version = 1\n[scenario]\nname = \"exact\"\n[time]\nstart = 2025-01-01\nend = 2025-02-01\n";
}  // namespace

TEST_CASE(
    "Citizens: k of n adopting contacts meet a threshold of k/n from threshold_file, for every n to 1000") {
  // One star per n: its centre has n leaves, k(n) of them adopters at the start, and θ = k/n;
  // leaves have θ = 1 (their one contact, the centre, does not adopt at the start).
  TempDir dir;
  std::ofstream edges(dir.path() / "edges.txt"), initial(dir.path() / "initial.txt"),
      thresholds(dir.path() / "thresholds.txt");
  std::uint32_t node = 0;
  std::size_t float_would_fail = 0;
  for (std::uint32_t n = 1; n <= 1000; ++n) {
    const std::uint32_t k = 1 + (n * 7919u) % n;  // spread over 1 … n
    const std::uint32_t centre = node++;
    const double theta = static_cast<double>(k) / static_cast<double>(n);
    if (static_cast<double>(static_cast<float>(theta)) > theta) ++float_would_fail;
    thresholds << exact(theta) << '\n';
    for (std::uint32_t j = 0; j < n; ++j) {
      const std::uint32_t leaf = node++;
      edges << centre << ' ' << leaf << '\n';
      if (j < k) initial << leaf << '\n';
      thresholds << "1\n";
    }
  }
  edges.close();
  initial.close();
  thresholds.close();
  REQUIRE(float_would_fail > 100);  // the case the float32 thresholds got wrong is well covered
  dir.write("s.toml", head + "[population]\nsize = " + std::to_string(node) +
                          "\n[[network]]\nname = \"stars\"\nkind = \"edge_list\"\nfile = \"edges.txt\"\n"
                          "[[innovations]]\nname = \"idea\"\nnetwork = \"stars\"\nrule = \"threshold\"\n"
                          "threshold_distribution = \"file\"\nthreshold_file = \"thresholds.txt\"\n"
                          "initial = \"file\"\ninitial_file = \"initial.txt\"\n");
  const auto r = run_command(missionsim_exe() + " run s.toml -q -o out.h5", dir.path());
  INFO(r.output);
  REQUIRE(r.status == 0);
  const auto fresh = read_doubles(dir.path() / "out.h5", "new_adopters_by_innovation");
  REQUIRE(fresh.size() == 1);
  CHECK(fresh[0] == 1000.0);  // every centre, no leaf
}

TEST_CASE("Organisations: k of n adopting partners meet the innovation's threshold of k/n") {
  // Every organisation partners every other (one type, one region, n − 1 partners wanted), so
  // each non-adopter sees the same k adopters among n = count − 1 partners (the most central
  // share: on a complete graph, the lowest ids). A first run with
  // θ = 1 counts k; a second with θ = k/n must have every organisation adopt in its one step.
  TempDir dir;
  const int count = 100;
  const auto scenario = [&](const std::string& theta) {
    return head +
           "[population]\nsize = 100\n[[stakeholders]]\nname = \"hospitals\"\ntype = \"care_provider\"\n"
           "count = " +
           std::to_string(count) +
           "\nincumbency = 0\nincumbency_spread = 0\n"
           "[stakeholder_network]\nwithin_type_and_region = " +
           std::to_string(count - 1) +
           "\n"
           "[[innovations]]\nname = \"idea\"\nadopters = \"stakeholders\"\nrule = \"threshold\"\n"
           "threshold = " +
           theta + "\ninitial = \"most_central\"\ninitial_share = 0.35\n";
  };
  dir.write("count.toml", scenario("1"));
  auto r = run_command(missionsim_exe() + " run count.toml -q -o count.h5", dir.path());
  INFO(r.output);
  REQUIRE(r.status == 0);
  const double k =
      read_doubles(dir.path() / "count.h5", "stakeholder_adopter_share_by_stakeholder_innovation")[0] * count;
  REQUIRE(k > 0);
  REQUIRE(k < count - 1);
  const double theta = k / (count - 1);
  REQUIRE(static_cast<double>(static_cast<float>(theta)) > theta);  // the case float32 got wrong
  dir.write("exact.toml", scenario(exact(theta)));
  r = run_command(missionsim_exe() + " run exact.toml -q -o exact.h5", dir.path());
  INFO(r.output);
  REQUIRE(r.status == 0);
  CHECK(read_doubles(dir.path() / "exact.h5", "stakeholder_adopter_share_by_stakeholder_innovation")[0] ==
        1.0);
}

}  // namespace missionsim::test
