// JSON pointers resolved in a parsed value (each value knows its line and column), and the line and
// column of a byte offset for syntax errors.
#include "json_pointer.hpp"

namespace dah::detail {

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

const JsonValue* value_at(const JsonValue& root, std::string_view pointer) {
    const JsonValue* v = &root;
    std::size_t i = 0;
    while (v && i < pointer.size()) {
        if (pointer[i] != '/') return nullptr;
        std::size_t end = pointer.find('/', i + 1);
        if (end == std::string_view::npos) end = pointer.size();
        std::string token;
        for (std::size_t k = i + 1; k < end; ++k) {
            if (pointer[k] == '~' && k + 1 < end && (pointer[k + 1] == '0' || pointer[k + 1] == '1')) {
                token += pointer[++k] == '0' ? '~' : '/';
            } else {
                token += pointer[k];
            }
        }
        if (v->is_array()) {
            if (token.empty() || token.size() > 9 || token.find_first_not_of("0123456789") != std::string::npos) return nullptr;
            const std::size_t index = static_cast<std::size_t>(std::stoul(token));
            v = index < v->size() ? &(*v)[index] : nullptr;
        } else {
            v = v->find(token);
        }
        i = end;
    }
    return v;
}

JsonPosition position_of_offset(std::string_view text, std::size_t offset) {
    JsonPosition p{1, 1};
    const std::size_t end = offset < text.size() ? offset : text.size();
    for (std::size_t i = 0; i < end; ++i) {
        if (text[i] == '\n') {
            ++p.line;
            p.column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++p.column;
        }
    }
    return p;
}

}  // namespace dah::detail
