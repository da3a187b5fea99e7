// The screens and overlays; each draws into the main window and changes AppState.
#pragma once

#include <string>
#include <vector>

#include "ui/app_state.hpp"

namespace dah::ui {

void draw_library(AppState& app);
void draw_player(AppState& app);
void draw_debrief(AppState& app);
void draw_explorer(AppState& app);
void draw_progress(AppState& app);  // My progress (ui/screen_progress.cpp)
void draw_help(AppState& app);
void draw_settings(AppState& app);
void draw_errors(AppState& app);

// Keyboard shortcuts for the screen shown (see draw_help for the list).
void handle_shortcuts(AppState& app);

// The name of the screen shown ("Case library", "Case", ...), for the accessible mirror.
const char* screen_title(const AppState& app);

// Navigation shared by buttons and keys.
void go_to(AppState& app, Screen screen);
void open_in_player(AppState& app, int case_index);
void export_answers(AppState& app, bool csv);
void export_progress(AppState& app, bool csv);  // My progress as CSV or JSON

// Queries and actions of the screens that shortcuts and state_json share.
std::vector<int> visible_cases(const AppState& app);       // the library's cases after the filters
std::vector<std::string> all_tags(const AppState& app);
bool engine_shown(const AppState& app);                      // the engine's answer for the viewed stage
void cycle_what_if(AppState& app);                           // next value / finding to try
void change_selected(AppState& app, double delta);           // the selected diagnosis's probability
void try_commit(AppState& app);
int next_case(const AppState& app);    // the next case not done yet, or -1
void request_restart(AppState& app);   // the debrief's restart: asks first, erases on the second call  // commits the draft; an untouched even spread asks first

}  // namespace dah::ui
