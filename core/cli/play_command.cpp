// `dah play CASE` (every stage) and `dah explain CASE --stage N` (one stage in depth): the differential,
// group totals and the findings that moved it most, with likelihood ratios and sources.
#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "cli.hpp"
#include "dah/engine.hpp"
#include "json_output.hpp"
#include "text_format.hpp"

namespace dah::cli {

namespace {

using nlohmann::json;

int leader(const std::vector<double>& p) {
    return static_cast<int>(std::max_element(p.begin(), p.end()) - p.begin());
}

std::string finding_text(const KnowledgeBase& kb, const Finding& f) {
    const Variable& v = kb.variables[static_cast<std::size_t>(f.variable)];
    std::string s = v.name + " = " + v.values[static_cast<std::size_t>(f.value)].name;
    if (!f.detail.empty()) s += " (" + f.detail + ")";
    return s;
}

// The citation of the likelihood row of diagnosis `d` for the finding's variable.
std::string citation_text(const KnowledgeBase& kb, const Citation& c) {
    if (c.is_estimate()) return "estimate: " + c.estimate;
    const Source* s = kb.source(c.source_id);
    return c.source_id + (s ? ": " + s->citation : std::string());
}

const Citation& row_citation(const KnowledgeBase& kb, const Finding& f, int d) {
    static const Citation none;
    const Variable& v = kb.variables[static_cast<std::size_t>(f.variable)];
    return static_cast<std::size_t>(d) < v.citation.size() ? v.citation[static_cast<std::size_t>(d)] : none;
}

json finding_json(const KnowledgeBase& kb, const Finding& f) {
    const Variable& v = kb.variables[static_cast<std::size_t>(f.variable)];
    return {{"variable", v.id}, {"value", v.values[static_cast<std::size_t>(f.value)].id}, {"detail", f.detail}};
}

json citation_json(const Citation& c) {
    json out = {{"derivation", c.derivation}};
    if (c.is_estimate()) out["estimate"] = c.estimate;
    else out["source"] = c.source_id;
    return out;
}

void print_differential(const KnowledgeBase& kb, const std::vector<double>& posterior, const std::vector<double>& groups,
                        std::size_t top) {
    std::vector<std::size_t> order(posterior.size());
    for (std::size_t d = 0; d < order.size(); ++d) order[d] = d;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return posterior[a] > posterior[b]; });
    std::printf("  Differential\n");
    for (std::size_t k = 0; k < order.size() && k < top; ++k) {
        const Diagnosis& d = kb.diagnoses[order[k]];
        std::printf("    %s %s  %s\n", pad(d.short_name, 18).c_str(), percent(posterior[order[k]]).c_str(),
                    bar(posterior[order[k]], 30).c_str());
    }
    if (order.size() > top) std::printf("    (%zu more below %.1f %%)\n", order.size() - top, 100.0 * posterior[order[top]]);
    std::printf("  Groups\n");
    for (std::size_t g = 0; g < groups.size(); ++g) {
        std::printf("    %s %s  %s\n", pad(kb.groups[g].name, 36).c_str(), percent(groups[g]).c_str(), bar(groups[g], 20).c_str());
    }
}

// Findings weighed for the leading diagnosis against all others.
std::vector<WeightedFinding> moved_most(const KnowledgeBase& kb, const Evidence& evidence,
                                        const std::vector<Finding>& findings, int lead) {
    const Hypothesis a = Hypothesis::of_diagnosis(kb, lead);
    return rank_by_weight(kb, evidence, findings, a, Hypothesis::complement(kb, a));
}

void print_weights(const KnowledgeBase& kb, const std::vector<WeightedFinding>& ranked, int lead, const char* heading,
                   std::size_t limit) {
    if (ranked.empty()) return;
    std::printf("  %s (for %s against the rest)\n", heading, kb.diagnoses[static_cast<std::size_t>(lead)].short_name.c_str());
    for (std::size_t k = 0; k < ranked.size() && k < limit; ++k) {
        const WeightedFinding& w = ranked[k];
        std::printf("    %s  LR %-6s %s\n", decibans(w.weight_db).c_str(), ratio(w.likelihood_ratio).c_str(),
                    finding_text(kb, w.finding).c_str());
        std::printf("                          [%s]\n", citation_text(kb, row_citation(kb, w.finding, lead)).c_str());
    }
}

json weights_json(const KnowledgeBase& kb, const std::vector<WeightedFinding>& ranked, int lead) {
    json out = json::array();
    for (const WeightedFinding& w : ranked) {
        json item = finding_json(kb, w.finding);
        item["weight_db"] = w.weight_db;
        item["likelihood_ratio"] = w.likelihood_ratio;
        item["citation"] = citation_json(row_citation(kb, w.finding, lead));
        out.push_back(item);
    }
    return out;
}

