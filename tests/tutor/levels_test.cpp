// The levels of an answer: the first question (immune, coagulopathic, both, other), the causes within a
// group, every cause; each scored on what it answered. The fixture (tests/fixtures/levels) has two
// causes in most groups; the answer is MPA (immune). Expected scores are worked out here by hand from
// the Brier score's definition (sum over the outcomes answered of (p - [outcome is true])²) and the
// log score's (-log2 of the probability given to the true outcome), never taken from the program.
#include <cmath>

#include "dah/tutor/event_json.hpp"
#include "tutor_fixture.hpp"

namespace dah::tutor::test {
namespace {

std::vector<InputFile> levels_files() {
    const std::string dir = std::string(DAH_SOURCE_DIR) + "/tests/fixtures/levels/";
    return {{"knowledge-base-v2.json", read_text(dir + "knowledge-base-v2.json")}, {"mpa.case.json", read_text(dir + "mpa.case.json")}};
}

struct LevelsTest : ::testing::Test {
    Tutor tutor{[] { return 1000.0; }};
    void SetUp() override {
        tutor.load(levels_files());
        ASSERT_TRUE(tutor.library().errors.empty());
        ASSERT_TRUE(tutor.open_case("fixture-mpa"));
    }
    int dx(const std::string& id) const { return tutor.kb()->diagnosis_index(id); }
    int group(const std::string& id) const { return tutor.kb()->group_index(id); }
    double draft(const std::string& id) const { return tutor.result().open->answer.draft[static_cast<std::size_t>(dx(id))]; }
    const StageAnswer& answer() const { return tutor.result().open->answer; }
    // The engine after the first stage, by hand: priors × P(no blood thinner), over their total .55.
    static constexpr double gpa0 = 18.0 / 55, mpa0 = 18.0 / 55, other0 = 19.0 / 55;
};

// Immune, coagulopathic, both, other: the knowledge base's group order.
std::vector<double> groups(double immune, double coagulopathic, double both, double other) { return {immune, coagulopathic, both, other}; }

TEST_F(LevelsTest, TheUntouchedAnswerIsEvenOverTheGroupsThenWithinEach) {
    // Four groups at .25; immune, coagulopathic and other have two causes each (.125), both has one.
    EXPECT_NEAR(draft("gpa"), 0.125, 1e-12);
    EXPECT_NEAR(draft("mpa"), 0.125, 1e-12);
    EXPECT_NEAR(draft("doac"), 0.125, 1e-12);
    EXPECT_NEAR(draft("immune-and-antithrombotic"), 0.25, 1e-12);
    EXPECT_NEAR(draft("infection"), 0.125, 1e-12);
    EXPECT_TRUE(is_even_spread(*tutor.kb(), answer().draft));
    ASSERT_TRUE(tutor.set_groups(groups(0.7, 0.1, 0.1, 0.1)));
    EXPECT_FALSE(is_even_spread(*tutor.kb(), answer().draft));
    ASSERT_TRUE(tutor.spread_evenly());
    EXPECT_TRUE(is_even_spread(*tutor.kb(), answer().draft));
}

TEST_F(LevelsTest, TheFirstQuestionAloneIsScoredOnTheFourGroups) {
    ASSERT_TRUE(tutor.commit_groups(groups(0.7, 0.1, 0.1, 0.1)));
    const StageAnswer& a = answer();
    EXPECT_EQ(a.level, CommitLevel::groups);
    EXPECT_EQ(a.causes_of, 0u);
    // The truth is immune: (.7 - 1)² + 3 × .1² = .09 + .03.
    EXPECT_NEAR(a.learner_brier, 0.12, 1e-12);
    EXPECT_NEAR(a.learner_log_bits, -std::log2(0.7), 1e-12);
    // The engine's groups: immune 36/55, other 19/55, none for the blood thinners: (19/55)² twice.
    EXPECT_NEAR(a.engine_brier, 2 * 361.0 / 3025, 1e-12);
    EXPECT_NEAR(a.engine_log_bits, -std::log2(36.0 / 55), 1e-12);
    ASSERT_EQ(a.committed_groups.size(), 4u);
    EXPECT_NEAR(a.committed_groups[static_cast<std::size_t>(group("immune"))], 0.7, 1e-12);
    // Within a group the answer keeps the even spread it had: GPA and MPA .35 each.
    EXPECT_NEAR(a.committed_p[static_cast<std::size_t>(dx("mpa"))], 0.35, 1e-12);
    EXPECT_NEAR(answered_probability(*tutor.kb(), a.committed_p, a.causes_of, dx("mpa")), 0.7, 1e-12);
    EXPECT_NEAR(tutor.result().open->learner_case_score, 100 * (1 - 0.12 / 2), 1e-9);
}

TEST_F(LevelsTest, TopCausesScoreTheLeadingGroupCauseByCauseAndTheOtherGroupsWhole) {
    ASSERT_TRUE(tutor.set_groups(groups(0.6, 0.2, 0.1, 0.1)));
    ASSERT_TRUE(tutor.set_cause_share(dx("mpa"), 0.75));  // MPA three quarters of immune's .6
    EXPECT_NEAR(draft("mpa"), 0.45, 1e-12);
    EXPECT_NEAR(draft("gpa"), 0.15, 1e-12);
    EXPECT_NEAR(draft("warfarin"), 0.1, 1e-12);  // other groups untouched
    ASSERT_TRUE(tutor.commit());
    const StageAnswer& a = answer();
    EXPECT_EQ(a.level, CommitLevel::top_causes);
    EXPECT_EQ(a.causes_of, 1u << group("immune"));
    // Outcomes GPA .15, MPA .45, coagulopathic .2, both .1, other .1; the truth MPA:
    // .15² + .55² + .2² + .1² + .1² = .0225 + .3025 + .04 + .01 + .01.
    EXPECT_NEAR(a.learner_brier, 0.385, 1e-12);
    EXPECT_NEAR(a.learner_log_bits, -std::log2(0.45), 1e-12);
    // The engine on the same outcomes: GPA 18/55, MPA 18/55, other 19/55: (18² + 37² + 19²) / 55².
    EXPECT_NEAR(a.engine_brier, (324.0 + 1369 + 361) / 3025, 1e-12);
    EXPECT_NEAR(a.engine_log_bits, -std::log2(mpa0), 1e-12);
    // A cause's share cannot be set in a group with nothing in it.
    tutor.reveal_next();
    ASSERT_TRUE(tutor.set_groups(groups(1, 0, 0, 0)));
    EXPECT_FALSE(tutor.set_cause_share(dx("doac"), 0.5));
}

TEST_F(LevelsTest, EveryCauseIsTheDetailedLevelScoredOnEachDiagnosis) {
    ASSERT_TRUE(tutor.set_probability(dx("mpa"), 0.5));
    // The others share .5 as they were (.125 each, both .25, of .875): 1/14 each, GPA on warfarin 1/7.
    EXPECT_NEAR(draft("gpa"), 1.0 / 14, 1e-12);
    EXPECT_NEAR(draft("immune-and-antithrombotic"), 1.0 / 7, 1e-12);
    ASSERT_TRUE(tutor.commit());
    const StageAnswer& a = answer();
    EXPECT_EQ(a.level, CommitLevel::detailed);
    EXPECT_NEAR(a.learner_brier, 5.0 / 196 + 1.0 / 49 + 0.25, 1e-12);
    EXPECT_NEAR(a.learner_log_bits, 1.0, 1e-12);
    // The engine on every diagnosis: (18² + 37² + 10² + 9²) / 55².
    EXPECT_NEAR(a.engine_brier, (324.0 + 1369 + 100 + 81) / 3025, 1e-12);
}

TEST_F(LevelsTest, AHeldCauseKeepsItsValueWhileAnotherIsSet) {
    ASSERT_TRUE(tutor.set_probability(dx("gpa"), 0.3));
    // The others scale by .7 / .875 = .8: MPA .1, warfarin .1, DOAC .1, GPA on warfarin .2, HF .1, infection .1.
    EXPECT_NEAR(draft("mpa"), 0.1, 1e-12);
    ASSERT_TRUE(tutor.set_probability(dx("mpa"), 0.4, {dx("gpa")}));
    EXPECT_NEAR(draft("gpa"), 0.3, 1e-12);  // held
    EXPECT_NEAR(draft("mpa"), 0.4, 1e-12);
    // The free ones share the .3 left as they were (.6 in all): warfarin .05, GPA on warfarin .1.
    EXPECT_NEAR(draft("warfarin"), 0.05, 1e-12);
    EXPECT_NEAR(draft("immune-and-antithrombotic"), 0.1, 1e-12);
    // Asking more than the held ones leave: capped at 1 - .3.
    ASSERT_TRUE(tutor.set_probability(dx("mpa"), 0.95, {dx("gpa")}));
    EXPECT_NEAR(draft("mpa"), 0.7, 1e-12);
    EXPECT_NEAR(draft("gpa"), 0.3, 1e-12);
    EXPECT_NEAR(draft("infection"), 0.0, 1e-12);
    // Without the hold, GPA rescales as before.
    ASSERT_TRUE(tutor.set_probability(dx("mpa"), 0.85));
    EXPECT_NEAR(draft("gpa"), 0.15, 1e-12);
}

TEST_F(LevelsTest, OneGroupsShareMovesTheOthersInProportion) {
    ASSERT_TRUE(tutor.set_groups(groups(0.4, 0.2, 0.2, 0.2)));
    ASSERT_TRUE(tutor.set_group(group("immune"), 0.8));  // the other three share .2 as .2:.2:.2
    const std::vector<double> g = group_totals(*tutor.kb(), answer().draft);
    EXPECT_NEAR(g[static_cast<std::size_t>(group("immune"))], 0.8, 1e-12);
    EXPECT_NEAR(g[static_cast<std::size_t>(group("other"))], 0.2 / 3, 1e-12);
    EXPECT_FALSE(tutor.set_group(4, 0.5));
    EXPECT_FALSE(tutor.set_groups({0.5, 0.5}));
}

TEST_F(LevelsTest, TheNextStageStartsAtTheLevelOfTheLastAnswer) {
    tutor.set_groups(groups(0.6, 0.2, 0.1, 0.1));
    tutor.set_cause_share(dx("mpa"), 0.75);
    tutor.commit();
    ASSERT_TRUE(tutor.reveal_next());
    EXPECT_EQ(answer().draft_causes, 1u << group("immune"));
    ASSERT_TRUE(tutor.commit());
    EXPECT_EQ(answer().level, CommitLevel::top_causes);
    // The second stage's case score is the mean of both stages' level scores.
    const double first = 100 * (1 - 0.385 / 2);
    EXPECT_NEAR(tutor.progress().at("fixture-mpa").best_score, (first + 100 * (1 - answer().learner_brier / 2)) / 2, 1e-9);
}

TEST_F(LevelsTest, TheCommitEventCarriesTheLevelAndTheFourNumbersAndReplays) {
    tutor.set_groups(groups(0.6, 0.2, 0.1, 0.1));
    tutor.set_cause_share(dx("mpa"), 0.75);
    tutor.commit();
    const Event& e = tutor.events().events().back();
    EXPECT_EQ(e.type, "commit");
    EXPECT_EQ(e.level, "top_causes");
    ASSERT_EQ(e.causes_of, std::vector<std::string>{"immune"});
    ASSERT_EQ(e.groups.size(), 4u);
    EXPECT_EQ(e.groups[0].first, "immune");
    EXPECT_NEAR(e.groups[0].second, 0.6, 1e-12);
    const nlohmann::json j = nlohmann::json::parse(event_line(e));
    EXPECT_EQ(j["level"], "top_causes");
    EXPECT_NEAR(j["groups"]["coagulopathic"].get<double>(), 0.2, 1e-12);
    // Replayed through apply, the level and the scores come back.
    Tutor again([] { return 0.0; });
    again.load(levels_files());
    for (const Event& x : tutor.events().events()) {
        Event copy;
        std::string error;
        ASSERT_TRUE(event_from_json(dah::parse_json_or_null(event_line(x)), copy, error)) << error;
        ASSERT_TRUE(again.apply(copy)) << event_line(x);
    }
    EXPECT_EQ(again.result().open->answer.level, CommitLevel::top_causes);
    EXPECT_NEAR(again.result().open->answer.learner_brier, 0.385, 1e-12);
}

TEST_F(LevelsTest, CommandsCommitFourNumbersAndOlderCommitsAreDetailed) {
    EXPECT_FALSE(tutor.apply(Event{0, "commit", "", -1, {}, {}, {}, {}, {}, {}, "", {}, {{"no-such-group", 1.0}}}));
    EXPECT_FALSE(tutor.result().open->stage_committed);
    Event c;
    std::string error;
    ASSERT_TRUE(event_from_json(dah::parse_json_or_null(R"({"cmd":"commit","groups":{"immune":0.7,"coagulopathic":0.1,"both":0.1,"other":0.1}})"),
                                c, error)) << error;
    ASSERT_TRUE(tutor.apply(c));
    EXPECT_EQ(answer().level, CommitLevel::groups);
    EXPECT_NEAR(answer().learner_brier, 0.12, 1e-12);
    // A commit of an older log: probabilities by diagnosis and no level.
    tutor.reveal_next();
    ASSERT_TRUE(event_from_json(dah::parse_json_or_null(R"({"cmd":"commit","p":{"mpa":0.5,"gpa":0.5}})"), c, error)) << error;
    ASSERT_TRUE(tutor.apply(c));
    EXPECT_EQ(answer().level, CommitLevel::detailed);
    EXPECT_NEAR(answer().learner_brier, 0.5, 1e-12);  // .5² + .5²
    Event bad;
    EXPECT_FALSE(event_from_json(dah::parse_json_or_null(R"({"cmd":"commit","groups":{"immune":"most"}})"), bad, error));
    EXPECT_NE(error.find("groups"), std::string::npos);
}

TEST_F(LevelsTest, TheHallVotesOnTheFourGroupsAndIsScoredThere) {
    ASSERT_TRUE(tutor.set_votes({3, 1, 0, 0}));  // three hands for immune, one for the blood thinners
    const VoteResult& vote = tutor.result().open->vote;
    EXPECT_EQ(vote.total, 4);
    ASSERT_EQ(vote.probabilities.size(), 4u);
    // .75 immune (the truth) and .25 coagulopathic: .25² + .25².
    EXPECT_NEAR(vote.brier, 0.125, 1e-12);
    EXPECT_NEAR(vote.log_bits, -std::log2(0.75), 1e-12);
    EXPECT_NEAR(vote.engine_brier, 2 * 361.0 / 3025, 1e-12);
    // The vote is the stage's draft at the groups level; committing it scores the hall like a learner.
    ASSERT_TRUE(tutor.commit());
    EXPECT_EQ(answer().level, CommitLevel::groups);
    EXPECT_NEAR(answer().learner_brier, 0.125, 1e-12);
    EXPECT_FALSE(tutor.set_votes({1, 2, 3}));  // four counts, one per group
    EXPECT_FALSE(tutor.set_vote(4, 1));
    EXPECT_EQ(tutor.events().events()[1].counts.size(), 2u);
    EXPECT_EQ(tutor.events().events()[1].counts[0].first, "immune");
}

TEST_F(LevelsTest, AnOlderVoteByDiagnosisCountsForTheGroups) {
    Event v;
    std::string error;
    ASSERT_TRUE(event_from_json(dah::parse_json_or_null(R"({"cmd":"vote","counts":{"gpa":2,"mpa":1,"warfarin":1}})"), v, error)) << error;
    ASSERT_TRUE(tutor.apply(v));
    const VoteResult& vote = tutor.result().open->vote;
    EXPECT_EQ(vote.counts[static_cast<std::size_t>(group("immune"))], 3);
    EXPECT_EQ(vote.counts[static_cast<std::size_t>(group("coagulopathic"))], 1);
}

TEST_F(LevelsTest, SavedProgressKeepsTheLevelAndVersionTwoAnswersAreDetailed) {
    tutor.set_groups(groups(0.6, 0.2, 0.1, 0.1));
    tutor.set_cause_share(dx("mpa"), 0.75);
    tutor.commit();
    tutor.reveal_next();
    tutor.set_votes({5, 0, 0, 1});
    const std::string saved = tutor.progress_json();
    const nlohmann::json j = nlohmann::json::parse(saved);
    EXPECT_EQ(j["version"], 4);
    EXPECT_EQ(j["cases"]["fixture-mpa"]["answers"][0]["level"], "top_causes");
    EXPECT_EQ(j["votes"]["fixture-mpa"]["1"]["immune"], 5);
    Tutor restored;
    restored.load(levels_files());
    ASSERT_TRUE(restored.restore_progress(saved).ok);
    const CaseSession* s = restored.session(0);
    ASSERT_NE(s, nullptr);
    EXPECT_EQ(s->answers[0].level, CommitLevel::top_causes);
    EXPECT_EQ(s->answers[0].causes_of, 1u << group("immune"));
    EXPECT_NEAR(s->answers[0].learner_log_bits, -std::log2(0.45), 1e-12);
    EXPECT_EQ(s->answers[1].draft_causes, 0u);  // the hall's draft: the first question only
    restored.open_case("fixture-mpa");
    EXPECT_EQ(restored.result().open->vote.total, 6);

    const std::string v2 = R"({"version":2,"cases":{"fixture-mpa":{"reached":1,"answers":[
        {"draft":{"mpa":1},"committed":true,"p":{"mpa":1},"learner_brier":0,"engine_brier":0.5},{"draft":{"mpa":1},"committed":false}]}},
        "votes":{"fixture-mpa":{"1":{"gpa":2,"doac":1}}}})";
    Tutor old;
    old.load(levels_files());
    const RestoreOutcome outcome = old.restore_progress(v2);
    EXPECT_TRUE(outcome.ok);
    EXPECT_TRUE(outcome.notice.empty());
    const CaseSession* o = old.session(0);
    ASSERT_NE(o, nullptr);
    EXPECT_EQ(o->answers[0].level, CommitLevel::detailed);
    EXPECT_EQ(o->answers[1].draft_causes, all_groups(*old.kb()));
    old.open_case("fixture-mpa");
    EXPECT_EQ(old.result().open->vote.counts[static_cast<std::size_t>(group("immune"))], 2);
    EXPECT_EQ(old.result().open->vote.counts[static_cast<std::size_t>(group("coagulopathic"))], 1);
}

