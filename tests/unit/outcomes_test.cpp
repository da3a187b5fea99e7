// The tutor's exclusive partition of the causal model (dah/outcomes.hpp): against brute-force enumeration
// of the full joint on random networks (shares worked out here from each cause's group, independently of
// the partition code), against the marginals of the real knowledge base, and in the directions the
// medicine gives.
#include "dah/outcomes.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <numeric>

#include "network_support.hpp"
#include "test_support.hpp"

namespace {

using namespace dah;
using namespace dah::net;

// The tutor group of a full assignment, from the causes' groups: 0 immune only, 1 antithrombotic only,
// 2 both, 3 neither.
int tutor_group(const Network& n, const std::vector<int>& x) {
    bool immune = false, anti = false;
    for (int c : n.causes) {
        if (x[static_cast<std::size_t>(c)] != 1) continue;
        immune = immune || n.nodes[static_cast<std::size_t>(c)].group == n.both_first;
        anti = anti || n.nodes[static_cast<std::size_t>(c)].group == n.both_second;
    }
    return immune && anti ? 2 : immune ? 0 : anti ? 1 : 3;
}

// By brute force: P(outcome id | evidence), the weight of an assignment shared evenly by its present
// causes of its tutor group ("both" takes it whole).
std::map<std::string, double> brute_force(const Network& n, const Evidence& e) {
    std::map<std::string, double> mass;
    double z = 0;
    test::enumerate_joint(n, e, [&](const std::vector<int>& x, double w) {
        z += w;
        const int g = tutor_group(n, x);
        if (g == 2) {
            mass["immune-and-antithrombotic"] += w;
            return;
        }
        std::vector<std::string> sharing;
        for (int c : n.causes) {
            if (x[static_cast<std::size_t>(c)] != 1) continue;
            const int cg = n.nodes[static_cast<std::size_t>(c)].group;
            const int own = cg == n.both_first ? 0 : cg == n.both_second ? 1 : 3;
            if (own == g) sharing.push_back(n.nodes[static_cast<std::size_t>(c)].id);
        }
        for (const std::string& id : sharing) mass[id] += w / static_cast<double>(sharing.size());
    });
    if (!(z > 0)) return {};  // impossible evidence
    for (auto& [id, m] : mass) m /= z;
    return mass;
}

TEST(Outcomes, EqualBruteForceEnumerationOnRandomNetworks) {
    std::mt19937 rng(20261202);
    int compared = 0, shared = 0;
    for (int trial = 0; trial < 200; ++trial) {
        const Network n = test::random_network(rng, trial % 4 == 0);
        const OutcomeSpace space = outcome_space(n);
        ASSERT_EQ(space.groups.size(), 4u);
        Evidence e = Evidence::none(n);
        for (std::size_t i = 0; i < n.nodes.size(); ++i)
            if (n.nodes[i].kind != NodeKind::cause && std::bernoulli_distribution(0.5)(rng))
                e.value_of[i] = std::uniform_int_distribution<int>(0, static_cast<int>(n.nodes[i].values.size()) - 1)(rng);
        const std::map<std::string, double> expected = brute_force(n, e);
        const std::vector<double> p = outcome_distribution(n, space, e);
        if (expected.empty()) {
            EXPECT_TRUE(p.empty()) << "trial " << trial;
            continue;
        }
        ASSERT_EQ(p.size(), space.outcomes.size());
        EXPECT_NEAR(std::accumulate(p.begin(), p.end(), 0.0), 1.0, 1e-12) << "trial " << trial;
        for (std::size_t o = 0; o < p.size(); ++o) {
            const auto it = expected.find(space.outcomes[o].id);
            EXPECT_NEAR(p[o], it == expected.end() ? 0.0 : it->second, 1e-12)
                << "trial " << trial << " outcome " << space.outcomes[o].id;
        }
        // Sets with two causes of one group were exercised (their weight is split).
        for (std::uint64_t s : n.cause_sets)
            if (outcomes_of_set(n, space, s).size() > 1) ++shared;
        ++compared;
    }
    EXPECT_GT(compared, 150);
    EXPECT_GT(shared, 50);
}

const Network& model() {
    static const Network n = [] {
        auto loaded = load_network(test::read_text(test::source_path("cases/knowledge-base-v2.json")),
                                   "knowledge-base-v2.json");
        for (const auto& err : loaded.errors) ADD_FAILURE() << err.to_string();
        return loaded.value.value_or(Network{});
    }();
    return n;
}

Evidence with(std::initializer_list<std::pair<const char*, const char*>> findings) {
    const Network& n = model();
    Evidence e = Evidence::none(n);
    for (const auto& [id, value] : findings) {
        const int i = n.node_index(id);
        EXPECT_GE(i, 0) << id;
        EXPECT_TRUE(e.set(n, i, n.value_index(i, value))) << id << "=" << value;
    }
    return e;
}

// The partition's group totals follow from the network's own marginals: P(immune only) = P(immune) -
// P(both), P(antithrombotic only) = P(antithrombotic) - P(both), P(neither) = 1 - P(either).
TEST(Outcomes, GroupTotalsAgreeWithTheMarginalsOfTheKnowledgeBase) {
    const Network& n = model();
    const OutcomeSpace space = outcome_space(n);
    const int immune = n.group_index("immune"), anti = n.group_index("antithrombotic");
    ASSERT_GE(immune, 0);
    ASSERT_GE(anti, 0);
    for (const Evidence& e : {Evidence::none(n), with({{"anticoagulant", "warfarin"}, {"inr", "over-4-5"}}),
                              with({{"mpo-anca", "positive"}, {"urine-sediment", "glomerular"}}),
                              with({{"anticoagulant", "warfarin"}, {"mpo-anca", "positive"}}),
                              with({{"setting", "icu-ventilated"}, {"microbiology", "pathogen"}})}) {
        const std::vector<double> p = outcome_distribution(n, space, e);
        ASSERT_EQ(p.size(), space.outcomes.size());
        EXPECT_NEAR(std::accumulate(p.begin(), p.end(), 0.0), 1.0, 1e-12);
        const Posterior m = posterior_after(n, e);
        const std::vector<double> q = outcome_group_totals(space, p);
        EXPECT_NEAR(q[immune_only], m.groups[static_cast<std::size_t>(immune)] - m.both, 1e-9);
        EXPECT_NEAR(q[antithrombotic_only], m.groups[static_cast<std::size_t>(anti)] - m.both, 1e-9);
        EXPECT_NEAR(q[immune_and_antithrombotic], m.both, 1e-9);
        EXPECT_NEAR(q[neither],
                    1 - m.groups[static_cast<std::size_t>(immune)] - m.groups[static_cast<std::size_t>(anti)] + m.both,
                    1e-9);
        // A cause's outcome never exceeds its own P(present) (coexistence only takes weight away).
        for (std::size_t o = 0; o < p.size(); ++o) {
            if (space.outcomes[o].cause < 0) continue;
            EXPECT_LE(p[o], m.present[static_cast<std::size_t>(space.outcomes[o].cause)] + 1e-12);
        }
    }
}

TEST(Outcomes, SpaceKeepsTheTutorsGroupIdsAndOrder) {
    const OutcomeSpace space = outcome_space(model());
    ASSERT_EQ(space.groups.size(), 4u);
    EXPECT_EQ(space.groups[0].id, "immune");
    EXPECT_EQ(space.groups[1].id, "coagulopathic");
    EXPECT_EQ(space.groups[2].id, "both");
    EXPECT_EQ(space.groups[3].id, "other");
    int last_group = 0, in_both = 0;
    for (const Outcome& o : space.outcomes) {
        EXPECT_GE(o.group, last_group) << o.id;  // grouped, in the groups' order
        last_group = o.group;
        in_both += o.group == immune_and_antithrombotic ? 1 : 0;
    }
    EXPECT_EQ(in_both, 1);
    // Every cause is an outcome of its own group.
    for (int c : model().causes) EXPECT_GE(space.outcome_of_cause[static_cast<std::size_t>(c)], 0);
}

// The answers of cases: one cause names its outcome; an immune cause with an antithrombotic one is "both".
TEST(Outcomes, AnAnswersOutcome) {
    const Network& n = model();
    const OutcomeSpace space = outcome_space(n);
    const auto id_of = [&](std::vector<const char*> causes) {
        std::vector<int> nodes;
        for (const char* c : causes) nodes.push_back(n.node_index(c));
        const int o = outcome_of_answer(n, space, nodes);
        return o < 0 ? std::string("none") : space.outcomes[static_cast<std::size_t>(o)].id;
    };
    EXPECT_EQ(id_of({"gpa"}), "gpa");
    EXPECT_EQ(id_of({"anticoagulant-bleeding"}), "anticoagulant-bleeding");
    EXPECT_EQ(id_of({"mpa", "anticoagulant-bleeding"}), "immune-and-antithrombotic");
    EXPECT_EQ(id_of({"infection", "coagulopathy"}), "coagulopathy");  // the antithrombotic group wins over other
    EXPECT_EQ(id_of({"sle", "aps"}), "sle");                          // two of one group: the first listed
    EXPECT_EQ(id_of({}), "none");
}

// Directions from the medicine: a positive anti-GBM antibody with linear IgG on biopsy is anti-GBM
// disease (immune); warfarin with an INR above 4.5 and every antibody negative is warfarin bleeding.
TEST(Outcomes, DirectionsFromTheMedicine) {
    const Network& n = model();
    const OutcomeSpace space = outcome_space(n);
    const std::vector<double> gbm = outcome_group_totals(
        space, outcome_distribution(n, space, with({{"anti-gbm-antibody", "positive"}, {"biopsy-linear-igg", "present"}})));
    EXPECT_GT(gbm[immune_only], 0.5);
    const std::vector<double> warfarin = outcome_group_totals(
        space, outcome_distribution(n, space,
                                    with({{"anticoagulant", "warfarin"}, {"inr", "over-4-5"}, {"mpo-anca", "negative"},
                                          {"pr3-anca", "negative"}, {"anti-gbm-antibody", "negative"},
                                          {"urine-sediment", "bland"}})));
    EXPECT_GT(warfarin[antithrombotic_only], warfarin[immune_only]);
    EXPECT_GT(warfarin[antithrombotic_only], warfarin[neither]);
}

}  // namespace
