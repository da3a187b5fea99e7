// Parses saved JSON text without exceptions (a discarded value on error). Every reader in the app goes
// through this one input type, the same as the core's loaders, so the WebAssembly carries one parser.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

namespace dah::tutor {

inline nlohmann::json parse_json_text(std::string_view text) {
    return nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
}

}  // namespace dah::tutor
