// The tutor's commands and its cached result. Expected numbers are worked out by hand from the
// fixture knowledge base (priors gpa .3, warfarin .3, gpa-warfarin .1, heart-failure .3;
// P(on warfarin | d) = .1, 1, 1, .4), never taken from the engine's output.
#include <cmath>

#include "dah/tutor/event_json.hpp"
#include "tutor_fixture.hpp"

namespace dah::tutor::test {
namespace {

TEST_F(TutorTest, LoadsTheLibraryInDifficultyOrderWithoutErrors) {
    ASSERT_NE(tutor.kb(), nullptr);
    EXPECT_TRUE(tutor.library().errors.empty());
    EXPECT_EQ(tutor.library().cases.size(), 2u);
    EXPECT_EQ(tutor.result().cards.size(), 2u);
    EXPECT_EQ(tutor.result().cards[0].progress, "not started");
    EXPECT_FALSE(tutor.result().open);
}

TEST_F(TutorTest, AMissingKnowledgeBaseIsAnErrorNotACrash) {
    Tutor t;
    t.load({{"warfarin.case.json", "{}"}});
    EXPECT_EQ(t.kb(), nullptr);
    ASSERT_EQ(t.library().errors.size(), 1u);
    EXPECT_FALSE(t.open_case(0));
    EXPECT_FALSE(t.commit());
    EXPECT_FALSE(t.result().open);
}

TEST_F(TutorTest, OpeningACaseShowsTheEngineAfterItsFirstStage) {
    ASSERT_TRUE(tutor.open_case("fixture-warfarin"));
    const CaseView& v = *tutor.result().open;
    EXPECT_EQ(v.stage, 0);
    EXPECT_EQ(v.reached, 0);
    EXPECT_FALSE(v.stage_committed);
    EXPECT_FALSE(v.can_reveal_next);  // not before the learner commits
    // On warfarin: unnormalised .3·.1, .3·1, .1·1, .3·.4 = 3, 30, 10, 12 (/100); total 55.
    EXPECT_NEAR(v.posterior[static_cast<std::size_t>(dx("gpa"))], 3.0 / 55, 1e-12);
    EXPECT_NEAR(v.posterior[static_cast<std::size_t>(dx("warfarin"))], 30.0 / 55, 1e-12);
    EXPECT_NEAR(v.posterior[static_cast<std::size_t>(dx("immune-and-antithrombotic"))], 10.0 / 55, 1e-12);
    EXPECT_NEAR(v.posterior[static_cast<std::size_t>(dx("heart-failure"))], 12.0 / 55, 1e-12);
    EXPECT_NEAR(v.groups[static_cast<std::size_t>(tutor.kb()->group_index("coagulopathic"))], 30.0 / 55, 1e-12);
    ASSERT_EQ(v.group_history.size(), 1u);
    ASSERT_EQ(v.revealed.size(), 1u);
    EXPECT_FALSE(tutor.open_case(7));
    EXPECT_FALSE(tutor.open_case("no-such-case"));
}

TEST_F(TutorTest, SettingAProbabilityKeepsTheDifferentialNormalised) {
    tutor.open_case("fixture-warfarin");
    ASSERT_TRUE(tutor.set_probability(dx("warfarin"), 0.7));
    const std::vector<double>& p = tutor.result().open->answer.draft;
    EXPECT_NEAR(p[static_cast<std::size_t>(dx("warfarin"))], 0.7, 1e-12);
    EXPECT_NEAR(p[static_cast<std::size_t>(dx("gpa"))], 0.1, 1e-12);  // the others share .3 as they were (even)
    EXPECT_NEAR(p[0] + p[1] + p[2] + p[3], 1.0, 1e-12);
    EXPECT_FALSE(tutor.set_probability(9, 0.5));
    ASSERT_TRUE(tutor.spread_evenly());
    EXPECT_NEAR(tutor.result().open->answer.draft[0], 0.25, 1e-12);
}

TEST_F(TutorTest, CommitScoresLearnerAndEngineByBrier) {
    tutor.open_case("fixture-warfarin");
    // Learner: gpa .25, warfarin .5, gpa-warfarin .125, heart failure .125; the answer is warfarin.
    ASSERT_TRUE(tutor.commit({0.25, 0.5, 0.125, 0.125}));
    const CaseView& v = *tutor.result().open;
    EXPECT_TRUE(v.stage_committed);
    EXPECT_NEAR(v.answer.learner_brier, 0.0625 + 0.25 + 0.015625 + 0.015625, 1e-12);
    // Engine: (3² + 25² + 10² + 12²) / 55² = 878 / 3025.
    EXPECT_NEAR(v.answer.engine_brier, 878.0 / 3025, 1e-12);
    EXPECT_NEAR(v.learner_case_score, 100 * (1 - 0.34375 / 2), 1e-9);
    EXPECT_TRUE(v.can_reveal_next);
    EXPECT_FALSE(tutor.commit());                      // once per stage
    EXPECT_FALSE(tutor.set_probability(0, 0.9));       // a committed stage is not edited
    EXPECT_EQ(tutor.result().cards[static_cast<std::size_t>(index("fixture-warfarin"))].progress, "in progress");
}

TEST_F(TutorTest, RevealStartsTheNextStageFromTheLastCommitAndFinishingRecordsProgress) {
    tutor.open_case("fixture-warfarin");
    EXPECT_FALSE(tutor.reveal_next());  // commit first
    tutor.commit({0.1, 0.7, 0.1, 0.1});
    ASSERT_TRUE(tutor.reveal_next());
    const CaseView& v = *tutor.result().open;
    EXPECT_EQ(v.stage, 1);
    EXPECT_TRUE(v.at_last_stage);
    EXPECT_NEAR(v.answer.draft[static_cast<std::size_t>(dx("warfarin"))], 0.7, 1e-12);
    EXPECT_FALSE(tutor.reveal_next());  // no stage after the last
    ASSERT_TRUE(tutor.commit({0, 1, 0, 0}));
    EXPECT_TRUE(tutor.result().open->finished);
    const CaseProgress& p = tutor.progress().at("fixture-warfarin");
    EXPECT_TRUE(p.done);
    // Stage 1: Brier .01 + .09 + .01 + .01 = .12 → 94; stage 2 perfect → 100; mean 97.
    EXPECT_NEAR(p.best_score, 97.0, 1e-9);
    EXPECT_EQ(tutor.result().cards[static_cast<std::size_t>(index("fixture-warfarin"))].progress, "done");
}

TEST_F(TutorTest, ALecturerMayRevealWithoutACommit) {
    tutor.open_case("fixture-both");
    tutor.set_reveal_without_commit(true);
    EXPECT_TRUE(tutor.result().open->can_reveal_next);
    EXPECT_TRUE(tutor.reveal_next());
    EXPECT_EQ(tutor.result().open->stage, 1);
}

TEST_F(TutorTest, RevisitingAStageShowsItsEngineAndKeepsTheReachedOne) {
    tutor.open_case("fixture-both");
    tutor.commit();
    tutor.reveal_next();
    ASSERT_TRUE(tutor.view_stage(0));
    EXPECT_EQ(tutor.result().open->stage, 0);
    EXPECT_EQ(tutor.result().open->reached, 1);
    EXPECT_NEAR(tutor.result().open->posterior[static_cast<std::size_t>(dx("warfarin"))], 30.0 / 55, 1e-12);
    EXPECT_FALSE(tutor.view_stage(2));  // not revealed yet
    EXPECT_FALSE(tutor.set_probability(0, 0.5));  // only the reached stage is edited
}

TEST_F(TutorTest, WhatIfIsTheHypotheticalPosteriorAndTurnsOff) {
    tutor.open_case("fixture-warfarin");
    const int anticoagulant = tutor.kb()->variable_index("anticoagulant");
    // Not on warfarin instead: .3·.9 = .27 (gpa), 0, 0, .3·.6 = .18 (heart failure) → .6, 0, 0, .4.
    ASSERT_TRUE(tutor.set_what_if(Finding{anticoagulant, 0, {}}));
    const CaseView& v = *tutor.result().open;
    ASSERT_TRUE(v.what_if);
    EXPECT_NEAR(v.what_if_posterior[static_cast<std::size_t>(dx("gpa"))], 0.6, 1e-12);
    EXPECT_NEAR(v.what_if_posterior[static_cast<std::size_t>(dx("heart-failure"))], 0.4, 1e-12);
    EXPECT_NEAR(v.what_if_groups[static_cast<std::size_t>(tutor.kb()->group_index("immune"))], 0.6, 1e-12);
    EXPECT_NEAR(v.posterior[static_cast<std::size_t>(dx("warfarin"))], 30.0 / 55, 1e-12);  // the real one stays
    const int inr = tutor.kb()->variable_index("inr");
    EXPECT_FALSE(tutor.set_what_if(Finding{inr, 2, {}}));  // not revealed at this stage
    EXPECT_FALSE(tutor.set_what_if(Finding{anticoagulant, 5, {}}));
    ASSERT_TRUE(tutor.set_what_if(std::nullopt));
    EXPECT_FALSE(tutor.result().open->what_if);
}

TEST_F(TutorTest, WhyItMovedWeighsImmuneAgainstCoagulopathicByDefault) {
    tutor.open_case("fixture-warfarin");
    const CaseView& v = *tutor.result().open;
    EXPECT_EQ(v.why_for, tutor.kb()->group_index("immune"));
    EXPECT_EQ(v.why_against, tutor.kb()->group_index("coagulopathic"));
    ASSERT_EQ(v.why.size(), 1u);
    // Causes coexist: "immune" is GPA present, alone (.3) or on warfarin (.1), and "coagulopathic" warfarin
    // present, alone (.3) or with GPA (.1). P(on warfarin | immune) = (.3·.1 + .1·1) / .4 = .325;
    // P(on warfarin | coagulopathic) = (.3·1 + .1·1) / .4 = 1 → 10·log10(.325) dB.
    EXPECT_NEAR(v.why[0].weight_db, 10 * std::log10(0.325), 1e-9);
    ASSERT_TRUE(tutor.weigh(tutor.kb()->group_index("other"), tutor.kb()->group_index("immune")));
    // Other (neither: heart failure, .4) against immune (.325) → +0.90 dB.
    EXPECT_NEAR(tutor.result().open->why[0].weight_db, 10 * std::log10(0.4 / 0.325), 1e-9);
    EXPECT_FALSE(tutor.weigh(9, 0));
}

TEST_F(TutorTest, NextTestsAreTheUnrevealedOnesOnly) {
    tutor.open_case("fixture-warfarin");
    const auto& tests = tutor.result().open->next_tests;
    ASSERT_FALSE(tests.empty());
    for (const TestSuggestion& t : tests) EXPECT_NE(t.variable, tutor.kb()->variable_index("anticoagulant"));
    for (std::size_t i = 1; i < tests.size(); ++i) EXPECT_GE(tests[i - 1].expected_bits, tests[i].expected_bits);
}

TEST_F(TutorTest, TheClassVoteIsScoredAndBecomesTheDraft) {
    tutor.open_case("fixture-warfarin");
    // Hands for the four answers to the first question (one cause per group in this fixture).
    ASSERT_TRUE(tutor.set_vote(tutor.kb()->group_index("coagulopathic"), 3));
    ASSERT_TRUE(tutor.change_vote(tutor.kb()->group_index("immune"), 1));
    const VoteResult& vote = tutor.result().open->vote;
    EXPECT_EQ(vote.total, 4);
    // .25 gpa, .75 warfarin: Brier .0625 + .0625 = .125; log score -log2(.75).
    EXPECT_NEAR(vote.brier, 0.125, 1e-12);
    EXPECT_NEAR(vote.log_bits, -std::log2(0.75), 1e-12);
    EXPECT_NEAR(tutor.result().open->answer.draft[static_cast<std::size_t>(dx("warfarin"))], 0.75, 1e-12);
    EXPECT_FALSE(tutor.set_vote(4, 1));
}

TEST_F(TutorTest, RestartForgetsOneCaseAndResetForgetsAll) {
    tutor.open_case("fixture-warfarin");
    tutor.commit();
    tutor.open_case("fixture-both");
    tutor.commit();
    ASSERT_TRUE(tutor.restart_case(index("fixture-both")));
    ASSERT_TRUE(tutor.result().open) << "the restarted case stays open";
    EXPECT_EQ(tutor.result().open->stage, 0);
    EXPECT_FALSE(tutor.result().open->stage_committed);
    EXPECT_TRUE(tutor.session(index("fixture-warfarin"))->answers[0].committed);
    tutor.reset();
    EXPECT_FALSE(tutor.result().open);
    ASSERT_EQ(tutor.events().events().size(), 1u);  // only the reset itself: nothing of the last learner
    EXPECT_EQ(tutor.events().events()[0].type, "reset");
    EXPECT_EQ(tutor.progress_json().find("fixture-warfarin"), std::string::npos);
    EXPECT_EQ(tutor.session(index("fixture-warfarin")), nullptr);
    EXPECT_TRUE(tutor.progress().empty());
    EXPECT_EQ(tutor.library().cases.size(), 2u);  // the library stays
}

TEST_F(TutorTest, TheResultIsComputedOncePerChange) {
    tutor.open_case("fixture-both");
    const long r1 = tutor.result().revision;
    const Result* first = &tutor.result();
    EXPECT_EQ(tutor.result().revision, r1);
    EXPECT_EQ(&tutor.result(), first);
    tutor.set_probability(0, 0.4);
    EXPECT_GT(tutor.result().revision, r1);
}

// The engine's answers (causes, why it moved, next tests, what-if) depend on the evidence, the groups
// weighed and the what-if only: a moved slider or a counted vote reuses them; anything they depend on
// asks the engine again, and the answers are the ones it gives.
TEST_F(TutorTest, ASliderOrAVoteReusesTheEnginesAnswers) {
    tutor.open_case("fixture-warfarin");
    const std::vector<WhyRow> why = tutor.result().open->why;
    const int asked = tutor.engine_computations();
    ASSERT_TRUE(tutor.set_probability(0, 0.4));
    ASSERT_TRUE(tutor.set_vote(tutor.kb()->group_index("immune"), 2));
    ASSERT_EQ(why.size(), tutor.result().open->why.size());
    EXPECT_EQ(why[0].weight_db, tutor.result().open->why[0].weight_db);
    EXPECT_EQ(tutor.engine_computations(), asked);
    // The groups weighed: other against immune, +0.90 dB (WhyItMovedWeighsImmuneAgainstCoagulopathicByDefault).
    ASSERT_TRUE(tutor.weigh(tutor.kb()->group_index("other"), tutor.kb()->group_index("immune")));
    EXPECT_NEAR(tutor.result().open->why[0].weight_db, 10 * std::log10(0.4 / 0.325), 1e-9);
    EXPECT_EQ(tutor.engine_computations(), asked + 1);
    ASSERT_TRUE(tutor.set_what_if(Finding{tutor.kb()->variable_index("anticoagulant"), 0, {}}));
    EXPECT_NEAR(tutor.result().open->what_if_posterior[static_cast<std::size_t>(dx("gpa"))], 0.6, 1e-12);
    EXPECT_EQ(tutor.engine_computations(), asked + 2);
    ASSERT_TRUE(tutor.set_what_if(std::nullopt));
    EXPECT_TRUE(tutor.result().open->what_if_posterior.empty());
    tutor.commit();
    ASSERT_TRUE(tutor.reveal_next());
    EXPECT_EQ(tutor.result().open->stage, 1);
    const int at_second_stage = tutor.engine_computations();
    EXPECT_EQ(at_second_stage, asked + 4);  // what-if off, then the next stage's evidence
    tutor.load(fixture_files());  // the model read again: nothing is reused across it
    EXPECT_TRUE(tutor.result().open);
    EXPECT_EQ(tutor.engine_computations(), at_second_stage + 1);
}

TEST_F(TutorTest, TheExplorerListsEveryNodeWithItsParentsAndEveryRowWithItsCitation) {
    const ExplorerTable& lines = tutor.explorer();
    // Three causes (1, 1 and 4 rows: heart failure depends on GPA and warfarin) and five findings with the
    // three causes as parents (8 rows each); each node has a heading and a "depends on" line.
    ASSERT_EQ(lines.size(), 8u * 2 + 1 + 1 + 4 + 5 * 8);
    int inr = tutor.kb()->variable_index("inr");
    std::size_t at = 0;
    while (at < lines.size() && !(lines[at].node == inr && lines[at].kind == ExplorerLine::Kind::parents)) ++at;
    ASSERT_LT(at, lines.size());
    EXPECT_NE(lines[at].text.find("Granulomatosis with polyangiitis"), std::string::npos) << lines[at].text;
    EXPECT_NE(lines[at].text.find("Warfarin-associated hemorrhage"), std::string::npos);
    // Its first row: every parent absent, with the fixture's estimate as the rationale.
    ASSERT_EQ(lines[at + 1].kind, ExplorerLine::Kind::row);
    EXPECT_TRUE(lines[at + 1].estimate);
    EXPECT_EQ(lines[at + 1].note, "fixture");
    EXPECT_EQ(&tutor.explorer(), &lines);
}

TEST_F(TutorTest, EveryLearnerActionIsLoggedWithItsTimeAndValues) {
    tutor.open_case("fixture-warfarin");
    now = 1010;
    tutor.commit({0.25, 0.5, 0.125, 0.125});
    now = 1020;
    tutor.reveal_next();
    tutor.set_what_if(Finding{tutor.kb()->variable_index("anticoagulant"), 0, {}});
    tutor.reach_debrief();
    const auto& events = tutor.events().events();
    ASSERT_EQ(events.size(), 5u);
    EXPECT_EQ(events[0].type, "open");
    EXPECT_EQ(events[0].case_id, "fixture-warfarin");
    EXPECT_EQ(events[0].time, 1000);
    EXPECT_EQ(events[1].type, "commit");
    EXPECT_EQ(events[1].time, 1010);
    ASSERT_EQ(events[1].values.size(), 4u);
    EXPECT_EQ(events[1].values[1], (std::pair<std::string, double>("warfarin", 0.5)));
    EXPECT_EQ(events[2].type, "reveal");
    EXPECT_EQ(events[2].stage, 1);
    EXPECT_EQ(events[3].variable, "anticoagulant");
    EXPECT_EQ(events[3].value, "none");
    EXPECT_EQ(events[4].type, "debrief");
}

TEST_F(TutorTest, TheEventLogIsCapped) {
    EventLog log(3);
    for (int i = 0; i < 5; ++i) log.add(Event{static_cast<double>(i), "open", "c", -1, {}, {}, {}, {}, {}, {}, {}, {}, {}});
    ASSERT_EQ(log.events().size(), 3u);
    EXPECT_EQ(log.events().front().time, 2);
    EXPECT_EQ(log.dropped(), 2u);
    EventLog big(100);
    for (int i = 0; i < 1000; ++i) big.add(Event{static_cast<double>(i), "open", "c", -1, {}, {}, {}, {}, {}, {}, {}, {}, {}});
    EXPECT_LE(big.events().size(), 100u);
    EXPECT_GE(big.events().size(), 90u);
    EXPECT_EQ(big.events().back().time, 999);
    EXPECT_EQ(big.dropped() + big.events().size(), 1000u);
}

TEST_F(TutorTest, ReplayingTheEventLogReproducesTheWalk) {
    tutor.open_case("fixture-both");
    tutor.commit({0.2, 0.2, 0.5, 0.1});
    tutor.reveal_next();
    tutor.set_vote(tutor.kb()->group_index("both"), 4);
    tutor.commit();
    tutor.open_case("fixture-warfarin");
    tutor.commit({0.0, 1.0, 0.0, 0.0});
    Tutor again([] { return 0.0; });
    again.load(fixture_files());
    for (const Event& e : tutor.events().events()) {
        Event copy;
        std::string error;
        ASSERT_TRUE(event_from_json(dah::parse_json_or_null(event_line(e)), copy, error)) << error;
        EXPECT_TRUE(again.apply(copy)) << event_line(e);
    }
    for (const std::string id : {"fixture-both", "fixture-warfarin"}) {
        const CaseSession* a = tutor.session(index(id));
        const CaseSession* b = again.session(index(id));
        ASSERT_TRUE(a && b);
        EXPECT_EQ(a->reached, b->reached);
        for (std::size_t s = 0; s < a->answers.size(); ++s) {
            EXPECT_EQ(a->answers[s].committed, b->answers[s].committed);
            EXPECT_EQ(a->answers[s].committed_p, b->answers[s].committed_p);
        }
    }
}

TEST_F(TutorTest, ApplyRefusesWhatDoesNotFit) {
    EXPECT_FALSE(tutor.apply(Event{0, "commit", "", -1, {}, {}, {}, {}, {}, {}, {}, {}, {}}));  // no open case
    EXPECT_FALSE(tutor.apply(Event{0, "fly", "", -1, {}, {}, {}, {}, {}, {}, {}, {}, {}}));
    EXPECT_TRUE(tutor.apply(Event{0, "open", "fixture-both", -1, {}, {}, {}, {}, {}, {}, {}, {}, {}}));
    EXPECT_FALSE(tutor.apply(Event{0, "commit", "fixture-warfarin", 0, {}, {}, {}, {}, {}, {}, {}, {}, {}}));  // another case
    EXPECT_FALSE(tutor.apply(Event{0, "commit", "", 0, {{"no-such", 1.0}}, {}, {}, {}, {}, {}, {}, {}, {}}));
    EXPECT_FALSE(tutor.apply(Event{0, "what_if", "", -1, {}, "inr", "high", {}, {}, {}, {}, {}, {}}));  // not revealed
    Event bad;
    std::string error;
    EXPECT_FALSE(event_from_json(dah::parse_json_or_null(R"({"cmd":"open","colour":"red"})"), bad, error));
    EXPECT_NE(error.find("colour"), std::string::npos);
}

TEST_F(TutorTest, ImportsJoinTheLibraryAndBuiltInIdsAreRefused) {
    std::string text = read_text(std::string(DAH_SOURCE_DIR) + "/tests/fixtures/tutor/warfarin.case.json");
    EXPECT_FALSE(tutor.import_case({"mine.case.json", text}).empty());  // same id as a built-in case
    const std::string renamed = std::string(text).replace(text.find("fixture-warfarin"), 16, "my-warfarin-case");
    EXPECT_TRUE(tutor.import_case({"mine.case.json", renamed}).empty());
    EXPECT_EQ(tutor.library().cases.size(), 3u);
    EXPECT_TRUE(tutor.import_case({"mine.case.json", renamed}).empty());  // a new version replaces it
    EXPECT_EQ(tutor.library().cases.size(), 3u);
    const std::vector<Diagnostic> bad = tutor.import_case({"broken.case.json", "{\"schema_version\": 1"});
    ASSERT_FALSE(bad.empty());
    EXPECT_EQ(bad[0].file, "broken.case.json");
    // Saved and restored into a fresh tutor.
    Tutor other;
    other.load(fixture_files());
    EXPECT_TRUE(other.restore_imports(tutor.imports_json()).empty());
    EXPECT_GE(other.library().index_of("my-warfarin-case"), 0);
    // Reloading the library keeps the imports.
    tutor.load(fixture_files());
    EXPECT_GE(tutor.library().index_of("my-warfarin-case"), 0);
}

TEST_F(TutorTest, ExportsListTheCommittedStages) {
    tutor.open_case("fixture-warfarin");
    tutor.commit({0.25, 0.5, 0.125, 0.125});
    const std::string csv = tutor.answers_csv(index("fixture-warfarin"));
    EXPECT_NE(csv.find("fixture-warfarin,history,warfarin,0.500000"), std::string::npos);
    const auto j = nlohmann::json::parse(tutor.answers_json(index("fixture-warfarin")));
    EXPECT_EQ(j["stages"][0]["learner"]["warfarin"], 0.5);
    EXPECT_TRUE(j["answer"].is_null());  // not before the case is finished
}

TEST_F(TutorTest, ACaseWithoutANetworkBlockIsRefusedByNameAndPointer) {
    tutor.open_case("fixture-warfarin");
    tutor.commit({0.25, 0.5, 0.125, 0.125});
    std::string text = read_text(std::string(DAH_SOURCE_DIR) + "/tests/fixtures/warfarin.case.json");  // no "network"
    text.replace(text.find("fixture-warfarin"), 16, "old-warfarin-case");
    const std::vector<Diagnostic> errors = tutor.import_case({"old.case.json", text});
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].file, "old.case.json");
    EXPECT_EQ(errors[0].pointer, "/network");
    EXPECT_NE(errors[0].to_string().find("network"), std::string::npos);
    EXPECT_LT(tutor.library().index_of("old-warfarin-case"), 0);
    EXPECT_TRUE(tutor.session(index("fixture-warfarin"))->answers[0].committed);  // progress kept
}

TEST(TutorLibrary, TheBuiltInLibraryLoadsWhole) {
    const std::string dir = std::string(DAH_SOURCE_DIR) + "/cases/";
    std::vector<InputFile> files{{"knowledge-base-v2.json", read_text(dir + "knowledge-base-v2.json")}};
    for (const char* id : {"gpa-cavities", "warfarin-supratherapeutic", "anti-gbm-smoker"})
        files.push_back({std::string(id) + ".case.json", read_text(dir + id + ".case.json")});
    Tutor t;
    t.load(files);
    EXPECT_TRUE(t.library().errors.empty());
    EXPECT_EQ(t.library().cases.size(), 3u);
}

}  // namespace
}  // namespace dah::tutor::test
