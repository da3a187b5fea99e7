// `dah kb`: for each finding variable, P(value | diagnosis) with the likelihood ratio of the value for
// that diagnosis against all others (weighted by prior), and the source of each row.
#include <cstdio>

#include "cli.hpp"
#include "json_output.hpp"
#include "text_format.hpp"

namespace dah::cli {

namespace {

using nlohmann::json;

// P(value | not d), the others weighted by their prior.
double likelihood_of_rest(const KnowledgeBase& kb, const Variable& v, std::size_t d, std::size_t value) {
    double weight = 0, total = 0;
    for (std::size_t o = 0; o < kb.diagnoses.size(); ++o) {
        if (o == d) continue;
        weight += kb.diagnoses[o].prior;
        total += kb.diagnoses[o].prior * v.likelihood[o][value];
    }
    return weight > 0 ? total / weight : 0;
}

double likelihood_ratio(const KnowledgeBase& kb, const Variable& v, std::size_t d, std::size_t value) {
    const double rest = likelihood_of_rest(kb, v, d, value);
    const double p = v.likelihood[d][value];
    if (rest <= 0) return p > 0 ? 1.0 / 0.0 : 1.0;
    return p / rest;
}

std::string citation_text(const Citation& c) {
    return c.is_estimate() ? "estimate: " + c.estimate : c.source_id + (c.derivation.empty() ? "" : " (" + c.derivation + ")");
}

}  // namespace

int run_kb(const Options& options) {
    const std::string path = options.kb_path.empty() ? default_knowledge_base : options.kb_path;
    KnowledgeBases kbs;
    const Loaded<KnowledgeBase>& loaded = kbs.get(path);
    if (!loaded.ok()) {
        for (const Diagnostic& e : loaded.errors) std::fprintf(stderr, "%s\n", e.to_string().c_str());
        return 1;
    }
    const KnowledgeBase& kb = *loaded.value;
    if (options.json) {
        json out = {{"sources", json::array()}, {"groups", json::array()}, {"diagnoses", json::array()}, {"variables", json::array()}};
        for (const Source& s : kb.sources) out["sources"].push_back({{"id", s.id}, {"citation", s.citation}});
        for (const Group& g : kb.groups) out["groups"].push_back({{"id", g.id}, {"name", g.name}});
        for (const Diagnosis& d : kb.diagnoses) {
            out["diagnoses"].push_back({{"id", d.id}, {"name", d.name}, {"group", kb.groups[static_cast<std::size_t>(d.group)].id},
                                        {"prior", d.prior}, {"source", d.prior_citation.source_id}, {"estimate", d.prior_citation.estimate}});
        }
        for (const Variable& v : kb.variables) {
            json rows = json::array();
            for (std::size_t d = 0; d < kb.diagnoses.size(); ++d) {
                json lr = json::array();
                for (std::size_t value = 0; value < v.values.size(); ++value) lr.push_back(likelihood_ratio(kb, v, d, value));
                rows.push_back({{"diagnosis", kb.diagnoses[d].id}, {"p", v.likelihood[d]}, {"likelihood_ratio", lr},
                                {"source", v.citation[d].source_id}, {"estimate", v.citation[d].estimate},
                                {"derivation", v.citation[d].derivation}});
            }
            json values = json::array();
            for (const Value& value : v.values) values.push_back(value.id);
            out["variables"].push_back({{"id", v.id}, {"name", v.name}, {"stage", stage_id(v.stage)}, {"values", values}, {"rows", rows}});
        }
        print_json(out);
        return 0;
    }
    std::printf("Knowledge base %s: %zu diagnoses, %zu finding variables, %zu sources\n", path.c_str(), kb.diagnoses.size(),
                kb.variables.size(), kb.sources.size());
    std::printf("\nDiagnoses (prior, normalised)\n");
    for (const Diagnosis& d : kb.diagnoses) {
        std::printf("  %s %s %s  %s\n", pad(d.short_name, 16).c_str(), pad(kb.groups[static_cast<std::size_t>(d.group)].id, 14).c_str(),
                    percent(d.prior).c_str(), citation_text(d.prior_citation).c_str());
    }
    std::printf("\nEach cell: P(value | diagnosis) x likelihood ratio against the other diagnoses\n");
    for (const Variable& v : kb.variables) {
        std::printf("\n%s [%s, stage %s]%s%s\n", v.name.c_str(), v.id.c_str(), std::string(stage_id(v.stage)).c_str(),
                    v.question.empty() ? "" : ": ", v.question.c_str());
        std::printf("  %s", pad("", 16).c_str());
        for (const Value& value : v.values) std::printf(" %s", pad(value.name.substr(0, 17), 17).c_str());
        std::printf(" source\n");
        for (std::size_t d = 0; d < kb.diagnoses.size(); ++d) {
            std::printf("  %s", pad(kb.diagnoses[d].short_name, 16).c_str());
            for (std::size_t value = 0; value < v.values.size(); ++value) {
                const std::string cell = fixed(v.likelihood[d][value], 3) + " x" + ratio(likelihood_ratio(kb, v, d, value));
                std::printf(" %s", pad(cell, 17).c_str());
            }
            std::string cite = citation_text(v.citation[d]);
            if (cite.size() > 60) cite = cite.substr(0, 57) + "...";
            std::printf(" %s\n", cite.c_str());
        }
    }
    std::printf("\nSources\n");
    for (const Source& s : kb.sources) std::printf("  %s  %s\n", pad(s.id, 8).c_str(), s.citation.c_str());
    return 0;
}

}  // namespace dah::cli
