// Numbers as messages and override text write them: the shortest text that reads back to the
// same double ("0.1", "1e-20", "3"), so what a user is told can be pasted back as a value.
#pragma once

#include <string>

namespace missionsim {

/// Shortest round-trip text of x; "nan", "inf" and "-inf" for the non-finite.
[[nodiscard]] std::string format_number(double x);

}  // namespace missionsim
