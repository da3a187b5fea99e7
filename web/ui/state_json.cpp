// What is on screen, for window.dahTutor.state() and the tests: screen, cases, the open case and
// stage, revealed findings, both differentials, scores, and the rectangles of the main controls.
#include <nlohmann/json.hpp>

#include "dah/tutor/event_json.hpp"

#include "ui/app.hpp"
#include "ui/modes_json.hpp"
#include "ui/progress_json.hpp"
#include "ui/screens.hpp"
#include "ui/theme.hpp"

namespace dah::ui {

using nlohmann::json;

static const char* screen_id(Screen s) {
    switch (s) {
    case Screen::player: return "player";
    case Screen::debrief: return "debrief";
    case Screen::explorer: return "explorer";
    case Screen::progress: return "progress";
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


static json case_json(const AppState& app, const tutor::CaseView& v) {
    const KnowledgeBase& kb = *app.tutor.kb();
    const tutor::CaseEntry& e = *v.entry;
    const tutor::CaseSession* s = app.tutor.session(v.index);
    json j;
    j["id"] = e.data.id;
    j["title"] = e.data.title;
    j["stage"] = {{"index", v.stage}, {"id", std::string(stage_id(e.data.stages[static_cast<std::size_t>(v.stage)].stage))}};
    j["reached"] = v.reached;
    j["finished"] = v.finished;
    j["stages"] = json::array();
    for (std::size_t i = 0; i < e.data.stages.size(); ++i) {
        const bool revealed = static_cast<int>(i) <= v.reached;
        const tutor::StageAnswer* a = s ? &s->answers[i] : nullptr;
        json st = {{"id", std::string(stage_id(e.data.stages[i].stage))}, {"revealed", revealed}, {"committed", a && a->committed}};
        if (a && a->committed) {
            st["learner"] = by_diagnosis(kb, a->committed_p);
            st["learner_brier"] = a->learner_brier;
            st["engine_brier"] = a->engine_brier;
            st["learner_score"] = tutor::score_from_brier(a->learner_brier);
            st["engine_score"] = tutor::score_from_brier(a->engine_brier);
            // Scored on what was answered: the level and the answer to the first question.
            st["level"] = tutor::level_id(a->level);
            st["groups"] = by_group(kb, a->committed_groups);
            st["learner_log_bits"] = a->learner_log_bits;
            st["engine_log_bits"] = a->engine_log_bits;
        }
        if (revealed && i < e.replay.size()) st["engine"] = by_diagnosis(kb, e.replay[i].posterior);
        j["stages"].push_back(std::move(st));
    }
    j["revealed_findings"] = json::array();
    for (const tutor::RevealedFinding& r : v.revealed) {
        const Variable& var = kb.variables[static_cast<std::size_t>(r.finding.variable)];
        j["revealed_findings"].push_back({{"stage", std::string(stage_id(e.data.stages[static_cast<std::size_t>(r.stage)].stage))},
                                          {"variable", var.id},
                                          {"value", var.values[static_cast<std::size_t>(r.finding.value)].id},
                                          {"newest", r.stage == v.stage}});
    }
    const bool shown = engine_shown(app);
    j["engine_shown"] = shown;
    j["engine"] = shown ? json{{"posterior", by_diagnosis(kb, v.posterior)}, {"groups", by_group(kb, v.groups)}} : json(nullptr);
    j["learner"] = {{"draft", by_diagnosis(kb, v.answer.draft)}, {"committed", v.stage_committed},
                    {"groups", by_group(kb, group_totals(kb, v.answer.draft))},
                    {"level", tutor::level_id(tutor::level_of(kb, v.answer.draft_causes))}};
    json held = json::array();
    for (int d : app.view.held) held.push_back(kb.diagnoses[static_cast<std::size_t>(d)].id);
    j["learner"]["held"] = std::move(held);
    if (v.stage_committed) j["learner"]["probabilities"] = by_diagnosis(kb, v.answer.committed_p);
    j["selected_diagnosis"] = kb.diagnoses.empty() ? "" : kb.diagnoses[static_cast<std::size_t>(app.view.selected_diagnosis)].id;
    if (v.what_if) {
        const Variable& var = kb.variables[static_cast<std::size_t>(v.what_if->variable)];
        j["what_if"] = {{"variable", var.id}, {"value", var.values[static_cast<std::size_t>(v.what_if->value)].id},
                        {"posterior", by_diagnosis(kb, v.what_if_posterior)}};
    } else {
        j["what_if"] = nullptr;
    }
    j["hint_open"] = app.view.hint_open;
    j["answer"] = v.finished ? json(kb.diagnoses[static_cast<std::size_t>(e.data.answer)].id) : json(nullptr);
    add_teaching_and_replay(app, v, j);  // ui/progress_json.cpp
    j["learner_case_score"] = v.learner_case_score;
    j["engine_case_score"] = v.engine_case_score;
    return j;
}

const std::string& state_json(AppState& app) {
    take_snapshot(app);
    json j;
    j["screen"] = screen_id(app.view.screen);
    j["loading"] = app.pending.loading;  // the case library has not arrived yet (the browser's first frames)
    j["frame"] = app.frame_count;
    j["theme"] = theme_name(app.settings.theme);
    j["ui_scale"] = app.settings.ui_scale;
    j["overlays"] = {{"help", app.view.help_open}, {"settings", app.view.settings_open},
                     {"errors", app.view.errors_open && !app.tutor.library().errors.empty()}};
    j["options"] = {{"present", app.options.present}, {"kiosk", app.options.kiosk}, {"free_reveal", app.options.free_reveal},
                    {"touch", app.options.touch}};
    j["tooltip"] = app.report.tooltip;
    j["clipped"] = app.report.clipped;
    j["scroll"] = app.report.scroll;
    j["notice"] = app.view.notice;
    j["confirm"] = app.view.confirm_even_spread ? json("even_spread")
                   : app.view.confirm_restart   ? json("restart")
                   : app.view.confirm_skip_vote ? json("skip_vote")
                                                : json(nullptr);
    j["answer_panel"] = {{"causes_open", app.view.causes_open}, {"detailed_open", app.view.detailed_open},
                         {"keys_on_group", app.view.keys_on_group}, {"selected_group", app.view.selected_group}};
    j["cases"] = json::array();
    const tutor::Result& result = app.tutor.result();
    for (std::size_t i = 0; i < app.tutor.library().cases.size(); ++i) {
        const tutor::CaseEntry& e = app.tutor.library().cases[i];
        const tutor::CaseCard& card = result.cards[i];
        j["cases"].push_back({{"id", e.data.id}, {"title", e.data.title}, {"file", e.file}, {"difficulty", e.data.difficulty},
                              {"tags", app.settings.show_topics ? json(e.data.tags) : json::array()},
                              {"stages", e.data.stages.size()}, {"progress", card.progress},
                              {"best_score", card.best_score >= 0 ? json(card.best_score) : json(nullptr)}});
    }
    j["filter"] = {{"difficulty", app.view.filter_difficulty}, {"tag", app.view.filter_tag}};
    j["show_topics"] = app.settings.show_topics;
    j["errors"] = json::array();
    for (const tutor::LoadError& e : app.tutor.library().errors) j["errors"].push_back({{"file", e.file}, {"messages", e.messages}});
    j["knowledge_base"] = app.tutor.kb() ? json{{"diagnoses", app.tutor.kb()->diagnoses.size()}, {"variables", app.tutor.kb()->variables.size()}} : json(nullptr);
    j["case"] = result.open ? case_json(app, *result.open) : json(nullptr);
    j["explorer_search"] = app.view.explorer_search;
    j["explorer_diagnosis_search"] = app.view.explorer_diagnosis_search;
    j["explorer_columns"] = app.report.explorer_columns;
    j["explorer_first_rows"] = app.report.explorer_first_rows;
    j["explorer_rank_by"] = app.view.explorer_rank_by >= 0 && app.tutor.kb()
                                ? json(app.tutor.kb()->diagnoses[static_cast<std::size_t>(app.view.explorer_rank_by)].id) : json(nullptr);
    j["explorer_rows"] = app.report.explorer_rows;
    json controls = json::object();
    for (const auto& [name, r] : app.report.controls) controls[name] = {{"x", r.x}, {"y", r.y}, {"w", r.w}, {"h", r.h}};
    j["controls"] = std::move(controls);
    j["picture_options"] = {{"labels", app.view.picture_labels}, {"descriptions", app.view.picture_text_open}};
    j["pictures"] = json::array();
    for (const ShownPicture& p : app.report.pictures)
        j["pictures"].push_back({{"kind", p.kind}, {"caption", p.caption}, {"description", p.description},
                                 {"rect", {{"x", p.rect.x}, {"y", p.rect.y}, {"w", p.rect.w}, {"h", p.rect.h}}}, {"zoom", p.zoom}});
    if (app.view.screen == Screen::progress && app.tutor.kb()) j["progress"] = progress_state(app);
    add_mode_state(app, j);  // mode, engine_shown, vote, idle_seconds_left, import_errors, storage_status
    app.state_json = j.dump(-1, ' ', false, json::error_handler_t::replace);
    return app.state_json;
}

const std::string& events_jsonl(AppState& app) {
    app.events_jsonl.clear();
    for (const tutor::Event& e : app.tutor.events().events()) app.events_jsonl += tutor::event_line(e) + "\n";
    return app.events_jsonl;
}

}  // namespace dah::ui
