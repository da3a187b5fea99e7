// JSON text to a nlohmann::json value plus the position of every value, with the file-size,
// syntax, nesting, string-length and array-size checks that come before any schema check.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>
#include <vector>

#include "dah/diagnostics.hpp"
#include "position_index.hpp"

namespace dah::detail {

struct JsonDocument {
    nlohmann::json root;
    PositionIndex positions;
    bool parsed = false;  // false: syntax error, empty or too large; `root` is meaningless
};

JsonDocument parse_document(std::string_view text, std::string_view file, std::vector<Diagnostic>& errors);

}  // namespace dah::detail
