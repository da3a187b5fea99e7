// The state of the lecture-hall, kiosk and file features (issue 6): presenter mode (engine shown,
// blank screen, the class vote), kiosk mode (idle timer, attract screen), case import, storage and
// the "reset my progress" confirmation. One member of AppState; the code lives in presenter.cpp,
// kiosk.cpp, case_import.cpp and progress_tools.cpp.
#pragma once

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "dah/diagnostics.hpp"

namespace dah::ui {

struct PresenterState {
    std::set<int> engine_stages;  // stages of the open case whose engine differential the lecturer showed
    std::string engine_case;      // the case those stages belong to
    bool blanked = false;
    bool vote_open = true;        // the class vote panel (V)
    int vote_selected = 0;        // the answer changed by the keys: a position in the question order (the counts are the tutor's)
    float saved_scale = 1.0f;     // the learner's settings, restored when presenter mode is left
    int saved_theme = 0;
};

struct KioskState {
    double last_input = 0;  // platform seconds of the last key, click or pointer move
    bool attract = false;   // the attract screen shows, waiting for a touch
    int resets = 0;         // idle resets so far (reported for tests)
};

struct ImportState {
    bool open = false;                         // the import panel
    std::string file;                          // the last file tried
    std::vector<Diagnostic> errors;            // its errors from the core; empty when it was accepted
    std::string accepted_id;                   // the id of the last case accepted (the cases are the tutor's)
    std::string path;                          // desktop: the path typed into the panel
    bool picker_requested = false;             // web: ask the page to open its file chooser
};

struct ModeState {
    PresenterState presenter;
    KioskState kiosk;
    ImportState import;
    bool storage_ok = true;     // false once a save failed (full, private mode, no disk)
    bool reset_confirm = false; // "reset my progress?" asks for confirmation
};

}  // namespace dah::ui
