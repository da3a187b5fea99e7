// Help, settings and load-error overlays, navigation, and the keyboard shortcuts.
#include <algorithm>
#include <cmath>

#include <imgui.h>

#include "ui/commit_panel.hpp"
#include "ui/keys.hpp"
#include "ui/modes.hpp"
#include "ui/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace dah::ui {

namespace {

struct Shortcut {
    const char* keys;
    const char* action;
};

const Shortcut global_keys[] = {
    {"F1 or ?", "Show or hide this help"},
    {"Esc", "Close an overlay; leave a what-if; else back to the library"},
    {"L / P / D / K", "Library / the open case / its debrief / knowledge explorer"},
    {"M", "My progress: calibration and scores across the cases you finished"},
    {"S", "Settings"},
    {"T", "Next theme (dark, light, high contrast)"},
    {"Ctrl + =  /  Ctrl + -  /  Ctrl + 0", "Larger / smaller / normal UI"},
    {"Tab, arrows, Space, Enter", "Move to and use any control"},
};
const Shortcut library_keys[] = {
    {"1 … 9", "Open the n-th case listed"},
    {"F", "Next difficulty filter"},
    {"G", "Next topic filter (when topics are shown: Settings)"},
};
const Shortcut player_keys[] = {
    {"1 / 2 / 3 / 4", "Your answer: mostly immune / blood thinner or coagulopathy / something else / two at once"},
    {"5  /  0", "Immune or blood thinner, evenly / all four even"},
    {"=  /  -", "Raise / lower the chosen group (or cause) by 5 points; the rest rescale"},
    {",  /  .", "Every cause (detailed): choose the previous / next cause"},
    {"Ctrl + click, Enter", "Type a cause's value (detailed); Hold keeps it while you set others"},
    {"U", "Back to the even answer"},
    {"C", "Commit your answer for this stage (an untouched answer asks first)"},
    {"N", "Reveal the next stage (after the last: debrief)"},
    {"[  /  ]", "View the previous / next revealed stage"},
    {"W", "What if: try another value of a revealed finding"},
    {"B", "Back to the real case (leave the what-if)"},
    {"H", "Hint: what would you order next?"},
    {"A  /  X", "Pictures: show the text descriptions / the labels (also the tooltip of a focused picture)"},
};
const Shortcut debrief_keys[] = {
    {"J", "Export your answers as JSON"},
    {"V", "Export your answers as CSV"},
    {"R", "Start this case again (asks first: Y to confirm)"},
    {"N", "Next case not done yet"},
};
const Shortcut progress_keys[] = {
    {"V", "Export My progress as CSV (one row per stage you committed)"},
    {"J", "Export My progress as JSON (everything on the screen)"},
};
const Shortcut explorer_keys[] = {
    {"/", "Search the knowledge base"},
};

template <std::size_t N>
void shortcut_table(const char* title, const Shortcut (&keys)[N]) {
    ImGui::Spacing();
    ImGui::TextUnformatted(title);
    if (ImGui::BeginTable(title, 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV)) {
        ImGui::TableSetupColumn("Keys", ImGuiTableColumnFlags_WidthFixed, em(24));
        ImGui::TableSetupColumn("Action", ImGuiTableColumnFlags_WidthStretch);
        a11y_table({}, std::string("Keyboard shortcuts: ") + title, {"Keys", "Action"});
        for (const Shortcut& s : keys) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            text(s.keys);
            ImGui::TableNextColumn();
            wrapped(s.action);
        }
        a11y_table_end();
        ImGui::EndTable();
    }
}

// A window centred over the app, at most the viewport's size.
bool begin_overlay(const char* title, bool* open, float width_em) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const ImVec2 size(std::min(em(width_em), vp->WorkSize.x * 0.96f), vp->WorkSize.y * 0.85f);
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.5f),
                            ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(size, ImGuiCond_Always);
    ImGui::SetNextWindowFocus();
    return ImGui::Begin(title, open, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoResize |
                                         ImGuiWindowFlags_NoMove);
}

void set_scale(AppState& app, float scale) {
    app.settings.ui_scale = std::clamp(std::round(scale * 20.0f) / 20.0f, 0.5f, 4.0f);
    app.settings_dirty = true;
}

}  // namespace

void draw_help(AppState& app) {
    if (begin_overlay("Keyboard shortcuts###help", &app.view.help_open, 70)) {
        mark_window(app, "help");
        shortcut_table("Everywhere", global_keys);
        shortcut_table("Library", library_keys);
        shortcut_table("Case player", player_keys);
        shortcut_table("Debrief", debrief_keys);
        shortcut_table("My progress", progress_keys);
        shortcut_table("Knowledge explorer", explorer_keys);
        draw_mode_help(app);  // presenter mode, import, reset (ui/modes.cpp)
        ImGui::Spacing();
        if (button(app, "Close (Esc)", "help.close")) app.view.help_open = false;
    }
    ImGui::End();
}

