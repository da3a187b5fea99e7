// The issue-6 part of window.dahTutor.state(): mode, presenter (engine_shown, blanked, vote),
// kiosk (attract, idle_seconds_left), import (errors), storage_status, reset_confirm.
#pragma once

#include "dah/tutor/json_writer.hpp"

#include "ui/app_state.hpp"

namespace dah::ui {

void write_mode_state(tutor::JsonWriter& w, const AppState& app);  // keys of the enclosing object

}  // namespace dah::ui
