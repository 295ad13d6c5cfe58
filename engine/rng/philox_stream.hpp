// Counter-based random numbers (Random123's Philox4x64-10): every draw is a pure function of
// the stream key (seed, run, stream) and the counter (step, agent, draw), so no draw depends on
// which thread ran which agent, and two scenarios with the same seed share their draws.
#pragma once

#include <Random123/philox.h>

#include <array>
#include <cstddef>
#include <cstdint>

namespace missionsim {

/// Which stream: the run's seed, the run's index within a sweep, and one stream id per
/// concern (network building, each model component, ...) so concerns never share draws.
struct StreamKey {
  std::uint64_t seed = 0;
  std::uint32_t run = 0;
  std::uint32_t stream = 0;
};

/// The top 53 bits of `word` as a double in [0, 1): exactly representable, never 1.
[[nodiscard]] inline double to_unit_interval(std::uint64_t word) noexcept {
  constexpr double two_to_minus_53 = 1.0 / 9007199254740992.0;  // 2^-53
  return static_cast<double>(word >> 11) * two_to_minus_53;
}

/// One stream's draws, addressed by (step, agent, draw). Holds only the key: no state, safe
/// to call from any thread, and cheap to copy.
class PhiloxStream {
 public:
  explicit PhiloxStream(StreamKey key) noexcept
      : key_(key), philox_key_{{key.seed, (std::uint64_t{key.run} << 32) | key.stream}} {}

  [[nodiscard]] StreamKey key() const noexcept { return key_; }

  /// The four 64-bit words of counter (step, agent, block); the fourth counter word is 0.
  [[nodiscard]] std::array<std::uint64_t, 4> block(std::uint64_t step, std::uint64_t agent,
                                                   std::uint64_t block) const noexcept {
    const r123::Philox4x64::ctr_type counter{{step, agent, block, 0}};
    const auto words = r123::Philox4x64{}(counter, philox_key_);
    return {words.v[0], words.v[1], words.v[2], words.v[3]};
  }

  /// Uniform double in [0, 1) with 53 random bits; draw d uses word d % 4 of block d / 4.
  /// Defined here so the per-agent hot loop can inline it.
  [[nodiscard]] double uniform(std::uint64_t step, std::uint64_t agent,
                               std::uint32_t draw = 0) const noexcept {
    return to_unit_interval(block(step, agent, draw / 4)[draw % 4]);
  }

 private:
  StreamKey key_;
  r123::Philox4x64::key_type philox_key_;
};

/// A sequential UniformRandomBitGenerator over one stream, for setup code and Boost.Graph
/// generators, never the step loop (its output depends on how many draws came before).
/// It walks counter (step = UINT64_MAX, agent = 0, block = 0, 1, 2, ...), which no step uses.
class PhiloxEngine {
 public:
  using result_type = std::uint64_t;

  explicit PhiloxEngine(StreamKey key) noexcept : stream_(key) {}

  static constexpr result_type min() { return 0; }
  static constexpr result_type max() { return UINT64_MAX; }

  result_type operator()() noexcept {
    if (next_word_ == buffer_.size()) {
      buffer_ = stream_.block(setup_step, 0, next_block_++);
      next_word_ = 0;
    }
    return buffer_[next_word_++];
  }

  /// Uniform double in [0, 1).
  double uniform() noexcept { return to_unit_interval((*this)()); }

  /// Uniform integer in [0, n), unbiased (Lemire's multiply-and-reject). Requires n > 0.
  std::uint64_t below(std::uint64_t n) noexcept;

  /// The counter step the engine draws from; the step loop never reaches it.
  static constexpr std::uint64_t setup_step = UINT64_MAX;

 private:
  PhiloxStream stream_;
  std::array<std::uint64_t, 4> buffer_{};
  std::uint64_t next_block_ = 0;
  std::size_t next_word_ = 4;
};

}  // namespace missionsim
