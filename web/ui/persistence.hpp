// Settings as JSON text, and saving what changed (settings, the tutor's progress) through
// Platform::save (localStorage / a file). The progress text itself is the tutor's.
#pragma once

#include <string>

#include "ui/app_state.hpp"

namespace dah::ui {

std::string settings_to_json(const Settings& settings);
void settings_from_json(const std::string& text, Settings& settings);  // ignores anything malformed

// Reads the stored progress into the tutor; a damaged or newer file is kept under "progress.kept"
// before anything is saved over it, and the tutor's notice shows.
void restore_progress(AppState& app);

// Saves what changed since the last call; notes a storage failure in view.notice.
void save_changes(AppState& app);

}  // namespace dah::ui
