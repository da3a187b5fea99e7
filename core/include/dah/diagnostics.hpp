// Errors found while loading a knowledge base or a case: each names the file, the place in it
// and what was found versus expected, so an author can fix every problem in one pass.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace dah {

struct Diagnostic {
    std::string file;      // as given by the caller, e.g. "cases/gpa-cavities.json"
    std::string pointer;   // RFC 6901 JSON pointer, e.g. "/stages/2/findings/0/value"; "" for the root
    int line = 0;          // 1-based; 0 when unknown
    int column = 0;        // 1-based; 0 when unknown
    std::string message;   // what was found and what was expected

    // "file:line:column: pointer: message" (parts that are unknown are left out)
    std::string to_string() const;
};

// The result of a load: a value when there were no errors, and every error otherwise.
template <class T>
struct Loaded {
    std::optional<T> value;
    std::vector<Diagnostic> errors;
    bool ok() const { return value.has_value() && errors.empty(); }
};

// Bounds on input, checked before and while parsing; past a bound the loader reports an error.
struct Limits {
    static constexpr std::size_t max_file_bytes = 2 * 1024 * 1024;
    static constexpr std::size_t max_string_bytes = 8 * 1024;
    static constexpr std::size_t max_array_items = 512;
    static constexpr std::size_t max_nesting_depth = 32;
    static constexpr std::size_t max_errors_reported = 200;
};

}  // namespace dah
