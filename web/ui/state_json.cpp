// What is on screen, for window.dahTutor.state() and the tests: screen, cases, the open case and
// stage, revealed findings, both differentials, scores, and the rectangles of the main controls.
#include <nlohmann/json.hpp>

#include "ui/app.hpp"
#include "ui/modes_json.hpp"
#include "ui/screens.hpp"
#include "ui/session.hpp"
#include "ui/theme.hpp"

namespace dah::ui {

using nlohmann::json;

static const char* screen_id(Screen s) {
    switch (s) {
    case Screen::player: return "player";
    case Screen::debrief: return "debrief";
    case Screen::explorer: return "explorer";
    default: return "library";
    }
}

static json by_diagnosis(const KnowledgeBase& kb, const std::vector<double>& p) {
    json out = json::object();
    for (std::size_t i = 0; i < p.size() && i < kb.diagnoses.size(); ++i) out[kb.diagnoses[i].id] = p[i];
    return out;
}

static json by_group(const KnowledgeBase& kb, const std::vector<double>& g) {
    json out = json::object();
    for (std::size_t i = 0; i < g.size() && i < kb.groups.size(); ++i) out[kb.groups[i].id] = g[i];
    return out;
}


static json case_json(const AppState& app) {
    const KnowledgeBase& kb = *app.domain.kb;
    const CaseEntry& e = app.domain.cases[static_cast<std::size_t>(app.view.case_index)];
    const CaseSession* s = find_session(app.domain, app.view.case_index);
    json j;
    j["id"] = e.data.id;
    j["title"] = e.data.title;
    const int viewing = app.view.viewing_stage;
    j["stage"] = {{"index", viewing}, {"id", std::string(stage_id(e.data.stages[static_cast<std::size_t>(viewing)].stage))}};
    j["reached"] = s ? s->reached : 0;
    j["finished"] = s && s->finished;
    j["stages"] = json::array();
    for (std::size_t i = 0; i < e.data.stages.size(); ++i) {
        const bool revealed = s && static_cast<int>(i) <= s->reached;
        const StageAnswer* a = s ? &s->answers[i] : nullptr;
        json st = {{"id", std::string(stage_id(e.data.stages[i].stage))}, {"revealed", revealed},
                   {"committed", a && a->committed}};
        if (a && a->committed) {
            st["learner"] = by_diagnosis(kb, a->committed_p);
            st["learner_brier"] = a->learner_brier;
            st["engine_brier"] = a->engine_brier;
            st["learner_score"] = score_from_brier(a->learner_brier);
            st["engine_score"] = score_from_brier(a->engine_brier);
        }
        if (revealed && i < e.replay.size()) st["engine"] = by_diagnosis(kb, e.replay[i].posterior);
        j["stages"].push_back(std::move(st));
    }
    j["revealed_findings"] = json::array();
    for (const RevealedFinding& r : revealed_findings(e.data, viewing)) {
        const Variable& v = kb.variables[static_cast<std::size_t>(r.finding.variable)];
        j["revealed_findings"].push_back({{"stage", std::string(stage_id(e.data.stages[static_cast<std::size_t>(r.stage)].stage))},
                                          {"variable", v.id},
                                          {"value", v.values[static_cast<std::size_t>(r.finding.value)].id},
                                          {"newest", r.stage == viewing}});
    }
    const bool shown = engine_shown(app);
    j["engine_shown"] = shown;
    if (shown && viewing < static_cast<int>(e.replay.size())) {
        const StageResult& r = e.replay[static_cast<std::size_t>(viewing)];
        j["engine"] = {{"posterior", by_diagnosis(kb, r.posterior)}, {"groups", by_group(kb, r.groups)}};
    } else {
        j["engine"] = nullptr;
    }
    if (s) {
        const StageAnswer& a = s->answers[static_cast<std::size_t>(viewing)];
        j["learner"] = {{"draft", by_diagnosis(kb, a.draft)}, {"committed", a.committed}};
        if (a.committed) j["learner"]["probabilities"] = by_diagnosis(kb, a.committed_p);
    }
    j["selected_diagnosis"] = kb.diagnoses.empty() ? "" : kb.diagnoses[static_cast<std::size_t>(app.view.selected_diagnosis)].id;
    if (app.view.what_if) {
        const Variable& v = kb.variables[static_cast<std::size_t>(app.view.what_if->variable)];
        j["what_if"] = {{"variable", v.id}, {"value", v.values[static_cast<std::size_t>(app.view.what_if->value)].id},
                        {"posterior", by_diagnosis(kb, what_if_posterior(app))}};
    } else {
        j["what_if"] = nullptr;
    }
    j["hint_open"] = app.view.hint_open;
    j["answer"] = s && s->finished ? json(kb.diagnoses[static_cast<std::size_t>(e.data.answer)].id) : json(nullptr);
    if (s) {
        j["learner_case_score"] = case_score(*s, true);
        j["engine_case_score"] = case_score(*s, false);
    }
    return j;
}

const std::string& state_json(AppState& app) {
    json j;
    j["screen"] = screen_id(app.view.screen);
    j["loading"] = app.domain.loading;  // the case library has not arrived yet (the browser's first frames)
    j["frame"] = app.frame_count;
    j["theme"] = theme_name(app.view.theme);
    j["ui_scale"] = app.view.ui_scale;
    j["overlays"] = {{"help", app.view.help_open}, {"settings", app.view.settings_open},
                     {"errors", app.view.errors_open && !app.domain.errors.empty()}};
    j["options"] = {{"present", app.options.present}, {"kiosk", app.options.kiosk}, {"free_reveal", app.options.free_reveal}};
    j["notice"] = app.view.notice;
    j["cases"] = json::array();
    for (const CaseEntry& e : app.domain.cases) {
        const auto p = app.domain.progress.find(e.data.id);
        j["cases"].push_back({{"id", e.data.id}, {"title", e.data.title}, {"file", e.file}, {"difficulty", e.data.difficulty},
                              {"tags", e.data.tags}, {"stages", e.data.stages.size()},
                              {"progress", progress_label(app.domain, e.data.id)},
                              {"best_score", p != app.domain.progress.end() && p->second.best_score >= 0 ? json(p->second.best_score) : json(nullptr)}});
    }
    j["filter"] = {{"difficulty", app.view.filter_difficulty}, {"tag", app.view.filter_tag}};
    j["errors"] = json::array();
    for (const LoadError& e : app.domain.errors) j["errors"].push_back({{"file", e.file}, {"messages", e.messages}});
    j["knowledge_base"] = app.domain.kb ? json{{"diagnoses", app.domain.kb->diagnoses.size()}, {"variables", app.domain.kb->variables.size()}} : json(nullptr);
    if (app.view.case_index >= 0 && app.domain.kb && app.view.case_index < static_cast<int>(app.domain.cases.size()))
        j["case"] = case_json(app);
    else
        j["case"] = nullptr;
    j["explorer_search"] = app.view.explorer_search;
    j["explorer_rows"] = app.view.explorer_rows;
    json controls = json::object();
    for (const auto& [name, r] : app.view.controls) controls[name] = {{"x", r.x}, {"y", r.y}, {"w", r.w}, {"h", r.h}};
    j["controls"] = std::move(controls);
    j["picture_options"] = {{"labels", app.view.picture_labels}, {"descriptions", app.view.picture_text_open}};
    j["pictures"] = json::array();
    for (const ShownPicture& p : app.view.pictures)
        j["pictures"].push_back({{"kind", p.kind}, {"caption", p.caption}, {"description", p.description},
                                 {"rect", {{"x", p.rect.x}, {"y", p.rect.y}, {"w", p.rect.w}, {"h", p.rect.h}}}});
    add_mode_state(app, j);  // mode, engine_shown, vote, idle_seconds_left, import_errors, storage_status
    app.state_json = j.dump(-1, ' ', false, json::error_handler_t::replace);
    return app.state_json;
}

}  // namespace dah::ui
