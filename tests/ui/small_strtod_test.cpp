// The browser edition's strtod against the C library's: the same value (bit for bit) and the same end
// on what the app and Dear ImGui hand it — typed numbers with spaces and signs, words, junk after.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <cstring>

#include "../../web/small_strtod.hpp"

namespace {

using dah::platform::small_strtod;

TEST(SmallStrtod, AsTheCLibrary) {
    for (const char* t : {"0", "  12.5", "\t-3", "+4e2x", "1e", "1e+", " .5", "5.", "abc", "", " ", "-",
                          "inf", "-INF", "Infinity", "infinit", "nan", "-NaN", "nano", "1.7976931348623159e308",
                          "4.9e-324", "0.1 0.2", "12,5", "  -0", "99999999999999999999999"}) {
        char* want_end = nullptr;
        char* got_end = nullptr;
        const double want = std::strtod(t, &want_end);
        const double got = small_strtod(t, &got_end);
        EXPECT_EQ(got_end - t, want_end - t) << '"' << t << '"';
        if (std::isnan(want)) {
            EXPECT_TRUE(std::isnan(got)) << t;
            EXPECT_EQ(std::signbit(got), std::signbit(want)) << t;
        } else {
            EXPECT_EQ(std::memcmp(&got, &want, sizeof got), 0) << '"' << t << "\": " << got << " vs " << want;
        }
    }
}

TEST(SmallStrtod, HexIsNotRead) {
    char* end = nullptr;
    EXPECT_EQ(small_strtod("0x1p3", &end), 0.0);
    EXPECT_EQ(*end, 'x');
}

TEST(SmallStrtod, NullEndIsAllowed) { EXPECT_EQ(small_strtod("2.5", nullptr), 2.5); }

}  // namespace
