// Checked access to parsed JSON for the loaders: every wrong type, missing or unknown key becomes a
// Diagnostic with file, pointer, line and column, and reading goes on so that every error is found.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "dah/diagnostics.hpp"
#include "dah/json_value.hpp"
#include "json_pointer.hpp"

namespace dah::detail {

using json = JsonValue;

std::string type_name(const json& value);  // "an object", "a string", ...
bool is_valid_id(std::string_view id);     // ^[a-z0-9][a-z0-9_-]*$
std::string format_number(double x);       // shortest readable form for messages
std::string join(const std::vector<std::string>& items, std::string_view separator = ", ");
inline std::string in_quotes(std::string_view s) { return "\"" + std::string(s) + "\""; }

// Collects errors for one file (up to Limits::max_errors_reported).
class ErrorSink {
public:
    ErrorSink(std::string_view file, const JsonValue& root, std::vector<Diagnostic>& errors)
        : file_(file), root_(root), errors_(errors) {}
    // At the value the pointer names.
    void error(const std::string& pointer, std::string message);
    // The message in parts, joined here: one call in place of a chain of string additions at each of
    // the readers' many messages keeps the WebAssembly smaller.
    void error(const std::string& pointer, std::initializer_list<std::string_view> message);
    // At the member name of the value (for unknown or duplicate keys).
    void error_at_key(const std::string& pointer, std::string message);
    void error_at_key(const std::string& pointer, std::initializer_list<std::string_view> message);
    std::size_t count() const { return errors_.size(); }

private:
    void add(const std::string& pointer, JsonPosition at, std::string message);
    std::string file_;
    const JsonValue& root_;
    std::vector<Diagnostic>& errors_;
};

// Sorts by line and column (stable), so errors read top to bottom, and applies the error cap.
void finish_errors(std::vector<Diagnostic>& errors);

enum class Need { required, optional };

// Reads the members of one JSON object: reports a non-object, unknown keys, missing keys, wrong types.
class ObjectReader {
public:
    ObjectReader(ErrorSink& sink, const json& value, std::string pointer, std::initializer_list<const char*> keys);

    bool is_object() const { return object_ != nullptr; }
    const std::string& pointer() const { return pointer_; }
    std::string pointer_of(std::string_view key) const;
    const json* get(std::string_view key, Need need);
    bool string(std::string_view key, std::string& out, Need need);  // required strings must be non-empty
    bool id(std::string_view key, std::string& out, Need need);
    bool number(std::string_view key, double& out, Need need);
    bool integer(std::string_view key, int& out, Need need);
    bool boolean(std::string_view key, bool& out, Need need);
    const json* array(std::string_view key, Need need);
    const json* object(std::string_view key, Need need);
    // An array of strings (ids when `ids`), each element checked.
    bool string_list(std::string_view key, std::vector<std::string>& out, Need need, bool ids);

private:
    bool expect(const json& value, std::string_view key, bool ok, const char* expected);
    ErrorSink& sink_;
    const json* object_ = nullptr;
    std::string pointer_;
};

}  // namespace dah::detail
