// Presenter mode (a lecturer projecting a case): large type and high contrast, the engine's
// differential hidden until the lecturer shows it (so the hall commits first), keyboard driving
// (next / previous / jump to a stage, show the engine, blank the screen) and the class vote: hands
// for the four answers to the first question (immune, blood thinner or coagulopathy, something else,
// two at once), beside the case text, scored by the core like a learner's answer at the groups level.
#include <algorithm>
#include <cstdio>

#include <imgui.h>

#include "ui/keys.hpp"
#include "ui/mode_keys.hpp"
#include "ui/app.hpp"
#include "ui/commit_panel.hpp"
#include "ui/modes.hpp"
#include "ui/player_parts.hpp"
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
    if (v.stage < v.reached) {
        app.tutor.view_stage(v.stage + 1);
        return;
    }
    if (!v.stage_committed) {
        if (v.vote.total > 0) {
            app.tutor.commit();  // the hall voted: its answer counts before the next stage
        } else if (!app.view.confirm_skip_vote) {
            // Moving on without a vote leaves the stage unscored: asked once.
            app.view.confirm_skip_vote = true;
            app.view.notice = "No vote at this stage: N again moves on without scoring it (or take the hall's hands first).";
            return;
        }
    }
    if (app.view.confirm_skip_vote) app.view.notice.clear();
    app.view.confirm_skip_vote = false;
    if (!app.tutor.reveal_next()) go_to(app, Screen::debrief);
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
    const std::vector<int> order = question_order(*app.tutor.kb());
    const int n = std::max(1, static_cast<int>(order.size()));
    if (take_key(key::down)) p.vote_selected = (p.vote_selected + 1) % n;
    if (take_key(key::up)) p.vote_selected = (p.vote_selected + n - 1) % n;
    const bool up = ImGui::IsKeyPressed(key::equals, true), down = ImGui::IsKeyPressed(key::minus, true);
    take_key(key::equals);
    take_key(key::minus);
    const int g = order.empty() ? -1 : order[static_cast<std::size_t>(std::clamp(p.vote_selected, 0, n - 1))];
    if (up) app.tutor.change_vote(g, 1);
    if (down) app.tutor.change_vote(g, -1);
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

