// Parsing without exceptions: nlohmann builds the value; on a syntax error a SAX pass recovers the
// message and byte offset, which become line and column.
#include "json_document.hpp"

#include <string>

namespace dah::detail {

namespace {

using nlohmann::json;

// Collects nothing but the first parse error (nlohmann reports it through the SAX interface,
// so no exception is thrown or caught).
struct ErrorOnlySax : nlohmann::json_sax<json> {
    std::size_t offset = 0;
    std::string message;
    bool failed = false;

    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override { return true; }
    bool key(string_t&) override { return true; }
    bool end_object() override { return true; }
    bool start_array(std::size_t) override { return true; }
    bool end_array() override { return true; }
    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) override {
        failed = true;
        offset = position;
        message = ex.what();
        return false;
    }
};

// "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error ..." -> "syntax error ...",
// with control characters made visible so the diagnostic stays on one line.
std::string clean_parse_message(const std::string& what) {
    std::string text = what;
    const auto column = text.find("column ");
    if (column != std::string::npos) {
        const auto colon = text.find(": ", column);
        if (colon != std::string::npos) text = text.substr(colon + 2);
    } else if (const auto bracket = text.find("] "); bracket != std::string::npos) {
        text = text.substr(bracket + 2);
    }
    std::string out;
    for (char c : text) {
        if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else if (c == '\t') out += "\\t";
        else if (static_cast<unsigned char>(c) < 0x20) out += '?';
        else out += c;
    }
    return out;
}

// nlohmann reports an unexpected token at its last character; authors look for its first.
std::size_t token_start(std::string_view text, std::size_t at, const std::string& message) {
    if (at >= text.size()) return at;
    if (message.find("unexpected string literal") != std::string::npos && text[at] == '"') {
        std::size_t i = at;
        while (i > 0) {
            --i;
            if (text[i] == '"') {
                std::size_t slashes = 0;
                while (i >= slashes + 1 && text[i - slashes - 1] == '\\') ++slashes;
                if (slashes % 2 == 0) return i;
            }
            if (text[i] == '\n') break;
        }
        return at;
    }
    if (message.find("unexpected number literal") != std::string::npos ||
        message.find("unexpected true literal") != std::string::npos ||
        message.find("unexpected false literal") != std::string::npos ||
        message.find("unexpected null literal") != std::string::npos ||
        message.find("number overflow") != std::string::npos) {
        std::size_t i = at;
        auto part_of_token = [](char c) {
            return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c == '.' || c == '+' || c == '-' || c == 'E';
        };
        while (i > 0 && part_of_token(text[i - 1])) --i;
        return i;
    }
    return at;
}

bool only_whitespace(std::string_view text) {
    for (char c : text) {
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return false;
    }
    return true;
}

}  // namespace

JsonDocument parse_document(std::string_view text, std::string_view file, std::vector<Diagnostic>& errors) {
    JsonDocument doc;
    const std::string file_name(file);
    if (text.size() > Limits::max_file_bytes) {
        errors.push_back(Diagnostic{file_name, "", 0, 0,
                                    "file of " + std::to_string(text.size()) + " bytes; the limit is " +
                                        std::to_string(Limits::max_file_bytes) + " (2 MiB)"});
        return doc;
    }
    if (only_whitespace(text)) {
        errors.push_back(Diagnostic{file_name, "", 1, 1, "empty file; expected a JSON object"});
        return doc;
    }
    doc.root = json::parse(text.begin(), text.end(), nullptr, false);
    if (doc.root.is_discarded()) {
        ErrorOnlySax sax;
        json::sax_parse(text.begin(), text.end(), &sax, nlohmann::detail::input_format_t::json, true);
        // nlohmann counts the offending character as read: the error is at offset - 1.
        const std::size_t at = token_start(text, sax.offset > 0 ? sax.offset - 1 : 0, sax.message);
        const TextPosition p = position_of_offset(text, at);
        errors.push_back(Diagnostic{file_name, "", p.line, p.column,
                                    sax.failed ? clean_parse_message(sax.message) : "invalid JSON"});
        doc.root = json();
        return doc;
    }
    index_positions(text, file, doc.positions, errors);
    doc.parsed = true;
    return doc;
}

}  // namespace dah::detail
