// The learner's progress across cases ("My progress") and the replay of one case for its debrief:
// calibration, Brier and log scores over time and per stage kind, the teaching points missed, and
// which findings moved the engine. Value types computed by the tutor; screens only draw them.
#pragma once

#include <string>
#include <vector>

#include "dah/case.hpp"
#include "dah/engine.hpp"
#include "dah/scoring.hpp"
#include "dah/tutor/library.hpp"
#include "dah/tutor/session.hpp"

namespace dah::tutor {

// The (stated probability, outcome) pairs of one committed stage: what calibration is built from.
// A per-cause answer gives one pair per cause; an answer at the level of the groups gives one per
// group. Every other figure of the report is built on the same answer, so a new answer level only
// has to be taught here.
std::vector<Forecast> stage_forecasts(const KnowledgeBase& kb, const Case& c, const StageAnswer& answer);

// One committed stage of a finished case.
struct ScoredStage {
    std::string case_id;
    Stage stage = Stage::history;
    double learner_answer_p = 0, engine_answer_p = 0;  // the probability given to the answer
    double learner_brier = 0, engine_brier = 0;
    double learner_log_bits = 0, engine_log_bits = 0;
};

// The mean scores of one finished case (over its committed stages), in the order cases were finished.
struct CaseScores {
    std::string case_id, title;
    int stages = 0;
    double learner_brier = 0, engine_brier = 0;
    double learner_log_bits = 0, engine_log_bits = 0;
};

// The mean scores of one stage kind (history, BAL, …) over every finished case that has it.
struct StageKindScores {
    Stage stage = Stage::history;
    int count = 0;  // committed stages of this kind; the means are 0 when none
    double learner_brier = 0, engine_brier = 0;
    double learner_log_bits = 0, engine_log_bits = 0;
};

// A teaching point shown at a stage where the learner's score fell short of the engine's by
// `missed_by_brier` or more: the points worth reading again.
inline constexpr double missed_by_brier = 0.1;  // 5 points of the 0–100 score
struct MissedPearl {
    std::string case_id;
    Stage stage = Stage::history;  // where it was shown
    TeachingPoint point;
    double learner_brier = 0, engine_brier = 0;
};

// Only finished cases count: an unfinished one would need its answer, which the learner has not seen.
struct ProgressReport {
    int cases_finished = 0;
    std::vector<Forecast> forecasts;          // every pair, in case then stage order
    std::vector<CalibrationBin> calibration;  // 10 bins of stated probability
    std::vector<ScoredStage> stages;          // in case (finishing) order, then stage order
    std::vector<CaseScores> over_time;        // in the order the cases were finished
    std::vector<StageKindScores> by_stage;    // the six stage kinds in teaching order
    std::vector<MissedPearl> pearls_missed;
};

inline constexpr int calibration_bins = 10;

// The report over the finished sessions, each with the time it was finished (seconds; 0 = unknown,
// which sorts first, then library order).
ProgressReport build_progress_report(const Library& library,
                                     const std::map<std::string, CaseSession>& sessions);

std::string progress_report_csv(const ProgressReport& report);
std::string progress_report_json(const ProgressReport& report);

// --- one case, for its debrief

// A finding and how far it moved the engine's odds of the answer (every cause the case establishes
// present) against anything else when it was revealed (weight of evidence in decibans, given the findings
// revealed before it).
struct FindingMove {
    int stage = 0;  // index of the case's stage that revealed it
    Finding finding;
    double weight_db = 0;
};

struct CaseReplay {
    std::vector<double> learner_answer_p;  // by stage; -1 where not committed
    std::vector<double> engine_answer_p;   // by stage
    std::vector<FindingMove> top_moves;    // the three largest |weight|, largest first
    // The committed stage where the learner's probability for the answer differed most from the
    // engine's, and the finding revealed by then that pushed the engine furthest that way.
    int widest_stage = -1;
    double widest_gap = 0;  // engine − learner, for the answer
    FindingMove explains;   // stage -1 when no finding was revealed
    // Against certainty: a learner who put 100 % on their own leading cause at each committed stage
    // (Brier 0 when it was the answer, 2 when not).
    double learner_brier = 0, certain_brier = 0;  // means over committed stages
    std::vector<int> hedging_helped;              // stages where the learner's Brier beat certainty's
    int committed = 0;
};

CaseReplay replay_case(const Library& library, const CaseEntry& entry, const CaseSession& session);

// --- teaching points, held until the stage that establishes the answer

// The case's establishing stage: the first stage after which one of its checks requires the answer
// (or a group holding only the answer) to lead; -1 when no check does (then the debrief establishes it).
int establishing_stage(const KnowledgeBase& kb, const Case& c);

// Whether `text` names the answer: its id, name, short name, or the name's parts before and inside
// brackets ("Anti-GBM disease (Goodpasture)"), as whole words, ignoring case.
bool names_diagnosis(const Diagnosis& d, const std::string& text);

// The stage from which a teaching point of stage `own` is shown (after the learner commits there):
// its own, or the establishing stage when it names the answer and comes earlier; the number of
// stages (the debrief) when nothing establishes the answer.
int teaching_point_stage(const KnowledgeBase& kb, const Case& c, int own, const TeachingPoint& point);

struct ShownTeachingPoint {
    int from_stage = 0;  // the stage that holds it in the case file
    TeachingPoint point;
};
// The points shown once stage `stage` is committed: those whose teaching_point_stage is `stage`.
std::vector<ShownTeachingPoint> teaching_points_at(const KnowledgeBase& kb, const Case& c, int stage);

}  // namespace dah::tutor