void draw_settings(AppState& app) {
    if (begin_overlay("Settings###settings", &app.view.settings_open, 50)) {
        mark_window(app, "settings");
        text("Theme");
        const Theme themes[] = {Theme::dark, Theme::light, Theme::high_contrast};
        const char* names[] = {"Dark", "Light", "High contrast"};
        for (int i = 0; i < 3; ++i) {
            if (i > 0) ImGui::SameLine();
            if (radio(app, names[i], std::string("settings.theme.") + theme_name(themes[i]), app.settings.theme == themes[i])) {
                app.settings.theme = themes[i];
                app.settings_dirty = true;
            }
        }
        ImGui::Spacing();
        ImGui::TextUnformatted("UI scale");
        float scale = app.settings.ui_scale;
        ImGui::SetNextItemWidth(std::min(em(30), ImGui::GetContentRegionAvail().x));
        // Applied when released: rebuilding the font while dragging would move the slider under the pointer.
        // Its label is the text above it (a phone has no room beside it).
        const bool typed = slider_float(app, "##scale", "settings.scale", &scale, 0.5f, 4.0f, "%.2f×");
        if (A11yNode* n = app.a11y.find_mutable("settings.scale")) n->name = "UI scale";
        if (typed || ImGui::IsItemDeactivatedAfterEdit() || (!ImGui::IsItemActive() && scale != app.settings.ui_scale))
            set_scale(app, scale);
        same_line_for_button("Reset");
        if (button(app, "Reset##scale", "settings.scale.reset")) set_scale(app, 1.0f);
        if (A11yNode* n = app.a11y.last()) n->name = "Reset the UI scale";
        ImGui::Spacing();
        if (checkbox_wrapped(app, "Free reveal (lecturer: reveal stages without committing)", "settings.free_reveal", &app.options.free_reveal))
            app.tutor.set_reveal_without_commit(app.options.free_reveal || app.options.present);
        // Topics (tags and objectives) name the answer: hidden in the library unless a lecturer asks.
        if (checkbox_wrapped(app, "Show topics in the library (lecturers: filter by topic)", "settings.show_topics", &app.settings.show_topics)) {
            app.settings_dirty = true;
            if (!app.settings.show_topics) app.view.filter_tag.clear();
        }
        ImGui::Spacing();
        if (button(app, "Close (Esc)", "settings.close")) app.view.settings_open = false;
    }
    ImGui::End();
}

void draw_errors(AppState& app) {
    if (app.tutor.library().errors.empty() || !app.view.errors_open) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y - em(2)),
                            ImGuiCond_Always, ImVec2(0.5f, 1.0f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(std::min(em(40), vp->WorkSize.x), 0),
                                        ImVec2(std::min(em(110), vp->WorkSize.x * 0.96f), vp->WorkSize.y * 0.45f));
    if (ImGui::Begin("Some files could not be loaded###errors", &app.view.errors_open,
                     ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize)) {
        mark_window(app, "errors");
        const Palette& pal = palette(app.settings.theme);
        for (const tutor::LoadError& e : app.tutor.library().errors) {
            ImGui::PushStyleColor(ImGuiCol_Text, pal.negative);
            text(e.file);
            ImGui::PopStyleColor();
            ImGui::Indent();
            for (const std::string& m : e.messages) wrapped(m);
            ImGui::Unindent();
        }
        if (button(app, "Dismiss", "errors.dismiss")) app.view.errors_open = false;
    }
    ImGui::End();
}

void go_to(AppState& app, Screen screen) {
    if ((screen == Screen::player || screen == Screen::debrief) && !shown_case(app)) return;
    if (screen != Screen::library && !app.tutor.kb()) return;
    if (screen == Screen::debrief && app.view.screen != Screen::debrief) app.tutor.reach_debrief();
    if (screen != app.view.screen && (screen == Screen::debrief || screen == Screen::progress)) app.view.scroll_to_top = true;
    app.view.screen = screen;
    app.view.confirm_restart = false;
    app.tutor.set_what_if(std::nullopt);
}

void open_in_player(AppState& app, int case_index) {
    if (!app.tutor.open_case(case_index)) return;
    app.view.screen = Screen::player;
    app.view.hint_open = false;
    app.view.selected_diagnosis = 0;
}

static bool pressed(int k, bool repeat = false) { return ImGui::IsKeyPressed(k, repeat); }

