// Writes a benchmark's world to one binary file for the numpy + scipy.sparse versions in
// bench/python/, so that they run on exactly the engine's graph and initial state:
//   8 little-endian uint64 header words: magic "MSBENCH1", N, stored entries (2E), steps,
//   then float64 parameter a, float64 parameter b (θ and 0 for W1, β and γ for W2), 0, 0;
//   offsets uint64[N + 1], targets uint32[2E], initial state uint8[N], the reference kernel's
//   final state uint8[N].
#pragma once

#include "engine/core/error.hpp"

#include <cstdint>
#include <cstring>
#include <fstream>
#include <span>
#include <string>

namespace missionsim::bench {

inline void write_dump(const std::string& path, std::span<const std::uint64_t> offsets,
                       std::span<const std::uint32_t> targets, std::span<const std::uint8_t> initial,
                       std::span<const std::uint8_t> final_state, std::uint64_t steps, double a, double b) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) throw IoError("cannot write " + path);
  std::uint64_t header[8] = {0, initial.size(), targets.size(), steps, 0, 0, 0, 0};
  std::memcpy(&header[0], "MSBENCH1", 8);
  std::memcpy(&header[4], &a, 8);
  std::memcpy(&header[5], &b, 8);
  const auto put = [&out](const auto* data, std::size_t bytes) {
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(bytes));
  };
  put(header, sizeof header);
  put(offsets.data(), offsets.size_bytes());
  put(targets.data(), targets.size_bytes());
  put(initial.data(), initial.size_bytes());
  put(final_state.data(), final_state.size_bytes());
  if (!out.flush()) throw IoError("cannot write " + path);
}

}  // namespace missionsim::bench
