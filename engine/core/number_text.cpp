#include "engine/core/number_text.hpp"

#include <charconv>
#include <cmath>

namespace missionsim {

std::string format_number(double x) {
  if (std::isnan(x)) return "nan";
  if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
  char buf[64];
  const auto r = std::to_chars(buf, buf + sizeof buf, x);
  return {buf, r.ptr};
}

}  // namespace missionsim
