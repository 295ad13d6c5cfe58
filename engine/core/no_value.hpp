// The quiet NaN that marks a result with no value (an empty sample, a ratio over zero, a group
// too small to measure): one definition for every module that fills result columns with it.
#pragma once

#include <limits>

namespace missionsim {

inline constexpr double nan = std::numeric_limits<double>::quiet_NaN();

}  // namespace missionsim
