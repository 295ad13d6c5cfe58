# Fails when docs/scenario-reference.md differs from `missionsim schema`.
execute_process(COMMAND ${EXE} schema OUTPUT_VARIABLE generated RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "missionsim schema failed with ${rc}")
endif()
file(READ ${DOC} committed)
if(NOT generated STREQUAL committed)
  message(FATAL_ERROR "${DOC} is out of date: regenerate it with `missionsim schema > docs/scenario-reference.md`")
endif()
