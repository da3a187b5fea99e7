// All of the app's state in one struct: the tutor (knowledge base, cases, the learner's answers and
// progress) apart from the view (screen, filters, overlays), the settings, the renderer's caches and
// what the frame reported. The frame function reads it and sends the tutor commands; nothing else
// keeps state between frames.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "dah/tutor/tutor.hpp"
#include "pictures/picture_cache.hpp"
#include "ui/a11y_tree.hpp"
#include "ui/mode_state.hpp"

namespace dah::ui {

class Platform;

// Flags from argv (natively) or the URL query (web): ?present → --present, ?a=b → --a=b.
struct Options {
    bool present = false;      // presenter mode (issue 6)
    bool kiosk = false;        // kiosk mode (issue 6)
    int idle_seconds = 120;    // kiosk: idle time before the attract screen (--idle=SECONDS)
    bool fullscreen = false;   // desktop only
    bool free_reveal = false;  // lecturer setting: reveal stages without committing
    bool gallery = false;      // show every picture kind (web/pictures), for tests and authors
    int pictures_of_stage = -1;  // --pictures=N: only stage N's pictures of --case (for a class's phones)
    float scale = 0;           // UI scale; 0 = from saved settings
    std::string theme;         // "dark", "light", "high-contrast"; empty = from saved settings
    std::string open_case;     // case id to open at start
    std::string data_dir;      // desktop: where knowledge-base.json and the cases are
    std::string profile_dir;   // desktop: where settings and progress are saved
    bool data_later = false;   // the browser: the case library is handed over after start(), then files_done()
    bool touch = false;        // a touch screen (--touch): targets at least 44 CSS px
    std::vector<std::string> unknown;
};

// The case library as handed over by the platform, until the tutor loads it.
struct PendingData {
    std::vector<tutor::InputFile> files;
    std::string font_bytes;        // ui-font.ttf: what the UI's own strings use
    std::string font_extra_bytes;  // ui-font-extra.ttf: what only case text needs (comes with the cases)
    // start() ran with --data-later and files_done() has not come yet: the library says it is loading,
    // and progress is not saved (it is read from storage only once the knowledge base is in).
    bool loading = false;
    bool files_complete = false;  // files_done() was called (possibly before start())
};

enum class Screen { library, player, debrief, explorer, progress };
enum class Theme { dark, light, high_contrast };

struct Rect {
    float x = 0, y = 0, w = 0, h = 0;
};

// A case picture drawn this frame (web/pictures), reported by state_json for tests and assistive tech.
struct ShownPicture {
    std::string kind, caption, description;
    Rect rect;
    std::string id;
    float zoom = 1;
};

// What the learner is looking at (not saved): screen, overlays, filters, the keyboard's selection.
struct View {
    Screen screen = Screen::library;
    int selected_diagnosis = 0;  // for keyboard changes of the learner's differential
    bool help_open = false;
    bool settings_open = false;
    bool errors_open = true;
    bool hint_open = false;
    std::string filter_tag;         // "" = all
    std::string filter_difficulty;  // "" = all
    std::string explorer_search;  // filters the nodes
    std::string notice;  // one line shown in the status bar (export done, storage full, …)
    bool picture_labels = true;        // labels with leader lines on case pictures (shown once committed)
    bool picture_text_open = false;    // the plain-text descriptions under the pictures
    bool confirm_even_spread = false;  // "commit an even spread?" asked once
    bool confirm_skip_vote = false;    // presenter: "move on without the hall's vote?" asked once
    // The answer panel (ui/commit_panel.cpp): the group the keys change (a position in the question's
    // order), whether = / - change it or the selected cause, the optional sections, held causes, a drag.
    int selected_group = 0;
    bool keys_on_group = true;
    bool causes_open = false;
    bool detailed_open = false;
    std::vector<int> held;
    int split_drag = -1, split_tie = -1;  // the handle dragged (and the last of handles at the same place)
    bool confirm_restart = false;      // the debrief's "start this case again?" asked once
    int drawn_case = -1, drawn_stage = -1;  // the stage last drawn: a new one opens at its top
    bool scroll_to_top = false;             // the debrief and My progress open at their top
    float zoom_steps = 0;          // Ctrl+wheel notches not yet a step of the UI scale
    std::string zoomed_picture;    // the picture a pinch magnified ("" = none)
    float picture_zoom = 1;        // how much (1 … 4)
    float picture_focus_x = 0.5f, picture_focus_y = 0.5f;  // the point kept in place, as fractions of the picture
};

// The learner's saved settings.
struct Settings {
    Theme theme = Theme::dark;
    float ui_scale = 1.0f;
    bool show_topics = false;  // tags and objectives in the library (they give the answer away)
};

// What the renderer last built, to rebuild only on change.
struct RenderCache {
    float font_px_built = 0;  // pixel size of the font in the atlas
    float font_scale_built = 0;
    bool font_extra_built = false;  // ui-font-extra.ttf is merged in
    int theme_applied = -1;   // the Theme the ImGui style was last set to
    pictures::PictureCache pictures;
};

// What was drawn this frame, reported by state_json for tests and assistive technology.
struct FrameReport {
    std::map<std::string, Rect> controls;  // geometry of the main controls, in window points (= CSS pixels)
    std::vector<ShownPicture> pictures;
    int explorer_rows = 0;  // lines the explorer showed (after the search)
    std::vector<std::string> explorer_first_rows;  // "node id: text" of its first lines, in order
    std::map<std::string, float> scroll;  // how far each panel (mark_window) is scrolled down, CSS px
    bool tooltip = false;  // a tooltip (hover help) is shown
    std::vector<std::string> clipped;  // controls whose text was cut this frame (should stay empty)
};

struct AppState {
    Options options;
    tutor::Tutor tutor;  // the domain: library, answers, progress, votes, events
    PendingData pending;
    View view;
    Settings settings;
    RenderCache render;
    FrameReport report;
    Platform* platform = nullptr;
    long frame_count = 0;
    int frames_wanted = 3;  // frames still to draw before going idle
    // The browser recomputes the tutor's result between frames, not in the frame whose command
    // changed it (the snapshot then catches up one frame later): see take_snapshot.
    bool refresh_between_frames = false;
    bool settings_dirty = false;
    ModeState modes;  // presenter, kiosk, import, storage (issue 6)
    // The open case as the frame draws it: a copy of the tutor's result, taken at the frame's start (and
    // by state_json), so that commands sent while drawing never change what the rest of the frame reads.
    std::optional<tutor::CaseView> shown;
    long shown_revision = 0;
    std::string state_json;  // last text returned by state_json()
    std::string events_jsonl;  // last text returned by events_jsonl()
    A11yTree a11y;             // the frame as accessible nodes, for the page's mirror (shell/mirror.js)
    A11yWatch a11y_seen;       // what the live region last spoke about
};

// Brings app.shown up to date with the tutor (copies only after a change). Where the platform
// recomputes between frames, a frame keeps the snapshot it has until then.
inline void take_snapshot(AppState& app) {
    if (app.refresh_between_frames && app.tutor.result_outdated() && app.shown_revision != 0) return;
    const tutor::Result& r = app.tutor.result();
    if (r.revision == app.shown_revision) return;
    app.shown = r.open;
    app.shown_revision = r.revision;
}

// The open case at the viewed stage as the frame draws it, or nullptr.
inline const tutor::CaseView* shown_case(const AppState& app) { return app.shown ? &*app.shown : nullptr; }

}  // namespace dah::ui
