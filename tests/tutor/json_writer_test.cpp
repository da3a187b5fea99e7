// The JSON writer: commas and nesting, escapes, invalid UTF-8, numbers that read back exactly.
#include <cmath>
#include <limits>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "dah/tutor/json_writer.hpp"

using dah::tutor::JsonWriter;

TEST(JsonWriter, NestsObjectsAndArraysWithCommasInTheirPlaces) {
    JsonWriter w;
    w.begin_object().field("a", 1).key("b").begin_array().value(true).value(nullptr).begin_object().end_object().end_array();
    w.key("c").begin_array().end_array().field("d", "x").end_object();
    EXPECT_EQ(w.text(), R"({"a":1,"b":[true,null,{}],"c":[],"d":"x"})");
}

TEST(JsonWriter, EscapesQuotesBackslashesAndControlCharacters) {
    JsonWriter w;
    w.value(std::string("say \"hi\"\\\n\t\x01 é"));
    EXPECT_EQ(w.text(), "\"say \\\"hi\\\"\\\\\\n\\u0009\\u0001 é\"");
    EXPECT_EQ(nlohmann::json::parse(w.text()).get<std::string>(), std::string("say \"hi\"\\\n\t\x01 é"));
}

TEST(JsonWriter, ReplacesInvalidUtf8SoTheTextStillParses) {
    // A lone continuation byte, a truncated 3-byte sequence at the end, an overlong "/" and a surrogate.
    JsonWriter w;
    w.value(std::string("a\x80" "b\xC0\xAF" "c\xED\xA0\x80" "d\xE2\x82"));
    const std::string back = nlohmann::json::parse(w.text()).get<std::string>();
    const std::string r = "\xEF\xBF\xBD";
    EXPECT_EQ(back, "a" + r + "b" + r + r + "c" + r + r + r + "d" + r + r);
}

TEST(JsonWriter, NumbersReadBackExactlyAndShortWhereTheyCan) {
    const double values[] = {0.1, 1.0 / 3.0, 2.0 / 3.0, 1e-300, 123456789.125, -0.0, 5e-324, 0.7};
    for (double x : values) {
        JsonWriter w;
        w.value(x);
        EXPECT_EQ(nlohmann::json::parse(w.text()).get<double>(), x) << w.text();
    }
    JsonWriter w;
    w.begin_array().value(0.1).value(0.7).value(42).value(std::size_t{7}).value(-3).end_array();
    EXPECT_EQ(w.text(), "[0.1,0.7,42,7,-3]");
}

TEST(JsonWriter, NotANumberAndInfinityAreNull) {
    JsonWriter w;
    w.begin_array().value(std::nan("")).value(std::numeric_limits<double>::infinity()).end_array();
    EXPECT_EQ(w.text(), "[null,null]");
}

TEST(JsonWriter, PrettyTextIndentsOneValueALine) {
    JsonWriter w(true);
    w.begin_object().field("a", 1).key("b").begin_array().value(2).end_array().key("c").begin_object().end_object().end_object();
    EXPECT_EQ(w.text(), "{\n  \"a\": 1,\n  \"b\": [\n    2\n  ],\n  \"c\": {}\n}");
}
