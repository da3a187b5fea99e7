// Sets of diagnoses to weigh evidence for and against: one diagnosis, a group, or the rest.
#include "dah/engine.hpp"

namespace dah {

Hypothesis Hypothesis::of_diagnosis(const KnowledgeBase& kb, int diagnosis) {
    Hypothesis h;
    if (diagnosis >= 0 && static_cast<std::size_t>(diagnosis) < kb.diagnoses.size()) {
        h.diagnoses.push_back(diagnosis);
        h.label = kb.diagnoses[static_cast<std::size_t>(diagnosis)].short_name;
    }
    return h;
}

Hypothesis Hypothesis::of_group(const KnowledgeBase& kb, int group) {
    Hypothesis h;
    for (std::size_t d = 0; d < kb.diagnoses.size(); ++d) {
        if (kb.diagnoses[d].group == group) h.diagnoses.push_back(static_cast<int>(d));
    }
    if (group >= 0 && static_cast<std::size_t>(group) < kb.groups.size()) h.label = kb.groups[static_cast<std::size_t>(group)].name;
    return h;
}

Hypothesis Hypothesis::complement(const KnowledgeBase& kb, const Hypothesis& h) {
    Hypothesis out;
    std::vector<bool> in(kb.diagnoses.size(), false);
    for (int d : h.diagnoses) {
        if (d >= 0 && static_cast<std::size_t>(d) < in.size()) in[static_cast<std::size_t>(d)] = true;
    }
    for (std::size_t d = 0; d < in.size(); ++d) {
        if (!in[d]) out.diagnoses.push_back(static_cast<int>(d));
    }
    out.label = "not " + h.label;
    return out;
}

}  // namespace dah

namespace dah {

Hypothesis Hypothesis::of_id(const KnowledgeBase& kb, std::string_view id) {
    const int d = kb.diagnosis_index(id);
    if (d >= 0) return of_diagnosis(kb, d);
    const int g = kb.group_index(id);
    if (g >= 0) return of_group(kb, g);
    return Hypothesis{};
}

double Hypothesis::probability(const std::vector<double>& posterior) const {
    double sum = 0;
    for (int d : diagnoses) {
        if (d >= 0 && static_cast<std::size_t>(d) < posterior.size()) sum += posterior[static_cast<std::size_t>(d)];
    }
    return sum;
}

}  // namespace dah
