// Teaching points wait for the stage that establishes the answer when they name it (cases/FORMAT.md):
// a point placed earlier is shown from the establishing stage, or at the debrief when nothing
// establishes the answer.
#include <cctype>

#include "dah/tutor/progress_report.hpp"

namespace dah::tutor {

namespace {

std::string lower(std::string s) {
    for (char& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return s;
}

bool word_char(char ch) { return std::isalnum(static_cast<unsigned char>(ch)) != 0; }

// `term` in `text` (both lower case) with no letter or digit either side.
bool has_word(const std::string& text, const std::string& term) {
    if (term.empty()) return false;
    for (std::size_t at = text.find(term); at != std::string::npos; at = text.find(term, at + 1)) {
        const bool left = at == 0 || !word_char(text[at - 1]);
        const std::size_t end = at + term.size();
        if (left && (end >= text.size() || !word_char(text[end]))) return true;
    }
    return false;
}

std::string trimmed(const std::string& s) {
    const std::size_t a = s.find_first_not_of(' '), b = s.find_last_not_of(' ');
    return a == std::string::npos ? "" : s.substr(a, b - a + 1);
}

}  // namespace

bool names_diagnosis(const Diagnosis& d, const std::string& text) {
    std::vector<std::string> terms = {d.id, d.name, d.short_name};
    const std::size_t open = d.name.find('('), close = d.name.find(')');
    if (open != std::string::npos && close != std::string::npos && close > open) {
        terms.push_back(trimmed(d.name.substr(0, open)));
        terms.push_back(trimmed(d.name.substr(open + 1, close - open - 1)));
    }
    const std::string t = lower(text);
    for (const std::string& term : terms)
        if (has_word(t, lower(term))) return true;
    return false;
}

int establishing_stage(const KnowledgeBase& kb, const Case& c) {
    if (c.answer < 0 || static_cast<std::size_t>(c.answer) >= kb.diagnoses.size()) return -1;
    const Diagnosis& answer = kb.diagnoses[static_cast<std::size_t>(c.answer)];
    int members = 0;
    for (const Diagnosis& d : kb.diagnoses) members += d.group == answer.group ? 1 : 0;
    const std::string group_id =
        members == 1 && answer.group >= 0 && static_cast<std::size_t>(answer.group) < kb.groups.size()
            ? kb.groups[static_cast<std::size_t>(answer.group)].id
            : "";
    int first = -1;
    for (const StageCheck& check : c.checks) {
        // The answer as the case file names it counts too (its checks were written with that id).
        if (check.leading.empty() ||
            (check.leading != answer.id && check.leading != group_id && check.leading != c.answer_id))
            continue;
        for (std::size_t i = 0; i < c.stages.size(); ++i)
            if (c.stages[i].stage == check.after && (first < 0 || static_cast<int>(i) < first))
                first = static_cast<int>(i);
    }
    return first;
}

int teaching_point_stage(const KnowledgeBase& kb, const Case& c, int own, const TeachingPoint& point) {
    if (c.answer < 0 || static_cast<std::size_t>(c.answer) >= kb.diagnoses.size()) return own;
    const bool names = names_diagnosis(kb.diagnoses[static_cast<std::size_t>(c.answer)], point.text) ||
                       has_word(lower(point.text), lower(c.answer_id));
    if (!names) return own;
    const int establishing = establishing_stage(kb, c);
    if (establishing < 0) return static_cast<int>(c.stages.size());
    return own < establishing ? establishing : own;
}

std::vector<ShownTeachingPoint> teaching_points_at(const KnowledgeBase& kb, const Case& c, int stage) {
    std::vector<ShownTeachingPoint> out;
    for (std::size_t i = 0; i < c.stages.size(); ++i)
        for (const TeachingPoint& tp : c.stages[i].teaching_points)
            if (teaching_point_stage(kb, c, static_cast<int>(i), tp) == stage)
                out.push_back({static_cast<int>(i), tp});
    return out;
}

}  // namespace dah::tutor
