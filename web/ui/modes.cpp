// The issue-6 features wired into the app: start-up, the covers (blank / attract), keys, overlays,
// the help overlay's sections and the kiosk's timer.
#include "ui/app.hpp"
#include "ui/modes.hpp"

#include <imgui.h>

#include "platform.hpp"
#include "ui/modes_internal.hpp"
#include "ui/widgets.hpp"

namespace dah::ui {

void start_modes(AppState& app) {
    app.modes.presenter.saved_scale = app.settings.ui_scale;
    app.modes.presenter.saved_theme = static_cast<int>(app.settings.theme);
    if (app.platform) app.modes.kiosk.last_input = app.platform->now_seconds();
    if (app.options.kiosk) app.view.screen = Screen::library;
}

bool draw_mode_cover(AppState& app) { return draw_kiosk_cover(app) || draw_blank(app); }

void handle_mode_keys(AppState& app) {
    if (ImGui::GetIO().WantTextInput) return;
    handle_progress_keys(app);
    if (app.modes.reset_confirm) return;
    handle_import_keys(app);
    if (app.modes.import.open) return;
    handle_presenter_keys(app);
}

void draw_mode_overlays(AppState& app) {
    draw_import_panel(app);
    draw_reset_confirm(app);
}

double mode_seconds_until_timer(const AppState& app) { return kiosk_seconds_left(app); }

const char* mode_name(const AppState& app) { return app.options.kiosk ? "kiosk" : app.options.present ? "presenter" : "normal"; }

namespace {

void key_table(const char* title, std::initializer_list<std::pair<const char*, const char*>> rows) {
    ImGui::Spacing();
    ImGui::TextUnformatted(title);
    if (ImGui::BeginTable(title, 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV)) {
        ImGui::TableSetupColumn("Keys", ImGuiTableColumnFlags_WidthFixed, em(24));
        ImGui::TableSetupColumn("Action", ImGuiTableColumnFlags_WidthStretch);
        a11y_table({}, std::string("Keyboard shortcuts: ") + title, {"Keys", "Action"});
        for (const auto& [keys, action] : rows) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            text(keys);
            ImGui::TableNextColumn();
            wrapped(action);
        }
        a11y_table_end();
        ImGui::EndTable();
    }
}

}  // namespace

void draw_mode_help(AppState& app) {
    if (!app.options.kiosk) {
        key_table("Presenter mode (lecture hall)",
                  {{"Shift + P", app.options.present ? "Leave presenter mode" : "Presenter mode: large type, high contrast"},
                   {"Right / Page Down / N", "Next stage (after the last: debrief)"},
                   {"Left / Page Up", "Previous stage"},
                   {"1 … 9", "Jump to stage n (revealing the stages before it)"},
                   {"E", "Show / hide the engine's differential (showing it locks in the hall's vote)"},
                   {"B or .", "Blank the screen; again to come back"},
                   {"V", "Show / hide the class vote (beside the case)"},
                   {"Up / Down, = / -", "Class vote: choose one of the four answers, add / remove a hand (or type the count)"},
                   {"N without a vote", "Asks first: N again moves on without scoring the stage"}});
        key_table("Your files", {{"I", "Library: import a case (or drop a file on the window)"},
                                 {"O", "Import panel: choose a file"},
                                 {"R", "Library: reset my progress (asks first)"}});
    }
}

}  // namespace dah::ui
