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
    tutor.set_probability(dx("immune-and-antithrombotic"), 0.6);
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
    EXPECT_NEAR(b->answers[0].draft[static_cast<std::size_t>(dx("immune-and-antithrombotic"))], 0.6, 1e-12);
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
    EXPECT_EQ(j["version"], 4);
    EXPECT_EQ(j["cases"]["fixture-warfarin"]["answers"][0]["p"]["warfarin"], 0.5);
    EXPECT_EQ(j["events"][1]["cmd"], "commit");
}

}  // namespace
}  // namespace dah::tutor::test

namespace dah::tutor::test {
namespace {

// Progress saved before the causal model (version 3, diagnoses of the naive-Bayes knowledge base) on the
// built-in library: the answer to the first question comes back exactly by group id; the causes map onto
// the outcomes that correspond (the three anticoagulants add up to the anticoagulant contribution, ANCA
// vasculitis on an anticoagulant is "both"); the hall's hands for a diagnosis count for its group.
TEST(ProgressFromBeforeTheCausalModel, AVersionThreeFileMapsOntoTheOutcomes) {
    const std::string dir = std::string(DAH_SOURCE_DIR) + "/cases/";
    Tutor t([] { return 1000.0; });
    t.load({{"knowledge-base-v2.json", read_text(dir + "knowledge-base-v2.json")},
            {"warfarin-supratherapeutic.case.json", read_text(dir + "warfarin-supratherapeutic.case.json")}});
    ASSERT_TRUE(t.library().errors.empty());
    const std::string v3 = R"({"version":3,"cases":{"warfarin-supratherapeutic":{"done":false,"best_score":-1,"reached":1,"finished":false,
      "answers":[
        {"draft":{"gpa":0.3,"warfarin":0.3,"aav-on-anticoagulant":0.2,"cardiac":0.2},"draft_causes_of":[],"committed":true,
         "p":{"gpa":0.3,"warfarin":0.3,"aav-on-anticoagulant":0.2,"cardiac":0.2},"level":"groups","causes_of":[],
         "groups":{"immune":0.6,"coagulopathic":0.2,"both":0.1,"other":0.1},
         "learner_brier":0.2,"engine_brier":0.1,"learner_log_bits":1.5,"engine_log_bits":0.5},
        {"draft":{"gpa":0.2,"warfarin":0.1,"doac":0.1,"heparin":0.1,"aav-on-anticoagulant":0.2,"thrombocytopenia-dic":0.1,
                  "drug-induced-aav":0.1,"cardiac":0.1},"draft_causes_of":["immune","coagulopathic","both","other"],"committed":false}]}},
      "votes":{"warfarin-supratherapeutic":{"0":{"warfarin":3,"doac":1,"immune":2}}}})";
    const RestoreOutcome outcome = t.restore_progress(v3);
    EXPECT_TRUE(outcome.ok);
    EXPECT_TRUE(outcome.notice.empty());
    const CaseSession* s = t.session(t.library().index_of("warfarin-supratherapeutic"));
    ASSERT_NE(s, nullptr);
    const KnowledgeBase& kb = *t.kb();
    const auto at = [&](const std::vector<double>& p, const char* id) {
        const int d = kb.diagnosis_index(id);
        EXPECT_GE(d, 0) << id;
        return d < 0 ? -1.0 : p[static_cast<std::size_t>(d)];
    };
    // The first answer: the four groups exactly as saved, and its scores as they were.
    const StageAnswer& first = s->answers[0];
    ASSERT_TRUE(first.committed);
    EXPECT_EQ(first.level, CommitLevel::groups);
    const std::vector<double> saved_groups = {0.6, 0.2, 0.1, 0.1};
    for (std::size_t g = 0; g < 4; ++g) EXPECT_NEAR(first.committed_groups[g], saved_groups[g], 1e-12) << g;
    EXPECT_NEAR(first.learner_brier, 0.2, 1e-12);
    // Within the immune group everything was on GPA, within the coagulopathic group on warfarin.
    EXPECT_NEAR(at(first.committed_p, "gpa"), 0.6, 1e-12);
    EXPECT_NEAR(at(first.committed_p, "anticoagulant-bleeding"), 0.2, 1e-12);
    EXPECT_NEAR(at(first.committed_p, "immune-and-antithrombotic"), 0.1, 1e-12);
    EXPECT_NEAR(at(first.committed_p, "cardiac"), 0.1, 1e-12);
    // The detailed draft: each diagnosis onto its outcome.
    const std::vector<double>& d = s->answers[1].draft;
    EXPECT_NEAR(at(d, "gpa"), 0.2, 1e-12);
    EXPECT_NEAR(at(d, "anticoagulant-bleeding"), 0.3, 1e-12);  // warfarin + DOAC + heparin
    EXPECT_NEAR(at(d, "immune-and-antithrombotic"), 0.2, 1e-12);
    EXPECT_NEAR(at(d, "coagulopathy"), 0.1, 1e-12);
    EXPECT_NEAR(at(d, "drug-aav"), 0.1, 1e-12);
    EXPECT_NEAR(at(d, "cardiac"), 0.1, 1e-12);
    // The vote: 3 + 1 hands for the anticoagulants are coagulopathic, 2 immune.
    ASSERT_TRUE(t.open_case("warfarin-supratherapeutic"));
    ASSERT_TRUE(t.view_stage(0));
    const VoteResult& vote = t.result().open->vote;
    EXPECT_EQ(vote.total, 6);
    EXPECT_EQ(vote.counts[static_cast<std::size_t>(kb.group_index("coagulopathic"))], 4);
    EXPECT_EQ(vote.counts[static_cast<std::size_t>(kb.group_index("immune"))], 2);
}

}  // namespace
}  // namespace dah::tutor::test
