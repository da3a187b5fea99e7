// The JSON parser on its own: where values and errors are (line and column, in characters), the
// limits of dah/diagnostics.hpp, escapes, surrogates, ill-formed UTF-8 and exact numbers. Expected
// positions are counted by hand on the texts below.
#include <gtest/gtest.h>

#include <clocale>
#include <cmath>
#include <string>

#include "dah/diagnostics.hpp"
#include "dah/json_value.hpp"

namespace {

using dah::JsonIssue;
using dah::parse_json;

void expect_at(dah::JsonPosition p, int line, int column) {
    EXPECT_EQ(p.line, line);
    EXPECT_EQ(p.column, column);
}

TEST(JsonValue, EveryValueKnowsItsLineAndColumn) {
    // Columns count characters, not bytes: "é" is two bytes and one column.
    const auto doc = parse_json("{\n  \"a\": [1, \"x\"],\n  \"é\": true\n}");
    ASSERT_TRUE(doc.ok) << doc.error;
    expect_at(doc.root.position(), 1, 1);
    const dah::JsonValue& a = doc.root["a"];
    expect_at(a.key_position(), 2, 3);
    expect_at(a.position(), 2, 8);
    expect_at(a[0].position(), 2, 9);
    expect_at(a[1].position(), 2, 12);
    expect_at(a[1].key_position(), 2, 12);
    expect_at(doc.root["é"].key_position(), 3, 3);
    expect_at(doc.root["é"].position(), 3, 8);
    EXPECT_EQ(doc.root.members()[0].key, "a");  // written order
    EXPECT_EQ(doc.root.members()[1].key, "é");
}

TEST(JsonValue, ByteOrderMarkIsSkipped) {
    const auto doc = parse_json("\xEF\xBB\xBF[true]");
    ASSERT_TRUE(doc.ok) << doc.error;
    expect_at(doc.root[0].position(), 1, 2);
    EXPECT_FALSE(parse_json("\xEF\xBB[true]").ok);
}

TEST(JsonValue, SyntaxErrorsSayWhatWasExpectedWhere) {
    struct Case {
        const char* text;
        std::size_t offset;
        const char* message;
    } cases[] = {
        {"[1 2]", 3, "syntax error while parsing array - unexpected number literal; expected ']'"},
        {"{\"a\":1,}", 7, "syntax error while parsing object key - unexpected '}'; expected string literal"},
        {"{\"a\" 1}", 5, "syntax error while parsing object separator - unexpected number literal; expected ':'"},
        {"{\"a\":1 \"b\":2}", 7, "syntax error while parsing object - unexpected string literal; expected '}'"},
        {"[1,]", 3, "syntax error while parsing value - unexpected ']'; expected '[', '{', or a literal"},
        {"[1] x", 4, "syntax error while parsing value - invalid literal; last read: '1] x'; expected end of input"},
        {"[1] 2", 4, "syntax error while parsing value - unexpected number literal; expected end of input"},
        {"[tru]", 4, "syntax error while parsing value - invalid literal; last read: '[tru]'"},
        {"[-]", 2, "syntax error while parsing value - invalid number; expected digit after '-'; last read: '-]'"},
        {"[1.]", 3, "syntax error while parsing value - invalid number; expected digit after '.'; last read: '1.]'"},
        {"[1e]", 3, "syntax error while parsing value - invalid number; expected '+', '-', or digit after exponent; last read: '1e]'"},
        {"[\"ab", 4, "syntax error while parsing value - invalid string: missing closing quote; last read: '\"ab'"},
        {"[\"a\nb\"]", 3,
         "syntax error while parsing value - invalid string: control character U+000A (LF) must be escaped to \\u000A or \\n; "
         "last read: '\"a<U+000A>'"},
        {"[\"\\x\"]", 3, "syntax error while parsing value - invalid string: forbidden character after backslash; last read: '\"\\x'"},
        {"[\"\\u12G4\"]", 6, "syntax error while parsing value - invalid string: '\\u' must be followed by 4 hex digits; last read: '\"\\u12G'"},
        {"[1e999]", 1, "number overflow parsing '1e999'"},
        {"[", 1, "syntax error while parsing value - unexpected end of input; expected '[', '{', or a literal"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.text);
        const auto doc = parse_json(c.text);
        EXPECT_FALSE(doc.ok);
        EXPECT_EQ(doc.error, c.message);
        EXPECT_EQ(doc.error_offset, c.offset);
        EXPECT_TRUE(doc.root.is_null());
    }
}

TEST(JsonValue, EscapesAndSurrogatePairsDecodeToUtf8) {
    const auto doc = parse_json(R"(["\"\\\/\b\f\n\r\t", "\u00e9\u20AC", "\ud83d\ude00", "\u0000"])");
    ASSERT_TRUE(doc.ok) << doc.error;
    EXPECT_EQ(doc.root[0].string(), "\"\\/\b\f\n\r\t");
    EXPECT_EQ(doc.root[1].string(), "\xC3\xA9\xE2\x82\xAC");
    EXPECT_EQ(doc.root[2].string(), "\xF0\x9F\x98\x80");
    EXPECT_EQ(doc.root[3].string(), std::string(1, '\0'));
}

