// The posterior over diagnoses: log prior plus the log likelihood of each revealed finding,
// normalised with the log-sum-exp trick (many small likelihoods would underflow as plain products).
#include <cmath>
#include <limits>

#include "dah/engine.hpp"
#include "likelihood.hpp"

namespace dah {

std::vector<double> posterior_after(const KnowledgeBase& kb, const Evidence& evidence) {
    const std::size_t n = kb.diagnoses.size();
    std::vector<double> log_weight(n);
    for (std::size_t d = 0; d < n; ++d) log_weight[d] = std::log(kb.diagnoses[d].prior);
    for (std::size_t v = 0; v < kb.variables.size(); ++v) {
        const int value = detail::revealed_value(evidence, v);
        if (value < 0) continue;
        for (std::size_t d = 0; d < n; ++d) log_weight[d] += std::log(detail::likelihood(kb.variables[v], d, value));
    }
    double top = -std::numeric_limits<double>::infinity();
    for (double w : log_weight) top = std::max(top, w);
    std::vector<double> posterior(n, 0.0);
    if (!std::isfinite(top)) {
        // Evidence impossible under every diagnosis (the loaders reject such cases): keep the prior.
        double sum = 0;
        for (std::size_t d = 0; d < n; ++d) sum += kb.diagnoses[d].prior;
        for (std::size_t d = 0; d < n; ++d) posterior[d] = sum > 0 ? kb.diagnoses[d].prior / sum : 1.0 / static_cast<double>(n);
        return posterior;
    }
    double sum = 0;
    for (std::size_t d = 0; d < n; ++d) {
        posterior[d] = std::exp(log_weight[d] - top);
        sum += posterior[d];
    }
    for (double& p : posterior) p /= sum;
    return posterior;
}

std::vector<double> group_totals(const KnowledgeBase& kb, const std::vector<double>& posterior) {
    std::vector<double> totals(kb.groups.size(), 0.0);
    for (std::size_t d = 0; d < kb.diagnoses.size() && d < posterior.size(); ++d) {
        const int g = kb.diagnoses[d].group;
        if (g >= 0 && static_cast<std::size_t>(g) < totals.size()) totals[static_cast<std::size_t>(g)] += posterior[d];
    }
    return totals;
}

std::vector<double> posterior_if(const KnowledgeBase& kb, const Evidence& evidence, const Finding& finding) {
    Evidence changed = evidence;
    changed.value_of.resize(kb.variables.size(), -1);
    changed.set(finding);
    return posterior_after(kb, changed);
}

}  // namespace dah
