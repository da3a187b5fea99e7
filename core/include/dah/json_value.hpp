// A small JSON document model and a strict RFC 8259 parser: what every reader of the product (the
// knowledge base, cases, saved progress, settings) reads JSON with. Each value keeps the line and
// column it was written at, so an error can point at it. Numbers are doubles (the readers need no
// more); `is_number_integer` says the text had no fraction or exponent and fits 64 bits. Objects keep
// their members in the order written; of a repeated key the last value counts (the parse reports it).
// Syntax errors are worded as the authors' tests and tools have always shown them ("syntax error while
// parsing object - unexpected string literal; expected '}'").
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace dah {

struct JsonPosition {
    int line = 0;    // 1-based; 0 when unknown
    int column = 0;  // 1-based, in characters (UTF-8 code points)
};

struct JsonMember;

class JsonValue {
public:
    enum class Kind : unsigned char { null, boolean, number, string, array, object };

    Kind kind() const { return kind_; }
    bool is_null() const { return kind_ == Kind::null; }
    bool is_boolean() const { return kind_ == Kind::boolean; }
    bool is_number() const { return kind_ == Kind::number; }
    bool is_number_integer() const { return kind_ == Kind::number && integer_; }
    bool is_string() const { return kind_ == Kind::string; }
    bool is_array() const { return kind_ == Kind::array; }
    bool is_object() const { return kind_ == Kind::object; }

    bool boolean() const { return boolean_; }
    double number() const { return number_; }
    int to_int() const;  // the number, truncated and clamped to int
    const std::string& string() const { return string_; }

    // Arrays: the elements (empty for anything else); range-for walks them.
    const std::vector<JsonValue>& elements() const { return elements_; }
    const JsonValue& operator[](std::size_t i) const { return elements_[i]; }
    std::vector<JsonValue>::const_iterator begin() const { return elements_.begin(); }
    std::vector<JsonValue>::const_iterator end() const { return elements_.end(); }
    // Objects: the members in written order (empty for anything else).
    const std::vector<JsonMember>& members() const { return members_; }
    const JsonValue* find(std::string_view key) const;  // nullptr when absent or not an object
    bool contains(std::string_view key) const { return find(key) != nullptr; }
    const JsonValue& operator[](std::string_view key) const;  // a null value when absent
    // Elements of an array, members of an object, 0 otherwise.
    std::size_t size() const { return kind_ == Kind::object ? members_.size() : elements_.size(); }
    bool empty() const { return size() == 0; }

    JsonPosition position() const { return position_; }
    // Where the member name starts (the value's own position for array elements and the root).
    JsonPosition key_position() const { return key_position_; }

private:
    friend class JsonParser;
    Kind kind_ = Kind::null;
    bool boolean_ = false;
    bool integer_ = false;
    double number_ = 0;
    std::string string_;
    std::vector<JsonValue> elements_;
    std::vector<JsonMember> members_;
    JsonPosition position_, key_position_;
};

struct JsonMember {
    std::string key;
    JsonValue value;
};

// A problem with valid JSON text: past one of the limits of dah/diagnostics.hpp, or a repeated key.
struct JsonIssue {
    enum class Kind : unsigned char { string_too_long, too_many_items, too_deep, duplicate_key };
    Kind kind;
    std::string pointer;  // RFC 6901
    JsonPosition at;
    std::string message;
};

struct ParsedJson {
    JsonValue root;  // null unless `ok`
    bool ok = false;
    // On a syntax error: the message and the byte offset it points at (the start of an unexpected token).
    std::string error;
    std::size_t error_offset = 0;
    // In text order. Past the nesting limit nothing is kept: such a container reads as empty.
    std::vector<JsonIssue> issues;
};

ParsedJson parse_json(std::string_view text);

// For saved state that must either read whole or not at all: the root, or a null value when the
// text is not JSON or nests too deep.
JsonValue parse_json_or_null(std::string_view text);

}  // namespace dah
