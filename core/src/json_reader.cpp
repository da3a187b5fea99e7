// Checked, error-collecting access to parsed JSON for the loaders.
#include "json_reader.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "dah/sort_stably.hpp"

namespace dah::detail {

std::string type_name(const json& value) {
    switch (value.kind()) {
        case json::Kind::object: return "an object";
        case json::Kind::array: return "an array";
        case json::Kind::string: return "a string";
        case json::Kind::boolean: return "a boolean";
        case json::Kind::number: return "a number";
        default: return "null";
    }
}

bool is_valid_id(std::string_view id) {
    if (id.empty()) return false;
    for (std::size_t i = 0; i < id.size(); ++i) {
        const char c = id[i];
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (!alnum && (i == 0 || (c != '_' && c != '-'))) return false;
    }
    return true;
}

std::string format_number(double x) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.10g", x);
    return buffer;
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += separator;
        out += items[i];
    }
    return out;
}

void ErrorSink::add(const std::string& pointer, JsonPosition at, std::string message) {
    errors_.push_back(Diagnostic{file_, pointer, at.line, at.column, std::move(message)});
}

void ErrorSink::error(const std::string& pointer, std::string message) {
    const JsonValue* v = value_at(root_, pointer);
    add(pointer, v ? v->position() : JsonPosition{}, std::move(message));
}

void ErrorSink::error_at_key(const std::string& pointer, std::string message) {
    const JsonValue* v = value_at(root_, pointer);
    add(pointer, v ? v->key_position() : JsonPosition{}, std::move(message));
}

namespace {
std::string joined(std::initializer_list<std::string_view> parts) {
    std::size_t n = 0;
    for (std::string_view p : parts) n += p.size();
    std::string out;
    out.reserve(n);
    for (std::string_view p : parts) out.append(p.data(), p.size());
    return out;
}
}  // namespace

void ErrorSink::error(const std::string& pointer, std::initializer_list<std::string_view> message) {
    error(pointer, joined(message));
}

void ErrorSink::error_at_key(const std::string& pointer, std::initializer_list<std::string_view> message) {
    error_at_key(pointer, joined(message));
}

void finish_errors(std::vector<Diagnostic>& errors) {
    sort_stably(errors, [](const Diagnostic& a, const Diagnostic& b) {
        if (a.line != b.line) return a.line < b.line;
        return a.column < b.column;
    });
    if (errors.size() > Limits::max_errors_reported) {
        const std::string file = errors.front().file;
        errors.resize(Limits::max_errors_reported);
        errors.push_back(Diagnostic{file, "", 0, 0,
                                    "too many errors; only the first " +
                                        std::to_string(Limits::max_errors_reported) + " are listed"});
    }
}

ObjectReader::ObjectReader(ErrorSink& sink, const json& value, std::string pointer,
                           std::initializer_list<const char*> keys)
    : sink_(sink), pointer_(std::move(pointer)) {
    if (!value.is_object()) {
        sink_.error(pointer_, {"expected an object, found ", type_name(value)});
        return;
    }
    object_ = &value;
    std::vector<std::string> allowed;
    for (const char* k : keys) allowed.emplace_back(k);
    for (const JsonMember& m : value.members()) {
        if (std::find(allowed.begin(), allowed.end(), m.key) == allowed.end()) {
            sink_.error_at_key(pointer_of(m.key), {"unknown key \"", m.key, "\"; expected one of: ", join(allowed)});
        }
    }
}

std::string ObjectReader::pointer_of(std::string_view key) const {
    return pointer_ + "/" + escape_pointer_token(key);
}

const json* ObjectReader::get(std::string_view key, Need need) {
    if (!object_) return nullptr;
    const json* v = object_->find(key);
    if (!v && need == Need::required) sink_.error(pointer_, {"missing key \"", std::string(key), "\""});
    return v;
}

bool ObjectReader::expect(const json& value, std::string_view key, bool ok, const char* expected) {
    if (!ok) sink_.error(pointer_of(key), {"expected ", expected, ", found ", type_name(value)});
    return ok;
}

bool ObjectReader::string(std::string_view key, std::string& out, Need need) {
    const json* v = get(key, need);
    if (!v || !expect(*v, key, v->is_string(), "a string")) return false;
    out = v->string();
    if (need == Need::required && out.empty()) {
        sink_.error(pointer_of(key), "empty string; expected text");
        return false;
    }
    return true;
}

bool ObjectReader::id(std::string_view key, std::string& out, Need need) {
    const json* v = get(key, need);
    if (!v || !expect(*v, key, v->is_string(), "an id (a string)")) return false;
    out = v->string();
    if (!is_valid_id(out)) {
        sink_.error(pointer_of(key), {"invalid id \"", out, "\"; expected lower-case letters, digits, '_' or '-'"});
        return false;
    }
    return true;
}

bool ObjectReader::number(std::string_view key, double& out, Need need) {
    const json* v = get(key, need);
    if (!v || !expect(*v, key, v->is_number(), "a number")) return false;
    out = v->number();
    return true;
}

bool ObjectReader::boolean(std::string_view key, bool& out, Need need) {
    const json* v = get(key, need);
    if (!v || !expect(*v, key, v->is_boolean(), "true or false")) return false;
    out = v->boolean();
    return true;
}

bool ObjectReader::integer(std::string_view key, int& out, Need need) {
    const json* v = get(key, need);
    if (!v || !expect(*v, key, v->is_number(), "an integer")) return false;
    const double d = v->number();
    if (!(d >= -1e9 && d <= 1e9) || std::floor(d) != d) {
        sink_.error(pointer_of(key), {"expected an integer, found ", format_number(d)});
        return false;
    }
    out = static_cast<int>(d);
    return true;
}

const json* ObjectReader::array(std::string_view key, Need need) {
    const json* v = get(key, need);
    if (!v || !expect(*v, key, v->is_array(), "an array")) return nullptr;
    return v;
}

const json* ObjectReader::object(std::string_view key, Need need) {
    const json* v = get(key, need);
    if (!v || !expect(*v, key, v->is_object(), "an object")) return nullptr;
    return v;
}

bool ObjectReader::string_list(std::string_view key, std::vector<std::string>& out, Need need, bool ids) {
    const json* list = array(key, need);
    if (!list) return false;
    bool ok = true;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const json& item = (*list)[i];
        const std::string at = pointer_of(key) + "/" + std::to_string(i);
        if (!item.is_string()) {
            sink_.error(at, {"expected ", (ids ? "an id (a string)" : "a string"), ", found ", type_name(item)});
            ok = false;
            continue;
        }
        std::string s = item.string();
        if (ids && !is_valid_id(s)) {
            sink_.error(at, {"invalid id \"", s, "\"; expected lower-case letters, digits, '_' or '-'"});
            ok = false;
            continue;
        }
        out.push_back(std::move(s));
    }
    return ok;
}

}  // namespace dah::detail
