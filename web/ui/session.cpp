#include "ui/session.hpp"

#include <algorithm>
#include <cmath>

#include "dah/scoring.hpp"

namespace dah::ui {

void set_probability(std::vector<double>& p, int index, double value) {
    if (index < 0 || index >= static_cast<int>(p.size())) return;
    value = std::clamp(value, 0.0, 1.0);
    double others = 0;
    for (std::size_t i = 0; i < p.size(); ++i)
        if (static_cast<int>(i) != index) others += p[i];
    const double rest = 1.0 - value;
    const std::size_t n_others = p.size() - 1;
    for (std::size_t i = 0; i < p.size(); ++i) {
        if (static_cast<int>(i) == index) continue;
        if (others > 1e-12)
            p[i] = p[i] * rest / others;
        else
            p[i] = n_others > 0 ? rest / static_cast<double>(n_others) : 0;
    }
    p[static_cast<std::size_t>(index)] = n_others > 0 ? value : 1.0;
}

static std::vector<double> uniform(std::size_t n) {
    return std::vector<double>(n, n > 0 ? 1.0 / static_cast<double>(n) : 0.0);
}

CaseSession& session_of(Domain& domain, int case_index) {
    const CaseEntry& entry = domain.cases.at(static_cast<std::size_t>(case_index));
    CaseSession& s = domain.sessions[entry.data.id];
    const std::size_t n_diag = domain.kb ? domain.kb->diagnoses.size() : 0;
    if (s.answers.size() != entry.data.stages.size()) s.answers.resize(entry.data.stages.size());
    for (auto& a : s.answers) {
        if (a.draft.size() != n_diag) a.draft = uniform(n_diag);
        if (a.committed && a.committed_p.size() != n_diag) a.committed = false;
    }
    s.reached = std::clamp(s.reached, 0, std::max(0, static_cast<int>(entry.data.stages.size()) - 1));
    return s;
}

const CaseSession* find_session(const Domain& domain, int case_index) {
    if (case_index < 0 || case_index >= static_cast<int>(domain.cases.size())) return nullptr;
    auto it = domain.sessions.find(domain.cases[static_cast<std::size_t>(case_index)].data.id);
    return it == domain.sessions.end() ? nullptr : &it->second;
}

void open_case(AppState& app, int case_index) {
    if (case_index < 0 || case_index >= static_cast<int>(app.domain.cases.size()) || !app.domain.kb) return;
    CaseSession& s = session_of(app.domain, case_index);
    app.view.case_index = case_index;
    app.view.viewing_stage = s.reached;
    app.view.screen = Screen::player;
    app.view.what_if.reset();
    app.view.hint_open = false;
    app.view.selected_diagnosis = 0;
}

void commit_stage(AppState& app, int stage) {
    if (app.view.case_index < 0 || !app.domain.kb) return;
    const CaseEntry& entry = app.domain.cases[static_cast<std::size_t>(app.view.case_index)];
    CaseSession& s = session_of(app.domain, app.view.case_index);
    if (stage < 0 || stage > s.reached || stage >= static_cast<int>(s.answers.size())) return;
    StageAnswer& a = s.answers[static_cast<std::size_t>(stage)];
    a.committed_p = normalised(a.draft);
    a.draft = a.committed_p;
    a.committed = true;
    a.learner_brier = brier_score(a.committed_p, entry.data.answer);
    if (stage < static_cast<int>(entry.replay.size()))
        a.engine_brier = brier_score(entry.replay[static_cast<std::size_t>(stage)].posterior, entry.data.answer);

    bool all = true;
    for (const auto& x : s.answers) all = all && x.committed;
    CaseProgress& p = app.domain.progress[entry.data.id];
    if (all && !s.finished) {
        s.finished = true;
        p.done = true;
        p.best_score = std::max(p.best_score, case_score(s, true));
    }
    app.progress_dirty = true;
}

bool can_reveal_next(const AppState& app) {
    const CaseSession* s = find_session(app.domain, app.view.case_index);
    if (!s) return false;
    if (s->reached + 1 >= static_cast<int>(s->answers.size())) return false;
    // A lecturer (free reveal, presenter mode) moves on whether or not the hall voted.
    return app.options.free_reveal || app.options.present || s->answers[static_cast<std::size_t>(s->reached)].committed;
}

bool reveal_next(AppState& app) {
    if (!can_reveal_next(app)) return false;
    CaseSession& s = session_of(app.domain, app.view.case_index);
    const StageAnswer& before = s.answers[static_cast<std::size_t>(s.reached)];
    s.reached += 1;
    StageAnswer& next = s.answers[static_cast<std::size_t>(s.reached)];
    // The learner starts the new stage from where they left the last one.
    if (!next.committed) next.draft = before.committed ? before.committed_p : before.draft;
    app.view.viewing_stage = s.reached;
    app.view.what_if.reset();
    app.view.hint_open = false;
    app.progress_dirty = true;
    return true;
}

std::vector<RevealedFinding> revealed_findings(const Case& c, int up_to_stage) {
    std::vector<RevealedFinding> out;
    for (int i = 0; i <= up_to_stage && i < static_cast<int>(c.stages.size()); ++i)
        for (const auto& f : c.stages[static_cast<std::size_t>(i)].findings) out.push_back({i, f});
    return out;
}

double score_from_brier(double brier) { return std::clamp(100.0 * (1.0 - brier / 2.0), 0.0, 100.0); }

double case_score(const CaseSession& session, bool learner) {
    double sum = 0;
    int n = 0;
    for (const auto& a : session.answers) {
        if (!a.committed) continue;
        sum += score_from_brier(learner ? a.learner_brier : a.engine_brier);
        ++n;
    }
    return n > 0 ? sum / n : -1;
}

std::string progress_label(const Domain& domain, const std::string& case_id) {
    auto p = domain.progress.find(case_id);
    if (p != domain.progress.end() && p->second.done) return "done";
    auto s = domain.sessions.find(case_id);
    if (s != domain.sessions.end()) {
        for (const auto& a : s->second.answers)
            if (a.committed) return "in progress";
        if (s->second.reached > 0) return "in progress";
    }
    return "not started";
}

void restart_case(AppState& app, int case_index) {
    if (case_index < 0 || case_index >= static_cast<int>(app.domain.cases.size())) return;
    app.domain.sessions.erase(app.domain.cases[static_cast<std::size_t>(case_index)].data.id);
    app.progress_dirty = true;
    if (app.view.case_index == case_index) open_case(app, case_index);
}

}  // namespace dah::ui
