// Helpers shared by the unit tests: reading test files and building small random knowledge bases.
#pragma once

#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "dah/case.hpp"
#include "dah/knowledge_base.hpp"

namespace dah::test {

inline std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

inline std::string source_path(const std::string& relative) { return std::string(DAH_SOURCE_DIR) + "/" + relative; }

inline KnowledgeBase fixture_knowledge_base() {
    auto loaded = load_knowledge_base(read_text(source_path("tests/fixtures/knowledge-base.json")), "knowledge-base.json");
    return loaded.value.value_or(KnowledgeBase{});
}

// A random knowledge base: 2-5 diagnoses in 2 groups, 1-4 variables of 2-4 values; some
// likelihoods are exactly 0 when `zeros` is set.
inline KnowledgeBase random_knowledge_base(std::mt19937& rng, bool zeros = false) {
    std::uniform_int_distribution<int> diagnoses(2, 5), variables(1, 4), values(2, 4), stage(0, 5);
    std::uniform_real_distribution<double> unit(0.01, 1.0);
    std::bernoulli_distribution zero(0.15);
    KnowledgeBase kb;
    kb.groups = {{"a", "Group A"}, {"b", "Group B"}};
    const int n = diagnoses(rng);
    double prior_sum = 0;
    for (int d = 0; d < n; ++d) {
        Diagnosis dx;
        dx.id = "d" + std::to_string(d);
        dx.short_name = dx.id;
        dx.group = d % 2;
        dx.prior = unit(rng);
        prior_sum += dx.prior;
        kb.diagnoses.push_back(dx);
    }
    for (auto& dx : kb.diagnoses) dx.prior /= prior_sum;
    const int m = variables(rng);
    for (int v = 0; v < m; ++v) {
        Variable var;
        var.id = "v" + std::to_string(v);
        var.stage = all_stages[static_cast<std::size_t>(stage(rng))];
        const int k = values(rng);
        for (int x = 0; x < k; ++x) var.values.push_back({"x" + std::to_string(x), "x"});
        for (int d = 0; d < n; ++d) {
            std::vector<double> row(static_cast<std::size_t>(k));
            double sum = 0;
            for (auto& p : row) {
                p = zeros && zero(rng) ? 0.0 : unit(rng);
                sum += p;
            }
            if (sum == 0) row[0] = sum = 1;
            for (auto& p : row) p /= sum;
            var.likelihood.push_back(row);
            var.citation.push_back(Citation{"", "random", ""});
        }
        kb.variables.push_back(var);
    }
    return kb;
}

}  // namespace dah::test
