// A scan of already-valid JSON text that records the line and column of every value by JSON pointer.
#include "position_index.hpp"

#include <set>

namespace dah::detail {

TextPosition PositionIndex::value(const std::string& pointer) const {
    auto it = places_.find(pointer);
    return it == places_.end() ? TextPosition{} : it->second.value;
}

TextPosition PositionIndex::key(const std::string& pointer) const {
    auto it = places_.find(pointer);
    return it == places_.end() ? TextPosition{} : it->second.key;
}

void PositionIndex::add(std::string pointer, TextPosition key, TextPosition value) {
    places_[std::move(pointer)] = Place{key, value};
}

std::string escape_pointer_token(std::string_view token) {
    std::string out;
    out.reserve(token.size());
    for (char c : token) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

namespace {

bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

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

class Scanner {
public:
    Scanner(std::string_view text, std::string_view file, PositionIndex& index, std::vector<Diagnostic>& errors)
        : text_(text), file_(file), index_(index), errors_(errors) {
        if (text_.size() >= 3 && text_.substr(0, 3) == "\xEF\xBB\xBF") i_ = 3;  // byte order mark
    }

    void run() {
        skip_space();
        const TextPosition at = here();
        scan_value("", at, 0);
    }

private:
    TextPosition here() const { return TextPosition{line_, column_}; }
    char peek() const { return i_ < text_.size() ? text_[i_] : '\0'; }
    void advance() {
        if (i_ >= text_.size()) return;
        const char c = text_[i_++];
        if (c == '\n') {
            ++line_;
            column_ = 1;
        } else if (!is_continuation_byte(c)) {
            ++column_;
        }
    }
    void skip_space() {
        while (i_ < text_.size() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r')) advance();
    }
    void report(const std::string& pointer, TextPosition at, std::string message) {
        errors_.push_back(Diagnostic{std::string(file_), pointer, at.line, at.column, std::move(message)});
    }

    // Reads a string starting at the opening quote; returns its decoded text and raw byte length.
    std::string scan_string(std::size_t& raw_bytes) {
        std::string out;
        advance();  // opening quote
        const std::size_t start = i_;
        while (i_ < text_.size() && peek() != '"') {
            if (peek() == '\\') {
                advance();
                const char e = peek();
                advance();
                switch (e) {
                    case 'b': out += '\b'; break;
                    case 'f': out += '\f'; break;
                    case 'n': out += '\n'; break;
                    case 'r': out += '\r'; break;
                    case 't': out += '\t'; break;
                    case 'u': {
                        unsigned long cp = read_hex4();
                        if (cp >= 0xD800 && cp < 0xDC00 && peek() == '\\') {
                            advance();
                            advance();  // 'u'
                            const unsigned long low = read_hex4();
                            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                        }
                        append_utf8(out, cp);
                        break;
                    }
                    default: out += e; break;
                }
            } else {
                out += peek();
                advance();
            }
        }
        raw_bytes = i_ - start;
        advance();  // closing quote
        return out;
    }
    unsigned long read_hex4() {
        unsigned long v = 0;
        for (int k = 0; k < 4; ++k) {
            const char c = peek();
            advance();
            v <<= 4;
            if (c >= '0' && c <= '9') v |= static_cast<unsigned long>(c - '0');
            else if (c >= 'a' && c <= 'f') v |= static_cast<unsigned long>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F') v |= static_cast<unsigned long>(c - 'A' + 10);
        }
        return v;
    }

    // Skips a whole container without recording anything (past the nesting limit).
    void skip_container() {
        int depth = 0;
        while (i_ < text_.size()) {
            const char c = peek();
            if (c == '"') {
                std::size_t ignored = 0;
                scan_string(ignored);
                continue;
            }
            if (c == '{' || c == '[') ++depth;
            if (c == '}' || c == ']') --depth;
            advance();
            if (depth == 0) return;
        }
    }

    void check_string(const std::string& pointer, TextPosition at, std::size_t raw_bytes) {
        if (raw_bytes > Limits::max_string_bytes) {
            report(pointer, at,
                   "string of " + std::to_string(raw_bytes) + " bytes; the limit is " +
                       std::to_string(Limits::max_string_bytes));
        }
    }

    void scan_value(const std::string& pointer, TextPosition key_at, std::size_t depth) {
        const TextPosition at = here();
        index_.add(pointer, key_at, at);
        const char c = peek();
        if (c == '{' || c == '[') {
            if (depth + 1 > Limits::max_nesting_depth) {
                report(pointer, at, "nesting deeper than " + std::to_string(Limits::max_nesting_depth) + " levels");
                skip_container();
                return;
            }
            if (c == '{') scan_object(pointer, depth + 1);
            else scan_array(pointer, at, depth + 1);
        } else if (c == '"') {
            std::size_t raw = 0;
            scan_string(raw);
            check_string(pointer, at, raw);
        } else {
            while (i_ < text_.size()) {
                const char d = peek();
                if (d == ',' || d == ']' || d == '}' || d == ' ' || d == '\t' || d == '\n' || d == '\r') break;
                advance();
            }
        }
    }

    void scan_object(const std::string& pointer, std::size_t depth) {
        advance();  // {
        std::set<std::string> seen;
        for (;;) {
            skip_space();
            if (i_ >= text_.size()) return;
            if (peek() == '}') {
                advance();
                return;
            }
            if (peek() == ',') {
                advance();
                continue;
            }
            const TextPosition key_at = here();
            std::size_t raw = 0;
            const std::string key = scan_string(raw);
            const std::string member = pointer + "/" + escape_pointer_token(key);
            check_string(member, key_at, raw);
            if (!seen.insert(key).second) report(member, key_at, "duplicate key \"" + key + "\"");
            skip_space();
            advance();  // :
            skip_space();
            scan_value(member, key_at, depth);
        }
    }

    void scan_array(const std::string& pointer, TextPosition at, std::size_t depth) {
        advance();  // [
        std::size_t count = 0;
        for (;;) {
            skip_space();
            if (i_ >= text_.size()) break;
            if (peek() == ']') {
                advance();
                break;
            }
            if (peek() == ',') {
                advance();
                continue;
            }
            const std::string item = pointer + "/" + std::to_string(count++);
            scan_value(item, here(), depth);
        }
        if (count > Limits::max_array_items) {
            report(pointer, at,
                   "array of " + std::to_string(count) + " items; the limit is " +
                       std::to_string(Limits::max_array_items));
        }
    }

    std::string_view text_;
    std::string_view file_;
    PositionIndex& index_;
    std::vector<Diagnostic>& errors_;
    std::size_t i_ = 0;
    int line_ = 1, column_ = 1;
};

}  // namespace

void index_positions(std::string_view text, std::string_view file, PositionIndex& index,
                     std::vector<Diagnostic>& errors) {
    Scanner(text, file, index, errors).run();
}

TextPosition position_of_offset(std::string_view text, std::size_t offset) {
    TextPosition p{1, 1};
    const std::size_t end = offset < text.size() ? offset : text.size();
    for (std::size_t i = 0; i < end; ++i) {
        if (text[i] == '\n') {
            ++p.line;
            p.column = 1;
        } else if (!is_continuation_byte(text[i])) {
            ++p.column;
        }
    }
    return p;
}

}  // namespace dah::detail
