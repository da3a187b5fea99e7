// "My progress" and the debrief's replay, on the fixture knowledge base (tests/fixtures): every
// expected number is worked out by hand in the comments from the fixture's priors and likelihoods
// (diagnoses in order gpa, warfarin, gpa-warfarin, heart-failure; priors .3, .3, .1, .3).
#include "dah/tutor/progress_report.hpp"

#include <cmath>

#include "tutor_fixture.hpp"

namespace dah::tutor::test {
namespace {

// Commits each stage of the open case with the given differentials, revealing the next in between.
void walk(Tutor& t, const std::vector<std::vector<double>>& stages) {
    for (std::size_t i = 0; i < stages.size(); ++i) {
        ASSERT_TRUE(t.commit(stages[i])) << "stage " << i;
        if (i + 1 < stages.size()) {
            ASSERT_TRUE(t.reveal_next());
        }
    }
}

const std::vector<double> even = {0.25, 0.25, 0.25, 0.25};

TEST_F(TutorTest, NothingFinishedGivesAnEmptyReport) {
    tutor.open_case("fixture-warfarin");
    tutor.commit(even);  // one stage of two: not finished
    const ProgressReport& r = tutor.progress_report();
    EXPECT_EQ(r.cases_finished, 0);
    EXPECT_TRUE(r.forecasts.empty());
    EXPECT_TRUE(r.over_time.empty());
    ASSERT_EQ(r.calibration.size(), 10u);
    for (const CalibrationBin& b : r.calibration) EXPECT_EQ(b.count, 0);
    ASSERT_EQ(r.by_stage.size(), 6u);
    for (const StageKindScores& k : r.by_stage) EXPECT_EQ(k.count, 0);
    EXPECT_EQ(progress_report_csv(r).find('\n') + 1, progress_report_csv(r).size()) << "the header only";
}

// Two finished cases: fixture-both first (at t = 2000), fixture-warfarin second (t = 3000).
struct TwoCases : TutorTest {
    void SetUp() override {
        TutorTest::SetUp();
        tutor.open_case("fixture-both");  // answer gpa-warfarin
        now = 2000;
        walk(tutor, {even, {0, 0, 1, 0}, {0, 0, 0.5, 0.5}, {0, 0, 1, 0}});
        tutor.open_case("fixture-warfarin");  // answer warfarin
        now = 3000;
        walk(tutor, {{0.25, 0.5, 0.125, 0.125}, {0, 1, 0, 0}});
    }
};

TEST_F(TwoCases, CalibrationBinsCountEveryStatedProbabilityAgainstItsOutcome) {
    const ProgressReport& r = tutor.progress_report();
    EXPECT_EQ(r.cases_finished, 2);
    // 6 committed stages × 4 diagnoses = 24 pairs.
    ASSERT_EQ(r.forecasts.size(), 24u);
    ASSERT_EQ(r.calibration.size(), 10u);
    // Stated 0: both bal 3 (false), labs 2 (false), biopsy 3 (false); warfarin labs 3 (false) → 11, none
    // true.
    EXPECT_EQ(r.calibration[0].count, 11);
    EXPECT_DOUBLE_EQ(r.calibration[0].observed_frequency, 0.0);
    // 0.125 twice (warfarin history, both false) → bin [0.1, 0.2).
    EXPECT_EQ(r.calibration[1].count, 2);
    EXPECT_DOUBLE_EQ(r.calibration[1].mean_forecast, 0.125);
    EXPECT_DOUBLE_EQ(r.calibration[1].observed_frequency, 0.0);
    // 0.25: four in both history (one of them the answer) and warfarin history's gpa → 5, 1 true.
    EXPECT_EQ(r.calibration[2].count, 5);
    EXPECT_DOUBLE_EQ(r.calibration[2].observed_frequency, 1.0 / 5.0);
    // 0.5: both labs (answer, and heart failure) and warfarin history's warfarin (answer) → 3, 2 true.
    EXPECT_EQ(r.calibration[5].count, 3);
    EXPECT_DOUBLE_EQ(r.calibration[5].observed_frequency, 2.0 / 3.0);
    // 1: both bal and biopsy, warfarin labs, all on the answer → 3, all true.
    EXPECT_EQ(r.calibration[9].count, 3);
    EXPECT_DOUBLE_EQ(r.calibration[9].observed_frequency, 1.0);
    int total = 0;
    for (const CalibrationBin& b : r.calibration) total += b.count;
    EXPECT_EQ(total, 24);
}

TEST_F(TwoCases, ScoresPerStageKindAndOverTimeAreMeansOfTheStages) {
    const ProgressReport& r = tutor.progress_report();
    // Learner Brier by stage: both history (even, answer .25) = 3 × .0625 + .75² = .75; bal 0;
    // labs (.5 on the answer, .5 elsewhere) = .25 + .25 = .5; biopsy 0. Warfarin history
    // (.25, .5, .125, .125) = .0625 + .25 + .015625 + .015625 = .34375; labs 0.
    // Log score (bits): −log2 of the answer's probability: 2, 0, 1, 0; 1, 0.
    ASSERT_EQ(r.over_time.size(), 2u);
    EXPECT_EQ(r.over_time[0].case_id, "fixture-both") << "finished first";
    EXPECT_EQ(r.over_time[1].case_id, "fixture-warfarin");
    EXPECT_EQ(r.over_time[0].stages, 4);
    EXPECT_NEAR(r.over_time[0].learner_brier, (0.75 + 0 + 0.5 + 0) / 4, 1e-12);
    EXPECT_NEAR(r.over_time[0].learner_log_bits, (2.0 + 0 + 1 + 0) / 4, 1e-12);
    EXPECT_NEAR(r.over_time[1].learner_brier, 0.34375 / 2, 1e-12);
    EXPECT_NEAR(r.over_time[1].learner_log_bits, 0.5, 1e-12);

    ASSERT_EQ(r.by_stage.size(), 6u);
    const StageKindScores& history = r.by_stage[static_cast<std::size_t>(Stage::history)];
    EXPECT_EQ(history.count, 2);
    EXPECT_NEAR(history.learner_brier, (0.75 + 0.34375) / 2, 1e-12);
    EXPECT_NEAR(history.learner_log_bits, (2.0 + 1.0) / 2, 1e-12);
    // The engine after "on warfarin" alone: priors × P(on warfarin | d) = .03, .3, .1, .12 (sum .55).
    // Against gpa-warfarin: (3² + 30² + 45² + 12²) / 55² = 3078 / 3025; against warfarin:
    // (3² + 25² + 10² + 12²) / 55² = 878 / 3025.
    EXPECT_NEAR(history.engine_brier, (3078.0 / 3025 + 878.0 / 3025) / 2, 1e-12);
    EXPECT_NEAR(history.engine_log_bits, (-std::log2(10.0 / 55) - std::log2(30.0 / 55)) / 2, 1e-12);
    const StageKindScores& labs = r.by_stage[static_cast<std::size_t>(Stage::labs)];
    EXPECT_EQ(labs.count, 2);
    EXPECT_NEAR(labs.learner_brier, 0.25, 1e-12);
    EXPECT_NEAR(labs.learner_log_bits, 0.5, 1e-12);
    EXPECT_EQ(r.by_stage[static_cast<std::size_t>(Stage::bal)].count, 1);
    EXPECT_EQ(r.by_stage[static_cast<std::size_t>(Stage::biopsy)].count, 1);
    EXPECT_EQ(r.by_stage[static_cast<std::size_t>(Stage::imaging)].count, 0);
    EXPECT_EQ(r.by_stage[static_cast<std::size_t>(Stage::course)].count, 0);
}

TEST_F(TwoCases, TheCsvHasOneRowPerCommittedStageInFinishingOrder) {
    const std::string csv = progress_report_csv(tutor.progress_report());
    std::vector<std::string> lines;
    for (std::size_t at = 0; at < csv.size();) {
        const std::size_t end = csv.find('\n', at);
        lines.push_back(csv.substr(at, end - at));
        at = end + 1;
    }
    ASSERT_EQ(lines.size(), 7u);
    EXPECT_EQ(lines[0].rfind("order,case,stage,learner_p_answer", 0), 0u);
    EXPECT_EQ(lines[1].rfind("1,fixture-both,history,0.250000,", 0), 0u) << lines[1];
    EXPECT_EQ(lines[5].rfind("2,fixture-warfarin,history,0.500000,", 0), 0u) << lines[5];
    EXPECT_EQ(lines[6].rfind("2,fixture-warfarin,labs,1.000000,", 0), 0u) << lines[6];
    const nlohmann::json j = nlohmann::json::parse(progress_report_json(tutor.progress_report()));
    EXPECT_EQ(j["cases_finished"], 2);
    EXPECT_EQ(j["pairs"], 24);
    EXPECT_EQ(j["calibration"].size(), 10u);
}

TEST_F(TutorTest, APearlIsMissedWhereTheLearnerFellShortOfTheEngine) {
    tutor.open_case("fixture-both");
    // History (.5, .5, 0, 0): Brier .25 + .25 + 1 = 1.5, the engine's 3078/3025 ≈ 1.018: short by
    // more than 0.1, so the history's teaching point is missed. Later stages certain on the answer.
    walk(tutor, {{0.5, 0.5, 0, 0}, {0, 0, 1, 0}, {0, 0, 1, 0}, {0, 0, 1, 0}});
    const ProgressReport& r = tutor.progress_report();
    ASSERT_EQ(r.pearls_missed.size(), 1u);
    EXPECT_EQ(r.pearls_missed[0].point.text, "Ask about blood thinners.");
    EXPECT_EQ(r.pearls_missed[0].stage, Stage::history);
    // The answer given 0 is floored at 0.001 for the log score: log2(1000) bits.
    EXPECT_NEAR(r.stages[0].learner_log_bits, std::log2(1000.0), 1e-12);
}

TEST_F(TutorTest, TheDebriefReplayShowsWhatMovedTheEngineAndWhereTheLearnerDiffered) {
    tutor.open_case("fixture-both");
    EXPECT_FALSE(tutor.result().open->replay) << "nothing before the case is finished";
    walk(tutor, {even, even, {0, 0, 0, 1}, {0, 0, 1, 0}});
    const auto& open = tutor.result().open;
    ASSERT_TRUE(open && open->replay);
    const CaseReplay& r = *open->replay;
    // The engine's unnormalised weights after each stage (gpa, warfarin, gpa-warfarin, hf):
    // history (on warfarin: .1, 1, 1, .4): .03, .3, .1, .12;
    // bal (progressive: .9, .9, .9, .5): .027, .27, .09, .06;
    // labs (PR3-ANCA .74, .015, .74, .015; INR therapeutic .08, .25, .7, .3):
    //   .0015984, .0010125, .04662, .00027; biopsy (capillaritis .85, .02, .8, .02):
    //   .00135864, .00002025, .037296, .0000054.
    const double labs_sum = 0.0015984 + 0.0010125 + 0.04662 + 0.00027;
    const std::vector<double> engine = {0.1 / 0.55, 0.09 / 0.447, 0.04662 / labs_sum,
                                        0.037296 / (0.00135864 + 0.00002025 + 0.037296 + 0.0000054)};
    ASSERT_EQ(r.engine_answer_p.size(), 4u);
    for (std::size_t i = 0; i < 4; ++i) EXPECT_NEAR(r.engine_answer_p[i], engine[i], 1e-9) << i;
    EXPECT_EQ(r.learner_answer_p, (std::vector<double>{0.25, 0.25, 0, 1}));
    // Gaps engine − learner: −.07, −.05, +.94, −.04: the labs, where the learner gave the answer 0.
    EXPECT_EQ(r.widest_stage, 2);
    EXPECT_NEAR(r.widest_gap, engine[2], 1e-9);
    // Weights of evidence for gpa-warfarin against the rest (the rest weighted by the engine given the
    // findings revealed before it, in the order revealed), 10·log10 of P(finding | answer) / P(finding | rest):
    //  on warfarin, nothing else known: 1 / ((.3·.1 + .3·1 + .3·.4) / .9) = 2 → 3.01 dB;
    //  progressive BAL, given warfarin: .9 / ((.03·.9 + .3·.9 + .12·.5) / .45) → 0.55 dB;
    //  PR3-ANCA given warfarin and BAL (rest .027, .27, .06):
    //    .74 / ((.027·.74 + .27·.015 + .06·.015) / .357) → 10.3 dB;
    //  therapeutic INR given warfarin, BAL and PR3 (rest .01998, .00405, .0009):
    //    .7 / ((.01998·.08 + .00405·.25 + .0009·.3) / .02493) → 7.8 dB;
    //  capillaritis given all else (rest .0015984, .0010125, .00027):
    //    .8 / ((.0015984·.85 + .0010125·.02 + .00027·.02) / .0028809) → 2.2 dB.
    const double anca = 10 * std::log10(0.74 / ((0.027 * 0.74 + 0.27 * 0.015 + 0.06 * 0.015) / 0.357));
    const double inr = 10 * std::log10(0.7 / ((0.01998 * 0.08 + 0.00405 * 0.25 + 0.0009 * 0.3) / 0.02493));
    ASSERT_EQ(r.top_moves.size(), 3u);
    const KnowledgeBase& kb = *tutor.kb();
    EXPECT_EQ(kb.variables[static_cast<std::size_t>(r.top_moves[0].finding.variable)].id, "anca");
    EXPECT_NEAR(r.top_moves[0].weight_db, anca, 1e-9);
    EXPECT_EQ(kb.variables[static_cast<std::size_t>(r.top_moves[1].finding.variable)].id, "inr");
    EXPECT_NEAR(r.top_moves[1].weight_db, inr, 1e-9);
    EXPECT_EQ(kb.variables[static_cast<std::size_t>(r.top_moves[2].finding.variable)].id, "anticoagulant");
    EXPECT_NEAR(r.top_moves[2].weight_db, 10 * std::log10(2.0), 1e-9);
    // The engine was higher at the labs: the finding up to then that pushed it most towards the answer.
    EXPECT_EQ(r.explains.stage, 2);
    EXPECT_EQ(kb.variables[static_cast<std::size_t>(r.explains.finding.variable)].id, "anca");
    // Certainty on the leading cause (the first of equals): gpa (wrong, 2), gpa (2), hf (2),
    // gpa-warfarin (0) → mean 1.5. The learner: .75, .75, 1 + 1 = 2, 0 → mean .875. Hedging beat
    // certainty at history and BAL (.75 < 2), not at the labs (2 = 2).
    EXPECT_NEAR(r.certain_brier, 1.5, 1e-12);
    EXPECT_NEAR(r.learner_brier, 0.875, 1e-12);
    EXPECT_EQ(r.hedging_helped, (std::vector<int>{0, 1}));
}

// A copy of fixture-both whose history carries a teaching point naming the answer ("GPA on warfarin"),
// one naming another diagnosis, and one that is general; checks make the labs the establishing stage.
TEST_F(TutorTest, ATeachingPointNamingTheAnswerWaitsForTheStageThatEstablishesIt) {
    std::string text = read_text(std::string(DAH_SOURCE_DIR) + "/tests/fixtures/tutor/both.case.json");
    const std::string from = R"({ "text": "Ask about blood thinners.", "sources": ["ev8"] })";
    const std::string to = R"({ "text": "Ask about blood thinners.", "sources": ["ev8"] },
        { "text": "GPA on warfarin bleeds from both causes.", "sources": ["ev8"] },
        { "text": "Heart failure is common too.", "sources": ["ev8"] })";
    ASSERT_NE(text.find(from), std::string::npos);
    text.replace(text.find(from), from.size(), to);
    const std::string id_from = "\"id\": \"fixture-both\"";
    text.replace(text.find(id_from), id_from.size(), "\"id\": \"fixture-held\"");
    std::string id;
    ASSERT_TRUE(tutor.import_case({"held.case.json", text}, &id).empty());
    tutor.open_case(id);
    const Case& c = tutor.library().cases[static_cast<std::size_t>(index(id))].data;
    const KnowledgeBase& kb = *tutor.kb();
    EXPECT_EQ(establishing_stage(kb, c), 2) << "the labs check requires gpa-warfarin to lead";
    const std::vector<ShownTeachingPoint> history = teaching_points_at(kb, c, 0);
    ASSERT_EQ(history.size(), 2u);
    EXPECT_EQ(history[0].point.text, "Ask about blood thinners.");
    EXPECT_EQ(history[1].point.text, "Heart failure is common too.");
    EXPECT_TRUE(teaching_points_at(kb, c, 1).empty());
    const std::vector<ShownTeachingPoint> labs = teaching_points_at(kb, c, 2);
    ASSERT_EQ(labs.size(), 1u);
    EXPECT_EQ(labs[0].from_stage, 0);
    EXPECT_EQ(labs[0].point.text, "GPA on warfarin bleeds from both causes.");
    // The result carries the viewed stage's points.
    EXPECT_EQ(tutor.result().open->teaching_points.size(), 2u);
    // Whole words, any case; the name's parts before and inside brackets count.
    Diagnosis d;
    d.id = "anti-gbm";
    d.name = "Anti-GBM disease (Goodpasture)";
    d.short_name = "Anti-GBM";
    EXPECT_TRUE(names_diagnosis(d, "About half of patients with anti-GBM disease"));
    EXPECT_TRUE(names_diagnosis(d, "goodpasture's"));
    EXPECT_FALSE(names_diagnosis(d, "anti-GBMX titres"));
    EXPECT_FALSE(names_diagnosis(d, "ANCA is negative"));
}

TEST_F(TutorTest, WithoutAnEstablishingCheckAPointNamingTheAnswerWaitsForTheDebrief) {
    // fixture-warfarin has no checks: the debrief (stage 2 of 2) establishes its answer.
    const Case& c = tutor.library().cases[static_cast<std::size_t>(index("fixture-warfarin"))].data;
    const KnowledgeBase& kb = *tutor.kb();
    EXPECT_EQ(establishing_stage(kb, c), -1);
    const TeachingPoint named{"Warfarin bleeds.", {"ev8"}}, general{"Blood clears fast.", {"ev8"}};
    EXPECT_EQ(teaching_point_stage(kb, c, 0, named), 2);
    EXPECT_EQ(teaching_point_stage(kb, c, 1, named), 2);
    EXPECT_EQ(teaching_point_stage(kb, c, 0, general), 0);
}

}  // namespace
}  // namespace dah::tutor::test
