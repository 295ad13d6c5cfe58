#include "engine/storage/active_set.hpp"

#include <catch2/catch.hpp>

#include <vector>

namespace missionsim {

TEST_CASE("An active set drains the touched agents of a block in order, once") {
  const BlockPartition blocks(10, 4);  // blocks [0,4) [4,8) [8,10)
  ActiveSet set(blocks);
  // A path 0-1-2-…-9 as CSR: touching 5 with its neighbours touches 4, 5 and 6.
  std::vector<std::uint64_t> offsets{0};
  std::vector<std::uint32_t> targets;
  for (std::uint32_t v = 0; v < 10; ++v) {
    if (v > 0) targets.push_back(v - 1);
    if (v < 9) targets.push_back(v + 1);
    offsets.push_back(targets.size());
  }
  set.touch_with_neighbours(5, offsets, targets);
  set.touch(9);
  CHECK_FALSE(set.touched(blocks.block(0)));
  CHECK(set.touched(blocks.block(1)));
  CHECK(set.touched(blocks.block(2)));
  std::vector<std::uint32_t> seen;
  for (std::uint32_t b = 0; b < blocks.block_count(); ++b)
    set.drain(blocks.block(b), [&](std::uint32_t v) { seen.push_back(v); });
  CHECK(seen == std::vector<std::uint32_t>{4, 5, 6, 9});
  // Draining clears: a second pass finds nothing.
  seen.clear();
  for (std::uint32_t b = 0; b < blocks.block_count(); ++b) {
    CHECK_FALSE(set.touched(blocks.block(b)));
    set.drain(blocks.block(b), [&](std::uint32_t v) { seen.push_back(v); });
  }
  CHECK(seen.empty());
}

TEST_CASE("block_differs finds the blocks where two columns differ") {
  const BlockPartition blocks(6, 3);
  const std::vector<std::uint8_t> a{0, 1, 0, 1, 1, 0}, b{0, 1, 0, 1, 0, 0};
  CHECK_FALSE(block_differs<std::uint8_t>(a, b, blocks.block(0)));
  CHECK(block_differs<std::uint8_t>(a, b, blocks.block(1)));
}

}  // namespace missionsim
