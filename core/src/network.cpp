// The network's look-ups, each node's conditional probability, and the derived members (`prepare`).
#include "dah/network.hpp"

#include "dah/json_value.hpp"
#include "network_plan.hpp"

namespace dah::net {

std::string_view kind_id(NodeKind kind) {
    switch (kind) {
        case NodeKind::context:
            return "context";
        case NodeKind::cause:
            return "cause";
        case NodeKind::state:
            return "state";
        case NodeKind::finding:
            return "finding";
    }
    return "finding";
}

std::size_t Node::rows() const {
    std::size_t n = 1;
    for (int size : parent_sizes) n *= static_cast<std::size_t>(size);
    return n;
}

double Node::probability(const int* parent_values, int value) const {
    const std::size_t k = values.size();
    if (value < 0 || static_cast<std::size_t>(value) >= k) return 0;
    if (!noisy_max()) {
        std::size_t row = 0;
        for (std::size_t p = 0; p < parent_sizes.size(); ++p) {
            row =
                row * static_cast<std::size_t>(parent_sizes[p]) + static_cast<std::size_t>(parent_values[p]);
        }
        const std::size_t at = row * k + static_cast<std::size_t>(value);
        return at < table.size() ? table[at] : 0;
    }
    std::size_t set = 0;
    for (int position : context) {
        set = set * static_cast<std::size_t>(parent_sizes[static_cast<std::size_t>(position)]) +
              static_cast<std::size_t>(parent_values[position]);
    }
    if (set >= sets.size()) return 0;
    const NoisyMaxSet& s = sets[set];
    // P(level <= y) is the product of each source's P(level <= y); P(level = y) the difference.
    auto cdf = [&](int y) {
        double f = 0;
        for (int i = 0; i <= y; ++i) f += s.leak[static_cast<std::size_t>(i)];
        for (std::size_t l = 0; l < links.size(); ++l) {
            const auto& by_value = s.link[l];
            const int pv = parent_values[links[l]];
            const std::vector<double>& dist = by_value[static_cast<std::size_t>(pv)];
            if (dist.empty()) continue;
            double g = 0;
            for (int i = 0; i <= y; ++i) g += dist[static_cast<std::size_t>(i)];
            f *= g;
        }
        return f;
    };
    const double upper = value + 1 == static_cast<int>(k) ? 1.0 : cdf(value);
    const double lower = value == 0 ? 0.0 : cdf(value - 1);
    const double p = upper - lower;
    return p > 0 ? p : 0;
}

int Network::node_index(std::string_view id) const {
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        if (nodes[i].id == id) return static_cast<int>(i);
    }
    return -1;
}

int Network::group_index(std::string_view id) const {
    for (std::size_t i = 0; i < groups.size(); ++i) {
        if (groups[i].id == id) return static_cast<int>(i);
    }
    return -1;
}

int Network::value_index(int node, std::string_view value_id) const {
    if (node < 0 || static_cast<std::size_t>(node) >= nodes.size()) return -1;
    const auto& values = nodes[static_cast<std::size_t>(node)].values;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (values[i].id == value_id) return static_cast<int>(i);
    }
    return -1;
}

const Source* Network::source(std::string_view id) const {
    for (const Source& s : sources) {
        if (s.id == id) return &s;
    }
    return nullptr;
}

namespace {

bool fail(std::string* why, std::string message) {
    if (why) *why = std::move(message);
    return false;
}

// Depth-first search for a cycle; `state` 0 = unseen, 1 = on the path, 2 = done.
bool has_cycle(const Network& n, std::size_t node, std::vector<int>& state) {
    if (state[node] == 1) return true;
    if (state[node] == 2) return false;
    state[node] = 1;
    for (int p : n.nodes[node].parents) {
        if (p >= 0 && static_cast<std::size_t>(p) < n.nodes.size() &&
            has_cycle(n, static_cast<std::size_t>(p), state)) {
            return true;
        }
    }
    state[node] = 2;
    return false;
}

bool parent_allowed(NodeKind child, NodeKind parent) {
    switch (child) {
        case NodeKind::context:
            return parent == NodeKind::context;
        case NodeKind::cause:
        case NodeKind::state:
            return parent == NodeKind::context || parent == NodeKind::cause;
        case NodeKind::finding:
            return parent != NodeKind::finding;
    }
    return false;
}

constexpr std::size_t max_cause_sets = 200000;

}  // namespace

