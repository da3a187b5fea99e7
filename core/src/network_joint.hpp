// The weight P(set of causes, evidence) of every allowed set of causes, kept as a product that revealing one
// node changes only locally (the incremental Inference of dah/network_inference.hpp):
//   w(s) = direct(s) × product over clusters c of ( sum over rows a of c: row_a(s) )
// `direct` holds the factors that involve no hidden node. A cluster is a block of hidden nodes (unknown
// context nodes and latent states that share factors, network_layout.hpp) with one row per assignment of
// them: the product of the block's factors at that assignment, for every set. A finding under a latent
// state multiplies its likelihood into the rows of that state's cluster, which are summed again; the other
// clusters stay as they are. A state's first finding adds the state as a new dimension; a revealed hidden
// node keeps the rows where it has its value. Exact: the sums of a whole evaluation, in another order.
#pragma once

#include <cstddef>
#include <vector>

#include "dah/network.hpp"
#include "dah/network_inference.hpp"

namespace dah::net {

namespace detail {
class Plan;
}

class Inference::Joint {
public:
    // `e` in range (normalised).
    Joint(const Network& n, const Evidence& e);
    // Adds `node = value` to `e`, the evidence so far, in which the node is unknown. False when that cannot
    // be done locally (a cluster would grow too large): the joint is then left half-changed, and the caller
    // builds a new one.
    bool reveal(const Evidence& e, int node, int value);
    const std::vector<double>& weights() const { return weights_; }

private:
    struct Cluster {
        std::vector<int> nodes;      // hidden nodes; in a row's index the first varies fastest
        std::size_t rows = 1;        // product of their numbers of values
        std::vector<double> values;  // rows × sets: values[row * sets + set]
        std::vector<double> sum;     // over the rows, by set
    };

    bool multiply_factor(Cluster& c, int node, std::vector<int>& values, const detail::Plan& plan) const;
    Cluster take_merged(const std::vector<int>& which);
    void add_dimension(Cluster& c, int node) const;
    void keep_value(Cluster& c, int node, int value) const;
    void sum_rows(Cluster& c) const;
    void update_weights();

    const Network* n_;
    std::size_t sets_;
    bool local_ = true;  // false: a block was too large to keep in rows, and only direct findings are local
    std::vector<double> direct_, weights_;
    std::vector<Cluster> clusters_;
    std::vector<int> cluster_of_;  // by node: the cluster of a hidden node; -1 for any other
};

}  // namespace dah::net
