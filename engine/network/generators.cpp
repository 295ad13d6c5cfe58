#include "engine/network/generators.hpp"

#include "engine/core/error.hpp"
#include "engine/core/number_text.hpp"
#include "engine/network/csr_builder.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/erdos_renyi_generator.hpp>
#include <boost/graph/plod_generator.hpp>
#include <boost/graph/small_world_generator.hpp>

#include <algorithm>
#include <cmath>
#include <string>

namespace missionsim {

namespace {

// Boost's generators take the graph type only to read its traits (undirected, size types);
// no adjacency_list is ever built.
using UndirectedTraits = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;

[[noreturn]] void bad_parameter(const std::string& generator, const std::string& parameter,
                                const std::string& message) {
  throw InputError(Diagnostic{{}, parameter, generator + ": " + message});
}

// Each edge the iterator yields; Boost's ids are size_t but below n, so they fit a NodeId.
template <typename Iterator, typename Emit>
void emit_all(Iterator it, Iterator end, Emit& emit) {
  for (; it != end; ++it) emit(static_cast<NodeId>(it->first), static_cast<NodeId>(it->second));
}

// First node of group g when n nodes are split into `groups` contiguous groups:
// ceil(g * n / groups), which is consistent with group_of below.
NodeId group_start(std::uint64_t g, NodeId n, std::uint32_t groups) {
  return static_cast<NodeId>((g * n + groups - 1) / groups);
}

std::uint32_t group_of(NodeId v, NodeId n, std::uint32_t groups) {
  return static_cast<std::uint32_t>(std::uint64_t{v} * groups / n);
}

}  // namespace

CsrGraph erdos_renyi(NodeId n, double mean_degree, StreamKey key) {
  const double largest = n < 2 ? 0.0 : static_cast<double>(n - 1);
  if (!(mean_degree >= 0.0 && mean_degree <= largest)) {
    bad_parameter("erdos_renyi", "mean_degree",
                  "expected a mean degree in [0, n - 1] = [0, " + format_number(largest) + "], found " +
                      format_number(mean_degree));
  }
  if (mean_degree == 0.0) return build_csr(n, [](auto&&) {});
  const double probability = mean_degree / largest;
  if (probability >= 1.0) {
    // Boost's geometric skip needs p < 1 (it asserts); the complete graph needs no randomness.
    return build_csr(n, [n](auto&& emit) {
      for (NodeId u = 0; u < n; ++u) {
        for (NodeId v = u + 1; v < n; ++v) emit(u, v);
      }
    });
  }
  return build_csr(n, [&](auto&& emit) {
    PhiloxEngine engine(key);
    using Iterator = boost::sorted_erdos_renyi_iterator<PhiloxEngine, UndirectedTraits>;
    emit_all(Iterator(engine, n, probability, false), Iterator(), emit);
  });
}

CsrGraph small_world(NodeId n, std::uint32_t mean_degree, double rewire_probability, StreamKey key) {
  if (!(rewire_probability >= 0.0 && rewire_probability <= 1.0)) {
    bad_parameter("small_world", "rewire_probability",
                  "expected a probability in [0, 1], found " + format_number(rewire_probability));
  }
  if (mean_degree % 2 != 0) {
    bad_parameter(
        "small_world", "mean_degree",
        "expected an even mean degree (half on each side of the ring), found " + std::to_string(mean_degree));
  }
  if (mean_degree == 0) return build_csr(n, [](auto&&) {});
  // Rewiring picks a node outside the mean_degree + 1 nodes around the source; there must be one.
  const std::uint64_t largest = rewire_probability > 0.0 ? std::uint64_t{n} - std::min<std::uint64_t>(n, 2)
                                                         : std::uint64_t{n} - std::min<std::uint64_t>(n, 1);
  if (mean_degree > largest) {
    bad_parameter("small_world", "mean_degree",
                  "expected a mean degree of at most " + std::to_string(largest) + " for " +
                      std::to_string(n) + " nodes" + (rewire_probability > 0.0 ? " with rewiring" : "") +
                      ", found " + std::to_string(mean_degree));
  }
  return build_csr(n, [&](auto&& emit) {
    PhiloxEngine engine(key);
    using Iterator = boost::small_world_iterator<PhiloxEngine, UndirectedTraits>;
    emit_all(Iterator(engine, n, mean_degree, rewire_probability, false), Iterator(), emit);
  });
}

CsrGraph power_law(NodeId n, double alpha, double beta, StreamKey key) {
  if (n < 2) bad_parameter("power_law", "n", "expected at least 2 nodes, found " + std::to_string(n));
  if (!(alpha > 0.0 && std::isfinite(alpha))) {
    bad_parameter("power_law", "alpha", "expected a positive exponent, found " + format_number(alpha));
  }
  if (!(beta > 0.0 && std::isfinite(beta))) {
    bad_parameter("power_law", "beta", "expected a positive scale, found " + format_number(beta));
  }
  return build_csr(n, [&](auto&& emit) {
    PhiloxEngine engine(key);
    using Iterator = boost::plod_iterator<PhiloxEngine, UndirectedTraits>;
    emit_all(Iterator(engine, n, alpha, beta, false), Iterator(), emit);
  });
}

CsrGraph barabasi_albert(NodeId n, std::uint32_t m, StreamKey key) {
  if (m < 1) bad_parameter("barabasi_albert", "m", "expected at least one edge per new node, found 0");
  if (std::uint64_t{m} + 1 > n) {
    bad_parameter("barabasi_albert", "m",
                  "expected m + 1 <= n (the starting clique has m + 1 nodes), found m = " +
                      std::to_string(m) + " and n = " + std::to_string(n));
  }
  // Consecutive pairs are the edges, and the list as a whole holds each node once per unit of
  // degree: a uniform pick from it is a degree-proportional pick. 32-bit ids, O(E) memory;
  // it is then replayed into the builder, so the random process runs once.
  const std::uint64_t clique_edges = std::uint64_t{m} * (m + 1) / 2;
  const std::uint64_t edges = clique_edges + std::uint64_t{m} * (n - m - 1);
  std::vector<NodeId> endpoints;
  endpoints.reserve(2 * edges);
  for (NodeId u = 0; u <= m; ++u) {
    for (NodeId v = u + 1; v <= m; ++v) {
      endpoints.push_back(u);
      endpoints.push_back(v);
    }
  }
  PhiloxEngine engine(key);
  std::vector<NodeId> chosen;
  chosen.reserve(m);
  for (std::uint64_t v = std::uint64_t{m} + 1; v < n; ++v) {
    // Pick among the endpoints present before v arrived, so v's own edges do not count.
    const std::uint64_t before = endpoints.size();
    chosen.clear();
    while (chosen.size() < m) {
      const NodeId target = endpoints[engine.below(before)];
      if (std::find(chosen.begin(), chosen.end(), target) == chosen.end()) chosen.push_back(target);
    }
    for (const NodeId target : chosen) {
      endpoints.push_back(static_cast<NodeId>(v));
      endpoints.push_back(target);
    }
  }
  return build_csr(n, [&endpoints](auto&& emit) {
    for (std::size_t i = 0; i < endpoints.size(); i += 2) emit(endpoints[i], endpoints[i + 1]);
  });
}

std::vector<std::uint32_t> block_of_nodes(NodeId n, std::uint32_t groups) {
  if (groups == 0 && n > 0) bad_parameter("block_model", "groups", "expected at least one group, found 0");
  std::vector<std::uint32_t> block(n);
  for (NodeId v = 0; v < n; ++v) block[v] = group_of(v, n, groups);
  return block;
}

CsrGraph block_model(NodeId n, std::uint32_t groups, double mean_degree_within, double mean_degree_across,
                     StreamKey key) {
  if (groups < 1 || groups > n) {
    bad_parameter(
        "block_model", "groups",
        "expected between 1 and n = " + std::to_string(n) + " groups, found " + std::to_string(groups));
  }
  return block_model(block_starts(n, groups), mean_degree_within, mean_degree_across, key);
}

std::vector<NodeId> block_starts(NodeId n, std::uint32_t groups) {
  std::vector<NodeId> starts(std::size_t{groups} + 1);
  for (std::uint32_t g = 0; g <= groups; ++g) starts[g] = group_start(g, n, groups);
  return starts;
}

BlockDegreeLimits block_degree_limits(std::span<const NodeId> starts) {
  BlockDegreeLimits limits;
  if (starts.size() < 2) return limits;
  const NodeId n = starts.back();
  limits.smallest_group = n;
  for (std::size_t g = 0; g + 1 < starts.size(); ++g) {
    const NodeId size = starts[g + 1] - starts[g];
    if (size > 0) limits.smallest_group = std::min(limits.smallest_group, size);
    limits.largest_group = std::max(limits.largest_group, size);
  }
  limits.within = limits.smallest_group > 0 ? static_cast<double>(limits.smallest_group - 1) : 0.0;
  limits.across = static_cast<double>(n - limits.largest_group);
  return limits;
}

CsrGraph block_model(std::span<const NodeId> starts, double mean_degree_within, double mean_degree_across,
                     StreamKey key) {
  if (starts.size() < 2 || starts.front() != 0 || !std::is_sorted(starts.begin(), starts.end()))
    bad_parameter("block_model", "groups", "expected ascending group starts from 0 and at least one group");
  const NodeId n = starts.back();
  const std::size_t groups = starts.size() - 1;
  const auto limits = block_degree_limits(starts);
  if (!(mean_degree_within >= 0.0 && mean_degree_within <= limits.within)) {
    bad_parameter("block_model", "mean_degree_within",
                  "expected a mean degree in [0, " + format_number(limits.within) + "] (smallest group has " +
                      std::to_string(limits.smallest_group) + " nodes), found " +
                      format_number(mean_degree_within));
  }
  if (!(mean_degree_across >= 0.0 && mean_degree_across <= limits.across)) {
    bad_parameter("block_model", "mean_degree_across",
                  "expected a mean degree in [0, " + format_number(limits.across) +
                      "] (nodes outside the largest group), found " + format_number(mean_degree_across));
  }
  const auto across_edges = static_cast<std::uint64_t>(std::llround(n * mean_degree_across / 2.0));

  return build_csr(n, [&](auto&& emit) {
    PhiloxEngine engine(key);
    for (std::size_t g = 0; g < groups; ++g) {
      const NodeId start = starts[g];
      const NodeId size = starts[g + 1] - start;
      if (size < 2) continue;
      const auto within_edges = static_cast<std::uint64_t>(std::llround(size * mean_degree_within / 2.0));
      for (std::uint64_t e = 0; e < within_edges; ++e) {
        const auto u = static_cast<NodeId>(engine.below(size));
        auto v = static_cast<NodeId>(engine.below(size - 1));  // a member other than u
        if (v >= u) ++v;
        emit(start + u, start + v);
      }
    }
    for (std::uint64_t e = 0; e < across_edges; ++e) {
      const auto u = static_cast<NodeId>(engine.below(n));
      // The group of u: the last start not after u.
      const auto g =
          static_cast<std::size_t>(std::upper_bound(starts.begin(), starts.end(), u) - starts.begin()) - 1;
      const NodeId start = starts[g];
      const NodeId size = starts[g + 1] - start;
      auto v = static_cast<NodeId>(engine.below(n - size));  // a node outside u's group
      if (v >= start) v += size;
      emit(u, v);
    }
  });
}

}  // namespace missionsim
