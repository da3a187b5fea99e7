// causal_view: the tutor-facing summary of the causal model at a stage (dah/causal_view.hpp).
#include "dah/causal_view.hpp"

#include <algorithm>

namespace dah::net {

namespace {

bool in_range(const Network& n, int node) {
    return node >= 0 && static_cast<std::size_t>(node) < n.nodes.size();
}

Hypothesis of_groups_except_both(const Network& n) {
    Hypothesis h;
    std::vector<int> clause;
    for (int c : n.causes) {
        const int g = n.nodes[static_cast<std::size_t>(c)].group;
        if (g != n.both_first && g != n.both_second) clause.push_back(c);
    }
    h.clauses.push_back(clause);  // an empty clause never holds: no such cause
    h.label = "other";
    return h;
}

Stage next_stage(Stage s) {
    return s == Stage::course ? Stage::course : static_cast<Stage>(static_cast<int>(s) + 1);
}

}  // namespace

CausalView causal_view(const Network& n, const std::vector<StagedFinding>& findings, Stage stage) {
    CausalView view;
    view.stage = stage;
    std::vector<StagedFinding> shown;
    for (const StagedFinding& f : findings)
        if (static_cast<int>(f.stage) <= static_cast<int>(stage) && in_range(n, f.node)) shown.push_back(f);

    const bool groups_defined = n.both_first >= 0 && n.both_second >= 0;
    const Hypothesis immune = groups_defined ? Hypothesis::of_group(n, n.both_first) : Hypothesis::anything();
    const Hypothesis antithrombotic =
        groups_defined ? Hypothesis::of_group(n, n.both_second) : Hypothesis::anything();
    Evidence e = Evidence::none(n);
    for (const StageResult& r : replay(n, shown, immune, antithrombotic)) {
        for (const WeightedFinding& w : r.weights) view.why.push_back(WhyItMoved{w.finding, w.weight_db});
        e = r.evidence;
    }
    const Posterior p = posterior_after(n, e);
    if (!p.possible) return CausalView{};
    view.possible = true;
    if (groups_defined) {
        view.groups.immune = p.groups[static_cast<std::size_t>(n.both_first)];
        view.groups.antithrombotic = p.groups[static_cast<std::size_t>(n.both_second)];
        view.groups.both = p.both;
        view.groups.other = probability_of(n, e, of_groups_except_both(n));
    }
    for (int c : n.causes) {
        const Node& x = n.nodes[static_cast<std::size_t>(c)];
        view.causes.push_back(CauseView{c, x.id, x.name, p.present[static_cast<std::size_t>(c)]});
    }
    std::stable_sort(view.causes.begin(), view.causes.end(),
                     [](const CauseView& a, const CauseView& b) { return a.probability > b.probability; });
    view.next = suggest_next_tests(n, e, next_stage(stage));
    return view;
}

CausalView causal_view_if(const Network& n, const std::vector<StagedFinding>& findings, Stage stage, int node,
                          int value) {
    if (!in_range(n, node) || value < 0 ||
        static_cast<std::size_t>(value) >= n.nodes[static_cast<std::size_t>(node)].values.size()) {
        return causal_view(n, findings, stage);
    }
    std::vector<StagedFinding> changed = findings;
    bool replaced = false;
    for (StagedFinding& f : changed) {
        if (f.node != node) continue;
        f.value = value;
        replaced = true;
    }
    if (!replaced) changed.push_back(StagedFinding{stage, node, value});
    return causal_view(n, changed, stage);
}

}  // namespace dah::net
