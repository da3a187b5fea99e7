// state().progress and state().case.teaching_points / .replay (see progress_json.hpp).
#include "ui/progress_json.hpp"

#include "ui/progress_words.hpp"

namespace dah::ui {

using tutor::JsonWriter;

void write_progress_state(JsonWriter& w, const AppState& app) {
    const tutor::ProgressReport& r = app.tutor.progress_report();
    w.begin_object().field("cases_finished", r.cases_finished).field("pairs", r.forecasts.size()).key("bins").begin_array();
    for (const CalibrationBin& b : r.calibration)
        w.begin_object().field("from", b.lower).field("to", b.upper).field("count", b.count).field("observed", b.observed_frequency).end_object();
    w.end_array().key("cases").begin_array();
    for (const tutor::CaseScores& c : r.over_time) {
        w.begin_object().field("case", c.case_id).field("learner_score", tutor::score_from_brier(c.learner_brier));
        w.field("engine_score", tutor::score_from_brier(c.engine_brier)).field("learner_log_bits", c.learner_log_bits).end_object();
    }
    w.end_array().key("stage_kinds").begin_array();
    for (const tutor::StageKindScores& k : r.by_stage)
        if (k.count > 0)
            w.begin_object().field("stage", stage_id(k.stage)).field("count", k.count)
                .field("learner_score", tutor::score_from_brier(k.learner_brier)).end_object();
    w.end_array().field("pearls_missed", r.pearls_missed.size()).field("summary", progress_summary_words(r));
    w.field("trend", r.cases_finished > 0 ? stage_trend_words(r) : std::string()).end_object();
}

void write_teaching_and_replay(JsonWriter& w, const AppState& app, const tutor::CaseView& v) {
    const KnowledgeBase& kb = *app.tutor.kb();
    const tutor::CaseEntry& e = *v.entry;
    const auto stage_name = [&e](int i) { return stage_id(e.data.stages[static_cast<std::size_t>(i)].stage); };
    w.key("teaching_points").begin_array();
    if (v.stage_committed)
        for (const tutor::ShownTeachingPoint& tp : v.teaching_points)
            w.begin_object().field("text", tp.point.text).field("from", stage_name(tp.from_stage)).end_object();
    w.end_array().key("replay");
    if (!v.replay) {
        w.value(nullptr);
        return;
    }
    const tutor::CaseReplay& r = *v.replay;
    const auto numbers = [&w](const char* name, const std::vector<double>& list) {
        w.key(name).begin_array();
        for (double x : list) w.value(x);
        w.end_array();
    };
    w.begin_object();
    numbers("learner", r.learner_answer_p);
    numbers("engine", r.engine_answer_p);
    w.key("top_moves").begin_array();
    for (const tutor::FindingMove& m : r.top_moves) {
        w.begin_object().field("variable", kb.variables[static_cast<std::size_t>(m.finding.variable)].id);
        w.field("stage", stage_name(m.stage)).field("weight_db", m.weight_db).field("words", move_words(kb, e, m)).end_object();
    }
    w.end_array().key("widest_stage");
    if (r.widest_stage >= 0) w.value(stage_name(r.widest_stage));
    else w.value(nullptr);
    w.key("explains");
    if (r.explains.stage >= 0) w.value(kb.variables[static_cast<std::size_t>(r.explains.finding.variable)].id);
    else w.value(nullptr);
    w.field("gap_words", widest_gap_words(kb, e, r)).field("certainty_words", certainty_words(e, r));
    w.field("learner_brier", r.learner_brier).field("certain_brier", r.certain_brier).end_object();
}

}  // namespace dah::ui
