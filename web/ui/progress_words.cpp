// Sentences for My progress and the debrief: scores on the 0–100 scale the app shows everywhere
// (100 × (1 − Brier / 2)), probabilities in per cent.
#include "ui/progress_words.hpp"

#include <cmath>
#include <cstdio>

#include "dah/tutor/session.hpp"
#include "ui/widgets.hpp"

namespace dah::ui {

namespace {

std::string number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f", v);
    return buf;
}

std::string score(double brier) { return number(tutor::score_from_brier(brier)); }

// "22 times", "more than 1,000 times": a weight of evidence (dB) as a likelihood ratio.
std::string times(double db) {
    const double ratio = std::pow(10.0, std::fabs(db) / 10.0);
    if (!std::isfinite(ratio) || ratio >= 1000) return "more than 1,000 times";
    char buf[48];
    std::snprintf(buf, sizeof buf, ratio >= 10 ? "%.0f times" : "%.1f times", ratio);
    return buf;
}

}  // namespace

std::string progress_summary_words(const tutor::ProgressReport& r) {
    if (r.cases_finished == 0)
        return "No case finished yet. Finish a case (commit your differential at every stage) and your "
               "calibration, your "
               "scores case by case and stage by stage, and the teaching points worth reading again appear "
               "here.";
    double you = 0, engine = 0;
    for (const tutor::CaseScores& c : r.over_time) {
        you += tutor::score_from_brier(c.learner_brier);
        engine += tutor::score_from_brier(c.engine_brier);
    }
    const double n = static_cast<double>(std::max<std::size_t>(1, r.over_time.size()));
    std::string s =
        r.cases_finished == 1 ? "One case finished" : std::to_string(r.cases_finished) + " cases finished";
    s += ", " + std::to_string(r.forecasts.size()) + " stated probabilities. Mean case score: you " +
         number(you / n) + ", the engine " + number(engine / n) + " (100 is perfect).";
    int confident = 0, right = 0;
    for (const Forecast& f : r.forecasts)
        if (f.probability >= 0.7) {
            ++confident;
            right += f.happened ? 1 : 0;
        }
    if (confident > 0)
        s += " When you gave a cause 70 % or more, it was the diagnosis " + std::to_string(right) +
             " times in " + std::to_string(confident) + " (" +
             percent(static_cast<double>(right) / confident) + ").";
    if (r.cases_finished == 1)
        s += " One case is too few to judge your calibration or a trend: finish a few more before reading "
             "much into the charts.";
    return s;
}

std::string stage_trend_words(const tutor::ProgressReport& r) {
    const tutor::StageKindScores& history = r.by_stage[static_cast<std::size_t>(Stage::history)];
    const tutor::StageKindScores& labs = r.by_stage[static_cast<std::size_t>(Stage::labs)];
    if (history.count == 0 || labs.count == 0)
        return "Finish cases with both a history and a labs stage to see whether your answers improve as the "
               "evidence comes in.";
    const double from = tutor::score_from_brier(history.learner_brier),
                 to = tutor::score_from_brier(labs.learner_brier);
    const std::string way = to > from + 2 ? "improved" : to < from - 2 ? "fell" : "stayed about level";
    return "From the history to the labs your mean score " + way + ": " + number(from) + " to " + number(to) +
           " (the engine: " + score(history.engine_brier) + " to " + score(labs.engine_brier) + ").";
}

std::string finding_words(const KnowledgeBase& kb, const Finding& f) {
    const Variable& v = kb.variables[static_cast<std::size_t>(f.variable)];
    return v.name + ": " + v.values[static_cast<std::size_t>(f.value)].name;
}

std::string move_words(const KnowledgeBase& kb, const tutor::CaseEntry& e, const tutor::FindingMove& m) {
    const std::string where = std::string(stage_name(e.data.stages[static_cast<std::size_t>(m.stage)].stage));
    return finding_words(kb, m.finding) + " (" + where + "): made the diagnosis " + times(m.weight_db) +
           (m.weight_db >= 0 ? " more likely" : " less likely") + " against all the others.";
}

std::string widest_gap_words(const KnowledgeBase& kb, const tutor::CaseEntry& e, const tutor::CaseReplay& r) {
    if (r.widest_stage < 0) return "";
    const std::size_t i = static_cast<std::size_t>(r.widest_stage);
    const std::string stage = std::string(stage_name(e.data.stages[i].stage));
    std::string s = "You differed most from the engine at " + stage + ": you gave the diagnosis " +
                    percent(r.learner_answer_p[i]) + ", the engine " + percent(r.engine_answer_p[i]) + ". ";
    if (r.explains.stage >= 0) {
        s += "The finding that explains it: " + finding_words(kb, r.explains.finding) + " (" +
             std::string(stage_name(e.data.stages[static_cast<std::size_t>(r.explains.stage)].stage)) +
             "), which made the diagnosis " + times(r.explains.weight_db) +
             (r.widest_gap >= 0 ? " more" : " less") + " likely against the others.";
    } else {
        s += r.widest_gap < 0
                 ? "Nothing revealed by then pointed that strongly to it: you were ahead of the evidence."
                 : "Nothing revealed by then pointed away from it.";
    }
    return s;
}

std::string certainty_words(const tutor::CaseEntry& e, const tutor::CaseReplay& r) {
    if (r.committed == 0) return "";
    std::string s = "Had you put 100 % on your own leading cause at every stage, you would have scored " +
                    score(r.certain_brier) + " instead of your " + score(r.learner_brier) + ". ";
    if (r.hedging_helped.empty())
        return s +
               "Your leading cause was the diagnosis at every stage, so certainty would have paid here; "
               "keeping some "
               "probability for the others is still right until the evidence is decisive.";
    std::string stages;
    for (std::size_t k = 0; k < r.hedging_helped.size(); ++k) {
        if (k) stages += k + 1 == r.hedging_helped.size() ? " and " : ", ";
        stages += std::string(stage_name(e.data.stages[static_cast<std::size_t>(r.hedging_helped[k])].stage));
    }
    return s + "You were better calibrated than certainty at " + stages +
           ": your leading cause there was not the diagnosis, and the probability you kept for the others "
           "saved points.";
}

}  // namespace dah::ui
