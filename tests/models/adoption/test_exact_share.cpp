// The share of adopting contacts is a correctly rounded quotient, so that k of n meets a θ of
// k/n however θ was written down (as k/n, or as the shortest decimal that reads back as it).
#include "models/adoption/network_rules.hpp"

#include <catch2/catch.hpp>

#include <charconv>
#include <string>
#include <vector>

namespace missionsim::model {

TEST_CASE("k of n adopting contacts give a share equal to θ = k/n, for every k ≤ n ≤ 1000") {
  // One node (0) with n contacts (1 … n), the first k of them adopting.
  std::vector<EdgeIndex> offsets{0, 0};
  std::vector<NodeId> targets;
  std::vector<std::uint8_t> adopted;
  std::size_t checked = 0, float_below = 0;
  for (std::uint32_t n = 1; n <= 1000; ++n) {
    targets.resize(n);
    for (std::uint32_t j = 0; j < n; ++j) targets[j] = j + 1;
    offsets[1] = n;
    adopted.assign(n + 1, 0);
    for (std::uint32_t k = 0; k <= n; ++k) {
      if (k > 0) adopted[k] = 1;
      const double share = adopting_share(adopted, offsets, targets, 0);
      const double theta = static_cast<double>(k) / static_cast<double>(n);
      char text[32];
      const auto written = std::to_chars(text, text + sizeof text, theta);
      double theta_read = 0;
      std::from_chars(text, written.ptr, theta_read);
      if (share < theta || share < theta_read) FAIL(k << " of " << n << " is below θ = " << text);
      if (static_cast<double>(static_cast<float>(theta)) > share) ++float_below;
      ++checked;
    }
  }
  CHECK(checked == 1000u * 1003u / 2u);  // Σ (n + 1) for n = 1 … 1000
  CHECK(float_below > 100000);           // why θ is kept in double: float32 would refuse these
}

}  // namespace missionsim::model
