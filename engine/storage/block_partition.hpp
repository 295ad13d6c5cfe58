// Agents are processed in fixed-size blocks. The block size never depends on the thread
// count, so per-block partial results combined in block order are bit-identical for any
// number of threads.
#pragma once

#include <algorithm>
#include <cstdint>

namespace missionsim {

struct AgentBlock {
  std::uint32_t index;  ///< block number, for per-block partial results
  std::uint32_t begin;  ///< first agent
  std::uint32_t end;    ///< one past the last agent
};

class BlockPartition {
 public:
  static constexpr std::uint32_t default_block_size = 8192;

  BlockPartition() = default;
  explicit BlockPartition(std::uint32_t agents, std::uint32_t block_size = default_block_size)
      : agents_(agents), block_size_(std::max<std::uint32_t>(block_size, 1)) {}

  [[nodiscard]] std::uint32_t agents() const noexcept { return agents_; }
  [[nodiscard]] std::uint32_t block_size() const noexcept { return block_size_; }
  [[nodiscard]] std::uint32_t block_count() const noexcept {
    return agents_ == 0 ? 0 : (agents_ - 1) / block_size_ + 1;
  }
  [[nodiscard]] AgentBlock block(std::uint32_t b) const noexcept {
    const std::uint32_t begin = b * block_size_;
    return {b, begin, std::min(agents_, begin + block_size_)};
  }

 private:
  std::uint32_t agents_ = 0;
  std::uint32_t block_size_ = default_block_size;
};

}  // namespace missionsim
