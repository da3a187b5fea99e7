// JSON text written straight into a string, for everything the app hands out (state(), events, saved
// progress, exports). Filling a parsed-document type field by field costs several kilobytes of wasm per
// output; this writer is one small non-inline class. Objects keep the order their keys are written in.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace dah::tutor {

class JsonWriter {
public:
    // Pretty: one value a line, indented by two spaces (files people open); else compact.
    explicit JsonWriter(bool pretty = false) : pretty_(pretty) {}

    JsonWriter& begin_object();
    JsonWriter& end_object();
    JsonWriter& begin_array();
    JsonWriter& end_array();
    JsonWriter& key(std::string_view name);  // inside an object, before its value

    JsonWriter& value(std::string_view text);  // invalid UTF-8 becomes U+FFFD
    JsonWriter& value(const char* text) { return value(std::string_view(text)); }
    JsonWriter& value(double number);  // 15 digits, 17 where 15 do not read back the same; NaN, infinities: null
    JsonWriter& value(bool flag);
    JsonWriter& value(std::nullptr_t);
    template <class T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>, int> = 0>
    JsonWriter& value(T number) {
        return integer(static_cast<long long>(number));
    }

    template <class T>
    JsonWriter& field(std::string_view name, const T& v) {
        return key(name).value(v);
    }
    const std::string& text() const { return out_; }
    std::string take() { return std::move(out_); }

private:
    JsonWriter& integer(long long number);
    void before_value();
    JsonWriter& close(char bracket);
    void new_line();

    std::string out_;
    std::vector<bool> empty_;  // one per open object or array: nothing written in it yet
    bool after_key_ = false;
    bool pretty_;
};

}  // namespace dah::tutor
