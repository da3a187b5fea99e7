// What state() reports of My progress and of the debrief's replay: the numbers the screens draw and
// the sentences they show, so tests check what a person sees.
#pragma once

#include "dah/tutor/json_writer.hpp"

#include "ui/app_state.hpp"

namespace dah::ui {

void write_progress_state(tutor::JsonWriter& w, const AppState& app);
// The viewed stage's teaching points (once committed) and, for a finished case, the replay.
void write_teaching_and_replay(tutor::JsonWriter& w, const AppState& app, const tutor::CaseView& v);  // two keys

}  // namespace dah::ui
