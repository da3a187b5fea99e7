// Presenter mode (a lecturer projecting a case): large type and high contrast, the engine's
// differential hidden until the lecturer shows it (so the hall commits first), keyboard driving
// (next / previous / jump to a stage, show the engine, blank the screen) and the class vote: the
// show of hands per diagnosis, as bars beside the engine's posterior, scored by the core like a learner.
#include <algorithm>
#include <cstdio>

#include <imgui.h>

#include "ui/keys.hpp"
#include "ui/mode_keys.hpp"
#include "ui/app.hpp"
#include "ui/modes.hpp"
#include "ui/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace dah::ui {

namespace {

bool case_open(const AppState& app) { return shown_case(app) != nullptr; }

const std::string& open_id(const AppState& app) { return shown_case(app)->entry->data.id; }

// Shows (or hides) the engine for the viewed stage. Showing it locks the hall's vote in: it is
// committed as the stage's answer and scored by the core.
void toggle_engine(AppState& app, bool force_show = false) {
    PresenterState& p = app.modes.presenter;
    const tutor::CaseView& v = *shown_case(app);
    const int stage = v.stage;
    if (p.engine_stages.count(stage) && !force_show) {
        p.engine_stages.erase(stage);
        return;
    }
    if (v.vote.total > 0) app.tutor.commit();  // the hall's vote is the stage's draft
    p.engine_stages.insert(stage);
}

void next_stage(AppState& app) {
    if (app.view.screen == Screen::debrief) return;
    const tutor::CaseView& v = *shown_case(app);
    if (v.stage < v.reached) app.tutor.view_stage(v.stage + 1);
    else if (!app.tutor.reveal_next()) go_to(app, Screen::debrief);
}

void previous_stage(AppState& app) {
    if (app.view.screen == Screen::debrief) go_to(app, Screen::player);
    else app.tutor.view_stage(std::max(0, shown_case(app)->stage - 1));
}

void jump_to_stage(AppState& app, int stage) {
    int reached = shown_case(app)->reached;
    while (reached < stage && app.tutor.reveal_next()) ++reached;
    app.tutor.view_stage(std::min(stage, reached));
    go_to(app, Screen::player);
}

}  // namespace

void set_presenter(AppState& app, bool on) {
    PresenterState& p = app.modes.presenter;
    if (on == app.options.present) return;
    app.options.present = on;
    app.tutor.set_reveal_without_commit(app.options.free_reveal || on);  // a lecturer moves on whether or not the hall voted
    if (on) {
        p.saved_scale = app.settings.ui_scale;
        p.saved_theme = static_cast<int>(app.settings.theme);
        app.settings.theme = Theme::high_contrast;
        app.settings.ui_scale = std::max(app.settings.ui_scale, 2.0f);
    } else {
        app.settings.theme = static_cast<Theme>(std::clamp(p.saved_theme, 0, 2));
        app.settings.ui_scale = p.saved_scale;
        p.blanked = false;
    }
}

bool presenter_engine_shown(const AppState& app) {
    if (!case_open(app)) return false;
    const PresenterState& p = app.modes.presenter;
    return p.engine_case == open_id(app) && p.engine_stages.count(shown_case(app)->stage) > 0;
}

void handle_presenter_keys(AppState& app) {
    ImGuiIO& io = ImGui::GetIO();
    // Shift from the key array too: events batched between frames leave SDL's modifier state at the batch's end.
    const bool shift = io.KeyShift || io.KeysDown[225] || io.KeysDown[229];
    if (!app.options.kiosk && shift && !io.KeyCtrl && take_key(key::letter('p'))) {
        set_presenter(app, !app.options.present);
        return;
    }
    if (!app.options.present) return;
    PresenterState& p = app.modes.presenter;
    // No small print: what other themes dim stays readable from the back of the hall.
    ImGuiStyle& style = ImGui::GetStyle();
    style.Colors[ImGuiCol_TextDisabled] = style.Colors[ImGuiCol_Text];
    if (case_open(app) && p.engine_case != open_id(app)) {
        p.engine_case = open_id(app);
        p.engine_stages.clear();
    }
    if (take_key(key::letter('b')) || take_key(key::period)) {
        p.blanked = true;
        return;
    }
    if (take_key(key::letter('v'))) p.vote_open = !p.vote_open;
    if (!case_open(app) || (app.view.screen != Screen::player && app.view.screen != Screen::debrief)) return;
    if (take_key(key::right) || take_key(key::page_down) || take_key(key::letter('n'))) next_stage(app);
    if (take_key(key::left) || take_key(key::page_up)) previous_stage(app);
    for (int i = 0; i < 9; ++i)
        if (take_key(key::digit1 + i)) jump_to_stage(app, i);
    if (app.view.screen != Screen::player) return;
    if (take_key(key::letter('e'))) toggle_engine(app);
    if (take_key(key::letter('c'))) toggle_engine(app, true);
    const int n_diag = static_cast<int>(app.tutor.kb()->diagnoses.size());
    if (take_key(key::down)) p.vote_selected = (p.vote_selected + 1) % std::max(1, n_diag);
    if (take_key(key::up)) p.vote_selected = (p.vote_selected + n_diag - 1) % std::max(1, n_diag);
    const bool up = ImGui::IsKeyPressed(key::equals, true), down = ImGui::IsKeyPressed(key::minus, true);
    take_key(key::equals);
    take_key(key::minus);
    if (up) app.tutor.change_vote(p.vote_selected, 1);
    if (down) app.tutor.change_vote(p.vote_selected, -1);
}

