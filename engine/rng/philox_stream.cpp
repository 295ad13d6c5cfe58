#include "engine/rng/philox_stream.hpp"

namespace missionsim {

std::uint64_t PhiloxEngine::below(std::uint64_t n) noexcept {
  // Lemire (2019), "Fast random integer generation in an interval": the high word of x * n is
  // uniform on [0, n) once the few low words below 2^64 mod n are rejected. mulhilo64 is
  // Random123's portable 64x64 -> 128-bit multiply.
  std::uint64_t high = 0;
  std::uint64_t low = mulhilo64((*this)(), n, &high);
  if (low < n) {
    const std::uint64_t threshold = (0 - n) % n;  // 2^64 mod n
    while (low < threshold) low = mulhilo64((*this)(), n, &high);
  }
  return high;
}

}  // namespace missionsim
