// Presenter mode (a lecturer projecting a case): large type and high contrast, the engine's
// differential hidden until the lecturer shows it (so the hall commits first), keyboard driving
// (next / previous / jump to a stage, show the engine, blank the screen) and the class vote: the
// show of hands per diagnosis, as bars beside the engine's posterior, scored by the core like a learner.
#include <algorithm>
#include <cstdio>
#include <numeric>

#include <imgui.h>

#include "dah/scoring.hpp"
#include "ui/keys.hpp"
#include "ui/mode_keys.hpp"
#include "ui/app.hpp"
#include "ui/modes.hpp"
#include "ui/screens.hpp"
#include "ui/session.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace dah::ui {

namespace {

bool case_open(const AppState& app) {
    return app.domain.kb && app.view.case_index >= 0 && app.view.case_index < static_cast<int>(app.domain.cases.size());
}

const std::string& open_id(const AppState& app) { return app.domain.cases[static_cast<std::size_t>(app.view.case_index)].data.id; }

// The hall's counts for the viewed stage (one per diagnosis).
std::vector<int>& vote_counts(AppState& app) {
    std::vector<int>& v = app.modes.presenter.votes[open_id(app)][app.view.viewing_stage];
    v.resize(app.domain.kb->diagnoses.size(), 0);
    return v;
}

const std::vector<int>* find_vote(const AppState& app) {
    const auto c = app.modes.presenter.votes.find(open_id(app));
    if (c == app.modes.presenter.votes.end()) return nullptr;
    const auto s = c->second.find(app.view.viewing_stage);
    return s == c->second.end() ? nullptr : &s->second;
}

int total(const std::vector<int>& counts) { return std::accumulate(counts.begin(), counts.end(), 0); }

std::vector<double> as_weights(const std::vector<int>& counts) { return {counts.begin(), counts.end()}; }

// The hall's vote becomes the draft of the stage while it is open, so the player shows it too.
void vote_to_draft(AppState& app) {
    CaseSession& s = session_of(app.domain, app.view.case_index);
    const int v = app.view.viewing_stage;
    StageAnswer& a = s.answers[static_cast<std::size_t>(v)];
    const std::vector<int>& counts = vote_counts(app);
    if (v != s.reached || a.committed || total(counts) <= 0) return;
    a.draft = normalised(as_weights(counts));
    app.progress_dirty = true;
}

void change_count(AppState& app, int diagnosis, int delta) {
    std::vector<int>& counts = vote_counts(app);
    if (diagnosis < 0 || diagnosis >= static_cast<int>(counts.size())) return;
    int& n = counts[static_cast<std::size_t>(diagnosis)];
    n = std::clamp(n + delta, 0, 100000);
    vote_to_draft(app);
}

// Shows (or hides) the engine for the viewed stage. Showing it locks the hall's vote in: it is
// committed as the stage's answer and scored by the core.
void toggle_engine(AppState& app, bool force_show = false) {
    PresenterState& p = app.modes.presenter;
    const int v = app.view.viewing_stage;
    if (p.engine_stages.count(v) && !force_show) {
        p.engine_stages.erase(v);
        return;
    }
    CaseSession& s = session_of(app.domain, app.view.case_index);
    if (v == s.reached && !s.answers[static_cast<std::size_t>(v)].committed && total(vote_counts(app)) > 0) {
        vote_to_draft(app);
        commit_stage(app, v);
    }
    p.engine_stages.insert(v);
}

void next_stage(AppState& app) {
    if (app.view.screen == Screen::debrief) return;
    CaseSession& s = session_of(app.domain, app.view.case_index);
    app.view.what_if.reset();
    if (app.view.viewing_stage < s.reached) ++app.view.viewing_stage;
    else if (!reveal_next(app)) go_to(app, Screen::debrief);
}

void previous_stage(AppState& app) {
    app.view.what_if.reset();
    if (app.view.screen == Screen::debrief) go_to(app, Screen::player);
    else app.view.viewing_stage = std::max(0, app.view.viewing_stage - 1);
}

void jump_to_stage(AppState& app, int stage) {
    CaseSession& s = session_of(app.domain, app.view.case_index);
    if (stage < 0 || stage >= static_cast<int>(s.answers.size())) return;
    while (s.reached < stage && reveal_next(app)) {}
    app.view.viewing_stage = std::min(stage, s.reached);
    app.view.what_if.reset();
    go_to(app, Screen::player);
}

}  // namespace

