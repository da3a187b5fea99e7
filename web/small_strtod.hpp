// strtod for the browser edition: decimal numbers through the core's correctly rounded reader
// (dah/decimal_number.hpp), after leading white space, and inf, infinity and nan in any case. Hex floats
// ("0x1p3") are not read (the "0" before the x is): nothing in the app writes or asks for them. The
// browser edition sends every strtod and atof (Dear ImGui's typed numbers, sscanf's %f, the tutor's
// round-trip check) here at link time (web/CMakeLists.txt): libc's strtod works in software long double
// on WASM, about 6 kB of the download.
#pragma once

namespace dah::platform {

// As strtod (errno aside): the value, and in `*end` (when given) where reading stopped, or `text` itself
// when no number was read.
double small_strtod(const char* text, char** end);

}  // namespace dah::platform
