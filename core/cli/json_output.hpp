// JSON output helpers shared by the commands (dump never throws: invalid UTF-8 is replaced).
#pragma once

#include <cstdio>
#include <nlohmann/json.hpp>
#include <vector>

#include "dah/diagnostics.hpp"

namespace dah::cli {

inline void print_json(const nlohmann::json& value) {
    std::printf("%s\n", value.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
}

inline nlohmann::json to_json(const Diagnostic& e) {
    return {{"file", e.file}, {"pointer", e.pointer}, {"line", e.line}, {"column", e.column}, {"message", e.message},
            {"text", e.to_string()}};
}

inline nlohmann::json to_json(const std::vector<Diagnostic>& errors) {
    nlohmann::json out = nlohmann::json::array();
    for (const Diagnostic& e : errors) out.push_back(to_json(e));
    return out;
}

}  // namespace dah::cli
