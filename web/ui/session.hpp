// The learner's walk through a case, as domain operations the screens and shortcuts call:
// open, set a probability (the differential stays normalised), commit, reveal the next stage.
// The medicine (posteriors, scores) comes from the core; this file only keeps the answers.
#pragma once

#include <string>
#include <vector>

#include "ui/app_state.hpp"

namespace dah::ui {

// Sets p[index] to `value` and rescales the others so the total stays 1.
void set_probability(std::vector<double>& p, int index, double value);

CaseSession& session_of(Domain& domain, int case_index);
const CaseSession* find_session(const Domain& domain, int case_index);

// Opens a case in the player at its furthest revealed stage.
void open_case(AppState& app, int case_index);

// Commits the learner's draft at `stage`: scores it and the engine's posterior against the answer.
void commit_stage(AppState& app, int stage);

// Reveals the stage after the furthest one; false when not allowed yet (uncommitted) or at the end.
bool can_reveal_next(const AppState& app);
bool reveal_next(AppState& app);

// Every finding revealed up to and including `stage`, with the stage each came from.
struct RevealedFinding {
    int stage = 0;
    Finding finding;
};
std::vector<RevealedFinding> revealed_findings(const Case& c, int up_to_stage);

// 0..100, 100 = perfect: the Brier score (0 best, 2 worst) turned round for display.
double score_from_brier(double brier);
// The mean stage score of a finished walk; -1 when nothing is committed.
double case_score(const CaseSession& session, bool learner);

std::string progress_label(const Domain& domain, const std::string& case_id);  // "not started", …

// Forgets the answers of one case (start again).
void restart_case(AppState& app, int case_index);

}  // namespace dah::ui