json stage_json(const KnowledgeBase& kb, const CaseStage& stage, const StageResult& r, const std::vector<WeightedFinding>& ranked) {
    json findings = json::array();
    for (const Finding& f : stage.findings) findings.push_back(finding_json(kb, f));
    const int lead = leader(r.posterior);
    return {{"stage", stage_id(stage.stage)},     {"title", stage.title},
            {"findings", findings},               {"posterior", r.posterior},
            {"groups", r.groups},                 {"leading", kb.diagnoses[static_cast<std::size_t>(lead)].id},
            {"moved_most", weights_json(kb, ranked, lead)}};
}

json header_json(const KnowledgeBase& kb, const Case& c) {
    json diagnoses = json::array(), groups = json::array();
    for (const Diagnosis& d : kb.diagnoses) diagnoses.push_back({{"id", d.id}, {"short_name", d.short_name}, {"group", kb.groups[static_cast<std::size_t>(d.group)].id}});
    for (const Group& g : kb.groups) groups.push_back(g.id);
    return {{"case", c.id}, {"title", c.title}, {"diagnoses", diagnoses}, {"groups", groups}};
}

void print_header(const Case& c) {
    std::printf("%s  (%s, %s)\n", c.title.c_str(), c.id.c_str(), c.difficulty.c_str());
    std::printf("Patient: %d, %s%s%s\n", c.patient.age, c.patient.sex.c_str(),
                c.patient.setting.empty() ? "" : ", ", c.patient.setting.c_str());
    if (!c.patient.summary.empty()) std::printf("  %s\n", c.patient.summary.c_str());
}

void print_stage_heading(std::size_t index, const CaseStage& stage) {
    std::printf("\n== %zu. %s (%s) ==\n", index + 1, stage.title.c_str(), std::string(stage_id(stage.stage)).c_str());
    std::printf("  %s\n", stage.narrative.c_str());
}

}  // namespace

int run_play(const Options& options) {
    if (options.paths.size() != 1) {
        std::fprintf(stderr, "usage: dah play CASE [--kb FILE] [--json]\n");
        return 2;
    }
    KnowledgeBases kbs;
    const auto loaded = load_case_for_command(options, options.paths[0], kbs);
    if (!loaded) return 1;
    const KnowledgeBase& kb = *loaded->kb;
    const Case& c = loaded->value;
    const std::vector<StageResult> results = replay(kb, c);
    const std::vector<CheckOutcome> checks = evaluate_checks(kb, c);
    json stages = json::array();
    if (!options.json) print_header(c);
    for (std::size_t i = 0; i < results.size(); ++i) {
        const int lead = leader(results[i].posterior);
        const auto ranked = moved_most(kb, results[i].evidence, c.stages[i].findings, lead);
        if (options.json) {
            stages.push_back(stage_json(kb, c.stages[i], results[i], ranked));
            continue;
        }
        print_stage_heading(i, c.stages[i]);
        for (const Finding& f : c.stages[i].findings) std::printf("  + %s\n", finding_text(kb, f).c_str());
        print_differential(kb, results[i].posterior, results[i].groups, 6);
        print_weights(kb, ranked, lead, "Moved most", 3);
    }
    bool all_passed = true;
    json checks_json = json::array();
    for (const CheckOutcome& o : checks) {
        all_passed = all_passed && o.passed;
        checks_json.push_back({{"description", o.description}, {"passed", o.passed}});
    }
    const std::string answer = c.answer >= 0 ? kb.diagnoses[static_cast<std::size_t>(c.answer)].id : "";
    if (options.json) {
        json out = header_json(kb, c);
        out["stages"] = stages;
        out["answer"] = {{"diagnosis", answer}, {"min_probability", c.answer_min_probability}, {"explanation", c.explanation}};
        out["checks"] = checks_json;
        print_json(out);
    } else {
        std::printf("\n== Answer: %s ==\n  %s\n", kb.diagnoses[static_cast<std::size_t>(c.answer)].name.c_str(), c.explanation.c_str());
        for (const CheckOutcome& o : checks) std::printf("  [%s] %s\n", o.passed ? "ok" : "FAIL", o.description.c_str());
    }
    return 0;
}

