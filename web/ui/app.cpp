// The frame function: one full-window ImGui window with a top bar, the current screen in a
// scrolling region and a status line, plus the overlays (help, settings, load errors).
#include "ui/app.hpp"

#include <algorithm>

#include <imgui.h>
#include <imgui_internal.h>  // FindWindowByName: is a tooltip shown

#include "pictures/picture_panel.hpp"
#include "ui/a11y_live.hpp"
#include "ui/modes.hpp"
#include "ui/persistence.hpp"
#include "ui/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace dah::ui {

// Puts the next item on the same line when `width` still fits, so bars wrap on a phone.
static void same_line_if_fits(float width) {
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    ImGui::SameLine();
    if (ImGui::GetCursorScreenPos().x + width > right) ImGui::NewLine();
}

static bool bar_button(AppState& app, const char* label, const char* control, bool first = false, bool selected = false) {
    const float w = ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
    if (!first) same_line_if_fits(w);
    if (selected) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    const bool pressed = button(app, label, control);
    if (selected) {
        ImGui::PopStyleColor();
        if (A11yNode* n = app.a11y.find_mutable(control)) n->flags |= a11y_current;
    }
    return pressed;
}

static void draw_top_bar(AppState& app) {
    const Palette& pal = palette(app.settings.theme);
    // Short labels in presenter mode (a little smaller too: one line on a 1024-pixel projector) and on phones.
    const bool compact = short_labels(app);
    if (app.options.present) ImGui::SetWindowFontScale(0.85f);
    ImGui::PushStyleColor(ImGuiCol_Text, pal.accent);
    text("DAH Tutor");
    ImGui::PopStyleColor();
    mark(app, "title");
    a11y_region("nav", "Main");
    const Screen s = app.view.screen;
    if (bar_button(app, compact ? "Library" : "Library (L)", "nav.library", false, s == Screen::library)) go_to(app, Screen::library);
    if (shown_case(app)) {
        if (bar_button(app, compact ? "Case" : "Case (P)", "nav.player", false, s == Screen::player)) go_to(app, Screen::player);
        if (bar_button(app, compact ? "Debrief" : "Debrief (D)", "nav.debrief", false, s == Screen::debrief)) go_to(app, Screen::debrief);
    }
    if (app.tutor.kb() && bar_button(app, compact ? "Knowledge" : "Knowledge (K)", "nav.explorer", false, s == Screen::explorer))
        go_to(app, Screen::explorer);
    // Not in presenter mode: the hall has no progress of its own, and the bar stays one line on a projector.
    if (app.tutor.kb() && !app.options.present && bar_button(app, compact ? "Progress" : "My progress (M)", "nav.progress", false, s == Screen::progress))
        go_to(app, Screen::progress);
    if (!app.options.kiosk && !app.options.present &&
        bar_button(app, compact ? "Settings" : "Settings (S)", "nav.settings", false, app.view.settings_open))
        app.view.settings_open = !app.view.settings_open;
    if (bar_button(app, compact ? "Help" : "Help (F1)", "nav.help", false, app.view.help_open)) app.view.help_open = !app.view.help_open;
    a11y_region_end();
    if (app.options.present) ImGui::SetWindowFontScale(1.0f);
    ImGui::Separator();
}

static void draw_status_line(AppState& app) {
    ImGui::Separator();
    if (!app.view.notice.empty()) {
        text(app.view.notice);
        ImGui::SameLine();
        if (button(app, "OK", "notice.dismiss")) app.view.notice.clear();
    } else {
        text_disabled("F1 or ? for keyboard shortcuts");
    }
}

// The mirror's frame ends: ImGui's keyboard focus (when it is shown) and whether anything changed.
static void finish_a11y(AppState& app) {
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    app.a11y.set_focus_widget(!g.NavDisableHighlight ? g.NavId : 0);
    // What this frame's commands did (a commit, a reveal) is announced now, not a frame later: the
    // drawing is done, so the snapshot may catch up with the tutor.
    take_snapshot(app);
    announce_changes(app);
    app.a11y.end_frame();
    ImGui::GetIO().UserData = nullptr;
}