bool draw_blank(AppState& app) {
    PresenterState& p = app.modes.presenter;
    if (!app.options.present || !p.blanked) return false;
    if (take_key(key::letter('b')) || take_key(key::period) || take_key(key::escape)) {
        p.blanked = false;
        wake(app);
        return true;
    }
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0, 0, 0, 1));
    ImGui::Begin("##blank", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                         ImGuiWindowFlags_NoInputs);
    ImGui::End();
    ImGui::PopStyleColor();
    return true;
}

void draw_class_vote(AppState& app) {
    PresenterState& p = app.modes.presenter;
    if (!app.options.present || !p.vote_open || !case_open(app) || app.view.screen != Screen::player) return;
    const KnowledgeBase& kb = *app.tutor.kb();
    const tutor::CaseView& v = *shown_case(app);
    const Palette& pal = palette(app.settings.theme);
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float top = vp->WorkPos.y + ImGui::GetFrameHeightWithSpacing() * 2.5f;
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x, top), ImGuiCond_Always, ImVec2(1.0f, 0.0f));
    ImGui::SetNextWindowSize(ImVec2(std::max(vp->WorkSize.x * 0.46f, std::min(em(40), vp->WorkSize.x)),
                                    vp->WorkSize.y - (top - vp->WorkPos.y) - ImGui::GetFrameHeightWithSpacing() * 1.5f),
                             ImGuiCond_Always);
    if (ImGui::Begin("The hall's vote (V hides)###vote", &p.vote_open,
                     ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove |
                         ImGuiWindowFlags_NoResize)) {
        mark_window(app, "vote.panel");
        const tutor::VoteResult vote = v.vote;  // a copy: the counts change below
        const int n = vote.total;
        const bool shown = presenter_engine_shown(app);
        const std::vector<double> hall = n > 0 ? vote.probabilities : std::vector<double>(vote.counts.size(), 0.0);
        const std::vector<double> engine = v.posterior;
        const float width = ImGui::GetContentRegionAvail().x;
        for (std::size_t d = 0; d < kb.diagnoses.size(); ++d) {
            ImGui::PushID(static_cast<int>(d));
            const Diagnosis& dx = kb.diagnoses[d];
            const bool selected = static_cast<int>(d) == p.vote_selected;
            ImGui::SetNextItemWidth(em(9));
            int c = vote.counts[d];
            if (number_field(app, "Hands for " + dx.name, "vote.count." + dx.id, &c)) app.tutor.set_vote(static_cast<int>(d), c);
            ImGui::SameLine();
            ImGui::TextUnformatted(((selected ? "\u25B6 " : "") + dx.short_name).c_str());
            probability_bar("hall", hall[d], group_colour(dx.group), width);
            mark(app, "vote.hall." + dx.id);
            if (shown) probability_bar("engine", engine[d], pal.accent, width, true);
            ImGui::PopID();
        }
        ImGui::Separator();
        char buf[200];
        std::snprintf(buf, sizeof buf, "%d hands", n);
        wrapped(buf);
        if (!shown) {
            wrapped("The engine is hidden: press E to show it (the vote is then locked in and scored).");
        } else if (n > 0) {
            std::snprintf(buf, sizeof buf, "Scores (0 is perfect): hall Brier %.2f, log %.2f bits; engine Brier %.2f, log %.2f bits",
                          vote.brier, vote.log_bits, vote.engine_brier, vote.engine_log_bits);
            wrapped(buf);
            mark(app, "vote.score");
        }
    }
    ImGui::End();
}

}  // namespace dah::ui
