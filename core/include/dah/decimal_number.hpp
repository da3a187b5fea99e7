// Decimal text to the nearest double, ties to even: the same answer as a correct strtod, in every
// locale and on every platform, so the JSON readers give native and WASM builds identical values.
#pragma once

#include <cstddef>
#include <string_view>

namespace dah {

// Reads `[+-] digits [. digits] [(e|E) [+-] digits]` (at least one digit; no spaces, no inf, nan or hex)
// at the start of `text`. Returns the double nearest to it (±infinity beyond the largest double, ±0 below
// the smallest) and sets `*used` to the number of characters read: 0 when `text` starts with no number.
double decimal_to_double(std::string_view text, std::size_t* used = nullptr);

}  // namespace dah
