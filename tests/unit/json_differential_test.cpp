// Our JSON parser (dah/json_value.hpp) against an independent one (nlohmann/json, used here only):
// random documents and random mutations of them (fixed seed, so every run sees the same texts) must be
// accepted or refused alike, read to the same values, and refused with the same message at the same
// place.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "dah/json_value.hpp"

namespace {

// A small deterministic generator (the same on every standard library).
struct Rng {
    std::uint64_t s;
    std::uint32_t next() {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        return static_cast<std::uint32_t>(s >> 11);
    }
    std::size_t below(std::size_t n) { return n == 0 ? 0 : next() % n; }
    bool one_in(std::size_t n) { return below(n) == 0; }
};

const char* const pieces[] = {"a", "b", "key", "~", "/", " ", "é", "日本", "😀", "\\\"", "\\\\", "\\/", "\\n", "\\t",
                              "\\u00e9", "\\u0000", "\\ud83d\\ude00", "\\u20AC", "x y", ""};

void whitespace(Rng& r, std::string& out) {
    static const char ws[] = {' ', '\n', '\t', '\r'};
    while (r.one_in(3)) out += ws[r.below(4)];
}

void string_literal(Rng& r, std::string& out) {
    out += '"';
    const std::size_t n = r.below(5);
    for (std::size_t i = 0; i < n; ++i) out += pieces[r.below(sizeof pieces / sizeof *pieces)];
    out += '"';
}

void number_literal(Rng& r, std::string& out) {
    static const char* const fixed[] = {"0", "-0", "1", "-1", "0.5", "-0.0", "1e10", "1E-5", "2.5e+3", "123456789",
                                        "9007199254740993", "9223372036854775807", "9223372036854775808",
                                        "-9223372036854775808", "-9223372036854775809", "18446744073709551615",
                                        "18446744073709551616", "1e308", "1.7976931348623157e308", "4.9e-324",
                                        "1e-400", "0.1", "3.14159265358979323846", "100000000000000000000000"};
    if (r.one_in(2)) {
        out += fixed[r.below(sizeof fixed / sizeof *fixed)];
        return;
    }
    if (r.one_in(3)) out += '-';
    out += static_cast<char>('1' + r.below(9));
    for (std::size_t i = r.below(12); i > 0; --i) out += static_cast<char>('0' + r.below(10));
    if (r.one_in(2)) {
        out += '.';
        for (std::size_t i = 1 + r.below(8); i > 0; --i) out += static_cast<char>('0' + r.below(10));
    }
    if (r.one_in(3)) {
        out += r.one_in(2) ? 'e' : 'E';
        if (r.one_in(2)) out += r.one_in(2) ? '+' : '-';
        out += std::to_string(r.below(330));
    }
}

void value(Rng& r, std::string& out, int depth) {
    whitespace(r, out);
    const std::size_t kind = depth > 4 ? r.below(6) : r.below(8);
    switch (kind) {
        case 0: out += "null"; break;
        case 1: out += "true"; break;
        case 2: out += "false"; break;
        case 3:
        case 4: number_literal(r, out); break;
        case 5: string_literal(r, out); break;
        case 6: {
            out += '[';
            const std::size_t n = r.below(5);
            for (std::size_t i = 0; i < n; ++i) {
                if (i) out += ',';
                value(r, out, depth + 1);
            }
            whitespace(r, out);
            out += ']';
            break;
        }
        default: {
            out += '{';
            const std::size_t n = r.below(5);
            for (std::size_t i = 0; i < n; ++i) {
                if (i) out += ',';
                whitespace(r, out);
                if (r.one_in(4)) out += "\"a\"";  // repeated keys
                else string_literal(r, out);
                whitespace(r, out);
                out += ':';
                value(r, out, depth + 1);
            }
            whitespace(r, out);
            out += '}';
        }
    }
    whitespace(r, out);
}

std::string mutate(Rng& r, std::string text) {
    static const char interesting[] = {'{', '}', '[', ']', ',', ':', '"', '\\', ' ', '\n', '0', '1', '-', '+', '.', 'e',
                                       'E', 't', 'f', 'n', 'u', 'x', '/', '\x1f', '\x7f', '\x80', '\xbf', '\xc0', '\xc3',
                                       '\xe0', '\xed', '\xef', '\xf0', '\xf4', '\xf5', '\xff'};
    for (std::size_t m = 1 + r.below(3); m > 0; --m) {
        const std::size_t at = r.below(text.size() + 1);
        switch (r.below(5)) {
            case 0:
                if (at < text.size()) text.erase(at, 1);
                break;
            case 1: text.insert(text.begin() + static_cast<std::ptrdiff_t>(at), interesting[r.below(sizeof interesting)]); break;
            case 2:
                if (at < text.size()) text[at] = interesting[r.below(sizeof interesting)];
                break;
            case 3: text.resize(at); break;
            default:
                if (at < text.size()) text.insert(at, text.substr(at, r.below(6)));
        }
    }
    if (r.one_in(40)) text = "\xEF\xBB\xBF" + text;  // byte order mark
    return text;
}

// nlohmann keeps the last of repeated keys in a map; we keep the last in the place of the first.
::testing::AssertionResult same(const nlohmann::json& theirs, const dah::JsonValue& ours, const std::string& at) {
    using K = dah::JsonValue::Kind;
    auto differ = [&](const std::string& what) { return ::testing::AssertionFailure() << at << ": " << what; };
    switch (theirs.type()) {
        case nlohmann::json::value_t::null:
            return ours.kind() == K::null ? ::testing::AssertionSuccess() : differ("expected null");
        case nlohmann::json::value_t::boolean:
            if (!ours.is_boolean() || ours.boolean() != theirs.get<bool>()) return differ("expected " + theirs.dump());
            return ::testing::AssertionSuccess();
        case nlohmann::json::value_t::number_integer:
        case nlohmann::json::value_t::number_unsigned:
        case nlohmann::json::value_t::number_float: {
            if (!ours.is_number()) return differ("expected a number");
            if (ours.number() != theirs.get<double>()) return differ("expected " + theirs.dump());
            if (ours.is_number_integer() != theirs.is_number_integer()) return differ("integer flag differs from " + theirs.dump());
            if (std::signbit(ours.number()) != std::signbit(theirs.get<double>())) return differ("sign of zero");
            return ::testing::AssertionSuccess();
        }
        case nlohmann::json::value_t::string:
            if (!ours.is_string() || ours.string() != theirs.get<std::string>()) return differ("expected " + theirs.dump());
            return ::testing::AssertionSuccess();
        case nlohmann::json::value_t::array:
            if (!ours.is_array() || ours.size() != theirs.size()) return differ("expected an array of " + std::to_string(theirs.size()));
            for (std::size_t i = 0; i < theirs.size(); ++i)
                if (auto r = same(theirs[i], ours[i], at + "/" + std::to_string(i)); !r) return r;
            return ::testing::AssertionSuccess();
        case nlohmann::json::value_t::object:
            if (!ours.is_object() || ours.size() != theirs.size()) return differ("expected an object of " + std::to_string(theirs.size()));
            for (const auto& [key, v] : theirs.items()) {
                const dah::JsonValue* mine = ours.find(key);
                if (!mine) return differ("missing key " + key);
                if (auto r = same(v, *mine, at + "/" + key); !r) return r;
            }
            return ::testing::AssertionSuccess();
        default: return differ("unexpected kind");
    }
}

struct Counts {
    int accepted = 0, refused = 0;
};

void compare(const std::string& text, Counts& counts) {
    SCOPED_TRACE(::testing::Message() << "text: " << nlohmann::json(text).dump(-1, ' ', true, nlohmann::json::error_handler_t::replace));
    const dah::ParsedJson ours = dah::parse_json(text);
    // nlohmann stops at a NUL byte as at the end of the text; RFC 8259 allows none outside strings and
    // none unescaped inside them.
    if (text.find('\0') != std::string::npos) {
        EXPECT_FALSE(ours.ok);
        return;
    }
    try {
        const nlohmann::json theirs = nlohmann::json::parse(text);
        ASSERT_TRUE(ours.ok) << ours.error;
        EXPECT_TRUE(same(theirs, ours.root, "(root)"));
        ++counts.accepted;
    } catch (const nlohmann::json::parse_error& e) {
        ASSERT_FALSE(ours.ok);
        ++counts.refused;
        if (text.empty()) return;  // they call it empty input; the loaders say "empty file" first
        std::string message = e.what();
        message = message.substr(message.find(": ", message.find("column ")) + 2);
        EXPECT_EQ(ours.error, message);
        // They point at the last byte read; we at the first byte of an unexpected token.
        if (message.find("unexpected") != std::string::npos && message.find("last read") == std::string::npos)
            EXPECT_LE(ours.error_offset, e.byte - 1);
        else
            EXPECT_EQ(ours.error_offset, e.byte - 1);
    } catch (const nlohmann::json::out_of_range& e) {  // a number too large for a double
        ASSERT_FALSE(ours.ok);
        ++counts.refused;
        const std::string message = e.what();
        EXPECT_EQ(ours.error, message.substr(message.find("] ") + 2));
    }
}

TEST(JsonDifferential, RandomDocumentsReadAlike) {
    Rng r{0x5EEDF00DCAFEull};
    Counts counts;
    for (int i = 0; i < 4000 && !HasFailure(); ++i) {
        std::string text;
        value(r, text, 0);
        compare(text, counts);
    }
    // Refused only for a number past the largest double (an exponent up to 329 is drawn).
    EXPECT_GT(counts.accepted, 3900);
}

TEST(JsonDifferential, MutatedDocumentsAreAcceptedOrRefusedAlike) {
    Rng r{0xD1FFE2E7ull};
    Counts counts;
    for (int i = 0; i < 20000 && !HasFailure(); ++i) {
        std::string text;
        value(r, text, 0);
        compare(mutate(r, text), counts);
    }
    // Both outcomes are exercised in earnest.
    EXPECT_GT(counts.accepted, 2000);
    EXPECT_GT(counts.refused, 8000);
}

}  // namespace
