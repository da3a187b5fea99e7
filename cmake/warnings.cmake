# Warnings for the project's own targets (not third-party code): dah_warnings(target)
function(dah_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion)
endfunction()
