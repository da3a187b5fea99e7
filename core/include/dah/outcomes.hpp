// The tutor's question on the causal model: every allowed set of causes falls in exactly one of four
// groups (in the tutor's order and with its ids, so saved answers, votes and SCORM data keep working):
//   immune        — an immune cause present and no antithrombotic contribution;
//   coagulopathic — an antithrombotic (or coagulopathic) contribution and no immune cause;
//   both          — an immune cause and an antithrombotic contribution together (the network's "both");
//   other         — neither: other causes or not DAH.
// Within the groups the outcomes are the causes (immune, antithrombotic; other causes and not DAH) and one
// outcome for "both". A set with two causes of the same group gives each half its weight (the learner
// names one cause per group; the two are equally to blame as far as the question goes). So the outcomes
// are exclusive and their probabilities sum to 1, while each cause's own P(present) still shows
// coexistence.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "dah/network.hpp"
#include "dah/network_inference.hpp"

namespace dah::net {

// The four groups of the partition, by index in OutcomeSpace::groups.
enum OutcomeGroup { immune_only = 0, antithrombotic_only = 1, immune_and_antithrombotic = 2, neither = 3 };

struct Outcome {
    std::string id;  // a cause id, or "immune-and-antithrombotic"
    std::string name;
    std::string short_name;
    std::string summary;
    int group = 0;     // OutcomeGroup
    int cause = -1;    // the cause's node index; -1 for "both"
};

struct OutcomeSpace {
    std::vector<Group> groups;      // immune, coagulopathic, both, other
    std::vector<Outcome> outcomes;  // grouped in that order, causes in network order within a group
    std::vector<int> outcome_of_cause;  // by node index; -1 for non-causes
};

// The four groups and their outcomes for a prepared network (its "both" groups must be set).
OutcomeSpace outcome_space(const Network& n);

// The group of a set of present causes (bits as in Network::causes).
OutcomeGroup outcome_group(const Network& n, std::uint64_t present);

// How a set of present causes spreads over the outcomes: (outcome index, share) pairs summing to 1.
std::vector<std::pair<int, double>> outcomes_of_set(const Network& n, const OutcomeSpace& space,
                                                    std::uint64_t present);

// P(outcome | evidence) for every outcome, from the exact weights of every allowed set of causes; sums to
// 1. Empty when the evidence is impossible under the model.
std::vector<double> outcome_distribution(const Network& n, const OutcomeSpace& space, const Evidence& e);

// The sum of `p` (by outcome) within each group of the partition.
std::vector<double> outcome_group_totals(const OutcomeSpace& space, const std::vector<double>& p);

// The outcome of a case's answer (its causes as node indices): the outcome that set of causes puts the
// most weight on (with two causes of one group, the first listed); -1 when it has no cause.
int outcome_of_answer(const Network& n, const OutcomeSpace& space, const std::vector<int>& causes);

}  // namespace dah::net
