// The learner's progress tools: "Reset my progress" (after a confirmation) and a clear line when
// progress cannot be saved (storage full or turned off); the app then keeps working in memory.
#include <algorithm>

#include <imgui.h>

#include "ui/keys.hpp"
#include "ui/mode_keys.hpp"
#include "ui/app.hpp"
#include "ui/modes.hpp"
#include "ui/modes_internal.hpp"
#include "ui/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace dah::ui {

void reset_progress(AppState& app) {
    app.tutor.reset();
    app.modes.presenter.engine_stages.clear();
    app.view.hint_open = false;
    if (app.view.screen == Screen::player || app.view.screen == Screen::debrief) app.view.screen = Screen::library;
    wake(app);
}

void handle_progress_keys(AppState& app) {
    if (app.modes.reset_confirm) {
        if (take_key(key::letter('y'))) {
            reset_progress(app);
            app.modes.reset_confirm = false;
            app.view.notice = "Your progress was reset.";
        } else if (take_key(key::escape) || take_key(key::letter('n'))) {
            app.modes.reset_confirm = false;
        }
        return;
    }
    // Not while the case library loads: the stored progress has not been read yet.
    if (!app.options.kiosk && !app.pending.loading && app.view.screen == Screen::library && !app.view.help_open &&
        !app.view.settings_open && !app.modes.import.open && take_key(key::letter('r')))
        app.modes.reset_confirm = true;
}

void draw_reset_confirm(AppState& app) {
    if (!app.modes.reset_confirm) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.5f), ImGuiCond_Always,
                            ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(em(60), vp->WorkSize.x * 0.96f), 0), ImGuiCond_Always);
    ImGui::SetNextWindowFocus();
    if (ImGui::Begin("Reset my progress?###reset", &app.modes.reset_confirm,
                     ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoResize |
                         ImGuiWindowFlags_NoMove | ImGuiWindowFlags_AlwaysAutoResize)) {
        mark_window(app, "reset");
        wrapped("This erases every answer you committed, your scores and which cases you finished, on this device. "
                "It cannot be undone. Imported cases stay in the library.");
        ImGui::Spacing();
        const Palette& pal = palette(app.settings.theme);
        ImGui::PushStyleColor(ImGuiCol_Text, pal.negative);
        if (button(app, "Yes, erase my progress (Y)", "reset.confirm")) {
            reset_progress(app);
            app.modes.reset_confirm = false;
            app.view.notice = "Your progress was reset.";
        }
        ImGui::PopStyleColor();
        mark(app, "reset.confirm");
        ImGui::SameLine();
        if (button(app, "Cancel (Esc)", "reset.cancel")) app.modes.reset_confirm = false;
    }
    ImGui::End();
}

void draw_library_tools(AppState& app) {
    const Palette& pal = palette(app.settings.theme);
    if (!app.modes.storage_ok)
        wrapped_coloured(pal.negative, "Your progress cannot be saved on this device (storage is full or turned off). "
                                       "The app keeps working, but your answers are lost when you close it.");
    if (app.options.kiosk) return;  // no import, and the idle reset clears the progress
    ImGui::Separator();
    if (button(app, "My progress (M)", "library.progress")) go_to(app, Screen::progress);
    same_line_for_button("Import a case… (I)");
    if (button(app, "Import a case… (I)", "library.import")) app.modes.import.open = true;
    same_line_for_button("Reset my progress… (R)");
    if (button(app, "Reset my progress… (R)", "library.reset")) app.modes.reset_confirm = true;
}

}  // namespace dah::ui
