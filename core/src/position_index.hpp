// Where each JSON value sits in the text (line and column by JSON pointer), found by a scan of text
// that nlohmann::json has already accepted; the same scan enforces the nesting, string and array
// limits and reports duplicate keys, which nlohmann would silently merge.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dah/diagnostics.hpp"

namespace dah::detail {

struct TextPosition {
    int line = 0;    // 1-based; 0 when unknown
    int column = 0;  // 1-based, in characters (UTF-8 code points)
};

class PositionIndex {
public:
    // Position of the value at `pointer`; {0, 0} when unknown.
    TextPosition value(const std::string& pointer) const;
    // Position of the member name of the value at `pointer` (the value itself for array items).
    TextPosition key(const std::string& pointer) const;
    void add(std::string pointer, TextPosition key, TextPosition value);

private:
    struct Place {
        TextPosition key, value;
    };
    std::unordered_map<std::string, Place> places_;
};

// Scans valid JSON text; limit violations and duplicate keys go to `errors`.
void index_positions(std::string_view text, std::string_view file, PositionIndex& index,
                     std::vector<Diagnostic>& errors);

// Line and column of a byte offset (for parse errors).
TextPosition position_of_offset(std::string_view text, std::size_t offset);

// RFC 6901 escaping of one reference token.
std::string escape_pointer_token(std::string_view token);

}  // namespace dah::detail
