// state().progress and state().case.teaching_points / .replay (see progress_json.hpp).
#include "ui/progress_json.hpp"

#include "ui/progress_words.hpp"

namespace dah::ui {

using nlohmann::json;

json progress_state(const AppState& app) {
    const tutor::ProgressReport& r = app.tutor.progress_report();
    json bins = json::array();
    for (const CalibrationBin& b : r.calibration)
        bins.push_back(
            {{"from", b.lower}, {"to", b.upper}, {"count", b.count}, {"observed", b.observed_frequency}});
    json cases = json::array();
    for (const tutor::CaseScores& c : r.over_time)
        cases.push_back({{"case", c.case_id},
                         {"learner_score", tutor::score_from_brier(c.learner_brier)},
                         {"engine_score", tutor::score_from_brier(c.engine_brier)},
                         {"learner_log_bits", c.learner_log_bits}});
    json stages = json::array();
    for (const tutor::StageKindScores& k : r.by_stage)
        if (k.count > 0)
            stages.push_back({{"stage", std::string(stage_id(k.stage))},
                              {"count", k.count},
                              {"learner_score", tutor::score_from_brier(k.learner_brier)}});
    return {{"cases_finished", r.cases_finished},
            {"pairs", r.forecasts.size()},
            {"bins", bins},
            {"cases", cases},
            {"stage_kinds", stages},
            {"pearls_missed", r.pearls_missed.size()},
            {"summary", progress_summary_words(r)},
            {"trend", r.cases_finished > 0 ? stage_trend_words(r) : ""}};
}

void add_teaching_and_replay(const AppState& app, const tutor::CaseView& v, json& out) {
    const KnowledgeBase& kb = *app.tutor.kb();
    const tutor::CaseEntry& e = *v.entry;
    json points = json::array();
    if (v.stage_committed)
        for (const tutor::ShownTeachingPoint& tp : v.teaching_points)
            points.push_back({{"text", tp.point.text},
                              {"from", std::string(stage_id(
                                           e.data.stages[static_cast<std::size_t>(tp.from_stage)].stage))}});
    out["teaching_points"] = std::move(points);
    if (!v.replay) {
        out["replay"] = nullptr;
        return;
    }
    const tutor::CaseReplay& r = *v.replay;
    json moves = json::array();
    for (const tutor::FindingMove& m : r.top_moves)
        moves.push_back(
            {{"variable", kb.variables[static_cast<std::size_t>(m.finding.variable)].id},
             {"stage", std::string(stage_id(e.data.stages[static_cast<std::size_t>(m.stage)].stage))},
             {"weight_db", m.weight_db},
             {"words", move_words(kb, e, m)}});
    out["replay"] = {
        {"learner", r.learner_answer_p},
        {"engine", r.engine_answer_p},
        {"top_moves", moves},
        {"widest_stage",
         r.widest_stage >= 0
             ? json(std::string(stage_id(e.data.stages[static_cast<std::size_t>(r.widest_stage)].stage)))
             : json(nullptr)},
        {"explains", r.explains.stage >= 0
                         ? json(kb.variables[static_cast<std::size_t>(r.explains.finding.variable)].id)
                         : json(nullptr)},
        {"gap_words", widest_gap_words(kb, e, r)},
        {"certainty_words", certainty_words(e, r)},
        {"learner_brier", r.learner_brier},
        {"certain_brier", r.certain_brier}};
}

}  // namespace dah::ui
