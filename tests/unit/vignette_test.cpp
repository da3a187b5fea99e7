// Vignettes for `dah calibrate`: loading with exact errors, the per-stage scores, and the shipped set.
#include "dah/vignette.hpp"

#include <filesystem>
#include <gtest/gtest.h>

#include <algorithm>

#include "test_support.hpp"

namespace {

using namespace dah::net;

Network fixture() {
    auto loaded = load_network(
        dah::test::read_text(dah::test::source_path("tests/fixtures/knowledge-base-v2.json")), "kb.json");
    return loaded.value.value_or(Network{});
}

TEST(Vignettes, ScoresEachStage) {
    const Network n = fixture();
    const std::string text =
        R"({"schema_version": 2, "vignettes": [{"id": "v", "citation": "A report", "answer": ["mpa"],
        "stages": [{"stage": "history", "findings": {"hemoptysis": "present"}},
                   {"stage": "labs", "findings": {"anticoagulant": "none"}}]}]})";
    const auto loaded = load_vignettes(text, "v.json", n);
    ASSERT_TRUE(loaded.ok());
    const Vignette& v = loaded.value->front();
    const auto stages = calibrate(n, v);
    ASSERT_EQ(stages.size(), 2u);
    // Off anticoagulants warfarin bleeding is impossible (its table), so with at least one cause present
    // MPA is certain: P(answer) 1, Brier 0.
    EXPECT_NEAR(stages[1].p_answer, 1, 1e-12);
    EXPECT_NEAR(stages[1].brier, 0, 1e-12);
    // After the history: Brier is the mean over the two causes of the squared distance to the truth.
    Evidence e = Evidence::none(n);
    e.set(n, n.node_index("hemoptysis"), 1);
    const Posterior p = posterior_after(n, e);
    const double mpa = p.present[static_cast<std::size_t>(n.node_index("mpa"))];
    const double vka = p.present[static_cast<std::size_t>(n.node_index("vka-bleeding"))];
    EXPECT_NEAR(stages[0].brier, ((mpa - 1) * (mpa - 1) + vka * vka) / 2, 1e-12);
    EXPECT_NEAR(stages[0].p_answer, mpa, 1e-12);
    EXPECT_EQ(stages[0].leading, n.node_index(mpa >= vka ? "mpa" : "vka-bleeding"));
}

TEST(Vignettes, ReportsEveryErrorWithItsPlace) {
    const Network n = fixture();
    const std::string text =
        "{\"schema_version\": 2, \"vignettes\": [{\"id\": \"v\", \"citation\": \"A report\",\n"
        "  \"answer\": [\"gpa\"],\n"
        "  \"stages\": [{\"stage\": \"labs\", \"findings\": {\"inr\": \"sky-high\"}},\n"
        "             {\"stage\": \"history\", \"findings\": {\"mpa\": \"present\"}}]}]}";
    const auto loaded = load_vignettes(text, "v.json", n);
    ASSERT_FALSE(loaded.ok());
    std::vector<std::string> errors;
    for (const auto& e : loaded.errors) errors.push_back(e.to_string());
    EXPECT_EQ(
        errors,
        (std::vector<std::string>{
            "v.json:2:14: /vignettes/0/answer/0: unknown cause \"gpa\"; expected the id of a cause node",
            "v.json:3:52: /vignettes/0/stages/0/findings/inr: unknown value \"sky-high\" of \"inr\"; "
            "expected one of: normal, therapeutic, high",
            "v.json:4:24: /vignettes/0/stages/1/stage: stage \"history\" out of order or repeated",
            "v.json:4:48: /vignettes/0/stages/1/findings/mpa: unknown node \"mpa\"; expected a context node "
            "or a finding"}));
}

TEST(Vignettes, TheShippedSetLoadsAndIsPossible) {
    auto kb =
        load_network(dah::test::read_text(dah::test::source_path("cases/knowledge-base-v2.json")), "kb.json");
    ASSERT_TRUE(kb.ok());
    const auto loaded =
        load_vignettes(dah::test::read_text(dah::test::source_path("tests/vignettes/vignettes.json")),
                       "vignettes.json", *kb.value);
    for (const auto& e : loaded.errors) ADD_FAILURE() << e.to_string();
    ASSERT_TRUE(loaded.ok());
    EXPECT_GE(loaded.value->size(), 15u);
    for (const Vignette& v : *loaded.value) {
        EXPECT_FALSE(v.citation.empty()) << v.id;
        EXPECT_FALSE(calibrate(*kb.value, v).empty()) << v.id << ": impossible under the model";
    }
}

