#include "engine/table/detail/near_miss.hpp"

#include <algorithm>
#include <cstddef>

namespace missionsim::table_detail {

std::string quoted_list(const std::vector<std::string>& items, std::size_t shown) {
  std::string out;
  const std::size_t n = std::min(items.size(), shown);
  for (std::size_t i = 0; i < n; ++i) {
    if (i > 0) out += (i + 1 == n && n == items.size()) ? " and " : ", ";
    out += "'" + items[i] + "'";
  }
  if (n < items.size()) out += " and " + std::to_string(items.size() - n) + " more";
  return out;
}

}  // namespace missionsim::table_detail