namespace {

// Hands for the four answers (typed, or = / - on the chosen row), the hall's shares and, once shown,
// the engine's, in one table: readable from the back of the hall, beside the case text.
void draw_vote_table(AppState& app, const tutor::CaseView& v) {
    PresenterState& p = app.modes.presenter;
    const KnowledgeBase& kb = *app.tutor.kb();
    const Palette& pal = palette(app.settings.theme);
    const std::vector<int> order = question_order(kb);
    const tutor::VoteResult vote = v.vote;  // a copy: the counts change below
    const bool shown = presenter_engine_shown(app);
    ImGui::PushStyleColor(ImGuiCol_Text, pal.accent);
    wrapped("Hands up: what is causing it?");
    ImGui::PopStyleColor();
    // The count before the table: it stays in view on a 1024 × 768 projector (the scores, below, are a
    // scroll away there).
    char buf[200];
    std::snprintf(buf, sizeof buf, vote.total == 1 ? "%d hand" : "%d hands", vote.total);
    wrapped(buf);
    mark(app, "vote.total");
    if (ImGui::BeginTable("##hands", shown ? 4 : 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("Answer", ImGuiTableColumnFlags_WidthStretch, 3.0f);
        ImGui::TableSetupColumn("Hands", ImGuiTableColumnFlags_WidthStretch, 1.1f);
        ImGui::TableSetupColumn("Hall", ImGuiTableColumnFlags_WidthStretch, 1.4f);
        if (shown) ImGui::TableSetupColumn("Engine", ImGuiTableColumnFlags_WidthStretch, 1.4f);
        ImGui::TableHeadersRow();
        for (std::size_t i = 0; i < order.size(); ++i) {
            const int g = order[i];
            const std::string& id = kb.groups[static_cast<std::size_t>(g)].id;
            ImGui::PushID(g);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            wrapped((static_cast<int>(i) == p.vote_selected ? "\u25B6 " : "") + question_short(kb, g));
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", question_label(kb, g).c_str());
            ImGui::TableNextColumn();
            int c = vote.counts[static_cast<std::size_t>(g)];
            ImGui::SetNextItemWidth(-1);
            if (number_field(app, "Hands for " + question_label(kb, g), "vote.count." + id, &c, 0)) app.tutor.set_vote(g, c);
            if (ImGui::IsItemActivated()) p.vote_selected = static_cast<int>(i);
            ImGui::TableNextColumn();
            probability_bar("", vote.total > 0 ? vote.probabilities[static_cast<std::size_t>(g)] : 0.0, group_colour(g),
                            ImGui::GetContentRegionAvail().x);
            a11y_prefix("The hall");
            mark(app, "vote.hall." + id);
            if (shown) {
                ImGui::TableNextColumn();
                probability_bar("", v.groups[static_cast<std::size_t>(g)], pal.accent, ImGui::GetContentRegionAvail().x, true);
                a11y_prefix("The engine");
                mark(app, "vote.engine." + id);
            }
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    if (!shown) {
        wrapped_coloured(pal.muted, "The engine is hidden: E shows it (the hall's vote is then locked in and scored).");
    } else if (vote.total > 0) {
        std::snprintf(buf, sizeof buf, "The hall scored %.0f, the engine %.0f (on the four groups; 100 is perfect).",
                      tutor::score_from_brier(vote.brier), tutor::score_from_brier(vote.engine_brier));
        wrapped(buf);
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("Brier score: the hall %.2f, the engine %.2f; log score %.2f and %.2f bits (0 is perfect).", vote.brier,
                              vote.engine_brier, vote.log_bits, vote.engine_log_bits);
        mark(app, "vote.score");
    }
}

}  // namespace

void draw_presenter_player(AppState& app, const tutor::CaseView& v, bool new_stage) {
    const Palette& pal = palette(app.settings.theme);
    const tutor::CaseEntry& e = *v.entry;
    // The tabs a little smaller than the case text, so they fit one line on a 1024-pixel projector.
    ImGui::SetWindowFontScale(0.85f);
    draw_timeline(app, v);
    ImGui::SetWindowFontScale(1.0f);
    ImGui::Separator();
    const float height = std::max(ImGui::GetContentRegionAvail().y, em(10));
    if (!ImGui::BeginTable("##presenter", 2, ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchProp)) return;
    // As wide as the case text: the vote's four rows then read on one line each on a 1024-pixel projector.
    ImGui::TableSetupColumn("case", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("hall", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::BeginChild("##findings", ImVec2(0, height));
    if (new_stage) ImGui::SetScrollY(0);
    mark_window(app, "panel.findings");
    ImGui::PushStyleColor(ImGuiCol_Text, pal.accent);
    wrapped(e.data.title);
    ImGui::PopStyleColor();
    const Patient& pt = e.data.patient;
    wrapped_coloured(pal.muted, std::to_string(pt.age) + "-year-old " + pt.sex + (pt.setting.empty() ? "" : ", " + pt.setting));
    draw_findings(app, v);
    ImGui::EndChild();
    ImGui::TableNextColumn();
    ImGui::BeginChild("##hall", ImVec2(0, height));
    if (new_stage) ImGui::SetScrollY(0);
    mark_window(app, "panel.vote");
    // A little smaller than the case text (as the tabs): the four rows and the scores fit a 768-pixel-high projector.
    ImGui::SetWindowFontScale(0.85f);
    if (app.modes.presenter.vote_open) draw_vote_table(app, v);
    else wrapped_coloured(pal.muted, "The hall's vote is hidden (V shows it).");
    if (presenter_engine_shown(app)) {
        draw_engine_bars(app, v);
        draw_engine_details(app, v);
    }
    ImGui::SetWindowFontScale(1.0f);
    ImGui::EndChild();
    ImGui::EndTable();
}

}  // namespace dah::ui
