// Weight of evidence of a finding for one set of diagnoses against another, in decibans, and the
// ranking of findings by it ("which findings moved the differential most").
#include <algorithm>
#include <cmath>
#include <limits>

#include "dah/engine.hpp"
#include "dah/sort_stably.hpp"
#include "likelihood.hpp"

namespace dah {

namespace {

// P(finding | h, rest): the likelihoods of h's diagnoses, weighted by their posterior given rest
// (by prior when rest excludes all of them).
double likelihood_of_set(const KnowledgeBase& kb, const std::vector<double>& posterior_rest, const Finding& f,
                         const Hypothesis& h) {
    const Variable& v = kb.variables[static_cast<std::size_t>(f.variable)];
    double weight = 0, total = 0;
    for (int pass = 0; pass < 2 && weight <= 0; ++pass) {
        weight = total = 0;
        for (int d : h.diagnoses) {
            if (d < 0 || static_cast<std::size_t>(d) >= kb.diagnoses.size()) continue;
            const std::size_t di = static_cast<std::size_t>(d);
            const double w = pass == 0 ? posterior_rest[di] : kb.diagnoses[di].prior;
            weight += w;
            total += w * detail::likelihood(v, di, f.value);
        }
    }
    return weight > 0 ? total / weight : std::numeric_limits<double>::quiet_NaN();
}

}  // namespace

double weight_of_evidence_db(const KnowledgeBase& kb, const Evidence& rest, const Finding& finding,
                             const Hypothesis& a, const Hypothesis& b) {
    if (finding.variable < 0 || static_cast<std::size_t>(finding.variable) >= kb.variables.size()) return 0;
    Evidence context = rest;
    context.value_of.resize(kb.variables.size(), -1);
    context.value_of[static_cast<std::size_t>(finding.variable)] = -1;
    const std::vector<double> posterior = posterior_after(kb, context);
    const double pa = likelihood_of_set(kb, posterior, finding, a);
    const double pb = likelihood_of_set(kb, posterior, finding, b);
    if (std::isnan(pa) || std::isnan(pb) || (pa <= 0 && pb <= 0)) return 0;
    if (pb <= 0) return std::numeric_limits<double>::infinity();
    if (pa <= 0) return -std::numeric_limits<double>::infinity();
    return 10.0 * std::log10(pa / pb);
}

std::vector<WeightedFinding> rank_by_weight(const KnowledgeBase& kb, const Evidence& evidence,
                                            const std::vector<Finding>& findings, const Hypothesis& a,
                                            const Hypothesis& b) {
    std::vector<WeightedFinding> ranked;
    for (const Finding& f : findings) {
        WeightedFinding w;
        w.finding = f;
        w.weight_db = weight_of_evidence_db(kb, evidence, f, a, b);
        w.likelihood_ratio = std::pow(10.0, w.weight_db / 10.0);
        ranked.push_back(w);
    }
    sort_stably(ranked, [](const WeightedFinding& x, const WeightedFinding& y) {
        return std::fabs(x.weight_db) > std::fabs(y.weight_db);
    });
    return ranked;
}

}  // namespace dah
