// The JSON parser: a lexer and an explicit stack (no recursion, so no input can exhaust the call
// stack). Its grammar walk and its error wording follow the library the product first read JSON with,
// so the messages authors know stay the same; tests/unit/json_differential_test.cpp holds the two
// side by side.
#include "dah/json_value.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>

#include "dah/decimal_number.hpp"
#include "dah/diagnostics.hpp"
#include "dah/sort_stably.hpp"
#include "json_pointer.hpp"

namespace dah {

namespace {

const JsonValue null_value;

bool is_continuation_byte(unsigned char c) { return (c & 0xC0) == 0x80; }

void append_utf8(std::string& out, unsigned long cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::string control_character_message(unsigned char c) {
    static const char* const names[32] = {"NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF",
                                          "VT",  "FF",  "CR",  "SO",  "SI",  "DLE", "DC1", "DC2", "DC3", "DC4", "NAK",
                                          "SYN", "ETB", "CAN", "EM",  "SUB", "ESC", "FS",  "GS",  "RS",  "US"};
    static const char hex[] = "0123456789ABCDEF";
    const std::string code = std::string("00") + hex[c >> 4] + hex[c & 15];
    std::string m = "invalid string: control character U+" + code + " (" + names[c] + ") must be escaped to \\u" + code;
    const char* short_form = c == 8 ? "\\b" : c == 9 ? "\\t" : c == 10 ? "\\n" : c == 12 ? "\\f" : c == 13 ? "\\r" : nullptr;
    if (short_form) m += std::string(" or ") + short_form;
    return m;
}

// An integer token within int64 (negative) or uint64 (positive), as 64-bit readers would take it.
bool fits_64_bits(std::string_view token) {
    const bool negative = token[0] == '-';
    if (negative) token.remove_prefix(1);
    const std::string_view bound = negative ? "9223372036854775808" : "18446744073709551615";
    return token.size() < bound.size() || (token.size() == bound.size() && token <= bound);
}

enum class Token : unsigned char {
    begin_array, end_array, begin_object, end_object, colon, comma,
    string, number, literal_true, literal_false, literal_null, end_of_input, error
};

const char* token_name(Token t) {
    switch (t) {
        case Token::begin_array: return "'['";
        case Token::end_array: return "']'";
        case Token::begin_object: return "'{'";
        case Token::end_object: return "'}'";
        case Token::colon: return "':'";
        case Token::comma: return "','";
        case Token::string: return "string literal";
        case Token::number: return "number literal";
        case Token::literal_true: return "true literal";
        case Token::literal_false: return "false literal";
        case Token::literal_null: return "null literal";
        case Token::end_of_input: return "end of input";
        default: return "<parse error>";
    }
}

}  // namespace

int JsonValue::to_int() const {
    const double d = number_;
    if (!(d == d)) return 0;
    if (d >= 2147483647.0) return std::numeric_limits<int>::max();
    if (d <= -2147483648.0) return std::numeric_limits<int>::min();
    return static_cast<int>(d);
}

const JsonValue* JsonValue::find(std::string_view key) const {
    for (const JsonMember& m : members_)
        if (m.key == key) return &m.value;
    return nullptr;
}

const JsonValue& JsonValue::operator[](std::string_view key) const {
    const JsonValue* v = find(key);
    return v ? *v : null_value;
}

class JsonParser {
public:
    JsonParser(std::string_view text, ParsedJson& out) : t_(text), out_(out) {}

    void run() {
        bool ok = true;
        if (!t_.empty() && static_cast<unsigned char>(t_[0]) == 0xEF) {
            const bool bb = t_.size() >= 2 && static_cast<unsigned char>(t_[1]) == 0xBB;
            if (bb && t_.size() >= 3 && static_cast<unsigned char>(t_[2]) == 0xBF) {
                i_ = cursor_ = 3;  // positions of values count from after the mark
            } else {
                lex_fail(bb ? 2 : 1, "invalid BOM; must be 0xEF 0xBB 0xBF if given");
                ok = syntax_error(Token::error, nullptr, "value");
            }
        }
        if (!ok || !parse()) {
            out_.root = JsonValue();
            out_.issues.clear();
            return;
        }
        out_.ok = true;
    }

private:
    struct Frame {
        JsonValue* value;
        bool array;
        std::size_t count = 0;  // elements or members begun
    };

    // ---- positions ----
    JsonPosition position_at(std::size_t offset) {
        for (; cursor_ < offset; ++cursor_) {
            const unsigned char c = static_cast<unsigned char>(t_[cursor_]);
            if (c == '\n') {
                ++line_;
                column_ = 1;
            } else if (!is_continuation_byte(c)) {
                ++column_;
            }
        }
        return JsonPosition{line_, column_};
    }

