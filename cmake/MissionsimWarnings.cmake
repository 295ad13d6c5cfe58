# Warning flags as an INTERFACE target: linked by our targets only, never leaked to dependents.
add_library(missionsim_warnings INTERFACE)
target_compile_options(missionsim_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
  -Woverloaded-virtual -Wnull-dereference -Wimplicit-fallthrough)
if(MISSIONSIM_WERROR)
  target_compile_options(missionsim_warnings INTERFACE -Werror)
endif()
