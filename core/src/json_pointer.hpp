// Where a JSON value sits in its text, found by its JSON pointer in the parsed value.
#pragma once

#include <string>
#include <string_view>

#include "dah/json_value.hpp"

namespace dah::detail {

// The value at `pointer` (RFC 6901) under `root`; nullptr when there is none.
const JsonValue* value_at(const JsonValue& root, std::string_view pointer);

// Line and column of a byte offset (for syntax errors).
JsonPosition position_of_offset(std::string_view text, std::size_t offset);

// RFC 6901 escaping of one reference token.
std::string escape_pointer_token(std::string_view token);

}  // namespace dah::detail
