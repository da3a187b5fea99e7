// What state() reports of My progress and of the debrief's replay: the numbers the screens draw and
// the sentences they show, so tests check what a person sees.
#pragma once

#include <nlohmann/json.hpp>

#include "ui/app_state.hpp"

namespace dah::ui {

nlohmann::json progress_state(const AppState& app);
// The viewed stage's teaching points (once committed) and, for a finished case, the replay.
void add_teaching_and_replay(const AppState& app, const tutor::CaseView& v, nlohmann::json& out);

}  // namespace dah::ui