TEST(Levels, TheOutcomesOfEachLevel) {
    Tutor t;
    t.load(levels_files());
    const KnowledgeBase& kb = *t.kb();
    const std::vector<double> p = {0.1, 0.2, 0.05, 0.05, 0.1, 0.3, 0.2};  // gpa, mpa, warfarin, doac, both, hf, infection
    std::vector<double> out;
    // Groups: immune .3, coagulopathic .1, both .1, other .5; the truth (infection) is in other.
    EXPECT_EQ(answered_outcomes(kb, p, 0, kb.diagnosis_index("infection"), out), 3);
    ASSERT_EQ(out.size(), 4u);
    EXPECT_NEAR(out[0], 0.3, 1e-12);
    EXPECT_NEAR(out[3], 0.5, 1e-12);
    // Other's causes opened: heart failure and infection first, then immune, coagulopathic, both.
    EXPECT_EQ(answered_outcomes(kb, p, 1u << kb.group_index("other"), kb.diagnosis_index("infection"), out), 1);
    ASSERT_EQ(out.size(), 5u);
    EXPECT_NEAR(out[0], 0.3, 1e-12);
    EXPECT_NEAR(out[2], 0.3, 1e-12);
    EXPECT_EQ(level_of(kb, 1u << kb.group_index("other")), CommitLevel::top_causes);
    EXPECT_EQ(level_of(kb, all_groups(kb)), CommitLevel::detailed);
    EXPECT_EQ(level_of(kb, 0), CommitLevel::groups);
    CommitLevel l;
    EXPECT_TRUE(level_from_id("top_causes", l));
    EXPECT_EQ(l, CommitLevel::top_causes);
    EXPECT_FALSE(level_from_id("some", l));
}

}  // namespace
}  // namespace dah::tutor::test
