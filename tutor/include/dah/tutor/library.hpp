// The knowledge base and the case library (built-in and imported), loaded through the core from
// text handed over by a front end. The engine is the causal model (knowledge-base-v2.json); the tutor's
// answers are over its exclusive outcomes (dah/outcomes.hpp). Each case carries the engine's replay,
// computed once at load.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "dah/case.hpp"
#include "dah/diagnostics.hpp"
#include "dah/engine.hpp"
#include "dah/knowledge_base.hpp"
#include "dah/network.hpp"
#include "dah/outcomes.hpp"
#include "dah/vignette.hpp"

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
    // The story (narratives, teaching points, pictures) with the causal model's facts: each stage's
    // findings are the network block's of that stage (Finding::variable = a network node), and `answer`
    // is the outcome of the block's answer.
    Case data;
    net::CaseNetwork network;  // the case's "network" block
    // The engine after each stage: evidence by node, `posterior` by outcome, `groups` the four totals.
    std::vector<StageResult> replay;
    bool imported = false;
    std::string source;  // an import's text as handed over, kept for saving; empty for built-in cases
};

struct Library {
    // The outcome space in the shape the answers, levels and scores use: `groups` the four groups,
    // `diagnoses` the outcomes (prior = P(outcome) before any finding), `variables` the network's nodes by
    // node index (names, stages, values; no likelihoods), `sources` the network's.
    std::optional<KnowledgeBase> kb;
    std::optional<net::Network> network;
    net::OutcomeSpace outcomes;
    std::vector<CaseEntry> cases;  // built-in ones in difficulty order, then imports in arrival order
    std::vector<LoadError> errors;

    int index_of(const std::string& case_id) const;  // -1 when absent
};

// "knowledge-base-v2.json" and "<id>.case.json" files; anything else is ignored. A case needs its
// "network" block. Never throws: a file
// that fails to load is listed in `errors` with its diagnostics, and the others still load.
Library load_library(const std::vector<InputFile>& files);

// Validates `text` against the library's knowledge base and adds it (or replaces an earlier import of
// the same id). A built-in case's id is refused. Returns the errors; empty means accepted (and then the
// case's id is in `case_id` when given).
std::vector<Diagnostic> add_import(Library& library, const InputFile& file, std::string* case_id = nullptr);

}  // namespace dah::tutor
