// "Did you mean …?": the likely intended word when a user misspells a key, a name or a label.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace missionsim {

/// The candidate closest to `word` by edit distance, if it is close enough to be a typo: about
/// one edit per three letters, at least two, and fewer edits than either word has letters.
[[nodiscard]] std::optional<std::string> did_you_mean(std::string_view word,
                                                      const std::vector<std::string>& candidates);

}  // namespace missionsim
