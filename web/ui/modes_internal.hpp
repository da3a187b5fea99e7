// Between the files of the issue-6 features (presenter.cpp, kiosk.cpp, case_import.cpp,
// progress_tools.cpp, modes.cpp); the rest of the app uses ui/modes.hpp.
#pragma once

#include <vector>

#include "ui/app_state.hpp"

namespace dah::ui {

void handle_presenter_keys(AppState& app);
bool draw_blank(AppState& app);

bool draw_kiosk_cover(AppState& app);
double kiosk_seconds_left(const AppState& app);  // negative when not counting down

void handle_import_keys(AppState& app);
void draw_import_panel(AppState& app);

void handle_progress_keys(AppState& app);
void draw_reset_confirm(AppState& app);

}  // namespace dah::ui
