// All of the app's state in one struct: the domain (knowledge base, cases, the learner's answers and
// progress) apart from the view (screen, filters, theme, what-if, overlays). The frame function reads
// and changes it; nothing else keeps state between frames.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "dah/case.hpp"
#include "dah/engine.hpp"
#include "dah/knowledge_base.hpp"
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
    float scale = 0;           // UI scale; 0 = from saved settings
    std::string theme;         // "dark", "light", "high-contrast"; empty = from saved settings
    std::string open_case;     // case id to open at start
    std::string data_dir;      // desktop: where knowledge-base.json and the cases are
    std::string profile_dir;   // desktop: where settings and progress are saved
    bool data_later = false;   // the browser: the case library is handed over after start(), then files_done()
    std::vector<std::string> unknown;
};

struct InputFile {
    std::string name;
    std::string text;
};

struct LoadError {
    std::string file;
    std::vector<std::string> messages;
};

struct CaseEntry {
    std::string file;
    Case data;
    std::vector<StageResult> replay;  // the engine after each stage of the case
};

// The learner's answer at one stage of a case.
struct StageAnswer {
    std::vector<double> draft;      // probabilities being set (sums to 1), by diagnosis
    bool committed = false;
    std::vector<double> committed_p;
    double learner_brier = 0;
    double engine_brier = 0;
};

// One learner's walk through one case; kept for every case, so nothing is lost by switching.
struct CaseSession {
    int reached = 0;  // index of the furthest revealed stage
    std::vector<StageAnswer> answers;  // one per stage of the case
    bool finished = false;
};

struct CaseProgress {
    bool done = false;
    double best_score = -1;  // 0..100, -1 = none yet
};

struct Domain {
    std::vector<InputFile> files;  // as handed over, until load_data()
    std::string font_bytes;
    std::optional<KnowledgeBase> kb;
    std::vector<CaseEntry> cases;
    std::vector<LoadError> errors;
    std::map<std::string, CaseSession> sessions;  // by case id
    std::map<std::string, CaseProgress> progress;  // by case id
    // start() ran with --data-later and files_done() has not come yet: the library says it is loading,
    // and progress is not saved (it is read from storage only once the knowledge base is in).
    bool loading = false;
    bool files_complete = false;  // files_done() was called (possibly before start())
};

enum class Screen { library, player, debrief, explorer };
enum class Theme { dark, light, high_contrast };

struct Rect {
    float x = 0, y = 0, w = 0, h = 0;
};

// A case picture drawn this frame (web/pictures), reported by state_json for tests and assistive tech.
struct ShownPicture {
    std::string kind, caption, description;
    Rect rect;
};

struct View {
    Screen screen = Screen::library;
    int case_index = -1;    // the open case
    int viewing_stage = 0;  // the stage shown (≤ session.reached)
    int selected_diagnosis = 0;  // for keyboard changes of the learner's differential
    bool help_open = false;
    bool settings_open = false;
    bool errors_open = true;
    bool hint_open = false;
    Theme theme = Theme::dark;
    float ui_scale = 1.0f;
    std::string filter_tag;         // "" = all
    std::string filter_difficulty;  // "" = all
    std::string explorer_search;
    int explorer_rows = 0;  // rows the explorer showed last frame (after the search)
    std::optional<Finding> what_if;  // a hypothetical value of a revealed finding
    int why_for = -1, why_against = -1;  // groups weighed in "why it moved"; -1 = default
    std::string notice;  // one line shown in the status bar (export done, storage full, …)
    // Geometry of the main controls this frame, in window points (= CSS pixels on the web).
    std::map<std::string, Rect> controls;
    float font_px_built = 0;  // pixel size of the font in the atlas
    int theme_applied = -1;   // the Theme the ImGui style was last set to
    float font_scale_built = 0;
    bool picture_labels = true;        // labels with leader lines on case pictures
    bool picture_text_open = false;    // the plain-text descriptions under the pictures
    std::vector<ShownPicture> pictures;  // drawn this frame
};

struct AppState {
    Options options;
    Domain domain;
    View view;
    Platform* platform = nullptr;
    long frame_count = 0;
    int frames_wanted = 3;  // frames still to draw before going idle
    bool settings_dirty = false;
    bool progress_dirty = false;
    ModeState modes;  // presenter, kiosk, import, storage (issue 6)
    std::string state_json;  // last text returned by state_json()
};

}  // namespace dah::ui
