// Which factors the joint P(causes, evidence) holds for given evidence, and how its hidden nodes group:
// every context node and cause, each observed node, and each state that it or one of its findings observed
// (unobserved findings are leaves that sum to 1, and so does a state none of whose findings is observed).
// Unobserved context nodes and needed states are summed out together in blocks of nodes that share a
// factor. Shared by the evaluation plan (network_plan.hpp) and the cached joint (network_joint.hpp).
#pragma once

#include <vector>

#include "dah/network.hpp"

namespace dah::net::detail {

struct Layout {
    struct Block {
        std::vector<int> nodes;    // hidden context nodes and states, by node index
        std::vector<int> factors;  // the factors that involve them, in node order
        std::vector<int> bits;     // the cause bits those factors involve, in order of first use
    };
    std::vector<int> direct;         // factors that involve no hidden node, in node order
    std::vector<Block> blocks;       // in order of their first node
    std::vector<int> block_of;       // by node: the block of a hidden node some factor involves; -1 otherwise
    std::vector<bool> state_needed;  // by node: a state that it or one of its findings observed
};

// `values`: each node's observed value, -1 where unknown (in range). `only` (when given): the factors to
// keep, a part of the joint.
Layout layout_of(const Network& n, const std::vector<int>& values, const std::vector<int>* only = nullptr);

// Whether a node is summed out under `values`: an unknown context node or state.
inline bool hidden_node(const Network& n, const std::vector<int>& values, int node) {
    const NodeKind kind = n.nodes[static_cast<std::size_t>(node)].kind;
    return (kind == NodeKind::context || kind == NodeKind::state) &&
           values[static_cast<std::size_t>(node)] < 0;
}

// The hidden nodes and cause bits in the scope of one node's factor (itself and its parents).
void factor_scope(const Network& n, const std::vector<int>& values, int node, std::vector<int>& hidden,
                  std::vector<int>& bits);

}  // namespace dah::net::detail
