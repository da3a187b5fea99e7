// A syntax error becomes one diagnostic at its line and column; problems with valid text (past a
// limit, a repeated key) become one each, and reading goes on.
#include "json_document.hpp"

#include <string>

#include "json_pointer.hpp"

namespace dah::detail {

namespace {

// Control characters made visible so the diagnostic stays on one line.
std::string one_line(const std::string& text) {
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
    ParsedJson parsed = parse_json(text);
    if (!parsed.ok) {
        const JsonPosition p = position_of_offset(text, parsed.error_offset);
        errors.push_back(Diagnostic{file_name, "", p.line, p.column, one_line(parsed.error)});
        return doc;
    }
    for (JsonIssue& i : parsed.issues)
        errors.push_back(Diagnostic{file_name, std::move(i.pointer), i.at.line, i.at.column, std::move(i.message)});
    doc.root = std::move(parsed.root);
    doc.parsed = true;
    return doc;
}

}  // namespace dah::detail
