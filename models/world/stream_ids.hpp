// Random-stream identifiers of the model. A stream is keyed by what it is for and the name of
// what it belongs to, not by position, so adding an innovation to a scenario leaves every other
// innovation's draws unchanged (common random numbers across scenarios).
#pragma once

#include "engine/rng/philox_stream.hpp"

#include <cstdint>
#include <string_view>

namespace missionsim::model {

enum class StreamPurpose : std::uint32_t {
  network = 1,
  threshold = 2,
  initial_adopters = 3,
  adoption = 4,
  population = 5,
  pathway = 6,
};

/// 32-bit stream id from a purpose and a name (FNV-1a over both).
constexpr std::uint32_t stream_id(StreamPurpose purpose, std::string_view name) noexcept {
  std::uint32_t h = 2166136261u;
  auto mix = [&h](unsigned char c) {
    h ^= c;
    h *= 16777619u;
  };
  for (int shift = 0; shift < 32; shift += 8)
    mix(static_cast<unsigned char>(static_cast<std::uint32_t>(purpose) >> shift));
  for (char c : name) mix(static_cast<unsigned char>(c));
  return h;
}

constexpr StreamKey stream_key(std::uint64_t seed, std::uint32_t run, StreamPurpose purpose,
                               std::string_view name) noexcept {
  return StreamKey{seed, run, stream_id(purpose, name)};
}

}  // namespace missionsim::model
