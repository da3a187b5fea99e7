// Parts of the case player that the presenter's layout (ui/presenter.cpp) arranges its own way.
#pragma once

#include "ui/app_state.hpp"

namespace dah::ui {

void draw_timeline(AppState& app, const tutor::CaseView& v);      // stage tabs and "next"
void draw_findings(AppState& app, const tutor::CaseView& v);      // the case text: narrative, pictures, findings
void draw_learner(AppState& app, const tutor::CaseView& v);       // the answer panel, or the committed answer and scores
void draw_engine_bars(AppState& app, const tutor::CaseView& v);   // the engine's differential by group
void draw_engine_details(AppState& app, const tutor::CaseView& v);  // across the stages, why it moved, what if
// Presenter mode's player: the case text beside the hall's vote and the engine.
void draw_presenter_player(AppState& app, const tutor::CaseView& v, bool new_stage);

}  // namespace dah::ui
