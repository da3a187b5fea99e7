#include "dah/decimal_number.hpp"

#include <cstdint>
#include <cstring>

// Two routes. Most numbers (up to 19 significant digits, exponent within ±22 and a mantissa below 2^53)
// take one exact multiplication or division, which IEEE arithmetic rounds correctly. The others are
// rounded exactly with the digits kept in decimal and scaled by powers of two (the classic "decimal
// shift" method): no big-integer division and no long double, which on WASM would be software floating
// point (about 6 kB of the download, with the C library's own strtod).

namespace dah {

namespace {

constexpr int max_digits = 800;  // more than a double's exact decimal expansion needs to round right
constexpr int mantissa_bits = 52;
constexpr int exponent_bias = -1023;

// 0.d[0]d[1]…d[count-1] × 10^point, digits 0–9, no trailing zeros; `truncated`: nonzero digits were dropped.
struct Decimal {
    std::uint8_t d[max_digits];
    int count = 0;
    int point = 0;
    bool truncated = false;

    void trim() {
        while (count > 0 && d[count - 1] == 0) --count;
        if (count == 0) point = 0;
    }

    // × 2^k, 0 < k ≤ 60 (so a digit shifted left plus the carry fits in 64 bits).
    void shift_left(int k) {
        std::uint8_t out[max_digits + 20];  // 2^60 < 10^19: at most 19 new digits in front
        int at = static_cast<int>(sizeof out);
        std::uint64_t n = 0;
        for (int r = count - 1; r >= 0; --r) {
            n += static_cast<std::uint64_t>(d[r]) << k;
            const std::uint64_t q = n / 10;
            out[--at] = static_cast<std::uint8_t>(n - q * 10);
            n = q;
        }
        for (; n > 0; n /= 10) out[--at] = static_cast<std::uint8_t>(n % 10);
        const int produced = static_cast<int>(sizeof out) - at;
        point += produced - count;
        count = produced < max_digits ? produced : max_digits;
        for (int i = count; i < produced; ++i)
            if (out[at + i] != 0) truncated = true;
        std::memcpy(d, out + at, static_cast<std::size_t>(count));
        trim();
    }

    // ÷ 2^k, 0 < k ≤ 60: long division, most significant digit first.
    void shift_right(int k) {
        const std::uint64_t mask = (std::uint64_t{1} << k) - 1;
        int read = 0, write = 0;
        std::uint64_t n = 0;
        while ((n >> k) == 0) {  // enough leading digits to give a first quotient digit
            if (read < count) n = n * 10 + d[read];
            else if (n == 0) return;  // zero (not called on zero)
            else n *= 10;
            ++read;
        }
        point -= read - 1;
        for (; read < count; ++read) {
            d[write++] = static_cast<std::uint8_t>(n >> k);
            n = (n & mask) * 10 + d[read];
        }
        for (; n > 0; n = (n & mask) * 10) {
            if (write < max_digits) d[write++] = static_cast<std::uint8_t>(n >> k);
            else if ((n >> k) != 0) truncated = true;
        }
        count = write;
        trim();
    }

