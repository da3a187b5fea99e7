// Presenter mode, kiosk mode, case import and progress tools (issue 6), as called by the frame
// function, the start-up, the platform main loops and state_json.
#pragma once

#include <string>

#include "ui/app_state.hpp"

namespace dah::ui {

// At start-up, after settings are restored: the presenter's look kept, the kiosk's idle clock started.
void start_modes(AppState& app);

// With the knowledge base loaded (at start-up, or when the case library arrives): the imported cases
// kept in storage back into the library.
void restore_imported_cases(AppState& app);

// Called first in a frame. Draws the blank screen (presenter) or the attract screen (kiosk) and
// returns true when one covers the app this frame; the kiosk's idle reset happens here too.
bool draw_mode_cover(AppState& app);

// Presenter, import and reset keys, before the app's own shortcuts (keys used here are consumed).
void handle_mode_keys(AppState& app);

// The class vote panel, the import panel and the reset confirmation, after the screens.
void draw_mode_overlays(AppState& app);

// The help overlay's extra sections (presenter keys, import, reset).
void draw_mode_help(AppState& app);

// The library's tools: "Import a case", "Reset my progress".
void draw_library_tools(AppState& app);

// Seconds until the kiosk's idle reset is due; negative for none.
double mode_seconds_until_timer(const AppState& app);

// Presenter mode: whether the lecturer has shown the engine for the viewed stage.
bool presenter_engine_shown(const AppState& app);
void set_presenter(AppState& app, bool on);

// Validates a case file against the loaded knowledge base (the core's load_case); a good one joins
// the library and is saved, a bad one leaves everything as it was and its errors show in a panel.
// Refused in kiosk mode. Returns true when the case was added.
bool import_case(AppState& app, const std::string& file_name, const std::string& text);

// Forgets every answer and score (and the kiosk's current learner), and saves that.
void reset_progress(AppState& app);

// "presenter", "kiosk" or "normal".
const char* mode_name(const AppState& app);

}  // namespace dah::ui
