// What the tutor reads from the causal model beyond the outcome replay: the hypothesis of each of its
// four groups (for "why it moved"), the sources behind a node's parameters, and the explorer's lines.
#pragma once

#include <string>
#include <vector>

#include "dah/network_inference.hpp"
#include "dah/tutor/result.hpp"

namespace dah::tutor {

// The tutor's group `g` (immune, coagulopathic, both, other) as a statement about the causes present:
// an immune cause; an antithrombotic contribution; both together; neither.
net::Hypothesis group_hypothesis(const net::Network& n, int g);

// The distinct source ids and estimate rationales of a node's parameters.
void node_sources(const net::Network& n, int node, std::vector<std::string>& sources, std::vector<std::string>& estimates);

// The explorer's lines for the whole network.
ExplorerTable explorer_lines(const net::Network& n);

}  // namespace dah::tutor
