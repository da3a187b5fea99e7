// Helpers for the causal-model tests: random small networks (fixed seeds by the caller) and the
// brute-force enumeration of their full joint distribution, independent of the inference code.
#pragma once

#include <cstdint>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "dah/network.hpp"
#include "dah/network_inference.hpp"

namespace dah::test {

inline std::vector<double> random_distribution(std::mt19937& rng, std::size_t k, bool zeros) {
    std::uniform_real_distribution<double> unit(0.02, 1.0);
    std::bernoulli_distribution zero(0.12);
    std::vector<double> p(k);
    double sum = 0;
    for (double& x : p) sum += x = zeros && zero(rng) ? 0.0 : unit(rng);
    if (sum == 0) p[0] = sum = 1;
    for (double& x : p) x /= sum;
    return p;
}

inline net::Node random_node(std::mt19937& rng, const net::Network& n, net::NodeKind kind, std::size_t index,
                             std::size_t max_parents, bool zeros) {
    net::Node node;
    node.kind = kind;
    node.id = std::string(net::kind_id(kind)) + std::to_string(index);
    node.name = node.short_name = node.id;
    if (kind == net::NodeKind::cause) {
        node.values = {{"absent", "Absent"}, {"present", "Present"}};
        node.group = static_cast<int>(index % n.groups.size());
    } else {
        const int k = std::uniform_int_distribution<int>(2, 3)(rng);
        for (int v = 0; v < k; ++v) node.values.push_back({"v" + std::to_string(v), "v"});
    }
    // Candidate parents: context nodes for context; context and causes for causes and states; any but
    // findings for findings.
    std::vector<int> candidates;
    for (std::size_t i = 0; i < n.nodes.size(); ++i) {
        const net::NodeKind pk = n.nodes[i].kind;
        if (pk == net::NodeKind::finding) continue;
        if (kind == net::NodeKind::context && pk != net::NodeKind::context) continue;
        if (kind != net::NodeKind::finding && pk == net::NodeKind::state) continue;
        candidates.push_back(static_cast<int>(i));
    }
    std::shuffle(candidates.begin(), candidates.end(), rng);
    const std::size_t count =
        std::min(candidates.size(), std::uniform_int_distribution<std::size_t>(0, max_parents)(rng));
    node.parents.assign(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(count));
    std::size_t rows = 1;
    for (int p : node.parents) {
        node.parent_sizes.push_back(static_cast<int>(n.nodes[static_cast<std::size_t>(p)].values.size()));
        rows *= n.nodes[static_cast<std::size_t>(p)].values.size();
    }
    const bool noisy = (kind == net::NodeKind::finding || kind == net::NodeKind::state) &&
                       !node.parents.empty() && std::bernoulli_distribution(0.5)(rng);
    if (!noisy) {
        for (std::size_t r = 0; r < rows; ++r) {
            // Cause priors kept small, as in the knowledge base, so that several causes at once are rarer.
            std::vector<double> d = kind == net::NodeKind::cause
                                        ? std::vector<double>{0, 0}
                                        : random_distribution(rng, node.values.size(), zeros);
            if (kind == net::NodeKind::cause) {
                d[1] = std::uniform_real_distribution<double>(0.02, 0.6)(rng);
                d[0] = 1 - d[1];
            }
            node.table.insert(node.table.end(), d.begin(), d.end());
            node.row_citation.push_back(Citation{"", "random", ""});
        }
        return node;
    }
    // Noisy-MAX: a random subset of the parents chooses the parameter set.
    std::size_t sets = 1;
    for (std::size_t k = 0; k < node.parents.size(); ++k) {
        if (std::bernoulli_distribution(0.3)(rng)) {
            node.context.push_back(static_cast<int>(k));
            sets *= static_cast<std::size_t>(node.parent_sizes[k]);
        } else {
            node.links.push_back(static_cast<int>(k));
        }
    }
    for (std::size_t s = 0; s < sets; ++s) {
        net::NoisyMaxSet set;
        set.leak = random_distribution(rng, node.values.size(), zeros);
        for (int position : node.links) {
            std::vector<std::vector<double>> by_value;
            for (int v = 0; v < node.parent_sizes[static_cast<std::size_t>(position)]; ++v) {
                by_value.push_back(v == 0 ? std::vector<double>{}
                                          : random_distribution(rng, node.values.size(), zeros));
            }
            set.link.push_back(by_value);
            set.link_citation.emplace_back(by_value.size());
        }
        node.sets.push_back(set);
    }
    return node;
}

// 1-3 context nodes, 2-5 causes (in 2-3 groups), 0-2 states, 1-4 findings; at most 1-3 causes at once.
inline net::Network random_network(std::mt19937& rng, bool zeros = false) {
    net::Network n;
    const int groups = std::uniform_int_distribution<int>(2, 3)(rng);
    for (int g = 0; g < groups; ++g)
        n.groups.push_back({"g" + std::to_string(g), "Group " + std::to_string(g)});
    n.both_first = 0;
    n.both_second = 1;
    n.both_name = "both";
    n.max_coexisting_causes = std::uniform_int_distribution<int>(1, 3)(rng);
    const auto contexts = std::uniform_int_distribution<std::size_t>(1, 3)(rng);
    const auto causes = std::uniform_int_distribution<std::size_t>(2, 5)(rng);
    const auto findings = std::uniform_int_distribution<std::size_t>(1, 4)(rng);
    for (std::size_t i = 0; i < contexts; ++i)
        n.nodes.push_back(random_node(rng, n, net::NodeKind::context, i, 2, zeros));
    for (std::size_t i = 0; i < causes; ++i)
        n.nodes.push_back(random_node(rng, n, net::NodeKind::cause, i, 2, zeros));
    const auto states = std::uniform_int_distribution<std::size_t>(0, 2)(rng);
    for (std::size_t i = 0; i < states; ++i)
        n.nodes.push_back(random_node(rng, n, net::NodeKind::state, i, 3, zeros));
    for (std::size_t i = 0; i < findings; ++i)
        n.nodes.push_back(random_node(rng, n, net::NodeKind::finding, i, 4, zeros));
    net::prepare(n);
    return n;
}

// Every full assignment that agrees with the evidence, with its joint probability under the model's
// definition: the product of every node's P(value | parents), zero unless 1..max causes are present.
inline void enumerate_joint(const net::Network& n, const net::Evidence& e,
                            const std::function<void(const std::vector<int>&, double)>& visit) {
    std::vector<int> x(n.nodes.size(), 0);
    std::function<void(std::size_t)> step = [&](std::size_t i) {
        if (i == n.nodes.size()) {
            int present = 0;
            for (int c : n.causes) present += x[static_cast<std::size_t>(c)];
            if (present < 1 || present > n.max_coexisting_causes) return;
            double w = 1;
            for (std::size_t k = 0; k < n.nodes.size(); ++k) {
                std::vector<int> pv;
                for (int p : n.nodes[k].parents) pv.push_back(x[static_cast<std::size_t>(p)]);
                w *= n.nodes[k].probability(pv.data(), x[k]);
            }
            visit(x, w);
            return;
        }
        const int known = i < e.value_of.size() ? e.value_of[i] : -1;
        for (int v = 0; v < static_cast<int>(n.nodes[i].values.size()); ++v) {
            if (known >= 0 && v != known) continue;
            x[i] = v;
            step(i + 1);
        }
    };
    step(0);
}

inline std::uint64_t present_set(const net::Network& n, const std::vector<int>& x) {
    std::uint64_t s = 0;
    for (std::size_t b = 0; b < n.causes.size(); ++b) {
        if (x[static_cast<std::size_t>(n.causes[b])] == 1) s |= std::uint64_t{1} << b;
    }
    return s;
}

}  // namespace dah::test
