// The tutor-facing view of the causal model (dah/causal_view.hpp) against brute-force enumeration of the
// full joint on random networks: group probabilities, "both", per-cause marginals, the weight of each
// finding given what came before it, next tests, and what-if.
#include "dah/causal_view.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <random>

#include "network_support.hpp"
#include "test_support.hpp"

namespace {

using namespace dah;
using namespace dah::net;

struct Joint {
    double z = 0;
    std::map<std::uint64_t, double> by_set;
};

Joint enumerate(const Network& n, const Evidence& e) {
    Joint j;
    test::enumerate_joint(n, e, [&](const std::vector<int>& x, double w) {
        j.z += w;
        j.by_set[test::present_set(n, x)] += w;
    });
    return j;
}

// P(some cause whose group satisfies `in` is present) by enumeration.
template <typename In>
double group_mass(const Network& n, const Joint& j, In in) {
    double m = 0;
    for (const auto& [set, w] : j.by_set) {
        bool any = false;
        for (std::size_t b = 0; b < n.causes.size(); ++b)
            any = any || (((set >> b) & 1) && in(n.nodes[static_cast<std::size_t>(n.causes[b])].group));
        m += any ? w : 0;
    }
    return m / j.z;
}

// A case on a random network: every non-cause node revealed with probability 1/2, at a random stage
// (stages in order of revealing).
std::vector<StagedFinding> random_case(const Network& n, std::mt19937& rng) {
    std::vector<StagedFinding> out;
    for (std::size_t i = 0; i < n.nodes.size(); ++i) {
        if (n.nodes[i].kind == NodeKind::cause || !std::bernoulli_distribution(0.5)(rng)) continue;
        const int v =
            std::uniform_int_distribution<int>(0, static_cast<int>(n.nodes[i].values.size()) - 1)(rng);
        const auto stage = static_cast<Stage>(std::uniform_int_distribution<int>(0, 4)(rng));
        out.push_back(StagedFinding{stage, static_cast<int>(i), v});
    }
    std::stable_sort(out.begin(), out.end(), [](const StagedFinding& a, const StagedFinding& b) {
        return static_cast<int>(a.stage) < static_cast<int>(b.stage);
    });
    return out;
}

Evidence evidence_up_to(const Network& n, const std::vector<StagedFinding>& findings, Stage stage,
                        std::size_t limit = SIZE_MAX) {
    Evidence e = Evidence::none(n);
    for (std::size_t k = 0; k < findings.size() && k < limit; ++k)
        if (static_cast<int>(findings[k].stage) <= static_cast<int>(stage))
            e.value_of[static_cast<std::size_t>(findings[k].node)] = findings[k].value;
    return e;
}

TEST(CausalView, AgreesWithBruteForceEnumeration) {
    std::mt19937 rng(20261202);
    int compared = 0;
    for (int trial = 0; trial < 120; ++trial) {
        const Network n = test::random_network(rng, trial % 4 == 0);
        const auto findings = random_case(n, rng);
        const auto stage = static_cast<Stage>(std::uniform_int_distribution<int>(0, 4)(rng));
        const CausalView view = causal_view(n, findings, stage);
        const Evidence e = evidence_up_to(n, findings, stage);
        const Joint j = enumerate(n, e);
        if (!(j.z > 0)) {
            EXPECT_FALSE(view.possible);
            continue;
        }
        ASSERT_TRUE(view.possible);
        ++compared;
        const int a = n.both_first, b = n.both_second;
        EXPECT_NEAR(view.groups.immune, group_mass(n, j, [&](int g) { return g == a; }), 1e-9);
        EXPECT_NEAR(view.groups.antithrombotic, group_mass(n, j, [&](int g) { return g == b; }), 1e-9);
        EXPECT_NEAR(view.groups.other, group_mass(n, j, [&](int g) { return g != a && g != b; }), 1e-9);
        double both = 0;
        for (const auto& [set, w] : j.by_set) {
            bool in_a = false, in_b = false;
            for (std::size_t k = 0; k < n.causes.size(); ++k) {
                if (!((set >> k) & 1)) continue;
                const int g = n.nodes[static_cast<std::size_t>(n.causes[k])].group;
                in_a = in_a || g == a;
                in_b = in_b || g == b;
            }
            both += in_a && in_b ? w : 0;
        }
        EXPECT_NEAR(view.groups.both, both / j.z, 1e-9);
        // Marginals per cause, sorted.
        ASSERT_EQ(view.causes.size(), n.causes.size());
        for (std::size_t k = 1; k < view.causes.size(); ++k)
            EXPECT_GE(view.causes[k - 1].probability, view.causes[k].probability);
        for (const CauseView& c : view.causes) {
            const std::size_t bit = static_cast<std::size_t>(
                std::find(n.causes.begin(), n.causes.end(), c.node) - n.causes.begin());
            double m = 0;
            for (const auto& [set, w] : j.by_set) m += ((set >> bit) & 1) ? w : 0;
            EXPECT_NEAR(c.probability, m / j.z, 1e-9) << c.id;
        }
        // Why it moved: each finding's likelihood ratio given every finding revealed before it.
        std::size_t shown = 0;
        for (const StagedFinding& f : findings) shown += static_cast<int>(f.stage) <= static_cast<int>(stage);
        ASSERT_EQ(view.why.size(), shown);
        for (std::size_t k = 0; k < view.why.size(); ++k) {
            const Evidence before = evidence_up_to(n, findings, stage, k);
            Evidence after = before;
            after.value_of[static_cast<std::size_t>(view.why[k].finding.node)] = view.why[k].finding.value;
            const Joint j0 = enumerate(n, before), j1 = enumerate(n, after);
            const double a0 = group_mass(n, j0, [&](int g) { return g == a; }) * j0.z;
            const double b0 = group_mass(n, j0, [&](int g) { return g == b; }) * j0.z;
            const double a1 = j1.z > 0 ? group_mass(n, j1, [&](int g) { return g == a; }) * j1.z : 0;
            const double b1 = j1.z > 0 ? group_mass(n, j1, [&](int g) { return g == b; }) * j1.z : 0;
            if (a0 > 0 && b0 > 0 && a1 > 0 && b1 > 0) {
                EXPECT_NEAR(view.why[k].immune_vs_antithrombotic_db, 10 * std::log10((a1 / a0) / (b1 / b0)),
                            1e-7);
            }
        }
        // Next tests: unknown nodes of stages up to the next one, best first, with their information.
        for (std::size_t k = 1; k < view.next.size(); ++k)
            EXPECT_GE(view.next[k - 1].expected_bits, view.next[k].expected_bits);
        for (const TestSuggestion& t : view.next) {
            EXPECT_LT(e.value_of[static_cast<std::size_t>(t.node)], 0);
            EXPECT_NEAR(t.expected_bits, expected_information_bits(n, e, t.node), 1e-12);
        }
    }
    EXPECT_GT(compared, 60);
}

TEST(CausalView, WhatIfIsTheViewOfTheChangedCase) {
    std::mt19937 rng(7);
    for (int trial = 0; trial < 100; ++trial) {
        const Network n = test::random_network(rng);
        const auto findings = random_case(n, rng);
        int node = -1;
        for (std::size_t i = 0; i < n.nodes.size() && node < 0; ++i)
            if (n.nodes[i].kind == NodeKind::finding) node = static_cast<int>(i);
        ASSERT_GE(node, 0);
        const int value = static_cast<int>(n.nodes[static_cast<std::size_t>(node)].values.size()) - 1;
        const CausalView view = causal_view_if(n, findings, Stage::biopsy, node, value);
        Evidence e = evidence_up_to(n, findings, Stage::biopsy);
        e.value_of[static_cast<std::size_t>(node)] = value;
        const Joint j = enumerate(n, e);
        if (!(j.z > 0)) {
            EXPECT_FALSE(view.possible);
            continue;
        }
        ASSERT_TRUE(view.possible);
        EXPECT_NEAR(view.groups.immune, group_mass(n, j, [&](int g) { return g == n.both_first; }), 1e-9);
        // An unknown value changes nothing.
        const CausalView same = causal_view_if(n, findings, Stage::biopsy, node, 99);
        const CausalView plain = causal_view(n, findings, Stage::biopsy);
        EXPECT_EQ(same.possible, plain.possible);
        if (plain.possible) {
            EXPECT_DOUBLE_EQ(same.groups.immune, plain.groups.immune);
        }
    }
}

}  // namespace
