// Case pictures inside the app: a panel for the pictures of a stage (caption, image, labels toggle,
// plain-text description reachable by keyboard) and the gallery of every kind (--gallery, ?gallery).
#pragma once

#include <vector>

#include "dah/picture.hpp"
#include "ui/app_state.hpp"

namespace dah::ui {

// Draws `pictures` one under another at the cursor, at most `max_width` wide (0 = about 40 em), and
// records each in app.report.pictures. Keys while pictures are shown: A descriptions (alt text), X labels.
// Labels (`labels_allowed`) wait for the learner's commit in the player: they read the picture for them.
void draw_picture_panel(AppState& app, const std::vector<Picture>& pictures, const char* id, float max_width = 0,
                        bool labels_allowed = true);

// Only the pictures of stage `stage` of the open case, without labels (the live class's lecturer page
// captures them for the phones, before anyone has committed).
void draw_stage_pictures(AppState& app, int stage);

// Every picture kind with fixed sizes, so screenshots compare across runs.
void draw_picture_gallery(AppState& app);

// The sample pictures the gallery shows, from JSON in the format of cases/FORMAT.md.
const std::vector<Picture>& gallery_pictures();

}  // namespace dah::ui
