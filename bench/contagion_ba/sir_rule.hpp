// The W2 rule shared by the engine component and the reference kernel: discrete-time
// synchronous SIR on a contact network, one Philox draw per agent per step.
#pragma once

#include "engine/rng/philox_stream.hpp"

#include <cstdint>
#include <vector>

namespace missionsim::bench {

enum SirState : std::uint8_t { susceptible = 0, infected = 1, recovered = 2 };

struct SirParams {
  double transmission = 0.05;  ///< per infected contact and step
  double recovery = 0.1;       ///< per step
  std::uint32_t initial_infected = 10;
};

/// Stream ids of W2's draws, apart from every model stream (those are FNV hashes of names).
inline constexpr std::uint32_t sir_step_stream = 0x57320001u;
inline constexpr std::uint32_t sir_initial_stream = 0x57320002u;

/// P(infected this step | k infected contacts) = 1 − (1 − β)^k for k = 0 … max_degree: each
/// contact transmits independently, so one uniform draw per susceptible decides, with the
/// same distribution as k separate draws. Built by repeated multiplication so that every
/// caller gets the same bits.
inline std::vector<double> infection_probabilities(double transmission, std::uint32_t max_degree) {
  std::vector<double> p(std::size_t{max_degree} + 1);
  double escape = 1.0;
  for (std::uint32_t k = 0; k <= max_degree; ++k) {
    p[k] = 1.0 - escape;
    escape *= 1.0 - transmission;
  }
  return p;
}

/// The `count` distinct initial infected, drawn from their own stream (sorted).
std::vector<std::uint32_t> initial_infected(std::uint32_t population, std::uint32_t count, std::uint64_t seed,
                                            std::uint32_t run);

}  // namespace missionsim::bench
