#include "dah/tutor/session.hpp"

#include <algorithm>

namespace dah::tutor {

void set_probability(std::vector<double>& p, int index, double value, const std::vector<int>& held) {
    if (index < 0 || index >= static_cast<int>(p.size())) return;
    auto is_held = [&](std::size_t i) { return std::find(held.begin(), held.end(), static_cast<int>(i)) != held.end(); };
    double held_total = 0, free_total = 0;
    std::size_t n_free = 0;
    for (std::size_t i = 0; i < p.size(); ++i) {
        if (static_cast<int>(i) == index) continue;
        if (is_held(i)) {
            held_total += p[i];
        } else {
            free_total += p[i];
            ++n_free;
        }
    }
    const double room = std::max(0.0, 1.0 - held_total);
    if (n_free == 0) {  // everything else is held: this one is what is left
        p[static_cast<std::size_t>(index)] = room;
        return;
    }
    value = std::clamp(value, 0.0, room);
    const double rest = room - value;
    for (std::size_t i = 0; i < p.size(); ++i) {
        if (static_cast<int>(i) == index || is_held(i)) continue;
        p[i] = free_total > 1e-12 ? p[i] * rest / free_total : rest / static_cast<double>(n_free);
    }
    p[static_cast<std::size_t>(index)] = value;
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
