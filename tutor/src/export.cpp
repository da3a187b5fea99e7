// The learner's answers to one case as JSON and CSV, for the debrief's export.
#include <cstdio>

#include <nlohmann/json.hpp>

#include "dah/tutor/tutor.hpp"

namespace dah::tutor {

using nlohmann::json;

std::string Tutor::answers_json(int case_index) const {
    const CaseSession* s = session(case_index);
    if (!s || !library_.kb) return "{}";
    const KnowledgeBase& kb = *library_.kb;
    const CaseEntry& e = library_.cases[static_cast<std::size_t>(case_index)];
    json stages = json::array();
    for (std::size_t i = 0; i < s->answers.size(); ++i) {
        const StageAnswer& a = s->answers[i];
        json st = {{"stage", std::string(stage_id(e.data.stages[i].stage))}, {"committed", a.committed}};
        if (a.committed) {
            json learner = json::object(), engine = json::object();
            for (std::size_t d = 0; d < kb.diagnoses.size(); ++d) {
                learner[kb.diagnoses[d].id] = a.committed_p[d];
                engine[kb.diagnoses[d].id] = e.replay[i].posterior[d];
            }
            st["learner"] = learner;
            st["engine"] = engine;
            st["level"] = level_id(a.level);
            json groups = json::object();
            for (std::size_t g = 0; g < kb.groups.size() && g < a.committed_groups.size(); ++g) groups[kb.groups[g].id] = a.committed_groups[g];
            st["groups"] = groups;
            st["learner_log_bits"] = a.learner_log_bits;
            st["engine_log_bits"] = a.engine_log_bits;
            st["learner_brier"] = a.learner_brier;
            st["engine_brier"] = a.engine_brier;
            st["learner_score"] = score_from_brier(a.learner_brier);
            st["engine_score"] = score_from_brier(a.engine_brier);
        }
        stages.push_back(std::move(st));
    }
    json j = {{"app", "DAH Tutor"}, {"case", e.data.id}, {"title", e.data.title}, {"finished", s->finished},
              {"answer", s->finished ? json(kb.diagnoses[static_cast<std::size_t>(e.data.answer)].id) : json(nullptr)},
              {"learner_case_score", case_score(*s, true)}, {"engine_case_score", case_score(*s, false)}, {"stages", stages}};
    return j.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
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