TEST(JsonValue, LoneSurrogatesAndIllFormedUtf8AreRefused) {
    const auto high = parse_json(R"(["\ud800x"])");
    EXPECT_EQ(high.error, "syntax error while parsing value - invalid string: surrogate U+D800..U+DBFF must be followed by "
                          "U+DC00..U+DFFF; last read: '\"\\ud800x'");
    const auto high_then_other = parse_json(R"(["\ud800\u0041"])");
    EXPECT_FALSE(high_then_other.ok);
    EXPECT_EQ(high_then_other.error_offset, 13u);
    const auto low = parse_json(R"(["\udc00"])");
    EXPECT_EQ(low.error, "syntax error while parsing value - invalid string: surrogate U+DC00..U+DFFF must follow "
                         "U+D800..U+DBFF; last read: '\"\\udc00'");
    for (const char* bad : {"[\"\xC3\x28\"]", "[\"\x80\"]", "[\"\xED\xA0\x80\"]", "[\"\xF4\x90\x80\x80\"]",
                            "[\"\xC0\xAF\"]", "[\"\xE2\x82\"]", "[\"\xFF\"]"}) {
        const auto doc = parse_json(bad);
        EXPECT_FALSE(doc.ok) << bad;
        EXPECT_NE(doc.error.find("ill-formed UTF-8 byte"), std::string::npos) << doc.error;
    }
    EXPECT_TRUE(parse_json("[\"\xF4\x8F\xBF\xBF \xEF\xBF\xBD\"]").ok);  // U+10FFFF, U+FFFD
}

TEST(JsonValue, NumbersAreExactAndIntegersFlagged) {
    const auto doc = parse_json("[0.1, 9007199254740993, -0, -0.0, 1e-400, 1.7976931348623157e308, 10, 1.0, 1e2, "
                                "9223372036854775808, -9223372036854775809, 18446744073709551615, 18446744073709551616]");
    ASSERT_TRUE(doc.ok) << doc.error;
    const auto& v = doc.root;
    EXPECT_EQ(v[0].number(), 0.1);
    EXPECT_EQ(v[1].number(), 9007199254740992.0);  // ties to even
    EXPECT_FALSE(std::signbit(v[2].number()));     // the integer zero
    EXPECT_TRUE(std::signbit(v[3].number()));
    EXPECT_EQ(v[4].number(), 0.0);
    EXPECT_EQ(v[5].number(), 1.7976931348623157e308);
    EXPECT_TRUE(v[6].is_number_integer());
    EXPECT_EQ(v[6].to_int(), 10);
    EXPECT_FALSE(v[7].is_number_integer());
    EXPECT_FALSE(v[8].is_number_integer());
    EXPECT_TRUE(v[9].is_number_integer());    // fits uint64
    EXPECT_FALSE(v[10].is_number_integer());  // below int64
    EXPECT_TRUE(v[11].is_number_integer());
    EXPECT_FALSE(v[12].is_number_integer());  // above uint64
    EXPECT_EQ(v[12].to_int(), 2147483647);    // clamped
}

TEST(JsonValue, NumbersIgnoreTheProgramsLocale) {
    const char* set = std::setlocale(LC_NUMERIC, "de_DE.UTF-8");
    if (!set) set = std::setlocale(LC_NUMERIC, "fr_FR.UTF-8");
    if (!set) GTEST_SKIP() << "no locale with a decimal comma installed";
    const auto doc = parse_json("[0.5, 2.25e1]");
    std::setlocale(LC_NUMERIC, "C");
    ASSERT_TRUE(doc.ok);
    EXPECT_EQ(doc.root[0].number(), 0.5);
    EXPECT_EQ(doc.root[1].number(), 22.5);
}

