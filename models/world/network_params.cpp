#include "models/world/network_params.hpp"

#include "engine/core/collect_problems.hpp"
#include "engine/core/error.hpp"
#include "engine/core/number_text.hpp"
#include "engine/network/edge_list.hpp"
#include "engine/network/generators.hpp"
#include "engine/scenario/schema.hpp"
#include "engine/scenario/table_view.hpp"

namespace missionsim::model {

namespace {
NetworkKind kind_from(const std::string& s) {
  if (s == "well_mixed") return NetworkKind::well_mixed;
  if (s == "erdos_renyi") return NetworkKind::erdos_renyi;
  if (s == "small_world") return NetworkKind::small_world;
  if (s == "power_law") return NetworkKind::power_law;
  if (s == "barabasi_albert") return NetworkKind::barabasi_albert;
  if (s == "block") return NetworkKind::block;
  if (s == "regional") return NetworkKind::regional;
  if (s == "edge_list") return NetworkKind::edge_list;
  throw InternalError("unknown network kind '" + s + "' passed validation");
}

// The generator refuses a degree its groups cannot hold; say so here, at the key, with the
// group that binds (the generator's own message has no file, line or full key).
void check_block_degrees(const TableView& t, const NetworkLayerParams& p, std::span<const NodeId> starts,
                         const std::string& group_word, std::vector<Diagnostic>& problems) {
  const auto limits = block_degree_limits(starts);
  if (p.mean_degree_within > limits.within)
    problems.push_back(t.diagnostic("mean_degree_within",
                                    "must be at most " + format_number(limits.within) + ": the smallest " +
                                        group_word + " has " + std::to_string(limits.smallest_group) +
                                        " simulated people, found " + format_number(p.mean_degree_within)));
  if (p.mean_degree_across > limits.across)
    problems.push_back(t.diagnostic(
        "mean_degree_across",
        "must be at most " + format_number(limits.across) + ": the simulated people outside the largest " +
            group_word + " (" + std::to_string(starts.back()) + " − " + std::to_string(limits.largest_group) +
            "), found " + format_number(p.mean_degree_across)));
}
}  // namespace

void declare_network_keys(TableSpec& layer) {
  layer
      .choice("kind",
              {"well_mixed", "erdos_renyi", "small_world", "power_law", "barabasi_albert", "block",
               "regional", "edge_list"},
              "How the layer is generated. well_mixed stores no edges: everyone meets everyone (mean field).")
      .required();
  layer.when("kind", "erdos_renyi")
      .real("mean_degree", "Expected number of contacts per person (G(n,p) with p = mean_degree/(n−1)).")
      .unit("contacts")
      .greater_than(0)
      .default_value(10.0);
  auto& sw = layer.when("kind", "small_world");
  sw.integer("mean_degree",
             "Contacts per person in the ring lattice before rewiring (Watts–Strogatz k); even.")
      .unit("contacts")
      .min(2)
      .default_value(std::int64_t{10});
  sw.real("rewire_probability", "Probability that each lattice edge is rewired to a random person.")
      .unit("probability")
      .range(0, 1)
      .default_value(0.1);
  auto& pl = layer.when("kind", "power_law");
  pl.real("alpha",
          "Exponent of Boost's power-law out-degree (PLOD) generator: a person gets β·x^−α contacts, x "
          "uniform on 0…N−1.")
      .greater_than(0)
      .default_value(0.5);
  pl.real("beta", "Scale of the PLOD generator: the largest possible number of contacts one person starts.")
      .unit("contacts")
      .greater_than(0)
      .default_value(500.0);
  layer.when("kind", "barabasi_albert")
      .integer("m", "Edges each new person brings (preferential attachment); mean degree ≈ 2m.")
      .unit("contacts")
      .min(1)
      .default_value(std::int64_t{5});
  auto& blk = layer.when("kind", "block");
  blk.integer("groups", "Number of equal-sized silos (contiguous blocks of people).")
      .min(1)
      .default_value(std::int64_t{10});
  blk.real("mean_degree_within",
           "Expected contacts per person inside their own group; at most the smallest group's size − 1.")
      .unit("contacts")
      .min(0)
      .default_value(8.0);
  blk.real("mean_degree_across",
           "Expected contacts per person in other groups; at most the people outside the largest group.")
      .unit("contacts")
      .min(0)
      .default_value(2.0);
  auto& reg = layer.when("kind", "regional");
  reg.real("mean_degree_within",
           "Expected contacts per person inside their own [[regions]] region; at most the smallest "
           "region's simulated size − 1.")
      .unit("contacts")
      .min(0)
      .default_value(8.0);
  reg.real("mean_degree_across",
           "Expected contacts per person in other regions (needs two regions or more); at most the "
           "simulated people outside the largest region.")
      .unit("contacts")
      .min(0)
      .default_value(2.0);
  layer.when("kind", "edge_list")
      .string("file",
              "Text file, one undirected edge per line as two 0-based person ids; # starts a comment. "
              "Relative paths are relative to the scenario file.")
      .required();
}

NetworkLayerParams read_network(const TableView& t, std::span<const std::uint32_t> region_starts,
                                const std::filesystem::path& base_dir, std::vector<Diagnostic>& problems) {
  const std::uint32_t population = region_starts.empty() ? 0 : region_starts.back();
  NetworkLayerParams p;
  p.name = t.get<std::string>("name");
  p.kind = kind_from(t.get<std::string>("kind"));
  switch (p.kind) {
    case NetworkKind::well_mixed:
      break;
    case NetworkKind::erdos_renyi:
      p.mean_degree = t.get<double>("mean_degree");
      if (p.mean_degree > population - 1.0)
        problems.push_back(t.diagnostic(
            "mean_degree", "must be below the population size (" + std::to_string(population) + ")"));
      break;
    case NetworkKind::small_world: {
      const auto k = t.get<std::int64_t>("mean_degree");
      p.mean_degree = static_cast<double>(k);
      p.rewire_probability = t.get<double>("rewire_probability");
      if (k % 2 != 0)
        problems.push_back(
            t.diagnostic("mean_degree", "must be even for a small-world ring, found " + std::to_string(k)));
      if (k >= static_cast<std::int64_t>(population))
        problems.push_back(t.diagnostic(
            "mean_degree", "must be below the population size (" + std::to_string(population) + ")"));
      break;
    }
    case NetworkKind::power_law:
      p.alpha = t.get<double>("alpha");
      p.beta = t.get<double>("beta");
      break;
    case NetworkKind::barabasi_albert: {
      const auto m = t.get<std::int64_t>("m");
      p.m = static_cast<std::uint32_t>(std::min<std::int64_t>(m, UINT32_MAX));
      if (m + 1 >= static_cast<std::int64_t>(population))
        problems.push_back(t.diagnostic(
            "m", "must be at most the population size minus 2 (" + std::to_string(population) + " people)"));
      break;
    }
    case NetworkKind::block: {
      const auto g = t.get<std::int64_t>("groups");
      p.groups = static_cast<std::uint32_t>(std::min<std::int64_t>(g, UINT32_MAX));
      p.mean_degree_within = t.get<double>("mean_degree_within");
      p.mean_degree_across = t.get<double>("mean_degree_across");
      if (g > static_cast<std::int64_t>(population))
        problems.push_back(t.diagnostic("groups", "must be at most the population size"));
      else if (g >= 1)
        check_block_degrees(t, p, block_starts(population, p.groups), "group", problems);
      break;
    }
    case NetworkKind::regional:
      p.mean_degree_within = t.get<double>("mean_degree_within");
      p.mean_degree_across = t.get<double>("mean_degree_across");
      if (region_starts.size() < 3 && p.mean_degree_across > 0)
        problems.push_back(t.diagnostic("mean_degree_across",
                                        "needs at least two [[regions]] (set it to 0 or add regions)"));
      else
        check_block_degrees(t, p, region_starts, "region", problems);
      break;
    case NetworkKind::edge_list:
      if (auto file = t.input_file("file", base_dir, problems)) p.file = std::move(*file);
      break;
  }
  return p;
}

void check_network_file(const NetworkLayerParams& layer, std::uint32_t population,
                        std::vector<Diagnostic>& problems) {
  if (layer.kind != NetworkKind::edge_list) return;
  collect_problems(problems, [&] { (void)read_edge_list(layer.file, population); });
}

}  // namespace missionsim::model