    // ---- errors ----
    // A lexer error at byte `at` (the end of the text when it ran out): the message names what was
    // read since the last string or number began, as the authors' tools always showed it.
    void lex_fail(std::size_t at, const std::string& message) {
        lex_message_ = message;
        lex_at_ = at;
        out_.error = message;
        out_.error_offset = at;
    }
    std::string last_read() const {
        const std::size_t end = std::min(lex_at_ < t_.size() ? lex_at_ + 1 : t_.size(), t_.size());
        std::string result;
        for (std::size_t k = token_begin_; k < end; ++k) {
            const unsigned char c = static_cast<unsigned char>(t_[k]);
            if (c <= 0x1F) {
                static const char hex[] = "0123456789ABCDEF";
                result += std::string("<U+00") + hex[c >> 4] + hex[c & 15] + ">";
            } else {
                result += static_cast<char>(c);
            }
        }
        return result;
    }
    bool syntax_error(Token got, const char* expected, const char* context) {
        std::string m = std::string("syntax error while parsing ") + context + " - ";
        if (got == Token::error) {
            m += lex_message_ + "; last read: '" + last_read() + "'";
            out_.error_offset = lex_at_;
        } else {
            m += std::string("unexpected ") + token_name(got);
            out_.error_offset = token_start_of(got);
        }
        if (expected) m += std::string("; expected ") + expected;
        out_.error = std::move(m);
        return false;
    }
    // Authors look for the first character of an unexpected token.
    std::size_t token_start_of(Token got) const {
        if (got == Token::end_of_input) return t_.size();
        if (got == Token::string) return token_at_;
        if (got == Token::number || got == Token::literal_true || got == Token::literal_false ||
            got == Token::literal_null) {
            // Back over every character a number or literal may hold (two touching tokens read as one).
            std::size_t k = token_end_ - 1;
            auto part = [](char c) {
                return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c == '.' || c == '+' || c == '-' || c == 'E';
            };
            while (k > 0 && part(t_[k - 1])) --k;
            return k;
        }
        return token_at_;
    }

    // ---- lexer ----
    Token next() {
        while (i_ < t_.size() && (t_[i_] == ' ' || t_[i_] == '\t' || t_[i_] == '\n' || t_[i_] == '\r')) ++i_;
        token_at_ = i_;
        if (i_ >= t_.size()) return Token::end_of_input;
        const char c = t_[i_];
        token_end_ = i_ + 1;
        switch (c) {
            case '[': ++i_; return Token::begin_array;
            case ']': ++i_; return Token::end_array;
            case '{': ++i_; return Token::begin_object;
            case '}': ++i_; return Token::end_object;
            case ':': ++i_; return Token::colon;
            case ',': ++i_; return Token::comma;
            case 't': return literal("true", Token::literal_true);
            case 'f': return literal("false", Token::literal_false);
            case 'n': return literal("null", Token::literal_null);
            case '"': return string();
            default:
                if (c == '-' || (c >= '0' && c <= '9')) return number();
                lex_fail(i_, "invalid literal");
                return Token::error;
        }
    }

    Token literal(const char* word, Token kind) {
        for (std::size_t k = 1; word[k]; ++k) {
            if (i_ + k >= t_.size() || t_[i_ + k] != word[k]) {
                lex_fail(std::min(i_ + k, t_.size()), "invalid literal");
                return Token::error;
            }
        }
        while (*word++) ++i_;
        token_end_ = i_;
        return kind;
    }

    bool digit_at(std::size_t k) const { return k < t_.size() && t_[k] >= '0' && t_[k] <= '9'; }

    Token number() {
        token_begin_ = i_;
        std::size_t k = i_;
        bool integer = true;
        if (t_[k] == '-') {
            ++k;
            if (!digit_at(k)) return lex_fail(std::min(k, t_.size()), "invalid number; expected digit after '-'"), Token::error;
        }
        if (t_[k] == '0') ++k;
        else
            while (digit_at(k)) ++k;
        if (k < t_.size() && t_[k] == '.') {
            integer = false;
            ++k;
            if (!digit_at(k)) return lex_fail(std::min(k, t_.size()), "invalid number; expected digit after '.'"), Token::error;
            while (digit_at(k)) ++k;
        }
        if (k < t_.size() && (t_[k] == 'e' || t_[k] == 'E')) {
            integer = false;
            ++k;
            if (k < t_.size() && (t_[k] == '+' || t_[k] == '-')) {
                ++k;
                if (!digit_at(k))
                    return lex_fail(std::min(k, t_.size()), "invalid number; expected digit after exponent sign"), Token::error;
            } else if (!digit_at(k)) {
                return lex_fail(std::min(k, t_.size()), "invalid number; expected '+', '-', or digit after exponent"), Token::error;
            }
            while (digit_at(k)) ++k;
        }
        // The validated token, read the same in every locale and on every platform.
        number_ = decimal_to_double(t_.substr(i_, k - i_));
        integer_ = integer && fits_64_bits(t_.substr(i_, k - i_));
        if (integer && number_ == 0) number_ = 0;  // "-0" is the integer 0
        i_ = token_end_ = k;
        return Token::number;
    }

