#include "small_scanf.hpp"

#include <cctype>
#include <cstdlib>
#include <cstring>

namespace dah::platform {

namespace {

enum class Size { hh, h, normal, l, ll };

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

}  // namespace

int small_vsscanf(const char* input, const char* format, std::va_list args) {
    const char* in = input;
    int assigned = 0;
    for (const char* f = format; *f; ++f) {
        if (is_space(*f)) {
            while (is_space(*in)) ++in;
            continue;
        }
        if (*f != '%' || f[1] == '%') {
            if (*f == '%') ++f;
            if (*in != *f) return assigned;
            ++in;
            continue;
        }
        ++f;
        int width = 0;
        while (std::isdigit(static_cast<unsigned char>(*f))) width = width * 10 + (*f++ - '0');
        Size size = Size::normal;
        if (*f == 'h' || *f == 'l') {
            const bool twice = f[1] == *f;
            size = *f == 'h' ? (twice ? Size::hh : Size::h) : (twice ? Size::ll : Size::l);
            f += twice ? 2 : 1;
        }
        const char conversion = *f;
        if (conversion == '\0') return assigned;
        if (conversion == 'n') {
            *va_arg(args, int*) = static_cast<int>(in - input);
            continue;
        }
        if (conversion == 'c') {
            if (!*in) return assigned;
            *va_arg(args, char*) = *in++;
            ++assigned;
            continue;
        }
        while (is_space(*in)) ++in;
        // The field, cut to its width, converted by strtol/strtoul/strtod: the characters they took are used.
        char field[64];
        const std::size_t available = std::strlen(in);
        std::size_t length = width > 0 ? static_cast<std::size_t>(width) : sizeof field - 1;
        if (length > sizeof field - 1) length = sizeof field - 1;
        if (length > available) length = available;
        std::memcpy(field, in, length);
        field[length] = '\0';
        char* end = field;
        long long integer = 0;
        double real = 0;
        const bool is_real = conversion == 'f' || conversion == 'e' || conversion == 'g';
        switch (conversion) {
        case 'd': integer = std::strtoll(field, &end, 10); break;
        case 'i': integer = std::strtoll(field, &end, 0); break;
        case 'u': integer = static_cast<long long>(std::strtoull(field, &end, 10)); break;
        case 'x':
        case 'X': integer = static_cast<long long>(std::strtoull(field, &end, 16)); break;
        case 'f':
        case 'e':
        case 'g': real = std::strtod(field, &end); break;
        default: return assigned;  // a conversion ImGui does not use
        }
        if (end == field) return assigned;  // nothing stored, as libc leaves the argument alone
        const bool is_signed = conversion == 'd' || conversion == 'i';
        if (is_real && size == Size::l) *va_arg(args, double*) = real;
        else if (is_real) *va_arg(args, float*) = static_cast<float>(real);
        else if (size == Size::hh) *va_arg(args, char*) = static_cast<char>(integer);
        else if (size == Size::h) *va_arg(args, short*) = static_cast<short>(integer);
        else if (size == Size::l) *va_arg(args, long*) = static_cast<long>(integer);
        else if (size == Size::ll) *va_arg(args, long long*) = integer;
        else if (is_signed) *va_arg(args, int*) = static_cast<int>(integer);
        else *va_arg(args, unsigned*) = static_cast<unsigned>(integer);
        in += end - field;
        ++assigned;
    }
    return assigned;
}

}  // namespace dah::platform

// Every sscanf of the browser edition (ImGui's) comes here: the link wraps it (web/CMakeLists.txt).
extern "C" int __wrap_sscanf(const char* input, const char* format, ...) {
    std::va_list args;
    va_start(args, format);
    const int n = dah::platform::small_vsscanf(input, format, args);
    va_end(args);
    return n;
}
