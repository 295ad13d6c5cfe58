# Smoke run of a numpy + scipy.sparse benchmark: the C++ benchmark dumps its world, the
# Python version runs on it (and, for W1, checks it ends with the engine's adopters).
#   cmake -DBENCH=exe -DPYTHON=python3 -DSCRIPT=script.py -DDUMP=file -DSIZE=n -P smoke.cmake
execute_process(COMMAND ${BENCH} --size ${SIZE} --rounds 1 --threads 2 --block-size 256 --dump ${DUMP} --json
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${BENCH} exited with ${rc}")
endif()
execute_process(COMMAND ${PYTHON} ${SCRIPT} ${DUMP} --rounds 1 RESULT_VARIABLE rc)
file(REMOVE ${DUMP})
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${SCRIPT} exited with ${rc}")
endif()
