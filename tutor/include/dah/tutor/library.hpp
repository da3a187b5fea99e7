// The knowledge base and the case library (built-in and imported), loaded through the core from
// text handed over by a front end. Each case carries the engine's replay, computed once at load.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "dah/case.hpp"
#include "dah/diagnostics.hpp"
#include "dah/engine.hpp"
#include "dah/knowledge_base.hpp"

namespace dah::tutor {

struct InputFile {
    std::string name;
    std::string text;
};

struct LoadError {
    std::string file;
    std::vector<std::string> messages;
};

struct CaseEntry {
    std::string file;
    Case data;
    std::vector<StageResult> replay;  // the engine after each stage of the case
    bool imported = false;
    std::string source;  // an import's text as handed over, kept for saving; empty for built-in cases
};

struct Library {
    std::optional<KnowledgeBase> kb;
    std::vector<CaseEntry> cases;  // built-in ones in difficulty order, then imports in arrival order
    std::vector<LoadError> errors;

    int index_of(const std::string& case_id) const;  // -1 when absent
};

// "knowledge-base.json" and "<id>.case.json" files; anything else is ignored. Never throws: a file
// that fails to load is listed in `errors` with its diagnostics, and the others still load.
Library load_library(const std::vector<InputFile>& files);

// Validates `text` against the library's knowledge base and adds it (or replaces an earlier import of
// the same id). A built-in case's id is refused. Returns the errors; empty means accepted (and then the
// case's id is in `case_id` when given).
std::vector<Diagnostic> add_import(Library& library, const InputFile& file, std::string* case_id = nullptr);

}  // namespace dah::tutor
