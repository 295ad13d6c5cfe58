// Did-you-mean for column names and labels in tables.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace missionsim::table_detail {

/// The candidate a typo of `word` most likely was, if any is close enough. The same rule as
/// the scenario reader's did-you-mean; a copy, since engine/scenario sits above this module.
[[nodiscard]] std::optional<std::string> near_miss(std::string_view word,
                                                   const std::vector<std::string>& candidates);

/// "'a', 'b' and 'c'" for messages; at most `shown` items, then "and N more".
[[nodiscard]] std::string quoted_list(const std::vector<std::string>& items, std::size_t shown = 12);

}  // namespace missionsim::table_detail
