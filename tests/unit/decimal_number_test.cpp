// decimal_to_double against the C library's strtod (glibc's, correctly rounded; the tests run in the "C"
// locale), bit for bit: the hard cases by construction — exact halfway points between two neighbouring
// doubles, and a hair above and below them, written out in full from long double (x86's 64-bit
// mantissa holds them exactly) — then random numbers of every length and scale, with a fixed seed.
#include <gtest/gtest.h>

#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>

#include "dah/decimal_number.hpp"

namespace {

using dah::decimal_to_double;

std::uint64_t bits_of(double x) {
    std::uint64_t b;
    std::memcpy(&b, &x, sizeof b);
    return b;
}

// Same bits as strtod, and strtod read the same characters.
void expect_as_strtod(const std::string& text) {
    char* end = nullptr;
    const double want = std::strtod(text.c_str(), &end);
    std::size_t used = 99;
    const double got = decimal_to_double(text, &used);
    ASSERT_EQ(bits_of(got), bits_of(want)) << text << ": " << got << " vs " << want;
    ASSERT_EQ(used, static_cast<std::size_t>(end - text.c_str())) << text;
}

TEST(DecimalNumber, ReadsWhatStrtodReads) {
    for (const char* t : {"0", "-0", "+0", "1", "-1", "0.5", ".5", "5.", "007", "0.000", "1e5", "1E-5", "1e+5",
                          "2.5e", "2.5e+", "2.5e-x", "1.2.3", "12abc", "-.5e1", "123456789012345678901234567890",
                          "0.1", "0.2", "0.3", "9007199254740993", "9007199254740992", "1e22", "1e23", "4.35",
                          "1.7976931348623157e308", "1.7976931348623159e308", "1e309", "-1e400", "4.9e-324",
                          "2.4703282292062327e-324", "2.4703282292062328e-324", "1e-400", "2.2250738585072011e-308",
                          "2.2250738585072012e-308", "0e99999999", "1e-99999999999", "1e99999999999"})
        expect_as_strtod(t);
}

TEST(DecimalNumber, NoNumberReadsNothing) {
    for (const char* t : {"", "-", "+", ".", "-.", "e5", "x", " 1"}) {
        std::size_t used = 99;
        EXPECT_EQ(decimal_to_double(t, &used), 0.0) << t;
        EXPECT_EQ(used, 0u) << t;
    }
}

// The exact decimal expansion of x (a long double), in full.
std::string exact(long double x) {
    char buf[1200];
    std::snprintf(buf, sizeof buf, "%.800Le", x);
    // Trailing zeros of the mantissa add nothing: cut them so the text is as short as the value needs.
    std::string s = buf;
    const std::size_t e = s.find('e');
    std::size_t last = e;
    while (last > 0 && s[last - 1] == '0') --last;
    return s.substr(0, last) + s.substr(e);
}

// Insert `digits` just before the exponent of an exact expansion.
std::string with_more_digits(const std::string& s, const std::string& digits) {
    const std::size_t e = s.find('e');
    std::string mantissa = s.substr(0, e);
    if (mantissa.find('.') == std::string::npos) mantissa += '.';
    return mantissa + digits + s.substr(e);
}

TEST(DecimalNumber, HalfwayPointsRoundToEvenAndAHairEitherSideRoundAway) {
    static_assert(LDBL_MANT_DIG >= 64, "the halfway points need a long double wider than a double");
    std::mt19937_64 rng(20261202);
    std::uniform_int_distribution<std::uint64_t> any;
    int tested = 0;
    auto check = [&](double x) {
        const double next = std::nextafter(x, INFINITY);
        if (!std::isfinite(next) || !std::isfinite(x)) return;
        const long double half = (static_cast<long double>(x) + static_cast<long double>(next)) / 2;
        const std::string h = exact(half);
        expect_as_strtod(h);
        expect_as_strtod(with_more_digits(h, "000000001"));
        // Just below: the exact expansion less one in a place far past its last digit.
        expect_as_strtod(exact(half - (static_cast<long double>(next) - x) / 1024));
        // Beyond the 800 digits that are kept: only the dropped digit says "above half".
        expect_as_strtod(with_more_digits(h, std::string(900, '0') + "1"));
        ++tested;
    };
    // Neighbours of powers of two and ten, the smallest subnormals and normals, the largest doubles.
    for (int e = -1074; e <= 1023; e += 7) check(std::ldexp(1.0, e));
    for (int e = -320; e <= 308; e += 3) check(std::pow(10.0, e));
    for (double x : {4.9e-324, 2.2250738585072009e-308, 2.2250738585072014e-308, 1.7976931348623155e308, 0.1, 0.5, 1.0})
        check(x);
    for (int i = 0; i < 3000; ++i) {
        double x;
        const std::uint64_t b = any(rng) & ~(std::uint64_t{1} << 63);
        std::memcpy(&x, &b, sizeof x);
        check(x);
    }
    EXPECT_GT(tested, 3500);
}

TEST(DecimalNumber, RandomNumbersOfEveryLengthAndScale) {
    std::mt19937_64 rng(20261203);
    std::uniform_int_distribution<int> length(1, 40), digit(0, 9), exponent(-360, 330), coin(0, 3);
    for (int i = 0; i < 50000; ++i) {
        std::string s;
        if (coin(rng) == 0) s += '-';
        const int n = length(rng);
        const int point = std::uniform_int_distribution<int>(0, n)(rng);
        for (int k = 0; k < n; ++k) {
            if (k == point && k > 0) s += '.';
            s += static_cast<char>('0' + digit(rng));
        }
        if (coin(rng) != 0) s += 'e' + std::to_string(exponent(rng));
        expect_as_strtod(s);
    }
    // What the app writes (shortest round trip, %.15g and %.17g) reads back as the same double.
    std::uniform_int_distribution<std::uint64_t> any;
    for (int i = 0; i < 30000; ++i) {
        double x;
        const std::uint64_t b = any(rng);
        std::memcpy(&x, &b, sizeof x);
        if (!std::isfinite(x)) continue;
        char buf[40];
        for (const char* f : {"%.15g", "%.17g", "%.6f"}) {
            std::snprintf(buf, sizeof buf, f, x);
            expect_as_strtod(buf);
        }
        std::snprintf(buf, sizeof buf, "%.17g", x);
        ASSERT_EQ(bits_of(decimal_to_double(buf)), bits_of(x)) << buf;
    }
}

}  // namespace
