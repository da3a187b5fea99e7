#include "dah/tutor/json_writer.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace dah::tutor {

void JsonWriter::new_line() {
    if (!pretty_) return;
    out_ += '\n';
    out_.append(2 * empty_.size(), ' ');
}

void JsonWriter::before_value() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (empty_.empty()) return;
    if (!empty_.back()) out_ += ',';
    empty_.back() = false;
    new_line();
}

JsonWriter& JsonWriter::begin_object() {
    before_value();
    out_ += '{';
    empty_.push_back(true);
    return *this;
}

JsonWriter& JsonWriter::begin_array() {
    before_value();
    out_ += '[';
    empty_.push_back(true);
    return *this;
}

JsonWriter& JsonWriter::close(char bracket) {
    const bool was_empty = empty_.back();
    empty_.pop_back();
    if (!was_empty) new_line();
    out_ += bracket;
    return *this;
}

JsonWriter& JsonWriter::end_object() { return close('}'); }
JsonWriter& JsonWriter::end_array() { return close(']'); }

JsonWriter& JsonWriter::key(std::string_view name) {
    value(name);
    out_ += pretty_ ? ": " : ":";
    after_key_ = true;
    return *this;
}

// Length of the valid UTF-8 sequence starting at s[i], or 0 if it is not one.
static std::size_t utf8_length(std::string_view s, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = byte(i);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size()) return 0;
    for (std::size_t k = 1; k < n; ++k)
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
    if (n == 2 && c < 0xC2) return 0;                                              // overlong
    if (n == 3 && c == 0xE0 && byte(i + 1) < 0xA0) return 0;                       // overlong
    if (n == 3 && c == 0xED && byte(i + 1) >= 0xA0) return 0;                      // surrogate
    if (n == 4 && ((c == 0xF0 && byte(i + 1) < 0x90) || c > 0xF4 || (c == 0xF4 && byte(i + 1) >= 0x90))) return 0;
    return n;
}

JsonWriter& JsonWriter::value(std::string_view text) {
    before_value();
    out_ += '"';
    for (std::size_t i = 0; i < text.size();) {
        const char c = text[i];
        const std::size_t n = utf8_length(text, i);
        if (n == 0) {
            out_ += "\xEF\xBF\xBD";
            ++i;
            continue;
        }
        if (c == '"' || c == '\\') {
            out_ += '\\';
            out_ += c;
        } else if (c == '\n') {
            out_ += "\\n";
        } else if (static_cast<unsigned char>(c) < 0x20) {
            char esc[8];
            std::snprintf(esc, sizeof esc, "\\u%04x", static_cast<unsigned>(c));
            out_ += esc;
        } else {
            out_.append(text.data() + i, n);
        }
        i += n;
    }
    out_ += '"';
    return *this;
}

JsonWriter& JsonWriter::value(double number) {
    if (!std::isfinite(number)) return value(nullptr);
    before_value();
    char buf[32];
    // 15 significant digits read back exactly for most numbers (0.1 stays "0.1"); else all 17.
    std::snprintf(buf, sizeof buf, "%.15g", number);
    if (std::strtod(buf, nullptr) != number) std::snprintf(buf, sizeof buf, "%.17g", number);
    out_ += buf;
    return *this;
}

JsonWriter& JsonWriter::integer(long long number) {
    before_value();
    out_ += std::to_string(number);
    return *this;
}

JsonWriter& JsonWriter::value(bool flag) {
    before_value();
    out_ += flag ? "true" : "false";
    return *this;
}

JsonWriter& JsonWriter::value(std::nullptr_t) {
    before_value();
    out_ += "null";
    return *this;
}

}  // namespace dah::tutor
