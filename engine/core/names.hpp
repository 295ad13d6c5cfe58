// The names of a list of named things (regions, regimes, innovations...), in order: for metric
// breakdown labels and for the did-you-mean lists of name checks.
#pragma once

#include <string>
#include <vector>

namespace missionsim {

/// Each item's `name`, in the items' order.
template <class Named>
[[nodiscard]] std::vector<std::string> names_of(const std::vector<Named>& items) {
  std::vector<std::string> out;
  out.reserve(items.size());
  for (const auto& item : items) out.push_back(item.name);
  return out;
}

}  // namespace missionsim
