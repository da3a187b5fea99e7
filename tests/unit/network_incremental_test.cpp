// Incremental inference (Inference::reveal) through latent states and unknown context nodes: revealing a
// finding under a latent state, a hidden context node, a state itself or a cause changes only the cached
// cluster around it, and the posterior still equals brute-force enumeration (random networks) and the
// computation from scratch (the knowledge base), without a full recomputation.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

#include "causal_model_fixture.hpp"
#include "dah/network.hpp"
#include "dah/network_inference.hpp"
#include "network_support.hpp"

namespace {

using namespace dah;
using namespace dah::net;

// P(cause present | evidence) by node index from the full joint, and P(evidence) before normalising by the
// presenting problem; empty when the evidence is impossible.
std::vector<double> brute_force_present(const Network& n, const Evidence& e, double& z) {
    z = 0;
    std::vector<double> present(n.nodes.size(), 0.0);
    test::enumerate_joint(n, e, [&](const std::vector<int>& x, double w) {
        z += w;
        for (int c : n.causes) present[static_cast<std::size_t>(c)] += x[static_cast<std::size_t>(c)] ? w : 0;
    });
    if (!(z > 0)) return {};
    for (double& p : present) p /= z;
    return present;
}

// Whether revealing `node` now goes through something hidden: a context node, state or cause itself, or a
// finding with an unknown context or state parent.
bool through_hidden(const Network& n, const Evidence& e, int node) {
    const Node& x = n.nodes[static_cast<std::size_t>(node)];
    if (x.kind != NodeKind::finding) return true;
    return std::any_of(x.parents.begin(), x.parents.end(), [&](int p) {
        const NodeKind k = n.nodes[static_cast<std::size_t>(p)].kind;
        return (k == NodeKind::context || k == NodeKind::state) && !e.known(p);
    });
}

TEST(NetworkIncremental, RevealsThroughHiddenNodesEqualBruteForceWithoutRecomputing) {
    std::mt19937 rng(20261202);
    int local_through_hidden = 0, compared = 0;
    for (int trial = 0; trial < 300; ++trial) {
        const Network n = test::random_network(rng, trial % 4 == 0);
        Inference engine(n);
        std::vector<int> order(n.nodes.size());
        std::iota(order.begin(), order.end(), 0);
        std::shuffle(order.begin(), order.end(), rng);
        Evidence e = Evidence::none(n);
        for (int i : order) {
            // Causes are rarely observed directly; everything else is, in a random order.
            if (n.nodes[static_cast<std::size_t>(i)].kind == NodeKind::cause &&
                !std::bernoulli_distribution(0.15)(rng))
                continue;
            const int k = static_cast<int>(n.nodes[static_cast<std::size_t>(i)].values.size());
            const int v = std::uniform_int_distribution<int>(0, k - 1)(rng);
            const bool hidden = through_hidden(n, e, i);
            const int before = engine.recomputations();
            engine.reveal(i, v);
            e.value_of[static_cast<std::size_t>(i)] = v;
            if (hidden && engine.recomputations() == before) ++local_through_hidden;
            double z = 0;
            const std::vector<double> expected = brute_force_present(n, e, z);
            const Posterior got = engine.posterior();
            ASSERT_EQ(got.possible, !expected.empty()) << "trial " << trial;
            if (expected.empty()) break;
            for (int c : n.causes) {
                EXPECT_NEAR(got.present[static_cast<std::size_t>(c)], expected[static_cast<std::size_t>(c)],
                            1e-12)
                    << "trial " << trial << " cause " << c;
            }
            EXPECT_NEAR(got.evidence_probability * n.prior_mass, z, 1e-12 * std::max(1.0, z))
                << "trial " << trial;
            ++compared;
        }
    }
    EXPECT_GT(compared, 1200);
    EXPECT_GT(local_through_hidden, 900);  // the cluster path was taken, not a recomputation
}

// The knowledge base: MPA on warfarin revealed finding by finding (history, lavage, labs, imaging), then
// the findings it leaves, a hidden context node and a cause. Every reveal stays local, and each posterior
// equals the one computed from scratch.
TEST(NetworkIncremental, TheKnowledgeBaseNeverRecomputesAlongACase) {
    const Network& n = test::causal::model();
    ASSERT_FALSE(n.nodes.empty());
    const std::pair<const char*, const char*> steps[] = {
        {"setting", "ward"},
        {"anticoagulant", "warfarin"},
        {"hemoptysis", "present"},
        {"fever", "absent"},
        {"heart-signs", "overload"},
        {"bal-aliquots", "progressive"},
        {"inr", "1-5-to-3"},
        {"aptt", "normal"},
        {"platelets", "normal"},
        {"mpo-anca", "positive"},
        {"pr3-anca", "negative"},
        {"anti-gbm-antibody", "negative"},
        {"urine-sediment", "glomerular"},
        {"creatinine", "raised"},
        {"proteinuria", "present"},
        {"crp", "raised"},
        {"esr", "50-99"},
        {"ct-septal-lines", "absent"},
        {"drug-exposure", "none"},
        {"over-anticoagulation", "yes"},
        {"not-dah", "absent"},
    };
    Inference engine(n);
    Evidence e = Evidence::none(n);
    for (const auto& [id, value] : steps) {
        const int i = n.node_index(id);
        ASSERT_GE(i, 0) << id;
        const int v = n.value_index(i, value);
        ASSERT_GE(v, 0) << id << "=" << value;
        engine.reveal(i, v);
        e.set(n, i, v);
        const Posterior got = engine.posterior(), expected = posterior_after(n, e);
        ASSERT_TRUE(expected.possible) << id;
        for (int c : n.causes) {
            EXPECT_NEAR(got.present[static_cast<std::size_t>(c)],
                        expected.present[static_cast<std::size_t>(c)], 1e-12)
                << "after " << id;
        }
        EXPECT_NEAR(got.evidence_probability / expected.evidence_probability, 1.0, 1e-12) << "after " << id;
    }
    EXPECT_EQ(engine.recomputations(), 1);  // the one at construction
}

}  // namespace