bool prepare(Network& network, std::string* why) {
    network.causes.clear();
    network.cause_bit.assign(network.nodes.size(), -1);
    network.cause_sets.clear();
    network.group_mask.assign(network.groups.size(), 0);
    for (std::size_t i = 0; i < network.nodes.size(); ++i) {
        Node& node = network.nodes[i];
        if (node.values.size() < 2) return fail(why, "node \"" + node.id + "\" has fewer than 2 values");
        node.parent_sizes.clear();
        if (node.parents.size() > 64) return fail(why, "node \"" + node.id + "\" has more than 64 parents");
        for (int p : node.parents) {
            if (p < 0 || static_cast<std::size_t>(p) >= network.nodes.size()) {
                return fail(why, "node \"" + node.id + "\" has a parent out of range");
            }
            const Node& parent = network.nodes[static_cast<std::size_t>(p)];
            if (!parent_allowed(node.kind, parent.kind)) {
                return fail(why, "node \"" + node.id + "\" (" + std::string(kind_id(node.kind)) +
                                     ") cannot have the " + std::string(kind_id(parent.kind)) + " \"" +
                                     parent.id + "\" as a parent");
            }
            node.parent_sizes.push_back(static_cast<int>(parent.values.size()));
        }
        if (node.kind == NodeKind::cause) {
            if (node.values.size() != 2) return fail(why, "cause \"" + node.id + "\" must have 2 values");
            network.cause_bit[i] = static_cast<int>(network.causes.size());
            network.causes.push_back(static_cast<int>(i));
        }
        if (node.noisy_max()) {
            for (int position : node.context) {
                if (position < 0 || static_cast<std::size_t>(position) >= node.parents.size()) {
                    return fail(why, "node \"" + node.id + "\" has a context position out of range");
                }
            }
            for (int position : node.links) {
                if (position < 0 || static_cast<std::size_t>(position) >= node.parents.size()) {
                    return fail(why, "node \"" + node.id + "\" has a link position out of range");
                }
            }
            if (node.sets.size() != [&] {
                    std::size_t n = 1;
                    for (int position : node.context)
                        n *= static_cast<std::size_t>(node.parent_sizes[static_cast<std::size_t>(position)]);
                    return n;
                }()) {
                return fail(why, "node \"" + node.id + "\" has the wrong number of noisy-MAX sets");
            }
            for (const NoisyMaxSet& set : node.sets) {
                bool ok = set.leak.size() == node.values.size() && set.link.size() == node.links.size();
                for (std::size_t l = 0; ok && l < node.links.size(); ++l) {
                    const std::size_t position = static_cast<std::size_t>(node.links[l]);
                    ok = position < node.parent_sizes.size() &&
                         set.link[l].size() == static_cast<std::size_t>(node.parent_sizes[position]);
                    for (std::size_t v = 0; ok && v < set.link[l].size(); ++v) {
                        ok = set.link[l][v].empty() || set.link[l][v].size() == node.values.size();
                    }
                }
                if (!ok) return fail(why, "node \"" + node.id + "\" has a noisy-MAX set of the wrong shape");
            }
        } else if (node.table.size() != node.rows() * node.values.size()) {
            return fail(why, "node \"" + node.id + "\" has a table of the wrong size");
        }
    }
    std::vector<int> state(network.nodes.size(), 0);
    for (std::size_t i = 0; i < network.nodes.size(); ++i) {
        if (has_cycle(network, i, state))
            return fail(why, "the parents form a cycle through \"" + network.nodes[i].id + "\"");
    }
    const std::size_t c = network.causes.size();
    if (c == 0) return fail(why, "no cause");
    if (c > 62) return fail(why, "more than 62 causes");
    const std::size_t most = static_cast<std::size_t>(network.max_coexisting_causes);
    if (most < 1) return fail(why, "max_coexisting_causes must be at least 1");
    // Every subset of 1..most causes, in order of size, then lexicographic by bit.
    std::vector<std::uint64_t> level = {0};
    for (std::size_t size = 1; size <= most && size <= c; ++size) {
        std::vector<std::uint64_t> next;
        for (std::uint64_t set : level) {
            std::size_t top = 0;
            for (std::size_t b = 0; b < c; ++b) {
                if (set >> b & 1) top = b + 1;
            }
            for (std::size_t b = top; b < c; ++b) next.push_back(set | (std::uint64_t{1} << b));
            if (next.size() + network.cause_sets.size() > max_cause_sets)
                return fail(why, "too many cause sets");
        }
        network.cause_sets.insert(network.cause_sets.end(), next.begin(), next.end());
        level = std::move(next);
    }
    for (std::size_t b = 0; b < c; ++b) {
        const int g = network.nodes[static_cast<std::size_t>(network.causes[b])].group;
        if (g >= 0 && static_cast<std::size_t>(g) < network.groups.size()) {
            network.group_mask[static_cast<std::size_t>(g)] |= std::uint64_t{1} << b;
        }
    }
    network.prior_mass = 0;
    for (double w : detail::cause_set_weights(network, Evidence::none(network))) network.prior_mass += w;
    return true;
}

int knowledge_base_schema_version(std::string_view json_text) {
    const JsonValue root = parse_json(json_text).root;
    const JsonValue* v = root.find("schema_version");
    if (!v || !v->is_number_integer()) return 0;
    return v->number() == 1 || v->number() == 2 ? static_cast<int>(v->number()) : 0;
}

}  // namespace dah::net