// The fixture's two causes are MPA (immune) and warfarin bleeding (antithrombotic): the group call is
// right when the answer's group is the more probable; "highest" is the top cause; "defining" holds from
// the stage that declares it.
TEST(Vignettes, TracksTheGroupCallTheTopCauseAndDefiningResults) {
    const Network n = fixture();
    const std::string text =
        R"({"schema_version": 2, "vignettes": [{"id": "v", "citation": "A report", "answer": ["vka-bleeding"],
        "stages": [{"stage": "history", "findings": {"hemoptysis": "present"}},
                   {"stage": "labs", "defining": true, "findings": {"anticoagulant": "warfarin"}},
                   {"stage": "biopsy", "defining": false, "findings": {}}]}]})";
    const auto loaded = load_vignettes(text, "v.json", n);
    ASSERT_TRUE(loaded.ok());
    const auto stages = calibrate(n, loaded.value->front());
    ASSERT_EQ(stages.size(), 2u);  // a stage that reveals nothing is not listed
    Evidence e = Evidence::none(n);
    e.set(n, n.node_index("hemoptysis"), 1);
    const Posterior p = posterior_after(n, e);
    const double mpa = p.present[static_cast<std::size_t>(n.node_index("mpa"))];
    const double vka = p.present[static_cast<std::size_t>(n.node_index("vka-bleeding"))];
    EXPECT_NEAR(stages[0].highest, std::max(mpa, vka), 1e-12);
    EXPECT_EQ(stages[0].group_call, vka > mpa ? 1 : -1);
    EXPECT_FALSE(stages[0].after_defining);
    EXPECT_TRUE(stages[1].after_defining);
}

TEST(Vignettes, DefiningMustBeABoolean) {
    const Network n = fixture();
    const std::string text =
        "{\"schema_version\": 2, \"vignettes\": [{\"id\": \"v\", \"citation\": \"A report\", \"answer\": "
        "[\"mpa\"],\n"
        "  \"stages\": [{\"stage\": \"history\", \"defining\": \"yes\", \"findings\": {}}]}]}";
    const auto loaded = load_vignettes(text, "v.json", n);
    ASSERT_FALSE(loaded.ok());
    ASSERT_EQ(loaded.errors.size(), 1u);
    EXPECT_EQ(loaded.errors[0].to_string(),
              "v.json:2:47: /vignettes/0/stages/0/defining: expected true or false, found a string");
}

// The targets the causal model meets on the shipped vignettes (each answer from its published report):
// no wrong cause above 90 % at any stage, nothing above 99.5 % before a defining result (biopsy or CT
// angiography); the leading cause right after the last stage in at least 90 % (29 of 32 since the
// vignette round added nine: cases/MODEL.md). Still short of target: the
// immune-versus-antithrombotic call after labs, all wanted; its floor keeps what was reached.
TEST(Vignettes, TheShippedSetMeetsTheCalibrationTargets) {
    auto kb =
        load_network(dah::test::read_text(dah::test::source_path("cases/knowledge-base-v2.json")), "kb.json");
    ASSERT_TRUE(kb.ok());
    const auto loaded =
        load_vignettes(dah::test::read_text(dah::test::source_path("tests/vignettes/vignettes.json")),
                       "vignettes.json", *kb.value);
    ASSERT_TRUE(loaded.ok());
    int right = 0, calls = 0, calls_right = 0;
    for (const Vignette& v : *loaded.value) {
        const auto stages = calibrate(*kb.value, v);
        ASSERT_FALSE(stages.empty()) << v.id;
        int call = 0;
        for (const CalibrationStage& s : stages) {
            EXPECT_TRUE(s.wrong_above_90.empty()) << v.id << " at " << stage_id(s.stage);
            EXPECT_FALSE(s.highest > 0.995 && !s.after_defining) << v.id << " at " << stage_id(s.stage);
            if (s.stage <= dah::Stage::labs) call = s.group_call;
        }
        const int leading = stages.back().leading;
        right += std::find(v.answer.begin(), v.answer.end(), leading) != v.answer.end() ? 1 : 0;
        calls += call != 0 ? 1 : 0;
        calls_right += call > 0 ? 1 : 0;
    }
    const int count = static_cast<int>(loaded.value->size());
    EXPECT_GE(right * 100, count * 90) << right << " of " << count;
    EXPECT_GE(calls_right * 100, calls * 95) << calls_right << " of " << calls;
}

