// The causal model's exact inference against brute-force enumeration of the full joint on random
// networks (coexisting causes, multi-parent findings, noisy-MAX, latent context), hand-computed
// examples, order independence, and "a fact counts once".
#include "dah/network.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

#include "dah/network_inference.hpp"
#include "network_support.hpp"

namespace {

using namespace dah;
using namespace dah::net;

net::Evidence random_evidence(const Network& n, std::mt19937& rng, double reveal_probability) {
    Evidence e = Evidence::none(n);
    std::bernoulli_distribution reveal(reveal_probability);
    for (std::size_t i = 0; i < n.nodes.size(); ++i) {
        // Causes are rarely observed directly (a biopsy shows a finding, not the cause).
        if (n.nodes[i].kind == NodeKind::cause && !std::bernoulli_distribution(0.1)(rng)) continue;
        if (!reveal(rng)) continue;
        e.value_of[i] =
            std::uniform_int_distribution<int>(0, static_cast<int>(n.nodes[i].values.size()) - 1)(rng);
    }
    return e;
}

struct BruteForce {
    double z = 0;
    std::map<std::uint64_t, double> by_set;
};

BruteForce brute_force(const Network& n, const Evidence& e) {
    BruteForce out;
    test::enumerate_joint(n, e, [&](const std::vector<int>& x, double w) {
        out.z += w;
        out.by_set[test::present_set(n, x)] += w;
    });
    return out;
}

double mass_where(const Network& n, const BruteForce& b, const Hypothesis& h) {
    double s = 0;
    for (const auto& [set, w] : b.by_set) s += h.holds(n, set) ? w : 0;
    return s;
}

TEST(Network, PosteriorEqualsBruteForceEnumeration) {
    std::mt19937 rng(20261201);
    int compared = 0, with_pairs = 0;
    for (int trial = 0; trial < 300; ++trial) {
        const Network n = test::random_network(rng, trial % 3 == 0);
        ASSERT_FALSE(n.cause_sets.empty());
        const Evidence e = random_evidence(n, rng, 0.5);
        const BruteForce b = brute_force(n, e);
        const BruteForce none = brute_force(n, Evidence::none(n));
        const Posterior p = posterior_after(n, e);
        EXPECT_EQ(p.possible, b.z > 0) << "trial " << trial;
        if (!(b.z > 0)) continue;
        EXPECT_NEAR(p.evidence_probability, b.z / none.z, 1e-12 * std::max(1.0, b.z / none.z))
            << "trial " << trial;
        for (std::size_t k = 0; k < n.causes.size(); ++k) {
            const int c = n.causes[k];
            EXPECT_NEAR(p.present[static_cast<std::size_t>(c)],
                        mass_where(n, b, Hypothesis::of_cause(n, c)) / b.z, 1e-12)
                << "trial " << trial << " cause " << k;
        }
        for (std::size_t g = 0; g < n.groups.size(); ++g) {
            EXPECT_NEAR(p.groups[g], mass_where(n, b, Hypothesis::of_group(n, static_cast<int>(g))) / b.z,
                        1e-12);
        }
        EXPECT_NEAR(p.both, mass_where(n, b, Hypothesis::both(n)) / b.z, 1e-12);
        double pairs = 0;
        for (const auto& [set, w] : b.by_set) pairs += (set & (set - 1)) != 0 ? w : 0;
        EXPECT_NEAR(p.any_of_two_or_more, pairs / b.z, 1e-12);
        with_pairs += pairs > 0 ? 1 : 0;
        ++compared;
    }
    EXPECT_GT(compared, 200);
    EXPECT_GT(with_pairs, 100);  // coexisting causes were exercised
}

TEST(Network, PredictiveEqualsBruteForce) {
    std::mt19937 rng(7);
    for (int trial = 0; trial < 200; ++trial) {
        const Network n = test::random_network(rng);
        const Evidence e = random_evidence(n, rng, 0.4);
        const int node = std::uniform_int_distribution<int>(0, static_cast<int>(n.nodes.size()) - 1)(rng);
        std::vector<double> mass(n.nodes[static_cast<std::size_t>(node)].values.size(), 0.0);
        double z = 0;
        test::enumerate_joint(n, e, [&](const std::vector<int>& x, double w) {
            mass[static_cast<std::size_t>(x[static_cast<std::size_t>(node)])] += w;
            z += w;
        });
        const std::vector<double> p = predictive(n, e, node);
        if (!(z > 0)) {
            EXPECT_TRUE(p.empty());
            continue;
        }
        ASSERT_EQ(p.size(), mass.size());
        for (std::size_t v = 0; v < p.size(); ++v) EXPECT_NEAR(p[v], mass[v] / z, 1e-12) << "trial " << trial;
    }
}

TEST(Network, WeightOfEvidenceEqualsBruteForce) {
    std::mt19937 rng(11);
    int finite = 0;
    for (int trial = 0; trial < 200; ++trial) {
        const Network n = test::random_network(rng);
        Evidence rest = random_evidence(n, rng, 0.4);
        int node = -1;
        for (std::size_t i = 0; i < n.nodes.size(); ++i) {
            if (n.nodes[i].kind == NodeKind::finding) node = static_cast<int>(i);
        }
        ASSERT_GE(node, 0);
        rest.value_of[static_cast<std::size_t>(node)] = -1;
        const int value = std::uniform_int_distribution<int>(
            0, static_cast<int>(n.nodes[static_cast<std::size_t>(node)].values.size()) - 1)(rng);
        const int cause = n.causes[std::uniform_int_distribution<std::size_t>(0, n.causes.size() - 1)(rng)];
        const Hypothesis a = Hypothesis::of_cause(n, cause), b = Hypothesis::complement(a);
        Evidence with = rest;
        with.value_of[static_cast<std::size_t>(node)] = value;
        const BruteForce before = brute_force(n, rest), after = brute_force(n, with);
        const double a0 = mass_where(n, before, a), b0 = mass_where(n, before, b);
        const double a1 = mass_where(n, after, a), b1 = mass_where(n, after, b);
        const double db = weight_of_evidence_db(n, rest, node, value, a, b);
        if (a0 > 0 && b0 > 0 && a1 > 0 && b1 > 0) {
            EXPECT_NEAR(db, 10 * std::log10((a1 / a0) / (b1 / b0)), 1e-9) << "trial " << trial;
            ++finite;
        }
    }
    EXPECT_GT(finite, 100);
}

TEST(Network, ExpectedInformationEqualsBruteForceMutualInformation) {
    std::mt19937 rng(13);
    for (int trial = 0; trial < 150; ++trial) {
        const Network n = test::random_network(rng);
        Evidence e = random_evidence(n, rng, 0.3);
        int node = static_cast<int>(n.nodes.size()) - 1;  // a finding
        e.value_of[static_cast<std::size_t>(node)] = -1;
        std::map<std::pair<std::uint64_t, int>, double> joint;
        std::map<std::uint64_t, double> sets;
        std::map<int, double> values;
        double z = 0;
        test::enumerate_joint(n, e, [&](const std::vector<int>& x, double w) {
            const std::uint64_t s = test::present_set(n, x);
            const int v = x[static_cast<std::size_t>(node)];
            joint[{s, v}] += w;
            sets[s] += w;
            values[v] += w;
            z += w;
        });
        double mi = 0;
        for (const auto& [key, w] : joint) {
            if (w > 0) mi += w / z * std::log2((w / z) / ((sets[key.first] / z) * (values[key.second] / z)));
        }
        if (!(z > 0)) mi = 0;
        EXPECT_NEAR(expected_information_bits(n, e, node), std::max(0.0, mi), 1e-9) << "trial " << trial;
    }
}

// The ranking of next tests recomputes only the factors around each node (its block, or a state and its
// parents' blocks); every suggestion's information must still be the brute-force mutual information.
TEST(Network, SuggestedTestsCarryTheBruteForceMutualInformation) {
    std::mt19937 rng(20261202);
    int checked = 0, latent = 0;
    for (int trial = 0; trial < 120; ++trial) {
        const Network n = test::random_network(rng, trial % 4 == 0);
        const Evidence e = random_evidence(n, rng, 0.35);
        for (const TestSuggestion& t : suggest_next_tests(n, e)) {
            std::map<std::pair<std::uint64_t, int>, double> joint;
            std::map<std::uint64_t, double> sets;
            std::map<int, double> values;
            double z = 0;
            test::enumerate_joint(n, e, [&](const std::vector<int>& x, double w) {
                const std::uint64_t s = test::present_set(n, x);
                const int v = x[static_cast<std::size_t>(t.node)];
                joint[{s, v}] += w;
                sets[s] += w;
                values[v] += w;
                z += w;
            });
            double mi = 0;
            for (const auto& [key, w] : joint) {
                if (w > 0)
                    mi += w / z * std::log2((w / z) / ((sets[key.first] / z) * (values[key.second] / z)));
            }
            if (!(z > 0)) mi = 0;
            EXPECT_NEAR(t.expected_bits, std::max(0.0, mi), 1e-9) << "trial " << trial << " node " << t.node;
            ++checked;
            for (int p : n.nodes[static_cast<std::size_t>(t.node)].parents)
                latent += n.nodes[static_cast<std::size_t>(p)].kind == NodeKind::state ? 1 : 0;
        }
    }
    EXPECT_GT(checked, 300);
    EXPECT_GT(latent, 20);  // findings under a state were among them
}

// Two causes, one finding, worked by hand: A (group 0) prior 0.1, B (group 1) prior 0.2, at most two at
// once; the finding is noisy-OR with leak 0.01 and links A 0.9, B 0.5.
Network hand_network() {
    Network n;
    n.groups = {{"immune", "Immune"}, {"antithrombotic", "Antithrombotic"}};
    n.both_first = 0;
    n.both_second = 1;
    n.max_coexisting_causes = 2;
    Node a, b, f;
    a.id = "a";
    a.kind = NodeKind::cause;
    a.group = 0;
    a.values = {{"absent", ""}, {"present", ""}};
    a.table = {0.9, 0.1};
    b = a;
    b.id = "b";
    b.group = 1;
    b.table = {0.8, 0.2};
    f.id = "f";
    f.kind = NodeKind::finding;
    f.values = {{"absent", ""}, {"present", ""}};
    f.parents = {0, 1};
    f.links = {0, 1};
    NoisyMaxSet s;
    s.leak = {0.99, 0.01};
    s.link = {{{}, {0.1, 0.9}}, {{}, {0.5, 0.5}}};
    f.sets = {s};
    n.nodes = {a, b, f};
    EXPECT_TRUE(prepare(n));
    return n;
}

TEST(Network, HandComputedNoisyOrExample) {
    const Network n = hand_network();
    ASSERT_EQ(n.cause_sets.size(), 3u);  // {a}, {b}, {a, b}
    // Prior over the allowed sets: {a} 0.1 x 0.8, {b} 0.9 x 0.2, {a, b} 0.1 x 0.2.
    const double wa = 0.1 * 0.8, wb = 0.9 * 0.2, wab = 0.1 * 0.2;
    Posterior prior = posterior_after(n, Evidence::none(n));
    EXPECT_NEAR(prior.present[0], (wa + wab) / (wa + wb + wab), 1e-15);
    EXPECT_NEAR(prior.both, wab / (wa + wb + wab), 1e-15);
    // P(f present | set) = 1 - 0.99 x product of (1 - link) over present causes.
    const double fa = 1 - 0.99 * 0.1, fb = 1 - 0.99 * 0.5, fab = 1 - 0.99 * 0.1 * 0.5;
    Evidence e = Evidence::none(n);
    e.set(n, 2, 1);
    const Posterior p = posterior_after(n, e);
    const double z = wa * fa + wb * fb + wab * fab;
    EXPECT_NEAR(p.present[0], (wa * fa + wab * fab) / z, 1e-15);
    EXPECT_NEAR(p.present[1], (wb * fb + wab * fab) / z, 1e-15);
    EXPECT_NEAR(p.both, wab * fab / z, 1e-15);
    EXPECT_NEAR(p.groups[0], p.present[0], 1e-15);
    EXPECT_NEAR(p.evidence_probability, z / (wa + wb + wab), 1e-15);
    // Weight of the finding for a against b: P(f | a) / P(f | b), each over the sets where it holds.
    const double expected_db =
        10 * std::log10(((wa * fa + wab * fab) / (wa + wab)) / ((wb * fb + wab * fab) / (wb + wab)));
    EXPECT_NEAR(weight_of_evidence_db(n, Evidence::none(n), 2, 1, Hypothesis::of_cause(n, 0),
                                      Hypothesis::of_cause(n, 1)),
                expected_db, 1e-12);
    EXPECT_GT(expected_db, 0);  // the finding favours a (link 0.9 against 0.5)
}

TEST(Network, AtMostOneCauseIsNaiveBayesOverCauses) {
    Network n = hand_network();
    n.max_coexisting_causes = 1;
    ASSERT_TRUE(prepare(n));
    Evidence e = Evidence::none(n);
    e.set(n, 2, 0);
    const Posterior p = posterior_after(n, e);
    // Sets {a} and {b} only: 0.08 x 0.099 against 0.18 x 0.495.
    EXPECT_NEAR(p.present[0], 0.08 * 0.099 / (0.08 * 0.099 + 0.18 * 0.495), 1e-15);
    EXPECT_EQ(p.both, 0);
}

TEST(Network, ImpossibleEvidenceIsReportedNotDividedByZero) {
    Network n = hand_network();
    n.nodes[2].sets[0].leak = {1.0, 0.0};
    n.nodes[2].sets[0].link = {{{}, {1.0, 0.0}}, {{}, {1.0, 0.0}}};  // f can never be present
    ASSERT_TRUE(prepare(n));
    Evidence e = Evidence::none(n);
    e.set(n, 2, 1);
    const Posterior p = posterior_after(n, e);
    EXPECT_FALSE(p.possible);
    EXPECT_EQ(p.evidence_probability, 0);
    EXPECT_TRUE(predictive(n, e, 0).empty());
    EXPECT_EQ(weight_of_evidence_db(n, Evidence::none(n), 2, 1, Hypothesis::of_cause(n, 0),
                                    Hypothesis::of_cause(n, 1)),
              0);
}

// The sum of the weights of a sequence of findings is the weight of all of them together, whatever the
// order: each finding counts given what came before it.
TEST(Network, WeightsAddUpInAnyOrder) {
    std::mt19937 rng(17);
    int checked = 0;
    for (int trial = 0; trial < 100; ++trial) {
        const Network n = test::random_network(rng);
        const Evidence full = random_evidence(n, rng, 0.7);
        std::vector<int> order;
        for (std::size_t i = 0; i < n.nodes.size(); ++i) {
            if (full.value_of[i] >= 0 && n.nodes[i].kind != NodeKind::cause)
                order.push_back(static_cast<int>(i));
        }
        const int cause = n.causes.front();
        const Hypothesis a = Hypothesis::of_cause(n, cause), b = Hypothesis::complement(a);
        Evidence none = Evidence::none(n);
        for (std::size_t i = 0; i < n.nodes.size(); ++i) {
            if (n.nodes[i].kind == NodeKind::cause) none.value_of[i] = full.value_of[i];
        }
        Evidence all = none;
        for (int i : order)
            all.value_of[static_cast<std::size_t>(i)] = full.value_of[static_cast<std::size_t>(i)];
        const double pa0 = probability_of(n, none, a), pa1 = probability_of(n, all, a);
        if (!(pa0 > 0 && pa0 < 1 && pa1 > 0 && pa1 < 1)) continue;
        const double total_db = 10 * std::log10((pa1 / (1 - pa1)) / (pa0 / (1 - pa0)));
        for (int shuffle = 0; shuffle < 3; ++shuffle) {
            std::shuffle(order.begin(), order.end(), rng);
            Evidence e = none;
            double sum = 0;
            for (int i : order) {
                sum += weight_of_evidence_db(n, e, i, full.value_of[static_cast<std::size_t>(i)], a, b);
                e.value_of[static_cast<std::size_t>(i)] = full.value_of[static_cast<std::size_t>(i)];
            }
            EXPECT_NEAR(sum, total_db, 1e-8) << "trial " << trial;
            const Posterior p = posterior_after(n, e);
            EXPECT_NEAR(p.present[static_cast<std::size_t>(cause)], pa1, 1e-12);
        }
        ++checked;
    }
    EXPECT_GT(checked, 50);
}

// A finding whose parents are all known carries no news about anything else.
TEST(Network, AFindingWhoseParentsAreKnownMovesNothing) {
    std::mt19937 rng(19);
    int checked = 0;
    for (int trial = 0; trial < 200; ++trial) {
        const Network n = test::random_network(rng);
        Evidence e = random_evidence(n, rng, 0.3);
        const int f = static_cast<int>(n.nodes.size()) - 1;
        const Node& finding = n.nodes[static_cast<std::size_t>(f)];
        e.value_of[static_cast<std::size_t>(f)] = -1;
        for (int p : finding.parents) {
            if (e.value_of[static_cast<std::size_t>(p)] < 0) e.value_of[static_cast<std::size_t>(p)] = 0;
        }
        const Posterior before = posterior_after(n, e);
        if (!before.possible) continue;
        const int value =
            std::uniform_int_distribution<int>(0, static_cast<int>(finding.values.size()) - 1)(rng);
        const Posterior after = posterior_if(n, e, f, value);
        if (!after.possible) continue;
        for (std::size_t i = 0; i < n.nodes.size(); ++i)
            EXPECT_NEAR(after.present[i], before.present[i], 1e-12);
        EXPECT_NEAR(after.both, before.both, 1e-12);
        const Hypothesis a = Hypothesis::of_cause(n, n.causes.front());
        const double pa = probability_of(n, e, a);
        if (pa > 0 && pa < 1) {
            EXPECT_NEAR(weight_of_evidence_db(n, e, f, value, a, Hypothesis::complement(a)), 0, 1e-9);
        }
        ++checked;
    }
    EXPECT_GT(checked, 100);
}

TEST(Network, ReplayGoesStageByStageAndMatchesThePosterior) {
    const Network n = hand_network();
    const std::vector<StagedFinding> findings = {{Stage::labs, 2, 1}};
    const auto stages = replay(n, findings, Hypothesis::of_cause(n, 0), Hypothesis::of_cause(n, 1));
    ASSERT_EQ(stages.size(), 1u);
    EXPECT_EQ(stages[0].stage, Stage::labs);
    ASSERT_EQ(stages[0].weights.size(), 1u);
    Evidence e = Evidence::none(n);
    e.set(n, 2, 1);
    EXPECT_EQ(stages[0].posterior.present, posterior_after(n, e).present);
    EXPECT_NEAR(stages[0].weights[0].weight_db,
                weight_of_evidence_db(n, Evidence::none(n), 2, 1, Hypothesis::of_cause(n, 0),
                                      Hypothesis::of_cause(n, 1)),
                0);
}

// Revealing findings one at a time (multiplying each likelihood into the cached weights where it can)
// gives the posterior computed from scratch.
TEST(Network, IncrementalUpdatesEqualTheFullComputation) {
    std::mt19937 rng(23);
    int fast = 0;
    for (int trial = 0; trial < 200; ++trial) {
        const Network n = test::random_network(rng);
        const Evidence target = random_evidence(n, rng, 0.6);
        Inference engine(n);
        std::vector<int> order(n.nodes.size());
        std::iota(order.begin(), order.end(), 0);
        std::shuffle(order.begin(), order.end(), rng);
        Evidence e = Evidence::none(n);
        for (int i : order) {
            const int v = target.value_of[static_cast<std::size_t>(i)];
            if (v < 0) continue;
            const int before = engine.recomputations();
            engine.reveal(i, v);
            fast += engine.recomputations() == before ? 1 : 0;
            e.value_of[static_cast<std::size_t>(i)] = v;
            const Posterior a = engine.posterior(), b = posterior_after(n, e);
            ASSERT_EQ(a.possible, b.possible) << "trial " << trial;
            if (!b.possible) break;
            for (std::size_t k = 0; k < n.nodes.size(); ++k) EXPECT_NEAR(a.present[k], b.present[k], 1e-12);
            EXPECT_NEAR(a.both, b.both, 1e-12);
            EXPECT_NEAR(a.evidence_probability, b.evidence_probability,
                        1e-12 * std::max(1.0, b.evidence_probability));
        }
        EXPECT_EQ(engine.evidence(), e);
    }
    EXPECT_GT(fast, 100);  // the incremental path was taken
}

// Networks built in code are checked as the loader checks files: a bad shape is refused, not read past.
TEST(Network, PrepareRefusesMalformedNetworks) {
    std::string why;
    Network n = hand_network();
    n.nodes[2].sets[0].link[0].pop_back();  // one distribution short for cause a
    EXPECT_FALSE(prepare(n, &why));
    EXPECT_NE(why.find("wrong shape"), std::string::npos) << why;
    n = hand_network();
    n.nodes[2].links = {0, 5};
    EXPECT_FALSE(prepare(n, &why));
    n = hand_network();
    n.nodes[0].parents = {1};  // a and b depend on each other
    n.nodes[0].table = {0.9, 0.1, 0.9, 0.1};
    n.nodes[1].parents = {0};
    n.nodes[1].table = {0.8, 0.2, 0.8, 0.2};
    EXPECT_FALSE(prepare(n, &why));
    EXPECT_NE(why.find("cycle"), std::string::npos) << why;
    n = hand_network();
    n.nodes[0].parents = {2};  // a cause cannot depend on a finding
    n.nodes[0].table = {0.9, 0.1, 0.9, 0.1};
    EXPECT_FALSE(prepare(n, &why));
}

TEST(Network, OutOfRangeInputIsIgnoredNotACrash) {
    const Network n = hand_network();
    Evidence e{{5, -7}};  // wrong size, bad values
    EXPECT_TRUE(posterior_after(n, e).possible);
    EXPECT_TRUE(predictive(n, e, 99).empty());
    EXPECT_EQ(expected_information_bits(n, e, -1), 0);
    EXPECT_FALSE(e.set(n, 2, 9));
    EXPECT_EQ(weight_of_evidence_db(n, e, 42, 0, Hypothesis::anything(), Hypothesis::anything()), 0);
}

}  // namespace
