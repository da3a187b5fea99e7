#include "dah/tutor/session.hpp"

#include <algorithm>

namespace dah::tutor {

void set_probability(std::vector<double>& p, int index, double value) {
    if (index < 0 || index >= static_cast<int>(p.size())) return;
    value = std::clamp(value, 0.0, 1.0);
    double others = 0;
    for (std::size_t i = 0; i < p.size(); ++i)
        if (static_cast<int>(i) != index) others += p[i];
    const double rest = 1.0 - value;
    const std::size_t n_others = p.size() - 1;
    for (std::size_t i = 0; i < p.size(); ++i) {
        if (static_cast<int>(i) == index) continue;
        if (others > 1e-12)
            p[i] = p[i] * rest / others;
        else
            p[i] = n_others > 0 ? rest / static_cast<double>(n_others) : 0;
    }
    p[static_cast<std::size_t>(index)] = n_others > 0 ? value : 1.0;
}

double score_from_brier(double brier) { return std::clamp(100.0 * (1.0 - brier / 2.0), 0.0, 100.0); }

double case_score(const CaseSession& session, bool learner) {
    double sum = 0;
    int n = 0;
    for (const auto& a : session.answers) {
        if (!a.committed) continue;
        sum += score_from_brier(learner ? a.learner_brier : a.engine_brier);
        ++n;
    }
    return n > 0 ? sum / n : -1;
}

}  // namespace dah::tutor
