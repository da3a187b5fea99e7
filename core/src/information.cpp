// Expected information (bits) from revealing a variable: the entropy of the posterior now minus its
// expected entropy after the result, each result weighted by its predictive probability.
#include <algorithm>
#include <cmath>

#include "dah/engine.hpp"
#include "dah/sort_stably.hpp"
#include "likelihood.hpp"

namespace dah {

namespace {

double entropy_bits(const std::vector<double>& p) {
    double h = 0;
    for (double x : p) {
        if (x > 0) h -= x * std::log2(x);
    }
    return h;
}

}  // namespace

double expected_information_bits(const KnowledgeBase& kb, const Evidence& evidence, int variable) {
    if (variable < 0 || static_cast<std::size_t>(variable) >= kb.variables.size()) return 0;
    if (detail::revealed_value(evidence, static_cast<std::size_t>(variable)) >= 0) return 0;
    const Variable& v = kb.variables[static_cast<std::size_t>(variable)];
    const std::vector<double> now = posterior_after(kb, evidence);
    double expected_after = 0;
    std::vector<double> after(now.size());
    for (std::size_t value = 0; value < v.values.size(); ++value) {
        double p_value = 0;
        for (std::size_t d = 0; d < now.size(); ++d) {
            after[d] = now[d] * detail::likelihood(v, d, static_cast<int>(value));
            p_value += after[d];
        }
        if (p_value <= 0) continue;
        for (double& x : after) x /= p_value;
        expected_after += p_value * entropy_bits(after);
    }
    return std::max(0.0, entropy_bits(now) - expected_after);
}

double expected_information_bits(const KnowledgeBase& kb, const Evidence& evidence, int variable, const Hypothesis& a,
                                 const Hypothesis& b) {
    if (variable < 0 || static_cast<std::size_t>(variable) >= kb.variables.size()) return 0;
    if (detail::revealed_value(evidence, static_cast<std::size_t>(variable)) >= 0) return 0;
    const Variable& v = kb.variables[static_cast<std::size_t>(variable)];
    const std::vector<double> now = posterior_after(kb, evidence);
    // side[d]: 0 for a, 1 for b, -1 for neither.
    std::vector<int> side(now.size(), -1);
    for (int d : b.diagnoses) {
        if (d >= 0 && static_cast<std::size_t>(d) < side.size()) side[static_cast<std::size_t>(d)] = 1;
    }
    for (int d : a.diagnoses) {
        if (d >= 0 && static_cast<std::size_t>(d) < side.size()) side[static_cast<std::size_t>(d)] = 0;
    }
    double total = 0;
    for (std::size_t d = 0; d < now.size(); ++d) total += side[d] >= 0 ? now[d] : 0.0;
    if (total <= 0) return 0;
    // joint[h][x] = P(label h, value x) within a or b.
    std::vector<double> joint[2] = {std::vector<double>(v.values.size(), 0.0), std::vector<double>(v.values.size(), 0.0)};
    for (std::size_t d = 0; d < now.size(); ++d) {
        if (side[d] < 0) continue;
        for (std::size_t x = 0; x < v.values.size(); ++x) {
            joint[side[d]][x] += now[d] / total * detail::likelihood(v, d, static_cast<int>(x));
        }
    }
    double label[2] = {0, 0};
    std::vector<double> value(v.values.size(), 0.0);
    for (int h = 0; h < 2; ++h) {
        for (std::size_t x = 0; x < v.values.size(); ++x) {
            label[h] += joint[h][x];
            value[x] += joint[h][x];
        }
    }
    double bits = 0;
    for (int h = 0; h < 2; ++h) {
        for (std::size_t x = 0; x < v.values.size(); ++x) {
            if (joint[h][x] > 0) bits += joint[h][x] * std::log2(joint[h][x] / (label[h] * value[x]));
        }
    }
    return std::max(0.0, bits);
}

std::vector<TestSuggestion> suggest_next_tests(const KnowledgeBase& kb, const Evidence& evidence, Stage up_to) {
    std::vector<TestSuggestion> out;
    for (std::size_t v = 0; v < kb.variables.size(); ++v) {
        if (detail::revealed_value(evidence, v) >= 0 || kb.variables[v].stage > up_to) continue;
        out.push_back(TestSuggestion{static_cast<int>(v), expected_information_bits(kb, evidence, static_cast<int>(v))});
    }
    sort_stably(out,
                     [](const TestSuggestion& a, const TestSuggestion& b) { return a.expected_bits > b.expected_bits; });
    return out;
}

std::vector<TestSuggestion> suggest_next_tests(const KnowledgeBase& kb, const Evidence& evidence) {
    return suggest_next_tests(kb, evidence, Stage::course);
}

}  // namespace dah