    // The hex value of four digits at `k`, or -1 with the error at the first that is not one.
    long hex4(std::size_t k) {
        long v = 0;
        for (std::size_t d = 0; d < 4; ++d, ++k) {
            const char c = k < t_.size() ? t_[k] : '\0';
            int x = -1;
            if (c >= '0' && c <= '9') x = c - '0';
            else if (c >= 'a' && c <= 'f') x = c - 'a' + 10;
            else if (c >= 'A' && c <= 'F') x = c - 'A' + 10;
            if (x < 0 || k >= t_.size()) {
                lex_fail(std::min(k, t_.size()), "invalid string: '\\u' must be followed by 4 hex digits");
                return -1;
            }
            v = v * 16 + x;
        }
        return v;
    }

    Token string() {
        token_begin_ = i_;
        std::string& out = string_;
        out.clear();
        const std::size_t n = t_.size();
        std::size_t k = i_ + 1;
        for (;;) {
            const std::size_t run = k;
            while (k < n) {
                const unsigned char c = static_cast<unsigned char>(t_[k]);
                if (c < 0x20 || c == '"' || c == '\\' || c >= 0x80) break;
                ++k;
            }
            out.append(t_.data() + run, k - run);
            if (k >= n) return lex_fail(n, "invalid string: missing closing quote"), Token::error;
            const unsigned char c = static_cast<unsigned char>(t_[k]);
            if (c == '"') {
                raw_bytes_ = k - i_ - 1;
                i_ = token_end_ = k + 1;
                return Token::string;
            }
            if (c < 0x20) return lex_fail(k, control_character_message(c)), Token::error;
            if (c == '\\') {
                const char e = k + 1 < n ? t_[k + 1] : '\0';
                if (k + 1 >= n) return lex_fail(n, "invalid string: forbidden character after backslash"), Token::error;
                k += 2;
                switch (e) {
                    case '"': out += '"'; break;
                    case '\\': out += '\\'; break;
                    case '/': out += '/'; break;
                    case 'b': out += '\b'; break;
                    case 'f': out += '\f'; break;
                    case 'n': out += '\n'; break;
                    case 'r': out += '\r'; break;
                    case 't': out += '\t'; break;
                    case 'u': {
                        long cp = hex4(k);
                        if (cp < 0) return Token::error;
                        k += 4;
                        if (cp >= 0xD800 && cp <= 0xDBFF) {
                            if (k >= n || t_[k] != '\\')
                                return lex_fail(std::min(k, n), "invalid string: surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF"), Token::error;
                            if (k + 1 >= n || t_[k + 1] != 'u')
                                return lex_fail(std::min(k + 1, n), "invalid string: surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF"), Token::error;
                            const long low = hex4(k + 2);
                            if (low < 0) return Token::error;
                            if (low < 0xDC00 || low > 0xDFFF)
                                return lex_fail(k + 5, "invalid string: surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF"), Token::error;
                            k += 6;
                            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                        } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                            return lex_fail(k - 1, "invalid string: surrogate U+DC00..U+DFFF must follow U+D800..U+DBFF"), Token::error;
                        }
                        append_utf8(out, static_cast<unsigned long>(cp));
                        break;
                    }
                    default: return lex_fail(k - 1, "invalid string: forbidden character after backslash"), Token::error;
                }
                continue;
            }
            // A multi-byte UTF-8 sequence (RFC 3629): the lead byte fixes the range of each next byte.
            unsigned char lo1 = 0x80, hi1 = 0xBF;
            int more = 0;
            if (c >= 0xC2 && c <= 0xDF) more = 1;
            else if (c == 0xE0) more = 2, lo1 = 0xA0;
            else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) more = 2;
            else if (c == 0xED) more = 2, hi1 = 0x9F;
            else if (c == 0xF0) more = 3, lo1 = 0x90;
            else if (c >= 0xF1 && c <= 0xF3) more = 3;
            else if (c == 0xF4) more = 3, hi1 = 0x8F;
            else return lex_fail(k, "invalid string: ill-formed UTF-8 byte"), Token::error;
            for (int b = 1; b <= more; ++b) {
                if (k + static_cast<std::size_t>(b) >= n) return lex_fail(n, "invalid string: ill-formed UTF-8 byte"), Token::error;
                const unsigned char x = static_cast<unsigned char>(t_[k + static_cast<std::size_t>(b)]);
                if (x < (b == 1 ? lo1 : 0x80) || x > (b == 1 ? hi1 : 0xBF))
                    return lex_fail(k + static_cast<std::size_t>(b), "invalid string: ill-formed UTF-8 byte"), Token::error;
            }
            out.append(t_.data() + k, static_cast<std::size_t>(more) + 1);
            k += static_cast<std::size_t>(more) + 1;
        }
    }

