// The live region's sentences (see a11y_live.cpp).
#pragma once

#include "ui/app_state.hpp"

namespace dah::ui {

// Compares what is shown with what was last announced and, on a change worth saying, hands the
// sentence to app.a11y. Called once a frame.
void announce_changes(AppState& app);

}  // namespace dah::ui
