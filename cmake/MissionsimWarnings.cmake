# Warning flags as an INTERFACE target: linked by our targets only, never leaked to dependents.
add_library(missionsim_warnings INTERFACE)
target_compile_options(missionsim_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
  -Woverloaded-virtual -Wnull-dereference -Wimplicit-fallthrough)
if(MISSIONSIM_WERROR)
  target_compile_options(missionsim_warnings INTERFACE -Werror)
endif()
# GCC 12 at -O3 reports -Wrestrict and -Wmaybe-uninitialized inside libstdc++'s std::string
# operator+ and moved-from aggregates (GCC bugs 105329, 105651). They are false positives in
# library code, and a wall of them would hide real warnings: off for GCC 12 only.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_GREATER_EQUAL 12
   AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  target_compile_options(missionsim_warnings INTERFACE -Wno-restrict -Wno-maybe-uninitialized)
endif()
