// The evaluation plan behind exact inference: for given evidence, the joint P(causes, evidence) is a
// product of potentials over small sets of causes. Unobserved context nodes and states are summed out
// exactly, in blocks of nodes that share a factor; unobserved findings are leaves and drop out (they sum
// to 1), and so does an unobserved state none of whose findings is observed.
#pragma once

#include <cstdint>
#include <vector>

#include "dah/network.hpp"
#include "dah/network_inference.hpp"

namespace dah::net::detail {

class Plan {
public:
    // `values_only`: only what likelihood_by_set needs (no factors, no blocks), for incremental updates.
    Plan(const Network& n, const Evidence& e, bool values_only = false);
    // Only the factors of the nodes in `only` (a part of the joint, for local recomputation).
    Plan(const Network& n, const Evidence& e, const std::vector<int>& only);

    // The factors whose product changes when `node` (unknown: a context node, a state or a finding with
    // hidden parents) becomes known: `before` as they stand, `after` with what knowing it adds. The joint
    // with the node known is the whole joint times Plan(after)/Plan(before). False for a cause or a known
    // node.
    // `blocks_before` (when given): the blocks whose product is Plan(before), for block_at.
    bool local_factors(int node, std::vector<int>& before, std::vector<int>& after,
                       std::vector<int>* blocks_before = nullptr) const;
    // A block's factor for one set of causes (its hidden nodes summed out), as in weight().
    double block_at(int block, std::uint64_t present) const;

    // Whether a set of present causes agrees with the causes the evidence fixes.
    bool consistent(std::uint64_t present) const { return (present & fixed_mask_) == fixed_present_; }
    // P(this set of causes, the evidence), up to the presenting problem's normalising constant.
    double weight(std::uint64_t present) const;
    // P(node = value | each set, the evidence) for a finding whose parents are causes and known context
    // nodes; false (and nothing written) for any other node.
    bool likelihood_by_set(int node, int value, const std::vector<std::uint64_t>& sets,
                           std::vector<double>& out) const;
    // P(node = its value in `values` | its parents) for every set, a cause taking its value from the set, for
    // a node whose parents other than causes all have values in `values`; false (nothing written) otherwise.
    // `values` is scratch space: its causes are overwritten.
    bool factor_by_set(int node, std::vector<int>& values, const std::vector<std::uint64_t>& sets,
                       std::vector<double>& out) const;

private:
    Plan(const Network& n, const Evidence& e, bool values_only, const std::vector<int>* only);

    struct Potential {
        std::vector<int> bits;      // cause bits, scope of the table
        std::vector<double> table;  // 2^bits entries; entry bit k = cause bits[k]
        double at(std::uint64_t present) const;
    };
    // A noisy-MAX finding whose non-cause parents are known: P(level <= y | set) is a base times one factor
    // per present cause, so a set costs one multiplication per present cause.
    struct NoisyFactor {
        std::uint64_t mask = 0;
        double base_hi = 1, base_lo = 0;  // P(level <= value), P(level <= value - 1) with no cause present
        std::vector<double> hi, lo;       // by cause bit: the factor a present cause contributes
        double at(std::uint64_t present) const;
    };
    // One assignment of a block's context nodes, as potentials and noisy-MAX factors over the causes.
    struct Part {
        double constant = 1;
        std::vector<double> per_cause;  // one-cause terms, folded
        std::vector<Potential> potentials;
        std::vector<NoisyFactor> noisy;
        double at(std::uint64_t present) const;
    };
    struct Block {
        std::vector<int> nodes;    // unknown context nodes summed out together
        std::vector<int> factors;  // nodes whose factor involves them
        std::vector<int> bits;     // causes those factors involve
        std::vector<Part> parts;   // for a block over many causes: one per assignment (empty: slow path)
    };

    double factor_value(int node, std::vector<int>& values) const;
    bool make_noisy_factor(int node, const std::vector<int>& values, NoisyFactor& out) const;
    std::vector<double> tabulate(int node, const std::vector<int>& bits, std::vector<int>& values) const;
    bool make_parts(Block& b) const;
    bool direct(int node) const;  // no unknown context among the node's parents
    double block_sum(const Block& b, std::uint64_t present) const;
    void fill_causes(std::vector<int>& values, std::uint64_t present) const;
    void add_potential(std::vector<int> bits, std::vector<double> table);

    const Network& n_;
    std::vector<int> base_values_;      // observed values; -1 elsewhere
    mutable std::vector<int> scratch_;  // base_values_ with causes and summed context filled in
    // factor_by_set's factor, reused from call to call (it is called per node and value, and per
    // assignment of hidden nodes in an update) rather than allocated each time.
    mutable Potential probe_table_;
    mutable NoisyFactor probe_noisy_;
    std::uint64_t fixed_mask_ = 0, fixed_present_ = 0;
    double constant_ = 1;
    std::vector<Potential> potentials_;
    std::vector<NoisyFactor> noisy_;
    std::vector<double> per_cause_;  // factor each present cause multiplies in (folded one-cause terms)
    std::vector<int> wide_factors_;  // nodes whose factor is evaluated per set (too many causes to tabulate)
    std::vector<Block> wide_blocks_;
    std::vector<int> block_of_node_;               // by node: its block among block_factors_; -1 if none
    std::vector<std::vector<int>> block_factors_;  // each block's factors
    struct BlockValue {
        Potential table;  // a tabulated block
        int wide = -1;    // or its index in wide_blocks_
    };
    std::vector<BlockValue> block_value_;  // by block
};

// Weight of each set of Network::cause_sets given the evidence (0 where inconsistent).
std::vector<double> cause_set_weights(const Network& n, const Evidence& e);
std::vector<double> cause_set_weights(const Network& n, const Plan& plan);

}  // namespace dah::net::detail