void frame(AppState& app) {
    take_snapshot(app);
    // The accessible tree is filled while drawing (ui/widgets.cpp reaches it through io.UserData).
    app.a11y.begin_frame();
    ImGui::GetIO().UserData = &app.a11y;
    app.report.controls.clear();
    app.report.clipped.clear();
    app.report.scroll.clear();
    app.report.pictures.clear();
    app.render.pictures.forget_unused(ImGui::GetFrameCount());
    if (app.render.theme_applied != static_cast<int>(app.settings.theme)) {
        apply_theme(app.settings.theme, app.settings.ui_scale, app.options.touch);
        app.render.theme_applied = static_cast<int>(app.settings.theme);
    }
    if (draw_mode_cover(app)) {  // presenter's blank screen, kiosk's attract screen
        finish_a11y(app);
        ++app.frame_count;
        if (app.frames_wanted > 0) --app.frames_wanted;
        return;
    }
    handle_mode_keys(app);  // presenter, import and reset keys (consumed before the app's own)
    handle_shortcuts(app);

    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("##main", nullptr, flags);
    draw_top_bar(app);
    const float status_h = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y;
    ImGui::BeginChild("##screen", ImVec2(0, -status_h), false, ImGuiWindowFlags_None);
    a11y_region("panel.screen", screen_title(app));
    mark_window(app, "panel.screen");
    if (app.view.scroll_to_top) {
        ImGui::SetScrollY(0);
        app.view.scroll_to_top = false;
    }
    if (app.options.gallery) draw_picture_gallery(app);
    else if (app.options.pictures_of_stage >= 0) draw_stage_pictures(app, app.options.pictures_of_stage);
    else switch (app.view.screen) {
    case Screen::library: draw_library(app); break;
    case Screen::player: draw_player(app); break;
    case Screen::debrief: draw_debrief(app); break;
    case Screen::explorer: draw_explorer(app); break;
    case Screen::progress: draw_progress(app); break;
    }
    a11y_region_end();
    ImGui::EndChild();
    draw_status_line(app);
    ImGui::End();

    draw_errors(app);
    if (app.view.settings_open) draw_settings(app);
    draw_mode_overlays(app);  // class vote, import panel, reset confirmation
    if (app.view.help_open) draw_help(app);
    finish_a11y(app);

    const ImGuiWindow* tooltip = ImGui::FindWindowByName("##Tooltip_00");
    app.report.tooltip = tooltip && tooltip->Active;
    ++app.frame_count;
    if (app.frames_wanted > 0) --app.frames_wanted;
    // Hover and press animations need the frame after an input too.
    if (ImGui::IsAnyItemActive() || ImGui::IsMouseDown(0)) wake(app, 2);
}

const char* screen_title(const AppState& app) {
    if (app.options.gallery) return "Picture gallery";
    switch (app.view.screen) {
    case Screen::player: return "Case";
    case Screen::debrief: return "Debrief";
    case Screen::explorer: return "Knowledge explorer";
    default: return "Case library";
    }
}

void after_frame(AppState& app) {
    // Saved once a drag ends, not on every frame of it (a save writes the whole progress).
    // A page drawing a stage's pictures for a live class keeps nothing.
    if (!ImGui::IsAnyItemActive() && app.options.pictures_of_stage < 0) save_changes(app);
}

double seconds_until_timer(const AppState& app) {
    // The text caret blinks while a search field is being typed in; the kiosk's idle reset is due.
    const double caret = ImGui::GetCurrentContext() && ImGui::GetIO().WantTextInput ? 0.5 : -1.0;
    const double idle = mode_seconds_until_timer(app);
    return caret < 0 ? idle : idle < 0 ? caret : std::min(caret, idle);
}

}  // namespace dah::ui
