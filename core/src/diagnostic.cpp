// Diagnostic::to_string: the one-line form "file:line:column: pointer: message" authors and tools read.
#include "dah/diagnostics.hpp"

namespace dah {

std::string Diagnostic::to_string() const {
    std::string out = file;
    if (line > 0) {
        out += ':' + std::to_string(line);
        if (column > 0) out += ':' + std::to_string(column);
    }
    if (!out.empty()) out += ": ";
    out += pointer.empty() ? std::string("(root)") : pointer;
    out += ": ";
    out += message;
    return out;
}

}  // namespace dah
