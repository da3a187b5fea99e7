// Commands as events: the same vocabulary the event log records, so a saved log or a file of
// commands (`dah session`) replays a learner's walk through the same code as the app's buttons.
#include "dah/tutor/tutor.hpp"

namespace dah::tutor {

namespace {

int diagnosis_index(const KnowledgeBase& kb, const std::string& id) {
    for (std::size_t d = 0; d < kb.diagnoses.size(); ++d)
        if (kb.diagnoses[d].id == id) return static_cast<int>(d);
    return -1;
}

int group_index(const KnowledgeBase& kb, const std::string& id) { return id.empty() ? -1 : kb.group_index(id); }

// The probabilities by diagnosis id as a vector in knowledge-base order; false on an unknown id.
bool probabilities(const KnowledgeBase& kb, const std::vector<std::pair<std::string, double>>& by_id, std::vector<double>& out) {
    out.assign(kb.diagnoses.size(), 0.0);
    for (const auto& [id, p] : by_id) {
        const int d = diagnosis_index(kb, id);
        if (d < 0 || !(p >= 0)) return false;
        out[static_cast<std::size_t>(d)] = p;
    }
    return true;
}

}  // namespace

bool Tutor::apply(const Event& c) {
    const KnowledgeBase* kb = this->kb();
    if (!kb) return false;
    const std::string& type = c.type;
    if (type == "open") return open_case(c.case_id);
    if (type == "reset") return reset(), true;
    if (type == "restart") return restart_case(c.case_id.empty() ? open_ : library_.index_of(c.case_id));
    // Everything else acts on the open case; a command naming another case is refused.
    if (!c.case_id.empty() && (open_ < 0 || library_.cases[static_cast<std::size_t>(open_)].data.id != c.case_id)) return false;
    if (type == "close") return close_case(), true;
    if (type == "view") return view_stage(c.stage);
    if (type == "reveal") return reveal_next();
    if (type == "debrief") return reach_debrief();
    if (type == "spread") return spread_evenly();
    if (type == "set") {
        bool ok = !c.values.empty();
        for (const auto& [id, p] : c.values) ok = set_probability(diagnosis_index(*kb, id), p) && ok;
        return ok;
    }
    if (type == "commit") {
        if (c.stage >= 0 && c.stage != stage_) return false;
        if (c.values.empty() && c.groups.empty()) return commit();
        if (c.values.empty()) {  // the first question only: four numbers by group id
            std::vector<double> q(kb->groups.size(), 0.0);
            for (const auto& [id, p] : c.groups) {
                const int g = kb->group_index(id);
                if (g < 0 || !(p >= 0)) return false;
                q[static_cast<std::size_t>(g)] = p;
            }
            return commit_groups(q);
        }
        std::vector<double> p;
        if (!probabilities(*kb, c.values, p)) return false;
        CommitLevel level = CommitLevel::detailed;
        if (!c.level.empty() && !level_from_id(c.level, level)) return false;
        unsigned causes_of = level == CommitLevel::detailed ? all_groups(*kb) : 0;
        if (level == CommitLevel::top_causes)
            for (const std::string& id : c.causes_of) {
                const int g = kb->group_index(id);
                if (g < 0 || g >= 31) return false;
                causes_of |= 1u << g;
            }
        return commit_answer(p, causes_of);
    }
    if (type == "what_if") {
        if (c.variable.empty()) return set_what_if(std::nullopt);
        const int v = kb->variable_index(c.variable);
        if (v < 0) return false;
        const int value = kb->value_index(v, c.value);
        return value >= 0 && set_what_if(Finding{v, value, {}});
    }
    if (type == "weigh") return weigh(group_index(*kb, c.group_for), group_index(*kb, c.group_against));
    if (type == "vote") {
        if (c.stage >= 0 && c.stage != stage_) return false;
        std::vector<int> counts(kb->groups.size(), 0);
        for (const auto& [id, n] : c.counts) {
            // By group id; an older log's hands for a diagnosis count for its group.
            int g = kb->group_index(id);
            if (const int d = diagnosis_index(*kb, id); g < 0 && d >= 0) g = kb->diagnoses[static_cast<std::size_t>(d)].group;
            if (g < 0 || n < 0) return false;
            counts[static_cast<std::size_t>(g)] += n;
        }
        return set_votes(counts);
    }
    return false;
}

}  // namespace dah::tutor
