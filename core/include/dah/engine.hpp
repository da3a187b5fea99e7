// The Bayesian engine: naive Bayes over mutually exclusive diagnoses, with multi-valued finding
// variables that are conditionally independent given the diagnosis. Unrevealed variables are
// unknown (marginalised out), never "absent".
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "dah/case.hpp"
#include "dah/knowledge_base.hpp"

namespace dah {

// The value of each variable, by variable index; -1 = not revealed.
struct Evidence {
    std::vector<int> value_of;

    static Evidence none(const KnowledgeBase& kb) { return Evidence{std::vector<int>(kb.variables.size(), -1)}; }
    // Ignores a finding whose variable is out of range (never throws).
    void set(const Finding& f) {
        if (f.variable >= 0 && static_cast<std::size_t>(f.variable) < value_of.size()) value_of[static_cast<std::size_t>(f.variable)] = f.value;
    }
    bool operator==(const Evidence& o) const { return value_of == o.value_of; }
};

// A set of diagnoses to weigh against another: one diagnosis, a group, or any union.
struct Hypothesis {
    std::vector<int> diagnoses;  // indices
    std::string label;
    static Hypothesis of_diagnosis(const KnowledgeBase& kb, int diagnosis);
    static Hypothesis of_group(const KnowledgeBase& kb, int group);
    // Everything not in `h`.
    static Hypothesis complement(const KnowledgeBase& kb, const Hypothesis& h);
    // A diagnosis id or a group id (as in case checks); empty `diagnoses` when unknown.
    static Hypothesis of_id(const KnowledgeBase& kb, std::string_view id);
    // Sum of the posterior over the set.
    double probability(const std::vector<double>& posterior) const;
};

// P(diagnosis | evidence) for every diagnosis; sums to 1.
std::vector<double> posterior_after(const KnowledgeBase& kb, const Evidence& evidence);

// Sum of the posterior within each group, by group index.
std::vector<double> group_totals(const KnowledgeBase& kb, const std::vector<double>& posterior);

// Evidence weight of one finding for `a` against `b`, given the rest of the evidence:
// 10·log10 of P(finding | a, rest) / P(finding | b, rest), in decibans (dB). Positive favours `a`.
// The finding's own variable in `rest` is ignored. Within a set, diagnoses are weighted by their
// posterior given `rest`. +/-infinity when the finding is impossible under `b` / `a`; 0 when under both.
double weight_of_evidence_db(const KnowledgeBase& kb, const Evidence& rest, const Finding& finding,
                             const Hypothesis& a, const Hypothesis& b);

struct WeightedFinding {
    Finding finding;
    double weight_db = 0;         // for a against b
    double likelihood_ratio = 1;  // 10^(weight_db/10)
};

// The given findings ranked by |weight|, each weighed with the others of `evidence` as context.
std::vector<WeightedFinding> rank_by_weight(const KnowledgeBase& kb, const Evidence& evidence,
                                            const std::vector<Finding>& findings, const Hypothesis& a,
                                            const Hypothesis& b);

// "What if": the posterior if `finding` had been revealed instead of what the evidence says.
std::vector<double> posterior_if(const KnowledgeBase& kb, const Evidence& evidence, const Finding& finding);

// Expected reduction of the entropy (bits) of the diagnosis posterior from revealing `variable`.
double expected_information_bits(const KnowledgeBase& kb, const Evidence& evidence, int variable);

// Expected information (bits) from revealing `variable` about the question "a or b?" only: the mutual
// information between the variable and that binary label, over the diagnoses of a and b weighted by
// their posterior (a diagnosis in both counts for a). Which test best separates, e.g., vasculitis from
// anticoagulation.
double expected_information_bits(const KnowledgeBase& kb, const Evidence& evidence, int variable, const Hypothesis& a,
                                 const Hypothesis& b);

struct TestSuggestion {
    int variable = -1;
    double expected_bits = 0;
};
// Unrevealed variables ranked by expected information, best first (ties keep knowledge-base order).
std::vector<TestSuggestion> suggest_next_tests(const KnowledgeBase& kb, const Evidence& evidence);
// The same, only variables of stages up to and including `up_to`.
std::vector<TestSuggestion> suggest_next_tests(const KnowledgeBase& kb, const Evidence& evidence, Stage up_to);

// Evidence weight converted to bits (1 bit = 10·log10(2) dB).
inline double decibans_to_bits(double db) { return db / 3.0102999566398120; }

// The engine's state after each stage of a case, for replays, tests and the UI.
struct StageResult {
    Stage stage = Stage::history;
    Evidence evidence;             // cumulative
    std::vector<double> posterior; // after this stage
    std::vector<double> groups;
};
std::vector<StageResult> replay(const KnowledgeBase& kb, const Case& c);

// The promises of a case (answer leading with its minimum probability after the last stage, and
// each of `checks`), evaluated on a replay; for the tests and `dah play`.
struct CheckOutcome {
    std::string description;  // e.g. "after labs: gpa leads with >= 50 % (engine: 62.1 %, leader gpa)"
    bool passed = false;
};
std::vector<CheckOutcome> evaluate_checks(const KnowledgeBase& kb, const Case& c);

// Holds evidence and caches the posterior; recomputed only when the evidence changes.
class Engine {
public:
    explicit Engine(const KnowledgeBase& kb);

    void reveal(const Finding& f);
    void hide(int variable);
    void set_evidence(const Evidence& e);
    void reset();

    const Evidence& evidence() const { return evidence_; }
    const std::vector<double>& posterior() const;
    const std::vector<double>& groups() const;
    int recomputations() const { return recomputations_; }  // for tests of the cache

private:
    void refresh() const;
    const KnowledgeBase* kb_;
    Evidence evidence_;
    mutable bool outdated_ = true;
    mutable std::vector<double> posterior_, groups_;
    mutable int recomputations_ = 0;
};

}  // namespace dah
