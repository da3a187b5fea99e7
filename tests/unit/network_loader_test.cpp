// The v2 loader on the small fixture (tests/fixtures/knowledge-base-v2.json) and the real causal model
// (cases/knowledge-base-v2.json): what is read, and the schema-version dispatch.
#include <gtest/gtest.h>

#include "dah/network.hpp"
#include "dah/network_inference.hpp"
#include "test_support.hpp"

namespace {

using namespace dah::net;

Network fixture() {
    auto loaded =
        load_network(dah::test::read_text(dah::test::source_path("tests/fixtures/knowledge-base-v2.json")),
                     "knowledge-base-v2.json");
    EXPECT_TRUE(loaded.ok());
    for (const auto& e : loaded.errors) ADD_FAILURE() << e.to_string();
    return loaded.value.value_or(Network{});
}

TEST(NetworkLoader, ReadsTheFixture) {
    const Network n = fixture();
    ASSERT_EQ(n.nodes.size(), 6u);
    EXPECT_EQ(n.causes, (std::vector<int>{2, 3}));
    EXPECT_EQ(n.max_coexisting_causes, 2);
    EXPECT_EQ(n.groups[static_cast<std::size_t>(n.both_first)].id, "immune");
    const Node& inr = n.nodes[static_cast<std::size_t>(n.node_index("inr"))];
    EXPECT_EQ(inr.parents, (std::vector<int>{0, 1}));
    const int warfarin_over[] = {1, 1};
    EXPECT_EQ(inr.probability(warfarin_over, 2), 1.0);  // row {warfarin, yes}: [0, 0, 1]
    const int doac_no[] = {2, 0};
    EXPECT_EQ(inr.probability(doac_no, 1), 0.3);
    const Node& hemoptysis = n.nodes[static_cast<std::size_t>(n.node_index("hemoptysis"))];
    EXPECT_TRUE(hemoptysis.noisy_max());
    EXPECT_EQ(hemoptysis.sets[0].link_citation[0][1].source_id, "ev8");
    // Noisy-OR: P(absent | both causes) = 0.9 x 0.04 x 0.5.
    const int both[] = {1, 1};
    EXPECT_NEAR(hemoptysis.probability(both, 0), 0.9 * 0.04 * 0.5, 1e-15);
    // Three allowed sets of causes: {mpa}, {vka-bleeding}, {both}.
    EXPECT_EQ(n.cause_sets.size(), 3u);
}

TEST(NetworkLoader, SchemaVersionDispatch) {
    EXPECT_EQ(knowledge_base_schema_version(R"({"schema_version": 2})"), 2);
    EXPECT_EQ(knowledge_base_schema_version(R"({"schema_version": 1, "x": []})"), 1);
    EXPECT_EQ(knowledge_base_schema_version("[1, 2]"), 0);
    EXPECT_EQ(knowledge_base_schema_version("{\"schema_version\": 2"), 0);
    EXPECT_EQ(knowledge_base_schema_version(R"({"schema_version": "2"})"), 0);
}

TEST(NetworkLoader, BadInputGivesErrorsNotACrash) {
    for (const char* text :
         {"", "{", "null", "{\"schema_version\": 2}", "{\"schema_version\": 2, \"nodes\": 5}"}) {
        const auto loaded = load_network(text, "x.json");
        EXPECT_FALSE(loaded.ok()) << text;
        EXPECT_FALSE(loaded.errors.empty()) << text;
    }
}

// From the medicine: the INR depends on the anticoagulant actually taken and on over-anticoagulation,
// not on vasculitis. Once "on warfarin" is known, an INR in range makes over-anticoagulation (and with it
// warfarin bleeding) less likely, so it can only favour vasculitis, never count against it again.
TEST(NetworkLoader, AnInrInRangeOnWarfarinDoesNotCountAgainstVasculitis) {
    const Network n = fixture();
    const int anticoagulant = n.node_index("anticoagulant"), inr = n.node_index("inr");
    const int over = n.node_index("over-anticoagulation"), mpa = n.node_index("mpa");
    Evidence e = Evidence::none(n);
    e.set(n, anticoagulant, n.value_index(anticoagulant, "warfarin"));
    const Hypothesis vasculitis = Hypothesis::of_cause(n, mpa);
    const double db = weight_of_evidence_db(n, e, inr, n.value_index(inr, "therapeutic"), vasculitis,
                                            Hypothesis::complement(vasculitis));
    EXPECT_GT(db, 0);
    // With over-anticoagulation known too, every parent of the INR is known: it adds nothing.
    e.set(n, over, n.value_index(over, "no"));
    EXPECT_NEAR(weight_of_evidence_db(n, e, inr, n.value_index(inr, "therapeutic"), vasculitis,
                                      Hypothesis::complement(vasculitis)),
                0, 1e-12);
}

}  // namespace
