// Exact inference on the causal model (dah/network.hpp): the posterior of every cause, of each group
// and of "both" (an immune cause and an antithrombotic contribution present together), the weight of a
// finding given what was known before it, what-if, expected information and stage-by-stage replay.
// Value types only; nothing throws. Method: every allowed set of causes is enumerated; for each, the
// unobserved context nodes are summed out exactly in independent blocks (cases/MODEL.md).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "dah/network.hpp"

namespace dah::net {

// The value of each node, by node index; -1 = unknown.
struct Evidence {
    std::vector<int> value_of;

    static Evidence none(const Network& n) { return Evidence{std::vector<int>(n.nodes.size(), -1)}; }
    // Ignores a node or value out of range (returns false).
    bool set(const Network& n, int node, int value);
    bool known(int node) const {
        return node >= 0 && static_cast<std::size_t>(node) < value_of.size() &&
               value_of[static_cast<std::size_t>(node)] >= 0;
    }
    bool operator==(const Evidence& o) const { return value_of == o.value_of; }
};

// A statement about which causes are present: every clause needs at least one of its causes present
// (no clauses: always true); `negated` turns it into its opposite.
struct Hypothesis {
    std::vector<std::vector<int>> clauses;  // cause node indices
    bool negated = false;
    std::string label;

    static Hypothesis anything();
    static Hypothesis of_cause(const Network& n, int node);
    static Hypothesis of_group(const Network& n, int group);
    static Hypothesis both(const Network& n);  // a cause of each of the two "both" groups
    static Hypothesis complement(const Hypothesis& h);
    // Whether it holds for a set of present causes (bits as in Network::causes).
    bool holds(const Network& n, std::uint64_t present) const;
};

struct Posterior {
    bool possible = false;            // false: the evidence has probability 0 under the model
    double evidence_probability = 0;  // P(evidence | the presenting problem)
    std::vector<double> present;      // P(present | evidence) by node index (0 for non-causes)
    std::vector<double> groups;       // P(at least one cause of the group present), by group index
    double both = 0;                  // P(a cause of each "both" group present together)
    double any_of_two_or_more = 0;    // P(two or more causes present)
};

Posterior posterior_after(const Network& n, const Evidence& e);

// Holds the evidence and the weight of every allowed set of causes, as a product kept by clusters of hidden
// nodes (core/src/network_joint.hpp), so that one reveal costs microseconds and stays exact. A finding's
// likelihood multiplies the weights when its parents are causes and known context nodes, and otherwise the
// rows of the cluster of its latent state or unknown context node, which alone is summed again. A revealed
// context node or state keeps its cluster's rows with that value; a revealed cause keeps the sets that
// agree. Changing a value already known recomputes everything.
class Inference {
public:
    explicit Inference(const Network& n);
    Inference(const Inference& other);
    Inference(Inference&& other) noexcept;
    Inference& operator=(const Inference& other);
    Inference& operator=(Inference&& other) noexcept;
    ~Inference();
    void reveal(int node, int value);  // ignored when out of range
    void set_evidence(const Evidence& e);
    const Evidence& evidence() const { return evidence_; }
    Posterior posterior() const;
    int recomputations() const { return recomputations_; }  // full ones, for tests

private:
    class Joint;  // core/src/network_joint.hpp
    void recompute();
    const Network* n_;
    Evidence evidence_;
    std::unique_ptr<Joint> joint_;
    int recomputations_ = 0;
};

// P(h | evidence); 0 when the evidence is impossible.
double probability_of(const Network& n, const Evidence& e, const Hypothesis& h);

// P(node = v | evidence) for every value v of any node (a known node gives certainty). Empty when the
// evidence is impossible or the node is out of range.
std::vector<double> predictive(const Network& n, const Evidence& e, int node);

// Weight of evidence of `node = value` for `a` against `b`, given what was known before it (`before`,
// whose own value for the node is ignored): 10·log10 of P(value | a, before) / P(value | b, before),
// in decibans. 0 when both are impossible; ±infinity when one is.
double weight_of_evidence_db(const Network& n, const Evidence& before, int node, int value,
                             const Hypothesis& a, const Hypothesis& b);

// "What if": the posterior had `node` shown `value` instead of what the evidence says.
Posterior posterior_if(const Network& n, const Evidence& e, int node, int value);

// Expected information (bits) from revealing `node`: its mutual information with the set of present
// causes, given the evidence. 0 for a known node.
double expected_information_bits(const Network& n, const Evidence& e, int node);
// The same about the binary question "a or b?" (sets of causes where both hold count for a; those where
// neither holds are left out).
double expected_information_bits(const Network& n, const Evidence& e, int node, const Hypothesis& a,
                                 const Hypothesis& b);

struct TestSuggestion {
    int node = -1;
    double expected_bits = 0;
};
// Unknown context nodes and findings of stages up to `up_to`, best first (ties keep network order).
std::vector<TestSuggestion> suggest_next_tests(const Network& n, const Evidence& e,
                                               Stage up_to = Stage::course);

// A case as the network sees it: findings in the order revealed, each with its stage.
struct StagedFinding {
    Stage stage = Stage::history;
    int node = -1;
    int value = -1;
};
struct WeightedFinding {
    StagedFinding finding;
    double weight_db = 0;  // for the hypothesis asked about, given what was known before it
};
struct StageResult {
    Stage stage = Stage::history;
    Evidence evidence;  // cumulative
    Posterior posterior;
    std::vector<WeightedFinding> weights;  // this stage's findings, in order revealed
};
// After each stage that reveals something, in stage order; weights for `a` against `b`.
std::vector<StageResult> replay(const Network& n, const std::vector<StagedFinding>& findings,
                                const Hypothesis& a, const Hypothesis& b);

}  // namespace dah::net
