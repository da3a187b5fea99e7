// What the tutor shows from the causal model at one stage of a case, as value types: the four group
// probabilities of the commit control (immune, antithrombotic or coagulopathic, other, both at once),
// each cause's probability, "why it moved" (each finding's weight of evidence given what came before
// it), the next tests by expected information, and what-if. One call per stage; nothing is cached.
#pragma once

#include <string>
#include <vector>

#include "dah/network.hpp"
#include "dah/network_inference.hpp"

namespace dah::net {

// The four options a learner commits to. "other" is P(a cause of any group but the two "both" groups
// present: other causes or not DAH); "both" is P(an immune cause and an antithrombotic contribution
// present together). They overlap (causes coexist), so they need not sum to 1.
struct GroupView {
    double immune = 0;
    double antithrombotic = 0;
    double other = 0;
    double both = 0;
};

struct CauseView {
    int node = -1;
    std::string id;
    std::string name;
    double probability = 0;  // P(present | what is known)
};

struct WhyItMoved {
    StagedFinding finding;
    // 10·log10 of P(finding | immune, before) / P(finding | antithrombotic, before), in decibans: positive
    // favours an immune cause, negative an antithrombotic contribution; "before" is every finding revealed
    // earlier (earlier stages, then earlier in the same stage).
    double immune_vs_antithrombotic_db = 0;
};

struct CausalView {
    bool possible = false;  // false: the findings are impossible under the model (nothing else is set)
    Stage stage = Stage::history;
    GroupView groups;
    std::vector<CauseView> causes;     // every cause, most probable first (ties keep network order)
    std::vector<WhyItMoved> why;       // findings revealed up to the stage, in order revealed
    std::vector<TestSuggestion> next;  // unknown nodes of stages up to the next stage, best first
};

// The view after every finding of `findings` revealed at or before `stage`.
CausalView causal_view(const Network& n, const std::vector<StagedFinding>& findings, Stage stage);

// What if `node` had shown `value` (replacing what the findings say of it, or added at `stage` when
// they say nothing): the view computed on that changed case.
CausalView causal_view_if(const Network& n, const std::vector<StagedFinding>& findings, Stage stage, int node,
                          int value);

}  // namespace dah::net
