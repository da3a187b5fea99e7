#include "dah/tutor/library.hpp"

#include <algorithm>

#include "dah/sort_stably.hpp"

namespace dah::tutor {

namespace {

bool has_suffix(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::vector<std::string> messages_of(const std::vector<Diagnostic>& errors) {
    std::vector<std::string> out;
    for (const auto& e : errors) out.push_back(e.to_string());
    return out;
}

Diagnostic problem(const std::string& file, const std::string& message) {
    Diagnostic d;
    d.file = file;
    d.message = message;
    return d;
}

int difficulty_rank(const std::string& difficulty) {
    return difficulty == "introductory" ? 0 : difficulty == "intermediate" ? 1 : difficulty == "advanced" ? 2 : 3;
}

}  // namespace

int Library::index_of(const std::string& case_id) const {
    for (std::size_t i = 0; i < cases.size(); ++i)
        if (cases[i].data.id == case_id) return static_cast<int>(i);
    return -1;
}

Library load_library(const std::vector<InputFile>& files) {
    Library lib;
    const auto kb_file = std::find_if(files.begin(), files.end(), [](const InputFile& f) { return f.name == "knowledge-base.json"; });
    if (kb_file == files.end()) {
        lib.errors.push_back({"knowledge-base.json", {"The knowledge base was not found, so no case can be played."}});
        return lib;
    }
    Loaded<KnowledgeBase> kb = load_knowledge_base(kb_file->text, kb_file->name);
    if (!kb.ok()) {
        lib.errors.push_back({kb_file->name, messages_of(kb.errors)});
        return lib;
    }
    lib.kb = std::move(kb.value);
    std::vector<const InputFile*> case_files;
    for (const auto& f : files)
        if (has_suffix(f.name, ".case.json")) case_files.push_back(&f);
    sort_stably(case_files, [](const InputFile* a, const InputFile* b) { return a->name < b->name; });
    for (const InputFile* f : case_files) {
        Loaded<Case> c = load_case(f->text, f->name, *lib.kb);
        if (!c.ok()) {
            lib.errors.push_back({f->name, messages_of(c.errors)});
            continue;
        }
        if (lib.index_of(c.value->id) >= 0) {
            lib.errors.push_back({f->name, {"A case with the id \"" + c.value->id + "\" is already loaded; this file was skipped."}});
            continue;
        }
        CaseEntry entry{f->name, std::move(*c.value), {}, false, {}};
        entry.replay = replay(*lib.kb, entry.data);
        lib.cases.push_back(std::move(entry));
    }
    // Difficulty order, then title: the library reads from easy to hard.
    sort_stably(lib.cases, [](const CaseEntry& a, const CaseEntry& b) {
        const int ra = difficulty_rank(a.data.difficulty), rb = difficulty_rank(b.data.difficulty);
        return ra != rb ? ra < rb : a.data.title < b.data.title;
    });
    return lib;
}

std::vector<Diagnostic> add_import(Library& lib, const InputFile& file, std::string* case_id) {
    if (!lib.kb) return {problem(file.name, "No knowledge base is loaded, so the case cannot be checked.")};
    Loaded<Case> c = load_case(file.text, file.name, *lib.kb);
    if (!c.ok()) return c.errors.empty() ? std::vector<Diagnostic>{problem(file.name, "The case could not be read.")} : c.errors;
    const int same = lib.index_of(c.value->id);
    if (same >= 0 && !lib.cases[static_cast<std::size_t>(same)].imported)
        return {problem(file.name, "A case with the id \"" + c.value->id + "\" is already in the library (" +
                                       lib.cases[static_cast<std::size_t>(same)].file + "); give the imported case another id.")};
    if (case_id) *case_id = c.value->id;
    CaseEntry entry{file.name, std::move(*c.value), {}, true, file.text};
    entry.replay = replay(*lib.kb, entry.data);
    // A new version of an earlier import takes its place; a new case goes last: open cases keep their index.
    if (same >= 0) lib.cases[static_cast<std::size_t>(same)] = std::move(entry);
    else lib.cases.push_back(std::move(entry));
    return {};
}

}  // namespace dah::tutor
