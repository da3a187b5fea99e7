// The exclusive partition of the cause sets into the tutor's four groups and their outcomes
// (dah/outcomes.hpp), summed from the exact weights of every allowed set of causes.
#include "dah/outcomes.hpp"

#include "network_plan.hpp"

namespace dah::net {

namespace {

constexpr const char* both_outcome_id = "immune-and-antithrombotic";

std::uint64_t mask_of(const Network& n, int group) {
    return group >= 0 && static_cast<std::size_t>(group) < n.group_mask.size()
               ? n.group_mask[static_cast<std::size_t>(group)]
               : 0;
}

}  // namespace

OutcomeSpace outcome_space(const Network& n) {
    OutcomeSpace s;
    const auto group_name = [&](int g, const char* fallback) {
        return g >= 0 && static_cast<std::size_t>(g) < n.groups.size() ? n.groups[static_cast<std::size_t>(g)].name
                                                                         : std::string(fallback);
    };
    s.groups = {{"immune", group_name(n.both_first, "Immune")},
                {"coagulopathic", group_name(n.both_second, "Antithrombotic or coagulopathic")},
                {"both", n.both_name.empty() ? "Both" : n.both_name},
                {"other", "Other causes or not DAH"}};
    s.outcome_of_cause.assign(n.nodes.size(), -1);
    const auto add_causes = [&](int tutor_group) {
        for (int c : n.causes) {
            const Node& node = n.nodes[static_cast<std::size_t>(c)];
            const int g = node.group == n.both_first ? immune_only
                          : node.group == n.both_second ? antithrombotic_only
                                                        : neither;
            if (g != tutor_group) continue;
            s.outcome_of_cause[static_cast<std::size_t>(c)] = static_cast<int>(s.outcomes.size());
            s.outcomes.push_back({node.id, node.name, node.short_name, node.summary, g, c});
        }
    };
    add_causes(immune_only);
    add_causes(antithrombotic_only);
    s.outcomes.push_back({both_outcome_id, "An immune cause with an antithrombotic contribution", "Both",
                          "Vasculitis or another immune cause bleeding on a blood thinner or a coagulopathy: both "
                          "are treated.",
                          immune_and_antithrombotic, -1});
    add_causes(neither);
    return s;
}

OutcomeGroup outcome_group(const Network& n, std::uint64_t present) {
    const bool immune = (present & mask_of(n, n.both_first)) != 0;
    const bool antithrombotic = (present & mask_of(n, n.both_second)) != 0;
    if (immune && antithrombotic) return immune_and_antithrombotic;
    if (immune) return immune_only;
    return antithrombotic ? antithrombotic_only : neither;
}

std::vector<std::pair<int, double>> outcomes_of_set(const Network& n, const OutcomeSpace& space,
                                                    std::uint64_t present) {
    const OutcomeGroup g = outcome_group(n, present);
    std::vector<std::pair<int, double>> out;
    if (g == immune_and_antithrombotic) {
        for (std::size_t o = 0; o < space.outcomes.size(); ++o)
            if (space.outcomes[o].group == g) out.emplace_back(static_cast<int>(o), 1.0);
        return out;
    }
    // The present causes of the set's group share its weight evenly.
    for (std::size_t b = 0; b < n.causes.size() && b < 64; ++b) {
        if (!(present & (std::uint64_t{1} << b))) continue;
        const int o = space.outcome_of_cause[static_cast<std::size_t>(n.causes[b])];
        if (o >= 0 && space.outcomes[static_cast<std::size_t>(o)].group == g) out.emplace_back(o, 1.0);
    }
    for (auto& [o, share] : out) share = 1.0 / static_cast<double>(out.size());
    return out;
}

std::vector<double> outcome_distribution(const Network& n, const OutcomeSpace& space, const Evidence& e) {
    Evidence known = Evidence::none(n);
    for (std::size_t i = 0; i < known.value_of.size() && i < e.value_of.size(); ++i)
        known.set(n, static_cast<int>(i), e.value_of[i]);
    const std::vector<double> w = detail::cause_set_weights(n, known);
    std::vector<double> p(space.outcomes.size(), 0.0);
    double z = 0;
    for (std::size_t i = 0; i < w.size(); ++i) {
        if (!(w[i] > 0)) continue;
        z += w[i];
        for (const auto& [o, share] : outcomes_of_set(n, space, n.cause_sets[i]))
            p[static_cast<std::size_t>(o)] += share * w[i];
    }
    if (!(z > 0)) return {};
    for (double& x : p) x /= z;
    return p;
}

std::vector<double> outcome_group_totals(const OutcomeSpace& space, const std::vector<double>& p) {
    std::vector<double> q(space.groups.size(), 0.0);
    for (std::size_t o = 0; o < p.size() && o < space.outcomes.size(); ++o) {
        const int g = space.outcomes[o].group;
        if (g >= 0 && static_cast<std::size_t>(g) < q.size()) q[static_cast<std::size_t>(g)] += p[o];
    }
    return q;
}

int outcome_of_answer(const Network& n, const OutcomeSpace& space, const std::vector<int>& causes) {
    std::uint64_t present = 0;
    for (int c : causes)
        if (c >= 0 && static_cast<std::size_t>(c) < n.cause_bit.size() && n.cause_bit[static_cast<std::size_t>(c)] >= 0)
            present |= std::uint64_t{1} << n.cause_bit[static_cast<std::size_t>(c)];
    if (!present) return -1;
    const auto shares = outcomes_of_set(n, space, present);
    if (shares.empty()) return -1;
    // Two causes of one group share evenly: the first listed names the outcome.
    if (shares.size() > 1)
        for (int c : causes)
            for (const auto& [o, share] : shares)
                if (space.outcomes[static_cast<std::size_t>(o)].cause == c) return o;
    return shares.front().first;
}

}  // namespace dah::net
