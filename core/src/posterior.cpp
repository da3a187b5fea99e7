// The posterior over diagnoses: log prior plus the log likelihood of each revealed finding,
// normalised with the log-sum-exp trick (many small likelihoods would underflow as plain products).
#include <algorithm>
#include <cmath>
#include <limits>

#include "dah/engine.hpp"
#include "likelihood.hpp"
#include "posterior_detail.hpp"

namespace dah {

namespace detail {

// The log weights are built in `out` itself, so nothing is allocated once `out` has room.
void posterior_into(const KnowledgeBase& kb, const Evidence& evidence, std::vector<double>& out) {
    const std::size_t n = kb.diagnoses.size();
    out.resize(n);
    double* log_weight = out.data();
    for (std::size_t d = 0; d < n; ++d) log_weight[d] = std::log(kb.diagnoses[d].prior);
    for (std::size_t v = 0; v < kb.variables.size(); ++v) {
        const int value = revealed_value(evidence, v);
        if (value < 0) continue;
        const Variable& var = kb.variables[v];
        for (std::size_t d = 0; d < n; ++d) log_weight[d] += std::log(likelihood(var, d, value));
    }
    double top = -std::numeric_limits<double>::infinity();
    for (std::size_t d = 0; d < n; ++d) top = std::max(top, log_weight[d]);
    if (!std::isfinite(top)) {
        // Evidence impossible under every diagnosis (the loaders reject such cases): keep the prior.
        double sum = 0;
        for (std::size_t d = 0; d < n; ++d) sum += kb.diagnoses[d].prior;
        for (std::size_t d = 0; d < n; ++d) out[d] = sum > 0 ? kb.diagnoses[d].prior / sum : 1.0 / static_cast<double>(n);
        return;
    }
    double sum = 0;
    for (std::size_t d = 0; d < n; ++d) {
        out[d] = std::exp(log_weight[d] - top);
        sum += out[d];
    }
    for (double& p : out) p /= sum;
}

void group_totals_into(const KnowledgeBase& kb, const std::vector<double>& posterior, std::vector<double>& out) {
    out.assign(kb.groups.size(), 0.0);
    for (std::size_t d = 0; d < kb.diagnoses.size() && d < posterior.size(); ++d) {
        const int g = kb.diagnoses[d].group;
        if (g >= 0 && static_cast<std::size_t>(g) < out.size()) out[static_cast<std::size_t>(g)] += posterior[d];
    }
}

}  // namespace detail

std::vector<double> posterior_after(const KnowledgeBase& kb, const Evidence& evidence) {
    std::vector<double> posterior;
    detail::posterior_into(kb, evidence, posterior);
    return posterior;
}

std::vector<double> group_totals(const KnowledgeBase& kb, const std::vector<double>& posterior) {
    std::vector<double> totals;
    detail::group_totals_into(kb, posterior, totals);
    return totals;
}

std::vector<double> posterior_if(const KnowledgeBase& kb, const Evidence& evidence, const Finding& finding) {
    Evidence changed = evidence;
    changed.value_of.resize(kb.variables.size(), -1);
    changed.set(finding);
    return posterior_after(kb, changed);
}

}  // namespace dah
