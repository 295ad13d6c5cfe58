// Expensive invariant checks, compiled in only with MISSIONSIM_SEATBELTS (ON in Debug and CI).
#pragma once

#include "engine/core/error.hpp"

#include <string>

#if defined(MISSIONSIM_SEATBELTS) && MISSIONSIM_SEATBELTS
#define MS_SEATBELT(cond, msg)                                                                       \
  do {                                                                                               \
    if (!(cond))                                                                                     \
      throw ::missionsim::InternalError(std::string("seatbelt: ") + (msg) +                          \
                                        " [" #cond "] at " __FILE__ ":" + std::to_string(__LINE__)); \
  } while (false)
#else
#define MS_SEATBELT(cond, msg) \
  do {                         \
  } while (false)
#endif
