// JSON text to a value that knows the position of each of its parts, with the file-size, syntax,
// nesting, string-length, array-size and repeated-key checks that come before any schema check.
#pragma once

#include <string_view>
#include <vector>

#include "dah/diagnostics.hpp"
#include "dah/json_value.hpp"

namespace dah::detail {

struct JsonDocument {
    JsonValue root;
    bool parsed = false;  // false: syntax error, empty or too large; `root` is null
};

JsonDocument parse_document(std::string_view text, std::string_view file, std::vector<Diagnostic>& errors);

}  // namespace dah::detail
