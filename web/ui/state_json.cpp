// What is on screen, for window.dahTutor.state() and the tests: screen, cases, the open case and
// stage, revealed findings, both differentials, scores, and the rectangles of the main controls.
#include "dah/tutor/event_json.hpp"

#include "ui/app.hpp"
#include "ui/modes_json.hpp"
#include "ui/progress_json.hpp"
#include "ui/screens.hpp"
#include "ui/theme.hpp"

namespace dah::ui {

using tutor::JsonWriter;

static const char* screen_id(Screen s) {
    switch (s) {
    case Screen::player: return "player";
    case Screen::debrief: return "debrief";
    case Screen::explorer: return "explorer";
    case Screen::progress: return "progress";
    default: return "library";
    }
}

static void write_by_diagnosis(JsonWriter& w, const KnowledgeBase& kb, const std::vector<double>& p) {
    w.begin_object();
    for (std::size_t i = 0; i < p.size() && i < kb.diagnoses.size(); ++i) w.field(kb.diagnoses[i].id, p[i]);
    w.end_object();
}

static void write_by_group(JsonWriter& w, const KnowledgeBase& kb, const std::vector<double>& g) {
    w.begin_object();
    for (std::size_t i = 0; i < g.size() && i < kb.groups.size(); ++i) w.field(kb.groups[i].id, g[i]);
    w.end_object();
}

static void write_strings(JsonWriter& w, const std::vector<std::string>& list) {
    w.begin_array();
    for (const std::string& s : list) w.value(s);
    w.end_array();
}

static void write_rect(JsonWriter& w, const Rect& r) {
    w.begin_object().field("x", r.x).field("y", r.y).field("w", r.w).field("h", r.h).end_object();
}

static void write_case(JsonWriter& w, const AppState& app, const tutor::CaseView& v) {
    const KnowledgeBase& kb = *app.tutor.kb();
    const tutor::CaseEntry& e = *v.entry;
    const tutor::CaseSession* s = app.tutor.session(v.index);
    const auto stage_name = [&e](int i) { return stage_id(e.data.stages[static_cast<std::size_t>(i)].stage); };
    w.begin_object().field("id", e.data.id).field("title", e.data.title);
    w.key("stage").begin_object().field("index", v.stage).field("id", stage_name(v.stage)).end_object();
    w.field("reached", v.reached).field("finished", v.finished).key("stages").begin_array();
    for (std::size_t i = 0; i < e.data.stages.size(); ++i) {
        const bool revealed = static_cast<int>(i) <= v.reached;
        const tutor::StageAnswer* a = s ? &s->answers[i] : nullptr;
        w.begin_object().field("id", stage_name(static_cast<int>(i))).field("revealed", revealed).field("committed", a && a->committed);
        if (a && a->committed) {
            w.key("learner");
            write_by_diagnosis(w, kb, a->committed_p);
            w.field("learner_brier", a->learner_brier).field("engine_brier", a->engine_brier);
            w.field("learner_score", tutor::score_from_brier(a->learner_brier)).field("engine_score", tutor::score_from_brier(a->engine_brier));
            // Scored on what was answered: the level and the answer to the first question.
            w.field("level", tutor::level_id(a->level)).key("groups");
            write_by_group(w, kb, a->committed_groups);
            w.field("learner_log_bits", a->learner_log_bits).field("engine_log_bits", a->engine_log_bits);
        }
        if (revealed && i < e.replay.size()) {
            w.key("engine");
            write_by_diagnosis(w, kb, e.replay[i].posterior);
        }
        w.end_object();
    }
    w.end_array().key("revealed_findings").begin_array();
    for (const tutor::RevealedFinding& r : v.revealed) {
        const Variable& var = kb.variables[static_cast<std::size_t>(r.finding.variable)];
        w.begin_object().field("stage", stage_name(r.stage)).field("variable", var.id);
        w.field("value", var.values[static_cast<std::size_t>(r.finding.value)].id).field("newest", r.stage == v.stage).end_object();
    }
    const bool shown = engine_shown(app);
    w.end_array().field("engine_shown", shown).key("engine");
    if (shown) {
        w.begin_object().key("posterior");
        write_by_diagnosis(w, kb, v.posterior);
        w.key("groups");
        write_by_group(w, kb, v.groups);
        w.end_object();
    } else {
        w.value(nullptr);
    }
    w.key("learner").begin_object().key("draft");
    write_by_diagnosis(w, kb, v.answer.draft);
    w.field("committed", v.stage_committed).key("groups");
    write_by_group(w, kb, group_totals(kb, v.answer.draft));
    w.field("level", tutor::level_id(tutor::level_of(kb, v.answer.draft_causes))).key("held").begin_array();
    for (int d : app.view.held) w.value(kb.diagnoses[static_cast<std::size_t>(d)].id);
    w.end_array();
    if (v.stage_committed) {
        w.key("probabilities");
        write_by_diagnosis(w, kb, v.answer.committed_p);
    }
    w.end_object();
    w.field("selected_diagnosis", kb.diagnoses.empty() ? "" : kb.diagnoses[static_cast<std::size_t>(app.view.selected_diagnosis)].id);
    w.key("what_if");
    if (v.what_if) {
        const Variable& var = kb.variables[static_cast<std::size_t>(v.what_if->variable)];
        w.begin_object().field("variable", var.id).field("value", var.values[static_cast<std::size_t>(v.what_if->value)].id).key("posterior");
        write_by_diagnosis(w, kb, v.what_if_posterior);
        w.end_object();
    } else {
        w.value(nullptr);
    }
    w.field("hint_open", app.view.hint_open).key("answer");
    if (v.finished) w.value(kb.diagnoses[static_cast<std::size_t>(e.data.answer)].id);
    else w.value(nullptr);
    write_teaching_and_replay(w, app, v);  // ui/progress_json.cpp
    w.field("learner_case_score", v.learner_case_score).field("engine_case_score", v.engine_case_score).end_object();
}

const std::string& state_json(AppState& app) {
    take_snapshot(app);
    JsonWriter w;
    w.begin_object().field("screen", screen_id(app.view.screen));
    w.field("loading", app.pending.loading);  // the case library has not arrived yet (the browser's first frames)
    w.field("frame", app.frame_count).field("theme", theme_name(app.settings.theme)).field("ui_scale", app.settings.ui_scale);
    w.key("overlays").begin_object().field("help", app.view.help_open).field("settings", app.view.settings_open);
    w.field("errors", app.view.errors_open && !app.tutor.library().errors.empty()).end_object();
    w.key("options").begin_object().field("present", app.options.present).field("kiosk", app.options.kiosk);
    w.field("free_reveal", app.options.free_reveal).field("touch", app.options.touch).end_object();
    w.field("tooltip", app.report.tooltip).key("clipped");
    write_strings(w, app.report.clipped);
    w.key("scroll").begin_object();
    for (const auto& [panel, y] : app.report.scroll) w.field(panel, y);
    w.end_object().field("notice", app.view.notice).key("confirm");
    if (app.view.confirm_even_spread) w.value("even_spread");
    else if (app.view.confirm_restart) w.value("restart");
    else if (app.view.confirm_skip_vote) w.value("skip_vote");
    else w.value(nullptr);
    w.key("answer_panel").begin_object().field("causes_open", app.view.causes_open).field("detailed_open", app.view.detailed_open);
    w.field("keys_on_group", app.view.keys_on_group).field("selected_group", app.view.selected_group).end_object();
    w.key("cases").begin_array();
    const tutor::Result& result = app.tutor.result();
    for (std::size_t i = 0; i < app.tutor.library().cases.size(); ++i) {
        const tutor::CaseEntry& e = app.tutor.library().cases[i];
        const tutor::CaseCard& card = result.cards[i];
        w.begin_object().field("id", e.data.id).field("title", e.data.title).field("file", e.file);
        w.field("difficulty", e.data.difficulty).key("tags");
        write_strings(w, app.settings.show_topics ? e.data.tags : std::vector<std::string>{});
        w.field("stages", e.data.stages.size()).field("progress", card.progress).key("best_score");
        if (card.best_score >= 0) w.value(card.best_score);
        else w.value(nullptr);
        w.end_object();
    }
    w.end_array().key("filter").begin_object().field("difficulty", app.view.filter_difficulty).field("tag", app.view.filter_tag).end_object();
    w.field("show_topics", app.settings.show_topics).key("errors").begin_array();
    for (const tutor::LoadError& e : app.tutor.library().errors) {
        w.begin_object().field("file", e.file).key("messages");
        write_strings(w, e.messages);
        w.end_object();
    }
    w.end_array().key("knowledge_base");
    if (const KnowledgeBase* kb = app.tutor.kb())
        w.begin_object().field("diagnoses", kb->diagnoses.size()).field("variables", kb->variables.size()).end_object();
    else
        w.value(nullptr);
    w.key("case");
    if (result.open) write_case(w, app, *result.open);
    else w.value(nullptr);
    w.field("explorer_search", app.view.explorer_search);
    w.key("explorer_first_rows");
    write_strings(w, app.report.explorer_first_rows);
    w.field("explorer_rows", app.report.explorer_rows).key("controls").begin_object();
    for (const auto& [name, r] : app.report.controls) {
        w.key(name);
        write_rect(w, r);
    }
    w.end_object().key("picture_options").begin_object().field("labels", app.view.picture_labels);
    w.field("descriptions", app.view.picture_text_open).end_object().key("pictures").begin_array();
    for (const ShownPicture& p : app.report.pictures) {
        w.begin_object().field("kind", p.kind).field("caption", p.caption).field("description", p.description).key("rect");
        write_rect(w, p.rect);
        w.field("zoom", p.zoom).end_object();
    }
    w.end_array();
    if (app.view.screen == Screen::progress && app.tutor.kb()) {
        w.key("progress");
        write_progress_state(w, app);
    }
    write_mode_state(w, app);  // mode, engine_shown, vote, idle_seconds_left, import_errors, storage_status
    w.end_object();
    app.state_json = w.take();
    return app.state_json;
}

const std::string& events_jsonl(AppState& app) {
    app.events_jsonl.clear();
    for (const tutor::Event& e : app.tutor.events().events()) app.events_jsonl += tutor::event_line(e) + "\n";
    return app.events_jsonl;
}

}  // namespace dah::ui