    // The digits before the point, rounded half to even on those after (≤ 2^54 when called).
    std::uint64_t rounded_integer() const {
        std::uint64_t n = 0;
        int i = 0;
        for (; i < point && i < count; ++i) n = n * 10 + d[i];
        for (; i < point; ++i) n *= 10;
        bool up = false;
        if (point >= 0 && point < count) {
            if (d[point] == 5 && point + 1 == count)  // exactly half, unless digits were dropped
                up = truncated || n % 2 == 1;
            else
                up = d[point] >= 5;
        }
        return n + (up ? 1 : 0);
    }
};

double from_bits(bool negative, std::uint64_t mantissa, int exponent) {
    std::uint64_t bits = (mantissa & ((std::uint64_t{1} << mantissa_bits) - 1)) |
                         (static_cast<std::uint64_t>((exponent - exponent_bias) & 0x7ff) << mantissa_bits);
    if (negative) bits |= std::uint64_t{1} << 63;
    double x;
    std::memcpy(&x, &bits, sizeof x);
    return x;
}

double infinity(bool negative) { return from_bits(negative, 0, 0x7ff + exponent_bias); }

// The powers of two that scale a number with `digits` decimal digits before (or zeros after) the point
// towards [0.5, 1) without passing it: 2^step[n] < 10^n.
int scale_step(int digits) {
    static constexpr int steps[] = {1, 3, 6, 9, 13, 16, 19, 23, 26};
    return digits < 9 ? steps[digits] : 27;
}

double round_decimal(Decimal& a, bool negative) {
    if (a.count == 0) return from_bits(negative, 0, exponent_bias);
    if (a.point > 310) return infinity(negative);
    if (a.point < -330) return from_bits(negative, 0, exponent_bias);
    int exponent = 0;
    while (a.point > 0) {
        const int n = scale_step(a.point);
        a.shift_right(n);
        exponent += n;
    }
    while (a.point < 0 || (a.point == 0 && a.d[0] < 5)) {
        const int n = scale_step(-a.point);
        a.shift_left(n);
        exponent -= n;
    }
    --exponent;  // a in [0.5, 1): the value is 2a × 2^exponent, 2a in [1, 2)
    while (exponent < exponent_bias + 1) {  // below the smallest normal: fewer mantissa bits
        const int n = exponent_bias + 1 - exponent < 60 ? exponent_bias + 1 - exponent : 60;
        a.shift_right(n);
        exponent += n;
    }
    if (exponent - exponent_bias >= 0x7ff) return infinity(negative);
    a.shift_left(1 + mantissa_bits);
    std::uint64_t mantissa = a.rounded_integer();
    if (mantissa == std::uint64_t{2} << mantissa_bits) {  // rounded up to the next power of two
        mantissa >>= 1;
        if (++exponent - exponent_bias >= 0x7ff) return infinity(negative);
    }
    if ((mantissa & (std::uint64_t{1} << mantissa_bits)) == 0) exponent = exponent_bias;  // subnormal
    return from_bits(negative, mantissa, exponent);
}

}  // namespace

double decimal_to_double(std::string_view text, std::size_t* used) {
    static constexpr double exact_powers[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                              1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    std::size_t i = 0;
    const auto digit_at = [&](std::size_t k) { return k < text.size() && text[k] >= '0' && text[k] <= '9'; };
    const bool negative = i < text.size() && text[i] == '-';
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;

    Decimal a;
    bool any_digit = false, seen_nonzero = false, after_point = false;
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '.' && !after_point) {
            after_point = true;
            continue;
        }
        if (c < '0' || c > '9') break;
        any_digit = true;
        if (!seen_nonzero && c == '0') {  // leading zeros only place the point
            if (after_point) --a.point;
            continue;
        }
        seen_nonzero = true;
        if (a.count < max_digits) a.d[a.count++] = static_cast<std::uint8_t>(c - '0');
        else if (c != '0') a.truncated = true;
        if (!after_point) ++a.point;
    }
    if (!any_digit) {
        if (used) *used = 0;
        return 0;
    }
    if ((i < text.size() && (text[i] == 'e' || text[i] == 'E')) &&
        (digit_at(i + 1) || ((text.size() > i + 1 && (text[i + 1] == '+' || text[i + 1] == '-')) && digit_at(i + 2)))) {
        ++i;
        const bool minus = text[i] == '-';
        if (text[i] == '+' || text[i] == '-') ++i;
        int e = 0;
        for (; digit_at(i); ++i)
            if (e < 100000) e = e * 10 + (text[i] - '0');  // far past any double either way
        a.point += minus ? -e : e;
    }
    if (used) *used = i;

    a.trim();
    const int scale = a.point - a.count;  // the value is the digits as an integer × 10^scale
    if (a.count <= 19 && !a.truncated && scale >= -22 && scale <= 22) {
        std::uint64_t w = 0;
        for (int k = 0; k < a.count; ++k) w = w * 10 + a.d[k];
        if (w <= (std::uint64_t{1} << 53)) {
            const double x = static_cast<double>(w);
            const double y = scale >= 0 ? x * exact_powers[scale] : x / exact_powers[-scale];
            return negative ? -y : y;
        }
    }
    return round_decimal(a, negative);
}

}  // namespace dah