    // ---- structure ----
    std::string pointer(std::size_t frames) const {
        std::string p;
        for (std::size_t f = 0; f < frames; ++f) {
            p += '/';
            p += stack_[f].array ? std::to_string(stack_[f].count - 1) : detail::escape_pointer_token(stack_[f].value->members_.back().key);
        }
        return p;
    }
    // Containers past the nesting limit are checked, not kept: one bit each (array or object).
    bool skipping() const { return !skipped_.empty(); }
    bool in_array() const { return skipping() ? bool(skipped_.back()) : stack_.back().array; }
    void close(bool array) {
        if (skipping()) skipped_.pop_back();
        else if (array) close_array();
        else close_object();
    }
    void issue(JsonIssue::Kind kind, std::string at_pointer, JsonPosition at, std::string message) {
        out_.issues.push_back(JsonIssue{kind, std::move(at_pointer), at, std::move(message)});
    }
    void check_string(std::size_t frames, JsonPosition at) {
        if (raw_bytes_ > Limits::max_string_bytes)
            issue(JsonIssue::Kind::string_too_long, pointer(frames), at,
                  "string of " + std::to_string(raw_bytes_) + " bytes; the limit is " + std::to_string(Limits::max_string_bytes));
    }

    // Where the next value goes: the root, a new element, or the member whose name was just read.
    JsonValue* place(JsonPosition at) {
        JsonValue* v = nullptr;
        if (skipping()) return nullptr;
        if (stack_.empty()) {
            v = &out_.root;
            v->key_position_ = at;
        } else if (Frame& f = stack_.back(); f.array) {
            ++f.count;
            f.value->elements_.emplace_back();
            v = &f.value->elements_.back();
            v->key_position_ = at;
        } else {
            v = &f.value->members_.back().value;
        }
        v->position_ = at;
        return v;
    }

    // Reads a member name (the token just read must be a string) and its colon.
    bool member_name(Token tok) {
        if (tok != Token::string) return syntax_error(tok, "string literal", "object key");
        if (!skipping()) {
            Frame& f = stack_.back();
            ++f.count;
            const JsonPosition at = position_at(token_at_);
            f.value->members_.push_back(JsonMember{std::move(string_), JsonValue()});
            f.value->members_.back().value.key_position_ = at;
            check_string(stack_.size(), at);
        }
        const Token colon = next();
        if (colon != Token::colon) return syntax_error(colon, "':'", "object separator");
        return true;
    }

    void close_array() {
        const Frame& f = stack_.back();
        if (f.count > Limits::max_array_items)
            issue(JsonIssue::Kind::too_many_items, pointer(stack_.size() - 1), f.value->position_,
                  "array of " + std::to_string(f.count) + " items; the limit is " + std::to_string(Limits::max_array_items));
        stack_.pop_back();
    }

    // Of a repeated key the last value counts, in the place of the first; each repeat is reported.
    void close_object() {
        Frame& f = stack_.back();
        if (f.value->members_.size() > 1) {
            std::vector<JsonMember>& m = f.value->members_;
            const std::size_t n = m.size();
            const std::vector<std::size_t> order = detail::stable_order(
                n,
                [](const void* c, std::size_t a, std::size_t b) {
                    const auto& x = *static_cast<const std::vector<JsonMember>*>(c);
                    return x[a].key < x[b].key;
                },
                &m);
            std::vector<bool> drop(n, false);
            bool any = false;
            for (std::size_t r = 0; r < n;) {
                std::size_t e = r + 1;
                while (e < n && m[order[e]].key == m[order[r]].key) ++e;
                if (e - r > 1) {
                    any = true;
                    const std::string prefix = pointer(stack_.size() - 1) + "/" + detail::escape_pointer_token(m[order[r]].key);
                    for (std::size_t d = r + 1; d < e; ++d) {
                        issue(JsonIssue::Kind::duplicate_key, prefix, m[order[d]].value.key_position_,
                              "duplicate key \"" + m[order[d]].key + "\"");
                        drop[order[d]] = true;
                    }
                    m[order[r]].value = std::move(m[order[e - 1]].value);
                }
                r = e;
            }
            if (any) {
                std::size_t w = 0;
                for (std::size_t k = 0; k < n; ++k)
                    if (!drop[k]) {
                        if (w != k) m[w] = std::move(m[k]);
                        ++w;
                    }
                m.resize(w);
            }
        }
        stack_.pop_back();
    }

