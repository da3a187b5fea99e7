// A small sscanf for the conversions Dear ImGui asks for (typing a number into a slider or field, and
// its settings lines): %d %i %u %x %X %f %e %g with an optional width and h/hh/l/ll, %c and %n; format
// whitespace skips input whitespace, other format characters must match. The browser edition sends
// every sscanf here at link time (web/CMakeLists.txt): libc's scanf machinery is 2.5 kB of the download.
#pragma once

#include <cstdarg>

namespace dah::platform {

// As vsscanf: the number of conversions assigned (%n not counted); 0 when the first one fails, also
// on empty input (where libc returns EOF); a failed conversion stores nothing.
int small_vsscanf(const char* input, const char* format, std::va_list args);

}  // namespace dah::platform
