// The issue-6 part of window.dahTutor.state(): mode, presenter (engine_shown, blanked, vote),
// kiosk (attract, idle_seconds_left), import (errors), storage_status, reset_confirm.
#pragma once

#include <nlohmann/json.hpp>

#include "ui/app_state.hpp"

namespace dah::ui {

void add_mode_state(const AppState& app, nlohmann::json& j);

}  // namespace dah::ui
