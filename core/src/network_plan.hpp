// The evaluation plan behind exact inference: for given evidence, the joint P(causes, evidence) is a
// product of potentials over small sets of causes. Unobserved context nodes are summed out exactly,
// in blocks of nodes that share a factor; unobserved findings are leaves and drop out (they sum to 1).
#pragma once

#include <cstdint>
#include <vector>

#include "dah/network.hpp"
#include "dah/network_inference.hpp"

namespace dah::net::detail {

class Plan {
public:
    Plan(const Network& n, const Evidence& e);

    // Whether a set of present causes agrees with the causes the evidence fixes.
    bool consistent(std::uint64_t present) const { return (present & fixed_mask_) == fixed_present_; }
    // P(this set of causes, the evidence), up to the presenting problem's normalising constant.
    double weight(std::uint64_t present) const;

private:
    struct Potential {
        std::vector<int> bits;      // cause bits, scope of the table
        std::vector<double> table;  // 2^bits entries; entry bit k = cause bits[k]
    };
    struct Block {
        std::vector<int> nodes;     // unobserved context nodes summed out together
        std::vector<int> factors;   // nodes whose factor involves them
        std::vector<int> bits;      // causes those factors involve
    };

    double factor_value(int node, std::vector<int>& values) const;
    double block_sum(const Block& b, std::uint64_t present) const;
    void fill_causes(std::vector<int>& values, std::uint64_t present) const;
    void add_potential(std::vector<int> bits, std::vector<double> table);

    const Network& n_;
    std::vector<int> base_values_;  // observed values; -1 elsewhere
    mutable std::vector<int> scratch_;  // base_values_ with causes and summed context filled in
    std::uint64_t fixed_mask_ = 0, fixed_present_ = 0;
    double constant_ = 1;
    std::vector<Potential> potentials_;
    std::vector<int> wide_factors_;  // nodes whose factor is evaluated per set (too many causes to tabulate)
    std::vector<Block> wide_blocks_;
};

// Weight of each set of Network::cause_sets given the evidence (0 where inconsistent).
std::vector<double> cause_set_weights(const Network& n, const Evidence& e);

}  // namespace dah::net::detail
