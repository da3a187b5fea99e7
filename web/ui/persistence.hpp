// Settings and progress as JSON text, saved through Platform::save (localStorage / a file).
// Probabilities are stored by diagnosis id so a changed knowledge base cannot mix them up.
#pragma once

#include <string>

#include "ui/app_state.hpp"

namespace dah::ui {

std::string settings_to_json(const View& view);
void settings_from_json(const std::string& text, View& view);  // ignores anything malformed

std::string progress_to_json(const Domain& domain);
void progress_from_json(const std::string& text, Domain& domain);  // ignores anything malformed

// Saves what changed since the last call; notes a storage failure in view.notice.
void save_changes(AppState& app);

}  // namespace dah::ui
