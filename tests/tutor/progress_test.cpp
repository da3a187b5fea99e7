// Saving and restoring the learner's progress: a round trip keeps every answer, score, vote and event;
// files of the previous version still load; a damaged or newer file gives a clear notice, keeps what
// can be kept, and asks the front end to keep the original before anything is saved over it.
#include "tutor_fixture.hpp"

namespace dah::tutor::test {
namespace {

TEST_F(TutorTest, ProgressSurvivesASaveAndARestore) {
    tutor.open_case("fixture-warfarin");
    tutor.commit({0.25, 0.5, 0.125, 0.125});
    tutor.reveal_next();
    tutor.set_vote(tutor.kb()->group_index("coagulopathic"), 12);
    tutor.commit({0, 1, 0, 0});
    tutor.open_case("fixture-both");
    tutor.set_probability(dx("gpa-warfarin"), 0.6);
    ASSERT_TRUE(tutor.take_unsaved());
    EXPECT_FALSE(tutor.take_unsaved());
    const std::string saved = tutor.progress_json();

    Tutor restored;
    restored.load(fixture_files());
    const RestoreOutcome outcome = restored.restore_progress(saved);
    EXPECT_TRUE(outcome.ok);
    EXPECT_TRUE(outcome.notice.empty());
    EXPECT_FALSE(outcome.keep_original);
    const CaseSession* w = restored.session(index("fixture-warfarin"));
    ASSERT_NE(w, nullptr);
    EXPECT_TRUE(w->finished);
    EXPECT_EQ(w->reached, 1);
    EXPECT_NEAR(w->answers[0].committed_p[static_cast<std::size_t>(dx("warfarin"))], 0.5, 1e-12);
    EXPECT_NEAR(w->answers[0].learner_brier, 0.34375, 1e-12);
    EXPECT_TRUE(restored.progress().at("fixture-warfarin").done);
    const CaseSession* b = restored.session(index("fixture-both"));
    ASSERT_NE(b, nullptr);
    EXPECT_NEAR(b->answers[0].draft[static_cast<std::size_t>(dx("gpa-warfarin"))], 0.6, 1e-12);
    EXPECT_EQ(restored.events().events().size(), tutor.events().events().size());
    // The class vote of the last stage is back.
    restored.open_case("fixture-warfarin");
    restored.view_stage(1);
    EXPECT_EQ(restored.result().open->vote.total, 12);
    EXPECT_EQ(restored.result().cards[static_cast<std::size_t>(index("fixture-warfarin"))].progress, "done");
}

TEST_F(TutorTest, AVersionOneFileStillLoads) {
    const std::string v1 = R"({"version":1,"cases":{"fixture-warfarin":{"done":false,"best_score":-1,"reached":0,"finished":false,
        "answers":[{"draft":{"gpa":0.1,"warfarin":0.9},"committed":true,"p":{"gpa":0.1,"warfarin":0.9},"learner_brier":0.02,"engine_brier":0.29},
                   {"draft":{},"committed":false}]}}})";
    const RestoreOutcome outcome = tutor.restore_progress(v1);
    EXPECT_TRUE(outcome.ok);
    EXPECT_TRUE(outcome.notice.empty());
    const CaseSession* s = tutor.session(index("fixture-warfarin"));
    ASSERT_NE(s, nullptr);
    EXPECT_TRUE(s->answers[0].committed);
    EXPECT_NEAR(s->answers[0].committed_p[static_cast<std::size_t>(dx("warfarin"))], 0.9, 1e-12);
}

TEST_F(TutorTest, ADamagedFileGivesANoticeAndIsKeptAside) {
    for (const char* text : {"{\"version\":2,\"cases\":{\"fixture-warf", "[]", "", "{\"version\":2}"}) {
        Tutor t;
        t.load(fixture_files());
        const RestoreOutcome outcome = t.restore_progress(text);
        EXPECT_FALSE(outcome.ok) << text;
        EXPECT_TRUE(outcome.keep_original) << text;
        EXPECT_NE(outcome.notice.find("could not be read"), std::string::npos) << text;
        EXPECT_TRUE(t.open_case("fixture-warfarin"));  // the app keeps working
    }
}

TEST_F(TutorTest, DamagedEntriesAreSkippedAndTheRestIsKept) {
    const std::string text = R"({"version":2,"cases":{"fixture-warfarin":{"done":true,"best_score":80},"fixture-both":"garbage"},
        "events":[{"cmd":"open","case":"fixture-warfarin","t":5},{"cmd":42}]})";
    const RestoreOutcome outcome = tutor.restore_progress(text);
    EXPECT_TRUE(outcome.ok);
    EXPECT_TRUE(outcome.keep_original);
    EXPECT_NE(outcome.notice.find("2 entries"), std::string::npos) << outcome.notice;
    EXPECT_TRUE(tutor.progress().at("fixture-warfarin").done);
    EXPECT_EQ(tutor.events().events().size(), 1u);
}

TEST_F(TutorTest, ANewerVersionIsReadAsFarAsItCanBe) {
    const std::string text = R"({"version":9,"cases":{"fixture-warfarin":{"done":true,"best_score":88,"sparkles":[1,2]}},"future":{}})";
    const RestoreOutcome outcome = tutor.restore_progress(text);
    EXPECT_TRUE(outcome.ok);
    EXPECT_TRUE(outcome.keep_original);
    EXPECT_NE(outcome.notice.find("newer version"), std::string::npos);
    EXPECT_EQ(tutor.progress().at("fixture-warfarin").best_score, 88);
}

TEST_F(TutorTest, ProbabilitiesAreStoredByDiagnosisId) {
    tutor.open_case("fixture-warfarin");
    tutor.commit({0.25, 0.5, 0.125, 0.125});
    const auto j = nlohmann::json::parse(tutor.progress_json());
    EXPECT_EQ(j["version"], 3);
    EXPECT_EQ(j["cases"]["fixture-warfarin"]["answers"][0]["p"]["warfarin"], 0.5);
    EXPECT_EQ(j["events"][1]["cmd"], "commit");
}

}  // namespace
}  // namespace dah::tutor::test