void set_presenter(AppState& app, bool on) {
    PresenterState& p = app.modes.presenter;
    if (on == app.options.present) return;
    app.options.present = on;
    if (on) {
        p.saved_scale = app.view.ui_scale;
        p.saved_theme = static_cast<int>(app.view.theme);
        app.view.theme = Theme::high_contrast;
        app.view.ui_scale = std::max(app.view.ui_scale, 2.0f);
    } else {
        app.view.theme = static_cast<Theme>(std::clamp(p.saved_theme, 0, 2));
        app.view.ui_scale = p.saved_scale;
        p.blanked = false;
    }
}

bool presenter_engine_shown(const AppState& app) {
    if (!case_open(app)) return false;
    const PresenterState& p = app.modes.presenter;
    return p.engine_case == open_id(app) && p.engine_stages.count(app.view.viewing_stage) > 0;
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
    const int n_diag = static_cast<int>(app.domain.kb->diagnoses.size());
    if (take_key(key::down)) p.vote_selected = (p.vote_selected + 1) % std::max(1, n_diag);
    if (take_key(key::up)) p.vote_selected = (p.vote_selected + n_diag - 1) % std::max(1, n_diag);
    const bool up = ImGui::IsKeyPressed(key::equals, true), down = ImGui::IsKeyPressed(key::minus, true);
    take_key(key::equals);
    take_key(key::minus);
    if (up) change_count(app, p.vote_selected, 1);
    if (down) change_count(app, p.vote_selected, -1);
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
    const KnowledgeBase& kb = *app.domain.kb;
    const CaseEntry& e = app.domain.cases[static_cast<std::size_t>(app.view.case_index)];
    const Palette& pal = palette(app.view.theme);
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
        std::vector<int>& counts = vote_counts(app);
        const int n = total(counts);
        const bool shown = presenter_engine_shown(app);
        const std::vector<double> hall = n > 0 ? normalised(as_weights(counts)) : std::vector<double>(counts.size(), 0.0);
        const std::vector<double>& engine = e.replay[static_cast<std::size_t>(app.view.viewing_stage)].posterior;
        const float width = ImGui::GetContentRegionAvail().x;
        for (std::size_t d = 0; d < kb.diagnoses.size(); ++d) {
            ImGui::PushID(static_cast<int>(d));
            const Diagnosis& dx = kb.diagnoses[d];
            const bool selected = static_cast<int>(d) == p.vote_selected;
            ImGui::SetNextItemWidth(em(9));
            int c = counts[d];
            if (ImGui::InputInt("##n", &c, 1, 10)) change_count(app, static_cast<int>(d), c - counts[d]);
            mark(app, "vote.count." + dx.id);
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
            const int truth = e.data.answer;
            std::snprintf(buf, sizeof buf, "Scores (0 is perfect): hall Brier %.2f, log %.2f bits; engine Brier %.2f, log %.2f bits",
                          brier_score(hall, truth), log_score_bits(hall, truth), brier_score(engine, truth), log_score_bits(engine, truth));
            wrapped(buf);
            mark(app, "vote.score");
        }
    }
    ImGui::End();
}

// For state_json: the viewed stage's vote (counts, the core's normalised probabilities and scores).
bool presenter_vote(const AppState& app, std::vector<int>& counts, std::vector<double>& probabilities, double& brier, double& log_bits) {
    if (!case_open(app)) return false;
    const std::vector<int>* v = find_vote(app);
    counts = v ? *v : std::vector<int>(app.domain.kb->diagnoses.size(), 0);
    if (total(counts) <= 0) return true;
    probabilities = normalised(as_weights(counts));
    const int truth = app.domain.cases[static_cast<std::size_t>(app.view.case_index)].data.answer;
    brier = brier_score(probabilities, truth);
    log_bits = log_score_bits(probabilities, truth);
    return true;
}

}  // namespace dah::ui
