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

Diagnostic problem_at(const std::string& file, const std::string& pointer, const std::string& message) {
    Diagnostic d = problem(file, message);
    d.pointer = pointer;
    d.line = d.column = 1;  // the whole case: where the file starts
    return d;
}

int difficulty_rank(const std::string& difficulty) {
    return difficulty == "introductory" ? 0 : difficulty == "intermediate" ? 1 : difficulty == "advanced" ? 2 : 3;
}

// The outcome space in the shape of a knowledge base (library.hpp): what the answers, levels, scores
// and screens read.
KnowledgeBase space_as_knowledge_base(const net::Network& n, const net::OutcomeSpace& space) {
    KnowledgeBase kb;
    kb.schema_version = n.schema_version;
    kb.sources = n.sources;
    kb.groups = space.groups;
    const std::vector<double> prior = net::outcome_distribution(n, space, net::Evidence::none(n));
    for (std::size_t o = 0; o < space.outcomes.size(); ++o) {
        const net::Outcome& x = space.outcomes[o];
        Diagnosis d;
        d.id = x.id;
        d.name = x.name;
        d.short_name = x.short_name.empty() ? x.name : x.short_name;
        d.group = x.group;
        d.prior = o < prior.size() ? prior[o] : 0;
        d.prior_citation.estimate = "P(outcome) before any finding, from the causal model's cited priors";
        d.summary = x.summary;
        kb.diagnoses.push_back(std::move(d));
    }
    for (const net::Node& node : n.nodes) {
        Variable v;
        v.id = node.id;
        v.name = node.name;
        v.stage = node.stage;
        v.question = node.question;
        v.values = node.values;
        kb.variables.push_back(std::move(v));
    }
    return kb;
}

// A case file: its story, its network block (required: the engine reads only that), its findings on the
// story's stages, its answer's outcome and the engine's replay.
std::vector<Diagnostic> load_entry(const Library& lib, const InputFile& file, CaseEntry& entry) {
    Loaded<Case> story = load_case_story(file.text, file.name, lib.kb->sources);
    Loaded<net::CaseNetwork> block = net::load_case_network(file.text, file.name, *lib.network);
    if (!story.ok() || !block.errors.empty()) {  // every problem at once, the story's and the network block's
        std::vector<Diagnostic> errors = story.errors;
        for (const Diagnostic& d : block.errors)  // a syntax error is found by both readers: listed once
            if (std::none_of(errors.begin(), errors.end(), [&](const Diagnostic& x) { return x.to_string() == d.to_string(); }))
                errors.push_back(d);
        return errors.empty() ? std::vector<Diagnostic>{problem(file.name, "The case could not be read.")} : errors;
    }
    if (!block.value)
        return {problem_at(file.name, "/network",
                           "missing \"network\": the case has no findings in the causal model's variables, so it cannot be "
                           "played (cases/FORMAT.md, \"The causal model's block in a case\")")};
    entry.file = file.name;
    entry.data = std::move(*story.value);
    entry.network = std::move(*block.value);
    const net::Network& n = *lib.network;
    std::vector<CaseStage>& stages = entry.data.stages;
    // Each finding goes to the last stage of the story at or before its own (the first when none is).
    for (const net::StagedFinding& f : entry.network.vignette.findings) {
        std::size_t at = 0;
        for (std::size_t i = 0; i < stages.size(); ++i)
            if (stages[i].stage <= f.stage) at = i;
        stages[at].findings.push_back(Finding{f.node, f.value, {}});
    }
    entry.data.answer = net::outcome_of_answer(n, lib.outcomes, entry.network.vignette.answer);
    if (entry.data.answer < 0) return {problem_at(file.name, "/network/answer", "the answer names no cause of the causal model")};
    net::Evidence e = net::Evidence::none(n);
    for (const CaseStage& st : stages) {
        for (const Finding& f : st.findings) e.set(n, f.variable, f.value);
        StageResult r;
        r.stage = st.stage;
        r.evidence.value_of = e.value_of;
        r.posterior = net::outcome_distribution(n, lib.outcomes, e);
        if (r.posterior.empty())
            return {problem_at(file.name, "/network/stages", "the findings of this case have probability 0 under the causal model")};
        r.groups = net::outcome_group_totals(lib.outcomes, r.posterior);
        entry.replay.push_back(std::move(r));
    }
    return {};
}

}  // namespace

int Library::index_of(const std::string& case_id) const {
    for (std::size_t i = 0; i < cases.size(); ++i)
        if (cases[i].data.id == case_id) return static_cast<int>(i);
    return -1;
}

Library load_library(const std::vector<InputFile>& files) {
    Library lib;
    const auto kb_file = std::find_if(files.begin(), files.end(), [](const InputFile& f) { return f.name == "knowledge-base-v2.json"; });
    if (kb_file == files.end()) {
        lib.errors.push_back({"knowledge-base-v2.json", {"The knowledge base was not found, so no case can be played."}});
        return lib;
    }
    Loaded<net::Network> network = net::load_network(kb_file->text, kb_file->name);
    if (!network.ok()) {
        lib.errors.push_back({kb_file->name, messages_of(network.errors)});
        return lib;
    }
    lib.network = std::move(network.value);
    lib.outcomes = net::outcome_space(*lib.network);
    lib.kb = space_as_knowledge_base(*lib.network, lib.outcomes);
    std::vector<const InputFile*> case_files;
    for (const auto& f : files)
        if (has_suffix(f.name, ".case.json")) case_files.push_back(&f);
    sort_stably(case_files, [](const InputFile* a, const InputFile* b) { return a->name < b->name; });
    for (const InputFile* f : case_files) {
        CaseEntry entry;
        if (std::vector<Diagnostic> errors = load_entry(lib, *f, entry); !errors.empty()) {
            lib.errors.push_back({f->name, messages_of(errors)});
            continue;
        }
        if (lib.index_of(entry.data.id) >= 0) {
            lib.errors.push_back({f->name, {"A case with the id \"" + entry.data.id + "\" is already loaded; this file was skipped."}});
            continue;
        }
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
    if (!lib.kb || !lib.network) return {problem(file.name, "No knowledge base is loaded, so the case cannot be checked.")};
    CaseEntry entry;
    if (std::vector<Diagnostic> errors = load_entry(lib, file, entry); !errors.empty()) return errors;
    const int same = lib.index_of(entry.data.id);
    if (same >= 0 && !lib.cases[static_cast<std::size_t>(same)].imported)
        return {problem(file.name, "A case with the id \"" + entry.data.id + "\" is already in the library (" +
                                       lib.cases[static_cast<std::size_t>(same)].file + "); give the imported case another id.")};
    if (case_id) *case_id = entry.data.id;
    entry.imported = true;
    entry.source = file.text;
    // A new version of an earlier import takes its place; a new case goes last: open cases keep their index.
    if (same >= 0) lib.cases[static_cast<std::size_t>(same)] = std::move(entry);
    else lib.cases.push_back(std::move(entry));
    return {};
}

}  // namespace dah::tutor