int run_explain(const Options& options) {
    if (options.paths.size() != 1 || options.stage.empty()) {
        std::fprintf(stderr, "usage: dah explain CASE --stage N|ID [--kb FILE] [--json]\n");
        return 2;
    }
    KnowledgeBases kbs;
    const auto loaded = load_case_for_command(options, options.paths[0], kbs);
    if (!loaded) return 1;
    const KnowledgeBase& kb = *loaded->kb;
    const Case& c = loaded->value;
    std::size_t index = c.stages.size();
    Stage wanted;
    if (stage_from_id(options.stage, wanted)) {
        for (std::size_t i = 0; i < c.stages.size(); ++i) {
            if (c.stages[i].stage == wanted) index = i;
        }
    } else {
        const long n = std::strtol(options.stage.c_str(), nullptr, 10);
        if (n >= 1 && static_cast<std::size_t>(n) <= c.stages.size()) index = static_cast<std::size_t>(n - 1);
    }
    if (index == c.stages.size()) {
        std::fprintf(stderr, "dah: the case has no stage %s (it has %zu stages)\n", options.stage.c_str(), c.stages.size());
        return 2;
    }
    const std::vector<StageResult> results = replay(kb, c);
    const StageResult& r = results[index];
    const int lead = leader(r.posterior);
    std::vector<Finding> so_far;
    for (std::size_t i = 0; i <= index; ++i) so_far.insert(so_far.end(), c.stages[i].findings.begin(), c.stages[i].findings.end());
    const auto this_stage = moved_most(kb, r.evidence, c.stages[index].findings, lead);
    const auto all = moved_most(kb, r.evidence, so_far, lead);
    // Between the two leading groups: how each finding so far weighs.
    std::vector<std::size_t> g_order(r.groups.size());
    for (std::size_t g = 0; g < g_order.size(); ++g) g_order[g] = g;
    std::stable_sort(g_order.begin(), g_order.end(), [&](std::size_t a, std::size_t b) { return r.groups[a] > r.groups[b]; });
    std::vector<WeightedFinding> by_group;
    Hypothesis ga, gb;
    if (g_order.size() >= 2) {
        ga = Hypothesis::of_group(kb, static_cast<int>(g_order[0]));
        gb = Hypothesis::of_group(kb, static_cast<int>(g_order[1]));
        by_group = rank_by_weight(kb, r.evidence, so_far, ga, gb);
    }
    const auto tests = suggest_next_tests(kb, r.evidence);
    if (options.json) {
        json out = header_json(kb, c);
        json stage = stage_json(kb, c.stages[index], r, this_stage);
        stage["all_findings"] = weights_json(kb, all, lead);
        if (!ga.diagnoses.empty()) {
            stage["groups_compared"] = {{"for", kb.groups[g_order[0]].id}, {"against", kb.groups[g_order[1]].id},
                                        {"findings", weights_json(kb, by_group, lead)}};
        }
        json next = json::array();
        for (const TestSuggestion& t : tests) next.push_back({{"variable", kb.variables[static_cast<std::size_t>(t.variable)].id}, {"expected_bits", t.expected_bits}});
        stage["next_tests"] = next;
        json points = json::array();
        for (const TeachingPoint& tp : c.stages[index].teaching_points) points.push_back({{"text", tp.text}, {"sources", tp.sources}});
        stage["teaching_points"] = points;
        out["stage"] = stage;
        print_json(out);
        return 0;
    }
    print_header(c);
    print_stage_heading(index, c.stages[index]);
    std::printf("  Revealed so far:\n");
    for (const Finding& f : so_far) std::printf("    %s\n", finding_text(kb, f).c_str());
    print_differential(kb, r.posterior, r.groups, kb.diagnoses.size());
    print_weights(kb, this_stage, lead, "This stage", this_stage.size());
    print_weights(kb, all, lead, "All findings so far", all.size());
    if (!by_group.empty()) {
        std::printf("  %s against %s\n", ga.label.c_str(), gb.label.c_str());
        for (const WeightedFinding& w : by_group) {
            std::printf("    %s  LR %-6s %s\n", decibans(w.weight_db).c_str(), ratio(w.likelihood_ratio).c_str(), finding_text(kb, w.finding).c_str());
        }
    }
    std::printf("  Most informative tests not yet done (expected information)\n");
    for (std::size_t k = 0; k < tests.size() && k < 5; ++k) {
        const Variable& v = kb.variables[static_cast<std::size_t>(tests[k].variable)];
        std::printf("    %.3f bits  %s (%s)\n", tests[k].expected_bits, v.name.c_str(), std::string(stage_id(v.stage)).c_str());
    }
    if (!c.stages[index].teaching_points.empty()) std::printf("  Teaching points\n");
    for (const TeachingPoint& tp : c.stages[index].teaching_points) {
        std::string sources;
        for (const std::string& s : tp.sources) sources += (sources.empty() ? "" : ", ") + s;
        std::printf("    - %s%s\n", tp.text.c_str(), sources.empty() ? "" : (" [" + sources + "]").c_str());
    }
    return 0;
}

}  // namespace dah::cli
