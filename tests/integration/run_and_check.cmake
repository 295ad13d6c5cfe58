# Runs missionsim on a scenario, then a Python checker on its output; fails if either fails.
execute_process(COMMAND ${EXE} run ${SCENARIO} -o ${OUT} --force -q
                        --set population.size=3000 --set time.end=2027-01-01
                        --set goals.early_detection.deadline=2026-12-31 --set goals.fewer_cancers.deadline=2026-12-31
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "missionsim run failed with ${rc}")
endif()
execute_process(COMMAND ${PYTHON} ${SCRIPT} ${OUT} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${SCRIPT} failed with ${rc}")
endif()
