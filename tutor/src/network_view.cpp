#include "network_view.hpp"

#include <algorithm>
#include <cstdio>

namespace dah::tutor {

namespace {

void add_unique(std::vector<std::string>& list, const std::string& x) {
    if (!x.empty() && std::find(list.begin(), list.end(), x) == list.end()) list.push_back(x);
}

void add_citation(const Citation& c, std::vector<std::string>& sources, std::vector<std::string>& estimates) {
    if (c.is_estimate()) add_unique(estimates, c.estimate);
    else add_unique(sources, c.source_id);
}

std::string percents(const net::Node& node, const std::vector<double>& p) {
    std::string out;
    char buf[64];
    for (std::size_t v = 0; v < p.size() && v < node.values.size(); ++v) {
        const double x = 100.0 * p[v];
        // Never "100 %" or "0 %" for a probability that is not exactly that.
        if (p[v] > 0.99 && p[v] < 1) std::snprintf(buf, sizeof buf, "> 99 %%");
        else if (p[v] > 0 && p[v] < 0.01) std::snprintf(buf, sizeof buf, "< 1 %%");
        else std::snprintf(buf, sizeof buf, "%.0f %%", x);
        out += (v ? ", " : "") + node.values[v].name + " " + buf;
    }
    return out;
}

ExplorerLine row_line(int node, std::string text, const Citation& c) {
    ExplorerLine line;
    line.kind = ExplorerLine::Kind::row;
    line.node = node;
    line.text = std::move(text);
    line.estimate = c.is_estimate();
    line.source = c.source_id;
    line.note = c.is_estimate() ? c.estimate : c.derivation;
    return line;
}

std::string value_name(const net::Network& n, int node, int value) {
    const net::Node& x = n.nodes[static_cast<std::size_t>(node)];
    return value >= 0 && static_cast<std::size_t>(value) < x.values.size() ? x.values[static_cast<std::size_t>(value)].name : "?";
}

}  // namespace

net::Hypothesis group_hypothesis(const net::Network& n, int g) {
    switch (g) {
        case 0: return net::Hypothesis::of_group(n, n.both_first);
        case 1: return net::Hypothesis::of_group(n, n.both_second);
        case 2: return net::Hypothesis::both(n);
        default: {
            // Neither an immune cause nor an antithrombotic contribution.
            net::Hypothesis h;
            std::vector<int> clause = net::Hypothesis::of_group(n, n.both_first).clauses.front();
            const net::Hypothesis second = net::Hypothesis::of_group(n, n.both_second);
            clause.insert(clause.end(), second.clauses.front().begin(), second.clauses.front().end());
            h.clauses.push_back(clause);
            h.negated = true;
            h.label = "other";
            return h;
        }
    }
}

void node_sources(const net::Network& n, int node, std::vector<std::string>& sources, std::vector<std::string>& estimates) {
    if (node < 0 || static_cast<std::size_t>(node) >= n.nodes.size()) return;
    const net::Node& x = n.nodes[static_cast<std::size_t>(node)];
    for (const Citation& c : x.row_citation) add_citation(c, sources, estimates);
    for (const net::NoisyMaxSet& s : x.sets) {
        add_citation(s.leak_citation, sources, estimates);
        for (const auto& by_value : s.link_citation)
            for (const Citation& c : by_value) add_citation(c, sources, estimates);
    }
}

ExplorerTable explorer_lines(const net::Network& n) {
    ExplorerTable out;
    for (std::size_t i = 0; i < n.nodes.size(); ++i) {
        const net::Node& x = n.nodes[i];
        const int node = static_cast<int>(i);
        std::string head = x.name + "  (" + std::string(net::kind_id(x.kind));
        if (x.kind == net::NodeKind::cause && x.group >= 0 && static_cast<std::size_t>(x.group) < n.groups.size())
            head += ", " + n.groups[static_cast<std::size_t>(x.group)].name;
        else if (x.kind != net::NodeKind::cause)
            head += ", " + std::string(stage_name(x.stage));
        head += ")";
        out.push_back({ExplorerLine::Kind::node, node, head, "", x.kind == net::NodeKind::cause ? x.summary : x.question, false});
        std::string parents = "Depends on: ";
        for (std::size_t k = 0; k < x.parents.size(); ++k)
            parents += (k ? ", " : "") + n.nodes[static_cast<std::size_t>(x.parents[k])].name;
        if (x.parents.empty()) parents += "nothing in the model";
        std::string children;
        for (std::size_t j = 0; j < n.nodes.size(); ++j)
            if (std::find(n.nodes[j].parents.begin(), n.nodes[j].parents.end(), node) != n.nodes[j].parents.end())
                children += (children.empty() ? "" : ", ") + n.nodes[j].name;
        if (!children.empty()) parents += ". Shapes: " + children;
        out.push_back({ExplorerLine::Kind::parents, node, parents, "", "", false});
        if (!x.noisy_max()) {
            // One row per combination of parent values, first parent slowest.
            std::vector<int> at(x.parents.size(), 0);
            for (std::size_t r = 0; r < x.rows(); ++r) {
                std::string when;
                for (std::size_t k = 0; k < x.parents.size(); ++k)
                    when += (k ? ", " : "") + n.nodes[static_cast<std::size_t>(x.parents[k])].name + " = " +
                            value_name(n, x.parents[k], at[k]);
                const std::size_t width = x.values.size();
                std::vector<double> p(x.table.begin() + static_cast<std::ptrdiff_t>(r * width),
                                      x.table.begin() + static_cast<std::ptrdiff_t>((r + 1) * width));
                const Citation c = r < x.row_citation.size() ? x.row_citation[r] : Citation{};
                out.push_back(row_line(node, (when.empty() ? std::string("Always") : "When " + when) + ": " + percents(x, p), c));
                for (std::size_t k = x.parents.size(); k-- > 0;) {  // next combination, last parent fastest
                    if (++at[k] < x.parent_sizes[k]) break;
                    at[k] = 0;
                }
            }
            continue;
        }
        // Noisy-MAX: the leak and each linked parent's effect, per parameter set.
        for (std::size_t s = 0; s < x.sets.size(); ++s) {
            const net::NoisyMaxSet& set = x.sets[s];
            std::string ctx;
            if (!x.context.empty()) {
                std::size_t rest = s;
                std::vector<std::string> parts(x.context.size());
                for (std::size_t k = x.context.size(); k-- > 0;) {
                    const int pos = x.context[k];
                    const int size = x.parent_sizes[static_cast<std::size_t>(pos)];
                    parts[k] = n.nodes[static_cast<std::size_t>(x.parents[static_cast<std::size_t>(pos)])].name + " = " +
                               value_name(n, x.parents[static_cast<std::size_t>(pos)], static_cast<int>(rest % static_cast<std::size_t>(size)));
                    rest /= static_cast<std::size_t>(size);
                }
                for (std::size_t k = 0; k < parts.size(); ++k) ctx += (k ? ", " : "") + parts[k];
                ctx = "When " + ctx + ": ";
            }
            out.push_back(row_line(node, ctx + "from causes outside the model: " + percents(x, set.leak), set.leak_citation));
            for (std::size_t l = 0; l < set.link.size() && l < x.links.size(); ++l) {
                const int parent = x.parents[static_cast<std::size_t>(x.links[l])];
                for (std::size_t v = 0; v < set.link[l].size(); ++v) {
                    if (set.link[l][v].empty()) continue;
                    const Citation c = l < set.link_citation.size() && v < set.link_citation[l].size() ? set.link_citation[l][v] : Citation{};
                    out.push_back(row_line(node, ctx + "from " + n.nodes[static_cast<std::size_t>(parent)].name + " = " +
                                                     value_name(n, parent, static_cast<int>(v)) + ": " + percents(x, set.link[l][v]),
                                           c));
                }
            }
        }
    }
    return out;
}

}  // namespace dah::tutor