    bool parse() {
        Token tok = next();
        for (;;) {
            // A value starts with `tok`.
            const JsonPosition at = skipping() ? JsonPosition{} : position_at(token_at_);
            JsonValue* v = place(at);
            switch (tok) {
                case Token::begin_object:
                case Token::begin_array: {
                    const bool array = tok == Token::begin_array;
                    if (v) v->kind_ = array ? JsonValue::Kind::array : JsonValue::Kind::object;
                    if (v && stack_.size() + 1 > Limits::max_nesting_depth)
                        issue(JsonIssue::Kind::too_deep, pointer(stack_.size()), at,
                              "nesting deeper than " + std::to_string(Limits::max_nesting_depth) + " levels");
                    if (v && stack_.size() + 1 <= Limits::max_nesting_depth) stack_.push_back(Frame{v, array, 0});
                    else skipped_.push_back(array);
                    tok = next();
                    if (tok == (array ? Token::end_array : Token::end_object)) {
                        if (skipping()) skipped_.pop_back();
                        else stack_.pop_back();
                        break;
                    }
                    if (array) continue;
                    if (!member_name(tok)) return false;
                    tok = next();
                    continue;
                }
                case Token::string:
                    if (v) {
                        check_string(stack_.size(), at);
                        v->kind_ = JsonValue::Kind::string;
                        v->string_ = std::move(string_);
                    }
                    break;
                case Token::number:
                    if (!std::isfinite(number_)) {
                        out_.error = "number overflow parsing '" + std::string(t_.substr(token_at_, token_end_ - token_at_)) + "'";
                        out_.error_offset = token_start_of(Token::number);
                        return false;
                    }
                    if (v) {
                        v->kind_ = JsonValue::Kind::number;
                        v->number_ = number_;
                        v->integer_ = integer_;
                    }
                    break;
                case Token::literal_true:
                case Token::literal_false:
                    if (v) {
                        v->kind_ = JsonValue::Kind::boolean;
                        v->boolean_ = tok == Token::literal_true;
                    }
                    break;
                case Token::literal_null: break;
                case Token::error: return syntax_error(tok, nullptr, "value");
                default: return syntax_error(tok, "'[', '{', or a literal", "value");
            }
            // After a value: close containers until one goes on.
            for (;;) {
                tok = next();
                if (stack_.empty() && !skipping()) {
                    if (tok != Token::end_of_input) return syntax_error(tok, "end of input", "value");
                    return true;
                }
                if (in_array()) {
                    if (tok == Token::comma) break;
                    if (tok == Token::end_array) {
                        close(true);
                        continue;
                    }
                    return syntax_error(tok, "']'", "array");
                }
                if (tok == Token::comma) {
                    if (!member_name(next())) return false;
                    break;
                }
                if (tok == Token::end_object) {
                    close(false);
                    continue;
                }
                return syntax_error(tok, "'}'", "object");
            }
            tok = next();
        }
    }

    std::string_view t_;
    ParsedJson& out_;
    std::size_t i_ = 0;
    std::vector<Frame> stack_;
    std::vector<bool> skipped_;
    // The current token.
    std::size_t token_at_ = 0, token_end_ = 0;
    std::size_t token_begin_ = 0;  // where the last string or number began (for "last read")
    std::string string_;
    std::size_t raw_bytes_ = 0;
    double number_ = 0;
    bool integer_ = false;
    std::string lex_message_;
    std::size_t lex_at_ = 0;
    // Line and column of byte `cursor_`.
    std::size_t cursor_ = 0;
    int line_ = 1, column_ = 1;
};

ParsedJson parse_json(std::string_view text) {
    ParsedJson out;
    JsonParser(text, out).run();
    return out;
}

JsonValue parse_json_or_null(std::string_view text) {
    ParsedJson parsed = parse_json(text);
    for (const JsonIssue& i : parsed.issues)
        if (i.kind == JsonIssue::Kind::too_deep) return JsonValue();
    return std::move(parsed.root);
}

}  // namespace dah
