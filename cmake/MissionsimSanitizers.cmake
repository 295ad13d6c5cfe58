# Sanitizers as an INTERFACE target, chosen by the MISSIONSIM_SANITIZE cache string.
add_library(missionsim_sanitizers INTERFACE)
if(MISSIONSIM_SANITIZE)
  string(REPLACE "," ";" _ms_san_list "${MISSIONSIM_SANITIZE}")
  foreach(_s IN LISTS _ms_san_list)
    if(NOT _s MATCHES "^(address|undefined|thread|leak)$")
      message(FATAL_ERROR "MISSIONSIM_SANITIZE: unknown sanitizer '${_s}'")
    endif()
  endforeach()
  target_compile_options(missionsim_sanitizers INTERFACE
    -fsanitize=${MISSIONSIM_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  target_link_options(missionsim_sanitizers INTERFACE -fsanitize=${MISSIONSIM_SANITIZE})
endif()
