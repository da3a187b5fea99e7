// The browser edition's small sscanf (web/small_scanf.cpp) against the C library's, on the formats
// Dear ImGui passes: a number typed into a slider or field, and its settings lines.
#include <gtest/gtest.h>

#include <cstdarg>
#include <cstdio>

#include "small_scanf.hpp"

namespace {

int small(const char* input, const char* format, ...) {
    std::va_list args;
    va_start(args, format);
    const int n = dah::platform::small_vsscanf(input, format, args);
    va_end(args);
    return n;
}

TEST(SmallScanf, IntegersAsLibcReadsThem) {
    for (const char* input : {"42", "  -7", "+3", "12abc", "abc", "2147483647"}) {
        int ours = 1234, theirs = 1234;
        EXPECT_EQ(small(input, "%d", &ours), std::sscanf(input, "%d", &theirs)) << input;
        EXPECT_EQ(ours, theirs) << input;
    }
    unsigned u_ours = 0, u_theirs = 0;
    EXPECT_EQ(small("4000000000", "%u", &u_ours), std::sscanf("4000000000", "%u", &u_theirs));
    EXPECT_EQ(u_ours, u_theirs);
    long long ll_ours = 0, ll_theirs = 0;
    EXPECT_EQ(small("-9000000000", "%lld", &ll_ours), std::sscanf("-9000000000", "%lld", &ll_theirs));
    EXPECT_EQ(ll_ours, ll_theirs);
}

TEST(SmallScanf, RealsAsLibcReadsThem) {
    for (const char* input : {"3.25", "-0.5e2", "1e-3", ".5", " 7", "x", "0.1"}) {
        float ours = 9.0f, theirs = 9.0f;
        EXPECT_EQ(small(input, "%f", &ours), std::sscanf(input, "%f", &theirs)) << input;
        EXPECT_EQ(ours, theirs) << input;
        double d_ours = 9.0, d_theirs = 9.0;
        EXPECT_EQ(small(input, "%lf", &d_ours), std::sscanf(input, "%lf", &d_theirs)) << input;
        EXPECT_EQ(d_ours, d_theirs) << input;
    }
}

TEST(SmallScanf, SettingsLinesWithLiteralsWidthsAndCounts) {
    int x = 0, y = 0, x2 = 0, y2 = 0;
    EXPECT_EQ(small("Pos=10,-20", "Pos=%i,%i", &x, &y), 2);
    EXPECT_EQ(std::sscanf("Pos=10,-20", "Pos=%i,%i", &x2, &y2), 2);
    EXPECT_EQ(x, x2);
    EXPECT_EQ(y, y2);
    EXPECT_EQ(small("Pos=0x10,5", "Pos=%i,%i", &x, &y), 2);
    EXPECT_EQ(x, 16);
    EXPECT_EQ(small("Size=3", "Pos=%i,%i", &x, &y), 0);  // a literal that does not match

    unsigned id = 0, id2 = 0;
    int count = 0, count2 = 0;
    EXPECT_EQ(small("0x1A2B3C4D,5", "0x%08X,%d", &id, &count), std::sscanf("0x1A2B3C4D,5", "0x%08X,%d", &id2, &count2));
    EXPECT_EQ(id, id2);
    EXPECT_EQ(count, count2);

    int column = 0, used = 0, column2 = 0, used2 = 0;
    EXPECT_EQ(small("Column 3 Width=5", "Column %d%n", &column, &used), std::sscanf("Column 3 Width=5", "Column %d%n", &column2, &used2));
    EXPECT_EQ(column, column2);
    EXPECT_EQ(used, used2);

    int order = 0, order2 = 0, r = 0, r2 = 0;
    char c = 0, c2 = 0;
    EXPECT_EQ(small("Sort=2^ x", "Sort=%d%c%n", &order, &c, &r), std::sscanf("Sort=2^ x", "Sort=%d%c%n", &order2, &c2, &r2));
    EXPECT_EQ(order, order2);
    EXPECT_EQ(c, c2);
    EXPECT_EQ(r, r2);

    float weight = 0, weight2 = 0;
    EXPECT_EQ(small("Weight=0.5 Visible=1", "Weight=%f%n", &weight, &used), std::sscanf("Weight=0.5 Visible=1", "Weight=%f%n", &weight2, &used2));
    EXPECT_EQ(weight, weight2);
    EXPECT_EQ(used, used2);

    unsigned rgb[3] = {}, rgb2[3] = {};
    EXPECT_EQ(small("FF8000", "%02X%02X%02X", &rgb[0], &rgb[1], &rgb[2]), std::sscanf("FF8000", "%02X%02X%02X", &rgb2[0], &rgb2[1], &rgb2[2]));
    for (int i = 0; i < 3; ++i) EXPECT_EQ(rgb[i], rgb2[i]);
}

TEST(SmallScanf, AFailedConversionStoresNothing) {
    // ImGui writes a typed number straight into the slider's value: bad text must leave it alone.
    float value = 0.25f;
    EXPECT_EQ(small("abc", "%f", &value), 0);
    EXPECT_EQ(value, 0.25f);
    int n = 7;
    EXPECT_EQ(small("", "%d", &n), 0);  // libc: EOF; both mean "no number" to ImGui's `< 1` checks
    EXPECT_EQ(n, 7);
    EXPECT_EQ(small("5", "%", &n), 0);  // a format cut short is not read past its end
}

}  // namespace
