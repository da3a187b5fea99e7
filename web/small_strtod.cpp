#include "small_strtod.hpp"

#include <cctype>
#include <cmath>
#include <cstring>
#include <string_view>

#include "dah/decimal_number.hpp"

namespace dah::platform {

namespace {

// `word` (lower case) at `at`, in any case.
bool starts_with_word(const char* at, const char* word) {
    for (; *word; ++at, ++word)
        if (std::tolower(static_cast<unsigned char>(*at)) != *word) return false;
    return true;
}

}  // namespace

double small_strtod(const char* text, char** end) {
    const char* at = text;
    while (std::isspace(static_cast<unsigned char>(*at))) ++at;
    const char* after_sign = at + (*at == '+' || *at == '-' ? 1 : 0);
    const bool negative = *at == '-';
    const char* stop = text;
    double value = 0;
    if (starts_with_word(after_sign, "inf")) {
        stop = after_sign + (starts_with_word(after_sign, "infinity") ? 8 : 3);
        value = negative ? -HUGE_VAL : HUGE_VAL;
    } else if (starts_with_word(after_sign, "nan")) {
        stop = after_sign + 3;
        value = negative ? -NAN : NAN;
    } else {
        std::size_t used = 0;
        value = decimal_to_double(std::string_view(at, std::strlen(at)), &used);
        if (used > 0) stop = at + used;
    }
    if (end) *end = const_cast<char*>(stop);
    return value;
}

}  // namespace dah::platform

extern "C" double __wrap_strtod(const char* text, char** end) { return dah::platform::small_strtod(text, end); }
