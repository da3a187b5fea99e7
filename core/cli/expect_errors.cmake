# ctest helper (script mode): `dah validate` on a malformed file exits 1 and prints the expected errors.
execute_process(COMMAND ${TOOL} validate --kb ../fixtures/knowledge-base.json kb-wrong-types.json case-bad-checks.case.json
                WORKING_DIRECTORY ${DIR} RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_QUIET)
file(READ ${DIR}/kb-wrong-types.expected kb_expected)
file(READ ${DIR}/case-bad-checks.case.expected case_expected)
if(NOT status EQUAL 1)
  message(FATAL_ERROR "expected exit code 1, got ${status}")
endif()
if(NOT out STREQUAL "${kb_expected}${case_expected}")
  message(FATAL_ERROR "unexpected output:\n${out}")
endif()
