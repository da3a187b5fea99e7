// The learner's answers: per case, per stage, the draft differential and what was committed with its
// scores; and the per-case progress shown in the library. Value types; the Tutor changes them.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace dah::tutor {

struct StageAnswer {
    std::vector<double> draft;  // probabilities being set (sums to 1), by diagnosis
    bool committed = false;
    std::vector<double> committed_p;
    double learner_brier = 0;
    double engine_brier = 0;
};

// One learner's walk through one case; kept for every case, so nothing is lost by switching.
struct CaseSession {
    int reached = 0;                   // index of the furthest revealed stage
    std::vector<StageAnswer> answers;  // one per stage of the case
    bool finished = false;
    double finished_at = 0;  // seconds since 1970 when the last stage was committed; 0 = unknown
};

struct CaseProgress {
    bool done = false;
    double best_score = -1;  // 0..100, -1 = none yet
};

// The show of hands of a class: counts per diagnosis, by case id, then by stage.
using Votes = std::map<std::string, std::map<int, std::vector<int>>>;

// Sets p[index] to `value` and rescales the others so the total stays 1.
void set_probability(std::vector<double>& p, int index, double value);

// 0..100, 100 = perfect: the Brier score (0 best, 2 worst) turned round for display.
double score_from_brier(double brier);
// The mean stage score of a walk; -1 when nothing is committed.
double case_score(const CaseSession& session, bool learner);

}  // namespace dah::tutor
