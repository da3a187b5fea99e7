// The app's entry points, called by the platform main loops and the headless test:
// parse flags, hand over files, load, then per frame: fonts, frame, and whether to keep drawing.
#pragma once

#include <string>
#include <vector>

#include "ui/app_state.hpp"

namespace dah::ui {

Options parse_options(const std::vector<std::string>& args);

// Files: "ui-font.ttf", "ui-font-extra.ttf", "knowledge-base-v2.json", "<id>.case.json". Before start() (desktop, tests),
// or, with --data-later, the font before and the rest after it, followed by files_done() (the browser,
// which draws its first frame before the cases). files_done() loads the data and restores what needs
// it (progress, imported cases, --case); called before start(), start() does that.
void add_file(AppState& app, const std::string& name, std::string bytes);
void files_done(AppState& app);

// Restores settings, applies options, and (unless --data-later) loads the knowledge base and cases
// handed over and restores progress.
void start(AppState& app, Platform& platform, const Options& options);

// Rebuilds the font atlas when the UI scale or the framebuffer scale changed (crisp text at any
// size). Returns true when it did, so the renderer re-uploads the font texture.
bool update_fonts(AppState& app, float framebuffer_scale);

// Draws one frame of UI between ImGui::NewFrame() and ImGui::Render().
void frame(AppState& app);

// Saves what changed (settings, progress). The platform loops call it once the frame is on screen, so
// writing the progress (with its event log) is never part of a frame's time.
void after_frame(AppState& app);


// Asks for a few more frames (input, resize, wake from the page).
void wake(AppState& app, int frames = 3);

// Ctrl+wheel: `steps` wheel notches (+ larger) zoom the whole UI.
void zoom_ui(AppState& app, float steps);
// Two fingers: a picture under (x, y) magnifies by `factor` around that point; elsewhere the UI zooms.
void pinch(AppState& app, float factor, float x, float y);

// True while there is something to draw; the main loops sleep otherwise.
bool wants_frame(const AppState& app);

// Seconds until a timer needs a frame (caret blink, idle reset); negative for none.
double seconds_until_timer(const AppState& app);

// What is on screen, as JSON (see web/README.md); the text lives in app.state_json.
const std::string& state_json(AppState& app);

// The learner's event log as JSON lines (the command format of `dah session`); the text lives in
// app.events_jsonl.
const std::string& events_jsonl(AppState& app);

}  // namespace dah::ui
