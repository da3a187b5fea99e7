// Evaluates what a case promises about the engine (its answer and `checks`) on a replay.
#include <cmath>
#include <cstdio>

#include "dah/engine.hpp"

namespace dah {

namespace {

std::string percent(double p) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f %%", 100.0 * p);
    return buffer;
}

std::string decibans(double db) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%+.1f dB", db);
    return buffer;
}

int leader(const std::vector<double>& posterior) {
    int best = -1;
    for (std::size_t d = 0; d < posterior.size(); ++d) {
        if (best < 0 || posterior[d] > posterior[static_cast<std::size_t>(best)]) best = static_cast<int>(d);
    }
    return best;
}

// Whether hypothesis `id` leads: a diagnosis must be the top diagnosis, a group the top group.
bool leads(const KnowledgeBase& kb, const std::vector<double>& posterior, const std::string& id) {
    const int d = kb.diagnosis_index(id);
    if (d >= 0) return leader(posterior) == d;
    const int g = kb.group_index(id);
    if (g < 0) return false;
    const std::vector<double> groups = group_totals(kb, posterior);
    for (std::size_t k = 0; k < groups.size(); ++k) {
        if (groups[k] > groups[static_cast<std::size_t>(g)]) return false;
    }
    return true;
}

double log_odds_db(const Hypothesis& a, const Hypothesis& b, const std::vector<double>& posterior) {
    return 10.0 * std::log10(a.probability(posterior) / b.probability(posterior));
}

}  // namespace

std::vector<CheckOutcome> evaluate_checks(const KnowledgeBase& kb, const Case& c) {
    std::vector<CheckOutcome> out;
    const std::vector<StageResult> stages = replay(kb, c);
    if (stages.empty()) return out;
    std::vector<double> prior(kb.diagnoses.size());
    for (std::size_t d = 0; d < prior.size(); ++d) prior[d] = kb.diagnoses[d].prior;

    const std::vector<double>& last = stages.back().posterior;
    if (c.answer >= 0 && static_cast<std::size_t>(c.answer) < kb.diagnoses.size()) {
        const std::string& id = kb.diagnoses[static_cast<std::size_t>(c.answer)].id;
        const double p = last[static_cast<std::size_t>(c.answer)];
        const int top = leader(last);
        CheckOutcome o;
        o.passed = top == c.answer && p >= c.answer_min_probability;
        o.description = "answer: " + id + " leads with >= " + percent(c.answer_min_probability) + " (engine: " +
                        percent(p) + ", leader " + kb.diagnoses[static_cast<std::size_t>(top)].id + ")";
        out.push_back(o);
    }
    for (const StageCheck& check : c.checks) {
        std::size_t at = stages.size();
        for (std::size_t k = 0; k < stages.size(); ++k) {
            if (stages[k].stage == check.after) at = k;
        }
        const std::string where = "after " + std::string(stage_id(check.after)) + ": ";
        if (at == stages.size()) {
            out.push_back(CheckOutcome{where + "the case has no such stage", false});
            continue;
        }
        const std::vector<double>& posterior = stages[at].posterior;
        if (!check.leading.empty()) {
            const Hypothesis h = Hypothesis::of_id(kb, check.leading);
            const double p = h.probability(posterior);
            CheckOutcome o;
            o.passed = !h.diagnoses.empty() && leads(kb, posterior, check.leading) && p >= check.min_probability;
            o.description = where + check.leading + " leads with >= " + percent(check.min_probability) +
                            " (engine: " + percent(p) + (o.passed ? ")" : ", not met)");
            out.push_back(o);
        }
        if (!check.odds_for.empty()) {
            const Hypothesis a = Hypothesis::of_id(kb, check.odds_for);
            const Hypothesis b = Hypothesis::of_id(kb, check.odds_against);
            const std::vector<double>& before = at == 0 ? prior : stages[at - 1].posterior;
            const double change = log_odds_db(a, b, posterior) - log_odds_db(a, b, before);
            CheckOutcome o;
            o.passed = std::isfinite(change) && change >= check.min_change_db && change <= check.max_change_db;
            char bounds[96];
            if (check.min_change_db <= -1e9) std::snprintf(bounds, sizeof bounds, "by at most %g dB", check.max_change_db);
            else if (check.max_change_db >= 1e9) std::snprintf(bounds, sizeof bounds, "by at least %g dB", check.min_change_db);
            else std::snprintf(bounds, sizeof bounds, "in [%g, %g] dB", check.min_change_db, check.max_change_db);
            o.description = where + "odds of " + check.odds_for + " against " + check.odds_against + " moved " +
                            bounds + " (engine: " + decibans(change) + ")";
            out.push_back(o);
        }
    }
    return out;
}

}  // namespace dah
