// The learner's answers to one case as JSON and CSV, for the debrief's export.
#include <cstdio>

#include "dah/tutor/json_writer.hpp"
#include "dah/tutor/tutor.hpp"

namespace dah::tutor {

std::string Tutor::answers_json(int case_index) const {
    const CaseSession* s = session(case_index);
    if (!s || !library_.kb) return "{}";
    const KnowledgeBase& kb = *library_.kb;
    const CaseEntry& e = library_.cases[static_cast<std::size_t>(case_index)];
    JsonWriter w(true);
    w.begin_object().field("app", "DAH Tutor").field("case", e.data.id).field("title", e.data.title);
    w.field("finished", s->finished).key("answer");
    if (s->finished) w.value(kb.diagnoses[static_cast<std::size_t>(e.data.answer)].id);
    else w.value(nullptr);
    w.field("learner_case_score", case_score(*s, true)).field("engine_case_score", case_score(*s, false));
    w.key("stages").begin_array();
    for (std::size_t i = 0; i < s->answers.size(); ++i) {
        const StageAnswer& a = s->answers[i];
        w.begin_object().field("stage", stage_id(e.data.stages[i].stage)).field("committed", a.committed);
        if (a.committed) {
            const auto by_diagnosis = [&](const char* name, const std::vector<double>& p) {
                w.key(name).begin_object();
                for (std::size_t d = 0; d < kb.diagnoses.size() && d < p.size(); ++d) w.field(kb.diagnoses[d].id, p[d]);
                w.end_object();
            };
            by_diagnosis("learner", a.committed_p);
            by_diagnosis("engine", e.replay[i].posterior);
            w.field("level", level_id(a.level)).key("groups").begin_object();
            for (std::size_t g = 0; g < kb.groups.size() && g < a.committed_groups.size(); ++g) w.field(kb.groups[g].id, a.committed_groups[g]);
            w.end_object();
            w.field("learner_log_bits", a.learner_log_bits).field("engine_log_bits", a.engine_log_bits);
            w.field("learner_brier", a.learner_brier).field("engine_brier", a.engine_brier);
            w.field("learner_score", score_from_brier(a.learner_brier)).field("engine_score", score_from_brier(a.engine_brier));
        }
        w.end_object();
    }
    w.end_array().end_object();
    return w.take() + "\n";
}

std::string Tutor::answers_csv(int case_index) const {
    const CaseSession* s = session(case_index);
    if (!s || !library_.kb) return "";
    const KnowledgeBase& kb = *library_.kb;
    const CaseEntry& e = library_.cases[static_cast<std::size_t>(case_index)];
    // The Brier scores are on what the learner answered (the level: groups, top_causes or detailed).
    std::string out = "case,stage,diagnosis,learner_probability,engine_probability,learner_brier,engine_brier,level\n";
    char buf[96];
    for (std::size_t i = 0; i < s->answers.size(); ++i) {
        const StageAnswer& a = s->answers[i];
        if (!a.committed) continue;
        for (std::size_t d = 0; d < kb.diagnoses.size(); ++d) {
            std::snprintf(buf, sizeof buf, ",%.6f,%.6f,%.6f,%.6f,%s\n", a.committed_p[d], e.replay[i].posterior[d], a.learner_brier,
                          a.engine_brier, level_id(a.level));
            out += e.data.id + "," + std::string(stage_id(e.data.stages[i].stage)) + "," + kb.diagnoses[d].id + buf;
        }
    }
    return out;
}

}  // namespace dah::tutor
