// The engine against brute-force enumeration of the joint distribution, and its invariants.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>

#include "dah/engine.hpp"
#include "test_support.hpp"

namespace {

using namespace dah;

// P(d | revealed) by summing the full joint P(d, x_1, ..., x_n) over every value of every variable that
// agrees with the evidence (unrevealed variables take all their values).
std::vector<double> brute_force_posterior(const KnowledgeBase& kb, const Evidence& e) {
    std::vector<double> mass(kb.diagnoses.size(), 0.0);
    std::vector<int> assignment(kb.variables.size(), 0);
    std::function<void(std::size_t)> visit = [&](std::size_t v) {
        if (v == kb.variables.size()) {
            for (std::size_t d = 0; d < kb.diagnoses.size(); ++d) {
                double joint = kb.diagnoses[d].prior;
                for (std::size_t k = 0; k < kb.variables.size(); ++k) {
                    joint *= kb.variables[k].likelihood[d][static_cast<std::size_t>(assignment[k])];
                }
                mass[d] += joint;
            }
            return;
        }
        for (int x = 0; x < static_cast<int>(kb.variables[v].values.size()); ++x) {
            if (e.value_of[v] >= 0 && e.value_of[v] != x) continue;
            assignment[v] = x;
            visit(v + 1);
        }
    };
    visit(0);
    const double total = std::accumulate(mass.begin(), mass.end(), 0.0);
    for (double& m : mass) m /= total;
    return mass;
}

Evidence random_evidence(const KnowledgeBase& kb, std::mt19937& rng) {
    Evidence e = Evidence::none(kb);
    std::bernoulli_distribution reveal(0.6);
    for (std::size_t v = 0; v < kb.variables.size(); ++v) {
        if (!reveal(rng)) continue;
        std::uniform_int_distribution<int> value(0, static_cast<int>(kb.variables[v].values.size()) - 1);
        e.value_of[v] = value(rng);
    }
    return e;
}

double sum(const std::vector<double>& p) { return std::accumulate(p.begin(), p.end(), 0.0); }

TEST(Engine, PosteriorEqualsBruteForceEnumeration) {
    std::mt19937 rng(20261127);
    for (int trial = 0; trial < 300; ++trial) {
        const KnowledgeBase kb = test::random_knowledge_base(rng);
        const Evidence e = random_evidence(kb, rng);
        const auto engine = posterior_after(kb, e);
        const auto brute = brute_force_posterior(kb, e);
        ASSERT_EQ(engine.size(), brute.size());
        for (std::size_t d = 0; d < brute.size(); ++d) EXPECT_NEAR(engine[d], brute[d], 1e-12) << "trial " << trial;
    }
}

TEST(Engine, PosteriorEqualsBruteForceWithZeroLikelihoods) {
    std::mt19937 rng(7);
    int compared = 0;
    for (int trial = 0; trial < 300; ++trial) {
        const KnowledgeBase kb = test::random_knowledge_base(rng, true);
        const Evidence e = random_evidence(kb, rng);
        const auto brute = brute_force_posterior(kb, e);
        if (!std::isfinite(sum(brute))) continue;  // evidence impossible under every diagnosis
        const auto engine = posterior_after(kb, e);
        for (std::size_t d = 0; d < brute.size(); ++d) EXPECT_NEAR(engine[d], brute[d], 1e-12);
        ++compared;
    }
    EXPECT_GT(compared, 200);
}

TEST(Engine, ProbabilitiesSumToOne) {
    std::mt19937 rng(11);
    for (int trial = 0; trial < 200; ++trial) {
        const KnowledgeBase kb = test::random_knowledge_base(rng);
        const auto p = posterior_after(kb, random_evidence(kb, rng));
        EXPECT_NEAR(sum(p), 1.0, 1e-12);
        EXPECT_NEAR(sum(group_totals(kb, p)), 1.0, 1e-12);
        for (double x : p) EXPECT_GE(x, 0.0);
    }
}

TEST(Engine, RevealOrderDoesNotMatter) {
    std::mt19937 rng(3);
    for (int trial = 0; trial < 100; ++trial) {
        const KnowledgeBase kb = test::random_knowledge_base(rng);
        const Evidence target = random_evidence(kb, rng);
        std::vector<Finding> findings;
        for (std::size_t v = 0; v < kb.variables.size(); ++v) {
            if (target.value_of[v] >= 0) findings.push_back(Finding{static_cast<int>(v), target.value_of[v], ""});
        }
        Engine forward(kb), backward(kb);
        for (const Finding& f : findings) forward.reveal(f);
        for (auto it = findings.rbegin(); it != findings.rend(); ++it) backward.reveal(*it);
        std::shuffle(findings.begin(), findings.end(), rng);
        Engine shuffled(kb);
        for (const Finding& f : findings) shuffled.reveal(f);
        for (std::size_t d = 0; d < kb.diagnoses.size(); ++d) {
            EXPECT_NEAR(forward.posterior()[d], backward.posterior()[d], 1e-14);
            EXPECT_NEAR(forward.posterior()[d], shuffled.posterior()[d], 1e-14);
        }
    }
}

TEST(Engine, FindingWithEqualLikelihoodsMovesNothing) {
    KnowledgeBase kb = test::fixture_knowledge_base();
    ASSERT_FALSE(kb.diagnoses.empty());
    Variable flat;
    flat.id = "flat";
    flat.values = {{"yes", "Yes"}, {"no", "No"}};
    flat.likelihood.assign(kb.diagnoses.size(), {0.3, 0.7});
    flat.citation.assign(kb.diagnoses.size(), Citation{"", "test", ""});
    kb.variables.push_back(flat);
    const int v = static_cast<int>(kb.variables.size()) - 1;
    Evidence e = Evidence::none(kb);
    e.set(Finding{kb.variable_index("anca"), 1, ""});
    const auto before = posterior_after(kb, e);
    const auto after = posterior_if(kb, e, Finding{v, 0, ""});
    for (std::size_t d = 0; d < before.size(); ++d) EXPECT_NEAR(before[d], after[d], 1e-15);
    const Hypothesis gpa = Hypothesis::of_id(kb, "gpa");
    EXPECT_NEAR(weight_of_evidence_db(kb, e, Finding{v, 0, ""}, gpa, Hypothesis::complement(kb, gpa)), 0.0, 1e-12);
    EXPECT_NEAR(expected_information_bits(kb, e, v), 0.0, 1e-12);
}

TEST(Engine, NoEvidenceGivesThePrior) {
    const KnowledgeBase kb = test::fixture_knowledge_base();
    const auto p = posterior_after(kb, Evidence::none(kb));
    // Fixture priors 0.3, 0.3, 0.1, 0.3 normalised.
    EXPECT_NEAR(p[0], 0.3, 1e-12);
    EXPECT_NEAR(p[2], 0.1, 1e-12);
}

TEST(Engine, CacheRecomputesOnlyWhenEvidenceChanges) {
    const KnowledgeBase kb = test::fixture_knowledge_base();
    Engine engine(kb);
    EXPECT_EQ(engine.recomputations(), 0);
    const auto first = engine.posterior();
    (void)engine.groups();
    (void)engine.posterior();
    EXPECT_EQ(engine.recomputations(), 1);
    const Finding anca{kb.variable_index("anca"), 1, ""};
    engine.reveal(anca);
    EXPECT_EQ(engine.recomputations(), 1);  // lazily: nothing until asked
    (void)engine.posterior();
    EXPECT_EQ(engine.recomputations(), 2);
    engine.reveal(anca);  // same value: no change
    (void)engine.posterior();
    EXPECT_EQ(engine.recomputations(), 2);
    engine.set_evidence(engine.evidence());
    (void)engine.groups();
    EXPECT_EQ(engine.recomputations(), 2);
    engine.hide(anca.variable);
    EXPECT_EQ(engine.posterior(), first);
    EXPECT_EQ(engine.recomputations(), 3);
    engine.hide(anca.variable);
    engine.reset();
    (void)engine.posterior();
    EXPECT_EQ(engine.recomputations(), 3);
    engine.reveal(Finding{999, 0, ""});  // out of range: ignored, never throws
    (void)engine.posterior();
    EXPECT_EQ(engine.recomputations(), 3);
}

// Two diagnoses, equal priors, one binary test: P(+|a) = 0.8, P(+|b) = 0.2.
KnowledgeBase two_by_two() {
    KnowledgeBase kb;
    kb.groups = {{"g1", "G1"}, {"g2", "G2"}};
    kb.diagnoses = {Diagnosis{"a", "A", "A", 0, 0.5, {}, ""}, Diagnosis{"b", "B", "B", 1, 0.5, {}, ""}};
    Variable t;
    t.id = "t";
    t.values = {{"pos", "+"}, {"neg", "-"}};
    t.likelihood = {{0.8, 0.2}, {0.2, 0.8}};
    t.citation.assign(2, Citation{"", "test", ""});
    kb.variables.push_back(t);
    return kb;
}

TEST(Engine, WeightOfEvidenceOnHandComputedExample) {
    const KnowledgeBase kb = two_by_two();
    const Evidence none = Evidence::none(kb);
    const Hypothesis a = Hypothesis::of_diagnosis(kb, 0), b = Hypothesis::of_diagnosis(kb, 1);
    // LR 4 -> 10 log10 4 = 6.0206 dB for a; the negative result is the mirror image.
    EXPECT_NEAR(weight_of_evidence_db(kb, none, Finding{0, 0, ""}, a, b), 10 * std::log10(4.0), 1e-12);
    EXPECT_NEAR(weight_of_evidence_db(kb, none, Finding{0, 1, ""}, a, b), -10 * std::log10(4.0), 1e-12);
    EXPECT_NEAR(weight_of_evidence_db(kb, none, Finding{0, 0, ""}, b, a), -10 * std::log10(4.0), 1e-12);
    EXPECT_NEAR(decibans_to_bits(10 * std::log10(4.0)), 2.0, 1e-12);
    // Groups are diagnoses here: the same.
    EXPECT_NEAR(weight_of_evidence_db(kb, none, Finding{0, 0, ""}, Hypothesis::of_group(kb, 0), Hypothesis::of_group(kb, 1)),
                10 * std::log10(4.0), 1e-12);
    const auto ranked = rank_by_weight(kb, none, {Finding{0, 1, ""}}, a, b);
    ASSERT_EQ(ranked.size(), 1u);
    EXPECT_NEAR(ranked[0].likelihood_ratio, 0.25, 1e-12);
}

TEST(Engine, WeightOfEvidenceForASetUsesPosteriorWeights) {
    // Three diagnoses: {a, c} against b; P(+|a) = 0.9, P(+|c) = 0.3, P(+|b) = 0.1, priors 0.25, 0.5, 0.25.
    KnowledgeBase kb;
    kb.groups = {{"g", "G"}};
    kb.diagnoses = {Diagnosis{"a", "A", "A", 0, 0.25, {}, ""}, Diagnosis{"b", "B", "B", 0, 0.5, {}, ""},
                    Diagnosis{"c", "C", "C", 0, 0.25, {}, ""}};
    Variable t;
    t.values = {{"pos", "+"}, {"neg", "-"}};
    t.likelihood = {{0.9, 0.1}, {0.1, 0.9}, {0.3, 0.7}};
    t.citation.assign(3, Citation{});
    kb.variables.push_back(t);
    Hypothesis ac;
    ac.diagnoses = {0, 2};
    // P(+ | a or c) = (0.25*0.9 + 0.25*0.3) / 0.5 = 0.6; against 0.1: LR 6, 7.78 dB.
    const double db = weight_of_evidence_db(kb, Evidence::none(kb), Finding{0, 0, ""}, ac, Hypothesis::of_diagnosis(kb, 1));
    EXPECT_NEAR(db, 10 * std::log10(6.0), 1e-12);
    EXPECT_GT(db, 0);
    // Impossible under one side: infinite weight, with the right sign.
    kb.variables[0].likelihood[1] = {0.0, 1.0};
    EXPECT_TRUE(std::isinf(weight_of_evidence_db(kb, Evidence::none(kb), Finding{0, 0, ""}, ac, Hypothesis::of_diagnosis(kb, 1))));
    EXPECT_LT(weight_of_evidence_db(kb, Evidence::none(kb), Finding{0, 0, ""}, Hypothesis::of_diagnosis(kb, 1), ac), 0);
}

TEST(Engine, ExpectedInformationOnHandComputedExample) {
    const KnowledgeBase kb = two_by_two();
    // H(prior) = 1 bit; P(+) = 0.5; posterior after either result is (0.8, 0.2): H = 0.721928 bits.
    const double h_after = -(0.8 * std::log2(0.8) + 0.2 * std::log2(0.2));
    EXPECT_NEAR(expected_information_bits(kb, Evidence::none(kb), 0), 1.0 - h_after, 1e-12);
    Evidence revealed = Evidence::none(kb);
    revealed.set(Finding{0, 0, ""});
    EXPECT_EQ(expected_information_bits(kb, revealed, 0), 0.0);
    const auto suggestions = suggest_next_tests(kb, Evidence::none(kb));
    ASSERT_EQ(suggestions.size(), 1u);
    EXPECT_EQ(suggestions[0].variable, 0);
    EXPECT_TRUE(suggest_next_tests(kb, revealed).empty());
}

TEST(Engine, ExpectedInformationBetweenTwoHypotheses) {
    const KnowledgeBase kb = two_by_two();
    const Hypothesis a = Hypothesis::of_diagnosis(kb, 0), b = Hypothesis::of_diagnosis(kb, 1);
    // With two diagnoses the binary question is the whole question: 1 - H(0.8, 0.2) bits.
    const double h_after = -(0.8 * std::log2(0.8) + 0.2 * std::log2(0.2));
    EXPECT_NEAR(expected_information_bits(kb, Evidence::none(kb), 0, a, b), 1.0 - h_after, 1e-12);
    // The same set on both sides: nothing to separate.
    EXPECT_NEAR(expected_information_bits(kb, Evidence::none(kb), 0, a, a), 0.0, 1e-12);

    // The fixture: INR separates coagulopathic from immune better than BAL, which is identical for both.
    const KnowledgeBase fx = test::fixture_knowledge_base();
    const Hypothesis immune = Hypothesis::of_id(fx, "immune"), coag = Hypothesis::of_id(fx, "coagulopathic");
    const Evidence none = Evidence::none(fx);
    EXPECT_NEAR(expected_information_bits(fx, none, fx.variable_index("bal"), immune, coag), 0.0, 1e-12);
    EXPECT_GT(expected_information_bits(fx, none, fx.variable_index("inr"), immune, coag), 0.3);
}

TEST(Engine, SuggestionsAreRankedAndRespectTheStage) {
    const KnowledgeBase kb = test::fixture_knowledge_base();
    const auto all = suggest_next_tests(kb, Evidence::none(kb));
    ASSERT_EQ(all.size(), kb.variables.size());
    for (std::size_t k = 1; k < all.size(); ++k) EXPECT_GE(all[k - 1].expected_bits, all[k].expected_bits);
    for (const auto& s : suggest_next_tests(kb, Evidence::none(kb), Stage::bal)) {
        EXPECT_LE(static_cast<int>(kb.variables[static_cast<std::size_t>(s.variable)].stage), static_cast<int>(Stage::bal));
    }
    EXPECT_EQ(suggest_next_tests(kb, Evidence::none(kb), Stage::bal).size(), 2u);
}

TEST(Engine, ExpectedInformationIsMutualInformationByEnumeration) {
    std::mt19937 rng(5);
    for (int trial = 0; trial < 50; ++trial) {
        const KnowledgeBase kb = test::random_knowledge_base(rng);
        const Evidence e = Evidence::none(kb);
        // I(D; X) = sum_{d,x} p(d) p(x|d) log2(p(x|d) / p(x)).
        const Variable& v = kb.variables[0];
        double mi = 0;
        for (std::size_t x = 0; x < v.values.size(); ++x) {
            double px = 0;
            for (std::size_t d = 0; d < kb.diagnoses.size(); ++d) px += kb.diagnoses[d].prior * v.likelihood[d][x];
            for (std::size_t d = 0; d < kb.diagnoses.size(); ++d) {
                const double l = v.likelihood[d][x];
                if (l > 0) mi += kb.diagnoses[d].prior * l * std::log2(l / px);
            }
        }
        EXPECT_NEAR(expected_information_bits(kb, e, 0), mi, 1e-12);
    }
}

TEST(Engine, HypothesisSets) {
    const KnowledgeBase kb = test::fixture_knowledge_base();
    const Hypothesis immune = Hypothesis::of_id(kb, "immune");
    ASSERT_EQ(immune.diagnoses, std::vector<int>{kb.diagnosis_index("gpa")});
    const Hypothesis rest = Hypothesis::complement(kb, immune);
    EXPECT_EQ(rest.diagnoses.size(), kb.diagnoses.size() - 1);
    EXPECT_TRUE(Hypothesis::of_id(kb, "nonsense").diagnoses.empty());
    const auto p = posterior_after(kb, Evidence::none(kb));
    EXPECT_NEAR(immune.probability(p) + rest.probability(p), 1.0, 1e-12);
}

TEST(Engine, WhatIfChangesOnlyThatFinding) {
    const KnowledgeBase kb = test::fixture_knowledge_base();
    Evidence e = Evidence::none(kb);
    const int anca = kb.variable_index("anca");
    e.set(Finding{anca, kb.value_index(anca, "pr3"), ""});
    Evidence other = e;
    other.set(Finding{anca, kb.value_index(anca, "negative"), ""});
    EXPECT_EQ(posterior_if(kb, e, Finding{anca, kb.value_index(anca, "negative"), ""}), posterior_after(kb, other));
    EXPECT_EQ(e.value_of[static_cast<std::size_t>(anca)], kb.value_index(anca, "pr3"));  // unchanged
}

TEST(Engine, ReplayAccumulatesEvidenceStageByStage) {
    const KnowledgeBase kb = test::fixture_knowledge_base();
    const auto c = load_case(test::read_text(test::source_path("tests/fixtures/both.case.json")), "both.case.json", kb);
    ASSERT_TRUE(c.ok());
    const auto stages = replay(kb, *c.value);
    ASSERT_EQ(stages.size(), 4u);
    Evidence e = Evidence::none(kb);
    for (std::size_t i = 0; i < stages.size(); ++i) {
        for (const Finding& f : c.value->stages[i].findings) e.set(f);
        EXPECT_EQ(stages[i].evidence, e);
        EXPECT_EQ(stages[i].posterior, posterior_after(kb, e));
        EXPECT_EQ(stages[i].groups, group_totals(kb, stages[i].posterior));
    }
    for (const auto& outcome : evaluate_checks(kb, *c.value)) EXPECT_TRUE(outcome.passed) << outcome.description;
}

}  // namespace
