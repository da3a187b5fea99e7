// Parses saved JSON text: the root, or a null value when the text is not JSON. Every reader in the app
// goes through dah/json_value.hpp, the same as the core's loaders, so the WebAssembly carries one parser.
#pragma once

#include <string_view>

#include "dah/json_value.hpp"

namespace dah::tutor {

inline JsonValue parse_json_text(std::string_view text) { return parse_json_or_null(text); }

}  // namespace dah::tutor
