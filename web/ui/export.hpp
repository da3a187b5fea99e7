// The learner's answers to one case as JSON and CSV, for the debrief's export.
#pragma once

#include <string>

#include "ui/app_state.hpp"

namespace dah::ui {

std::string answers_json(const AppState& app, int case_index);
std::string answers_csv(const AppState& app, int case_index);

}  // namespace dah::ui
