// What the front ends read: one read-only result per change of the tutor, computed once (behind an
// outdated flag) and never by draw code. Everything medical a screen shows comes from here.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "dah/engine.hpp"
#include "dah/tutor/library.hpp"
#include "dah/tutor/progress_report.hpp"
#include "dah/tutor/session.hpp"

namespace dah::tutor {

// A finding revealed up to the viewed stage, with the stage it came from.
struct RevealedFinding {
    int stage = 0;
    Finding finding;
};

// The hall's vote at the viewed stage on the first question (hands for each group), scored by the core
// like a learner's answer at the groups level.
struct VoteResult {
    std::vector<int> counts;           // by group (knowledge-base order)
    int total = 0;
    std::vector<double> probabilities;  // counts normalised; empty when nobody voted
    double brier = 0, log_bits = 0;     // against the group of the case's answer
    double engine_brier = 0, engine_log_bits = 0;  // the engine's group totals at the same stage
};

// Each cause's own probability of being present: causes coexist, so these need not sum to 1.
struct CausePresent {
    int node = -1;  // network node (= KnowledgeBase variable index)
    double probability = 0;
};

// "Why it moved": one finding's weight of evidence for one group against another, given every finding
// revealed before it (earlier stages, then earlier in its own stage), so a fact already counted (the
// INR of a patient known to be on warfarin) moves nothing. Groups as the causal model reads them:
// immune = an immune cause present, coagulopathic = an antithrombotic contribution present, both = the
// two together, other = neither.
struct WhyRow {
    Finding finding;  // variable = network node
    double weight_db = 0;
    double likelihood_ratio = 1;
    std::vector<std::string> sources;    // source ids of the node's parameters
    std::vector<std::string> estimates;  // the rationale of each estimated parameter
};

// The open case at the viewed stage. A value: the answers are copies, so a command that erases a
// session (restart, reset) never leaves a reader holding freed memory.
struct CaseView {
    int index = -1;
    const CaseEntry* entry = nullptr;  // the library's entry: valid until the library changes (load, import)
    int stage = 0;                     // viewed
    int reached = 0;
    bool finished = false;
    bool stage_committed = false;      // the viewed stage's answer is committed
    bool can_reveal_next = false;
    bool at_last_stage = false;
    StageAnswer answer;                // the viewed stage's
    std::vector<StageAnswer> answers;  // every stage's

    std::vector<double> posterior, groups;     // the engine at the viewed stage: by outcome, by group
    std::vector<CausePresent> causes;          // each cause's P(present), most probable first (they coexist)
    std::vector<std::vector<double>> group_history;  // group totals after each stage up to the viewed one
    std::vector<RevealedFinding> revealed;     // up to the viewed stage
    int why_for = 0, why_against = 1;          // the groups weighed in "why it moved"
    std::vector<WhyRow> why;                   // the viewed stage's findings, in the order revealed
    std::vector<TestSuggestion> next_tests;    // by expected information, best first
    std::optional<Finding> what_if;
    std::vector<double> what_if_posterior, what_if_groups;  // empty without a what-if
    double learner_case_score = -1, engine_case_score = -1;
    VoteResult vote;
    // The teaching points shown once the viewed stage is committed (held ones included: FORMAT.md).
    std::vector<ShownTeachingPoint> teaching_points;
    std::optional<CaseReplay> replay;  // the debrief's replay, once the case is finished
};

// The library's card of one case.
struct CaseCard {
    std::string progress;  // "not started", "in progress", "done"
    double best_score = -1;
};

struct Result {
    long revision = 0;  // changes with every command that changed something (never 0)
    std::optional<CaseView> open;
    std::vector<CaseCard> cards;  // one per case of the library, same order
};

// The knowledge explorer: the network, node by node — its kind, stage or group, values, the nodes it
// depends on and those that depend on it, then every row of its table (or noisy-MAX parameter) with its
// source or "estimate" and the rationale. Flattened into lines so a screen can clip a long list; depends
// on the knowledge base only.
struct ExplorerLine {
    enum class Kind { node, parents, row };
    Kind kind = Kind::row;
    int node = -1;         // network node the line belongs to
    std::string text;      // what the line says
    std::string source;    // row: the source id; empty for an estimate
    std::string note;      // row: the estimate's rationale or the derivation (for a tooltip)
    bool estimate = false;
};
using ExplorerTable = std::vector<ExplorerLine>;

}  // namespace dah::tutor