static void cycle(std::string& value, const std::vector<std::string>& options) {
    // "" (all) → options[0] → … → "" again
    auto it = std::find(options.begin(), options.end(), value);
    if (value.empty()) value = options.empty() ? "" : options.front();
    else if (it == options.end() || it + 1 == options.end()) value.clear();
    else value = *(it + 1);
}


void handle_shortcuts(AppState& app) {
    ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput) {
        if (pressed(key::escape)) ImGui::SetWindowFocus(nullptr);
        return;
    }
    bool question = false;
    for (ImWchar c : io.InputQueueCharacters) question = question || c == '?';
    if (pressed(key::f1) || question) {
        app.view.help_open = !app.view.help_open;
        return;
    }
    if (pressed(key::escape)) {
        if (app.view.help_open) app.view.help_open = false;
        else if (app.view.settings_open) app.view.settings_open = false;
        else if (app.view.confirm_restart) app.view.confirm_restart = false;
        else if (shown_case(app) && shown_case(app)->what_if) app.tutor.set_what_if(std::nullopt);
        else if (app.view.screen != Screen::library) go_to(app, Screen::library);
        return;
    }
    if (io.KeyCtrl) {
        if (pressed(key::equals, true)) set_scale(app, app.settings.ui_scale + 0.25f);
        if (pressed(key::minus, true)) set_scale(app, app.settings.ui_scale - 0.25f);
        if (pressed(key::digit1 + 9)) set_scale(app, 1.0f);  // Ctrl+0
        return;
    }
    if (io.KeyAlt || io.KeySuper) return;
    if (pressed(key::letter('l'))) go_to(app, Screen::library);
    if (pressed(key::letter('p'))) go_to(app, Screen::player);
    if (pressed(key::letter('d'))) go_to(app, Screen::debrief);
    if (pressed(key::letter('k'))) go_to(app, Screen::explorer);
    if (pressed(key::letter('m'))) go_to(app, Screen::progress);
    if (pressed(key::letter('s')) && !app.options.kiosk) app.view.settings_open = !app.view.settings_open;
    if (pressed(key::letter('t'))) {
        app.settings.theme = static_cast<Theme>((static_cast<int>(app.settings.theme) + 1) % 3);
        app.settings_dirty = true;
    }
    if (app.view.help_open || app.view.settings_open) return;

    switch (app.view.screen) {
    case Screen::library: {
        const std::vector<int> shown = visible_cases(app);
        for (int i = 0; i < 9 && i < static_cast<int>(shown.size()); ++i)
            if (pressed(key::digit1 + i)) open_in_player(app, shown[static_cast<std::size_t>(i)]);
        if (pressed(key::letter('f'))) cycle(app.view.filter_difficulty, {"introductory", "intermediate", "advanced"});
        if (pressed(key::letter('g')) && app.settings.show_topics) cycle(app.view.filter_tag, all_tags(app));
        break;
    }
    case Screen::player: {
        const tutor::CaseView* v = shown_case(app);
        if (!v) break;
        const int stage = v->stage, reached = v->reached;
        const bool finished = v->finished;
        handle_commit_keys(app);  // ui/commit_panel.cpp: presets, = / -, , / .
        if (pressed(key::letter('u'))) app.tutor.spread_evenly();
        if (pressed(key::letter('c'))) try_commit(app);
        if (pressed(key::letter('n'))) {
            if (!app.tutor.reveal_next() && finished) go_to(app, Screen::debrief);
        }
        if (pressed(key::left_bracket)) app.tutor.view_stage(std::max(0, stage - 1));
        if (pressed(key::right_bracket)) app.tutor.view_stage(std::min(reached, stage + 1));
        if (pressed(key::letter('w'))) cycle_what_if(app);
        if (pressed(key::letter('b'))) app.tutor.set_what_if(std::nullopt);
        if (pressed(key::letter('h'))) app.view.hint_open = !app.view.hint_open;
        break;
    }
    case Screen::debrief:
        if (pressed(key::letter('j'))) export_answers(app, false);
        if (pressed(key::letter('v'))) export_answers(app, true);
        if (pressed(key::letter('r'))) request_restart(app);
        if (app.view.confirm_restart && pressed(key::letter('y'))) request_restart(app);
        if (pressed(key::letter('n')) && next_case(app) >= 0) open_in_player(app, next_case(app));
        break;
    case Screen::explorer: break;
    case Screen::progress:
        if (pressed(key::letter('v'))) export_progress(app, true);
        if (pressed(key::letter('j'))) export_progress(app, false);
        break;
    }
}

}  // namespace dah::ui
