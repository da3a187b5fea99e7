// Kiosk mode (a library PC, a skills lab): after --idle seconds without a key, click or pointer move
// the app returns to an attract screen and forgets the current learner's answers; a touch starts
// again on the library. The idle deadline is a timer (mode_seconds_until_timer), so the main loop
// sleeps until it is due instead of drawing frames to watch the clock.
#include <algorithm>

#include <imgui.h>

#include "platform.hpp"
#include "ui/app.hpp"
#include "ui/modes.hpp"
#include "ui/modes_internal.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace dah::ui {

namespace {

bool had_input() {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.MouseDelta.x != 0 || io.MouseDelta.y != 0 || io.MouseWheel != 0 || io.MouseWheelH != 0) return true;
    if (!io.InputQueueCharacters.empty()) return true;
    for (bool down : io.MouseDown)
        if (down) return true;
    for (bool down : io.KeysDown)
        if (down) return true;
    return false;
}

double now(const AppState& app) { return app.platform ? app.platform->now_seconds() : 0.0; }

void draw_attract(AppState& app) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    ImGui::Begin("##attract", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    mark_window(app, "attract");
    const Palette& pal = palette(app.settings.theme);
    const char* lines[] = {"DAH Tutor", "Diffuse alveolar hemorrhage, one case at a time",
                           "Commit your differential at each stage, then see how the evidence moves it.",
                           "Touch the screen or press any key to begin"};
    float y = vp->Size.y * 0.3f;
    for (int i = 0; i < 4; ++i) {
        const float scale = i == 0 ? 2.5f : 1.0f;
        ImGui::SetWindowFontScale(scale);
        const ImVec2 size = ImGui::CalcTextSize(lines[i]);
        ImGui::SetCursorPos(ImVec2(std::max(em(1), (vp->Size.x - size.x) * 0.5f), y));
        ImGui::PushStyleColor(ImGuiCol_Text, i == 0 || i == 3 ? pal.accent : pal.text);
        text(lines[i]);
        if (A11yNode* n = i == 0 ? app.a11y.last() : nullptr) n->role = A11yRole::heading;
        ImGui::PopStyleColor();
        y += size.y + ImGui::GetStyle().ItemSpacing.y * (i == 2 ? 6.0f : 2.0f);
    }
    ImGui::SetWindowFontScale(1.0f);
    ImGui::End();
}

}  // namespace

bool draw_kiosk_cover(AppState& app) {
    if (!app.options.kiosk) return false;
    KioskState& k = app.modes.kiosk;
    const double t = now(app);
    const bool input = had_input();
    if (k.attract) {
        if (input) {  // a touch: the next frames show the library, this one swallows the touch
            k.attract = false;
            k.last_input = t;
            wake(app);
        }
        draw_attract(app);
        return true;
    }
    if (input) {
        k.last_input = t;
        return false;
    }
    if (t - k.last_input < static_cast<double>(app.options.idle_seconds)) return false;
    // The next learner starts clean: the tutor's reset and a fresh view (the settings and the renderer's
    // caches stay: the look is the kiosk's, not the learner's).
    reset_progress(app);
    app.view = View{};
    app.modes.import = ImportState{};
    app.modes.reset_confirm = false;
    k.attract = true;
    ++k.resets;
    wake(app);
    draw_attract(app);
    return true;
}

double kiosk_seconds_left(const AppState& app) {
    if (!app.options.kiosk || app.modes.kiosk.attract) return -1;
    return std::max(0.0, app.modes.kiosk.last_input + app.options.idle_seconds - now(app));
}

}  // namespace dah::ui
