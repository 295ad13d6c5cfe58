// Lists of names in table messages (did-you-mean itself is engine/core/spelling.hpp).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace missionsim::table_detail {

/// "'a', 'b' and 'c'" for messages; at most `shown` items, then "and N more".
[[nodiscard]] std::string quoted_list(const std::vector<std::string>& items, std::size_t shown = 12);

}  // namespace missionsim::table_detail
