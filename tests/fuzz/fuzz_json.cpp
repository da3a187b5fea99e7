// libFuzzer target: the JSON parser on any bytes. It accepts or refuses without a crash; an accepted
// text has every value at a line and column inside the text, and a refusal points inside the text.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "dah/json_value.hpp"

namespace {

int lines_of(std::string_view text) {
    int n = 1;
    for (char c : text) n += c == '\n';
    return n;
}

void check(const dah::JsonValue& v, int lines) {
    // An explicit stack, as the parser has: a deep value must not exhaust the fuzzer's own stack.
    std::vector<const dah::JsonValue*> todo{&v};
    while (!todo.empty()) {
        const dah::JsonValue* x = todo.back();
        todo.pop_back();
        const dah::JsonPosition p = x->position();
        if (p.line < 1 || p.line > lines || p.column < 1) __builtin_trap();
        for (const auto& e : x->elements()) todo.push_back(&e);
        for (const auto& m : x->members()) todo.push_back(&m.value);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const dah::ParsedJson parsed = dah::parse_json(text);
    if (parsed.ok) {
        check(parsed.root, lines_of(text));
    } else {
        if (parsed.error.empty() || parsed.error_offset > size || !parsed.root.is_null()) __builtin_trap();
    }
    (void)dah::parse_json_or_null(text);
    return 0;
}