TEST(JsonValue, LimitsAreReportedWithPointerAndPosition) {
    const std::string long_string(dah::Limits::max_string_bytes + 1, 'x');
    std::string items = "[";
    for (std::size_t i = 0; i <= dah::Limits::max_array_items; ++i) items += i ? ",0" : "0";
    items += "]";
    const auto doc = parse_json("{\"s\": \"" + long_string + "\",\n \"list\": " + items + "}");
    ASSERT_TRUE(doc.ok);
    ASSERT_EQ(doc.issues.size(), 2u);
    EXPECT_EQ(doc.issues[0].kind, JsonIssue::Kind::string_too_long);
    EXPECT_EQ(doc.issues[0].pointer, "/s");
    expect_at(doc.issues[0].at, 1, 7);
    EXPECT_EQ(doc.issues[0].message, "string of 8193 bytes; the limit is 8192");
    EXPECT_EQ(doc.issues[1].kind, JsonIssue::Kind::too_many_items);
    EXPECT_EQ(doc.issues[1].pointer, "/list");
    expect_at(doc.issues[1].at, 2, 10);
    EXPECT_EQ(doc.root["list"].size(), dah::Limits::max_array_items + 1);  // kept; the reader decides
}

TEST(JsonValue, NestingPastTheLimitIsReportedOnceAndNotKept) {
    const std::size_t limit = dah::Limits::max_nesting_depth;
    const auto at_limit = parse_json(std::string(limit, '[') + std::string(limit, ']'));
    ASSERT_TRUE(at_limit.ok);
    EXPECT_TRUE(at_limit.issues.empty());
    const auto deeper = parse_json("{\"a\":" + std::string(limit, '[') + "{\"k\":[1]}" + std::string(limit, ']') + "}");
    ASSERT_TRUE(deeper.ok) << deeper.error;
    ASSERT_EQ(deeper.issues.size(), 1u);
    EXPECT_EQ(deeper.issues[0].kind, JsonIssue::Kind::too_deep);
    std::string pointer = "/a";
    for (std::size_t i = 1; i < limit; ++i) pointer += "/0";
    EXPECT_EQ(deeper.issues[0].pointer, pointer);
    EXPECT_EQ(deeper.issues[0].message, "nesting deeper than 32 levels");
    const dah::JsonValue* v = &deeper.root["a"];
    for (std::size_t i = 1; i < limit; ++i) v = &(*v)[0];
    EXPECT_TRUE(v->is_array());
    EXPECT_EQ(v->size(), 0u);  // the part past the limit is checked, not kept
    // A million open brackets neither overflow the stack nor pass.
    EXPECT_FALSE(parse_json(std::string(1000000, '[')).ok);
    EXPECT_TRUE(dah::parse_json_or_null("{\"a\":" + std::string(40, '[') + std::string(40, ']') + "}").is_null());
}

TEST(JsonValue, RepeatedKeysKeepTheLastValueAndAreReported) {
    const auto doc = parse_json(R"({"a":1,"b":2,"a":3})");
    ASSERT_TRUE(doc.ok);
    ASSERT_EQ(doc.root.size(), 2u);
    EXPECT_EQ(doc.root["a"].number(), 3);
    EXPECT_EQ(doc.root.members()[0].key, "a");
    ASSERT_EQ(doc.issues.size(), 1u);
    EXPECT_EQ(doc.issues[0].kind, JsonIssue::Kind::duplicate_key);
    EXPECT_EQ(doc.issues[0].pointer, "/a");
    expect_at(doc.issues[0].at, 1, 14);
    EXPECT_EQ(doc.issues[0].message, "duplicate key \"a\"");
    // Many members: the same answer.
    std::string many = "{";
    for (int i = 0; i < 100; ++i) many += "\"k" + std::to_string(i) + "\":" + std::to_string(i) + ",";
    many += "\"k7\":-7}";
    const auto big = parse_json(many);
    EXPECT_EQ(big.root.size(), 100u);
    EXPECT_EQ(big.root["k7"].number(), -7);
    EXPECT_EQ(big.root.members()[7].key, "k7");
    EXPECT_EQ(big.issues.size(), 1u);
}

TEST(JsonValue, MissingKeysReadAsNull) {
    const auto doc = parse_json(R"({"a":{"b":[true]}})");
    EXPECT_TRUE(doc.root["z"].is_null());
    EXPECT_EQ(doc.root.find("z"), nullptr);
    EXPECT_TRUE(doc.root["a"]["b"][0].boolean());
    EXPECT_TRUE(doc.root["a"]["b"]["c"].is_null());  // not an object
}

}  // namespace