// Every case of the library in the causal model's variables: every "network" block loads, the leading
// cause after the last stage is the one the case establishes (its answer, from the case's medicine), no
// wrong cause exceeds 90 % at any stage and no cause exceeds 99.5 % before a defining result. A case
// whose checks the model does not all pass may join (cases/README.md lists them); one it ends wrong on
// waits in cases/pending/.
TEST(Vignettes, TheLibraryCasesLeadToTheirAnswers) {
    auto kb =
        load_network(dah::test::read_text(dah::test::source_path("cases/knowledge-base-v2.json")), "kb.json");
    ASSERT_TRUE(kb.ok());
    std::vector<std::string> ids;
    const std::string suffix = ".case.json";
    for (const auto& entry : std::filesystem::directory_iterator(dah::test::source_path("cases"))) {
        const std::string name = entry.path().filename().string();
        if (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
            ids.push_back(name.substr(0, name.size() - suffix.size()));
    }
    std::sort(ids.begin(), ids.end());
    EXPECT_GE(ids.size(), 30u) << "the library's cases";
    for (const std::string& id : ids) {
        const std::string file = "cases/" + id + ".case.json";
        const auto loaded =
            load_case_network(dah::test::read_text(dah::test::source_path(file)), file, *kb.value);
        for (const auto& e : loaded.errors) ADD_FAILURE() << e.to_string();
        ASSERT_TRUE(loaded.ok()) << file;
        const CaseNetwork& c = *loaded.value;
        EXPECT_EQ(c.vignette.id, id);
        EXPECT_FALSE(c.checks.empty()) << id;
        for (const CaseCheck& check : c.checks) EXPECT_FALSE(check.reason.empty()) << id;
        const auto stages = calibrate(*kb.value, c.vignette);
        ASSERT_FALSE(stages.empty()) << id;
        const int leading = stages.back().leading;
        EXPECT_NE(std::find(c.vignette.answer.begin(), c.vignette.answer.end(), leading),
                  c.vignette.answer.end())
            << id << ": leads with " << kb.value->nodes[static_cast<std::size_t>(leading)].id;
        for (const CalibrationStage& s : stages) {
            EXPECT_TRUE(s.wrong_above_90.empty()) << id << " at " << stage_id(s.stage);
            EXPECT_FALSE(s.highest > 0.995 && !s.after_defining) << id << " at " << stage_id(s.stage);
        }
        EXPECT_EQ(run_case_checks(*kb.value, c).size(), c.checks.size()) << id;
    }
}

// Checks read "after a stage": the last stage up to it that reveals something, the prior before any.
TEST(Vignettes, CaseChecksReadTheLastStageUpToTheirs) {
    const Network n = fixture();
    const std::string text =
        R"({"id": "c", "title": "A case", "network": {"answer": ["mpa"],
        "stages": [{"stage": "labs", "findings": {"anticoagulant": "none"}}],
        "checks": [{"after": "history", "cause": "mpa", "at_most": 0.999, "reason": "prior"},
                   {"after": "biopsy", "cause": "mpa", "at_least": 0.999, "reason": "off anticoagulants"},
                   {"after": "biopsy", "both": true, "at_most": 0, "reason": "no warfarin bleeding"}]}})";
    const auto loaded = load_case_network(text, "c.json", n);
    ASSERT_TRUE(loaded.ok());
    const auto outcomes = run_case_checks(n, *loaded.value);
    ASSERT_EQ(outcomes.size(), 3u);
    const Posterior prior = posterior_after(n, Evidence::none(n));
    EXPECT_NEAR(outcomes[0].value, prior.present[static_cast<std::size_t>(n.node_index("mpa"))], 1e-12);
    EXPECT_TRUE(outcomes[0].passed);
    // Off anticoagulants warfarin bleeding is impossible and one cause is present: MPA is certain.
    EXPECT_NEAR(outcomes[1].value, 1, 1e-12);
    EXPECT_TRUE(outcomes[1].passed);
    EXPECT_NEAR(outcomes[2].value, 0, 1e-12);
    EXPECT_TRUE(outcomes[2].passed);
    // A case without the block: no value and no error.
    const auto none = load_case_network(R"({"id": "c"})", "c.json", n);
    EXPECT_TRUE(none.errors.empty());
    EXPECT_FALSE(none.value.has_value());
}

}  // namespace
