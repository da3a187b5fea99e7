// "My progress": calibration, scores over time and per stage kind, and the teaching points missed,
// over the learner's finished cases; and its exports (CSV: one row per committed stage; JSON: all).
#include "dah/tutor/progress_report.hpp"

#include <algorithm>
#include <cstdio>

#include "dah/sort_stably.hpp"
#include "dah/tutor/json_writer.hpp"

#include "dah/sort_stably.hpp"

namespace dah::tutor {

// What the learner answered, and only that: each cause of a group whose causes were answered, and each
// other group as one outcome (its causes then carry a spread the learner never chose).
std::vector<Forecast> stage_forecasts(const KnowledgeBase& kb, const Case& c, const StageAnswer& answer) {
    if (!answer.committed || answer.committed_p.size() != kb.diagnoses.size()) return {};
    // The outcomes the learner answered, as scored (levels.cpp): one rule for scores and calibration.
    std::vector<double> outcomes;
    const int truth = answered_outcomes(kb, answer.committed_p, answer.causes_of, c.answer, outcomes);
    std::vector<Forecast> out;
    for (std::size_t i = 0; i < outcomes.size(); ++i) out.push_back({outcomes[i], static_cast<int>(i) == truth});
    return out;
}

namespace {

double answer_probability(const std::vector<double>& p, int answer) {
    return answer >= 0 && static_cast<std::size_t>(answer) < p.size() ? p[static_cast<std::size_t>(answer)]
                                                                      : 0;
}

struct Finished {
    double at = 0;
    int index = 0;
    const CaseSession* session = nullptr;
};

}  // namespace

ProgressReport build_progress_report(const Library& library,
                                     const std::map<std::string, CaseSession>& sessions) {
    ProgressReport r;
    for (const Stage st : all_stages) r.by_stage.push_back({st, 0, 0, 0, 0, 0});
    if (!library.kb) return r;
    const KnowledgeBase& kb = *library.kb;
    std::vector<Finished> finished;
    for (std::size_t i = 0; i < library.cases.size(); ++i) {
        const auto s = sessions.find(library.cases[i].data.id);
        if (s != sessions.end() && s->second.finished &&
            s->second.answers.size() == library.cases[i].data.stages.size())
            finished.push_back({s->second.finished_at, static_cast<int>(i), &s->second});
    }
    sort_stably(finished, [](const Finished& a, const Finished& b) { return a.at < b.at; });  // ties: library order
    r.cases_finished = static_cast<int>(finished.size());
    for (const Finished& f : finished) {
        const CaseEntry& e = library.cases[static_cast<std::size_t>(f.index)];
        const Case& c = e.data;
        CaseScores scores{c.id, c.title, 0, 0, 0, 0, 0};
        for (std::size_t i = 0; i < c.stages.size() && i < e.replay.size(); ++i) {
            const StageAnswer& a = f.session->answers[i];
            if (!a.committed || a.committed_p.size() != kb.diagnoses.size()) continue;
            const std::vector<Forecast> pairs = stage_forecasts(kb, c, a);
            r.forecasts.insert(r.forecasts.end(), pairs.begin(), pairs.end());
            const std::vector<double>& engine = e.replay[i].posterior;
            ScoredStage s{c.id,
                          c.stages[i].stage,
                          answer_probability(a.committed_p, c.answer),
                          answer_probability(engine, c.answer),
                          a.learner_brier,
                          a.engine_brier,
                          a.learner_log_bits,
                          a.engine_log_bits};
            scores.stages += 1;
            scores.learner_brier += s.learner_brier;
            scores.engine_brier += s.engine_brier;
            scores.learner_log_bits += s.learner_log_bits;
            scores.engine_log_bits += s.engine_log_bits;
            StageKindScores& k = r.by_stage[static_cast<std::size_t>(s.stage)];
            k.count += 1;
            k.learner_brier += s.learner_brier;
            k.engine_brier += s.engine_brier;
            k.learner_log_bits += s.learner_log_bits;
            k.engine_log_bits += s.engine_log_bits;
            if (s.learner_brier >= s.engine_brier + missed_by_brier)
                for (const ShownTeachingPoint& tp : teaching_points_at(kb, c, static_cast<int>(i)))
                    r.pearls_missed.push_back({c.id, s.stage, tp.point, s.learner_brier, s.engine_brier});
            r.stages.push_back(std::move(s));
        }
        if (scores.stages == 0) continue;
        const double n = scores.stages;
        scores.learner_brier /= n;
        scores.engine_brier /= n;
        scores.learner_log_bits /= n;
        scores.engine_log_bits /= n;
        r.over_time.push_back(std::move(scores));
    }
    for (StageKindScores& k : r.by_stage) {
        if (k.count == 0) continue;
        const double n = k.count;
        k.learner_brier /= n;
        k.engine_brier /= n;
        k.learner_log_bits /= n;
        k.engine_log_bits /= n;
    }
    r.calibration = calibration(r.forecasts, calibration_bins);
    return r;
}

std::string progress_report_csv(const ProgressReport& report) {
    std::string out =
        "order,case,stage,learner_p_answer,engine_p_answer,learner_brier,engine_brier,learner_log_bits,"
        "engine_log_bits\n";
    std::string last_case;
    int order = 0;
    char buf[160];
    for (const ScoredStage& s : report.stages) {
        if (s.case_id != last_case) {
            ++order;
            last_case = s.case_id;
        }
        std::snprintf(buf, sizeof buf, ",%.6f,%.6f,%.6f,%.6f,%.6f,%.6f\n", s.learner_answer_p,
                      s.engine_answer_p, s.learner_brier, s.engine_brier, s.learner_log_bits,
                      s.engine_log_bits);
        out += std::to_string(order) + "," + s.case_id + "," + std::string(stage_id(s.stage)) + buf;
    }
    return out;
}

std::string progress_report_json(const ProgressReport& report) {
    JsonWriter w(true);
    w.begin_object().field("app", "DAH Tutor").field("cases_finished", report.cases_finished);
    w.field("pairs", report.forecasts.size()).key("calibration").begin_array();
    for (const CalibrationBin& b : report.calibration)
        w.begin_object().field("from", b.lower).field("to", b.upper).field("count", b.count)
            .field("mean_stated", b.mean_forecast).field("observed", b.observed_frequency).end_object();
    const auto scores = [&w](const auto& s) {
        w.field("learner_brier", s.learner_brier).field("engine_brier", s.engine_brier);
        w.field("learner_log_bits", s.learner_log_bits).field("engine_log_bits", s.engine_log_bits).end_object();
    };
    w.end_array().key("cases").begin_array();
    for (const CaseScores& c : report.over_time) {
        w.begin_object().field("case", c.case_id).field("title", c.title).field("stages", c.stages);
        scores(c);
    }
    w.end_array().key("stage_kinds").begin_array();
    for (const StageKindScores& k : report.by_stage) {
        w.begin_object().field("stage", stage_id(k.stage)).field("count", k.count);
        scores(k);
    }
    w.end_array().key("stages").begin_array();
    for (const ScoredStage& s : report.stages) {
        w.begin_object().field("case", s.case_id).field("stage", stage_id(s.stage));
        w.field("learner_p_answer", s.learner_answer_p).field("engine_p_answer", s.engine_answer_p);
        scores(s);
    }
    w.end_array().key("pearls_missed").begin_array();
    for (const MissedPearl& p : report.pearls_missed) {
        w.begin_object().field("case", p.case_id).field("stage", stage_id(p.stage)).field("text", p.point.text).key("sources").begin_array();
        for (const std::string& src : p.point.sources) w.value(src);
        w.end_array().field("learner_brier", p.learner_brier).field("engine_brier", p.engine_brier).end_object();
    }
    w.end_array().end_object();
    return w.take() + "\n";
}

}  // namespace dah::tutor
