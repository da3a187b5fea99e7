// `dah calibrate [VIGNETTES...]`: replays vignettes written from published case reports on the causal
// model and reports, per stage, the probability of the right answer, the Brier score, and every stage
// where a wrong cause exceeds 90 %. Default: tests/vignettes/vignettes.json with
// cases/knowledge-base-v2.json.
#include <algorithm>
#include <cstdio>

#include "cli.hpp"
#include "dah/vignette.hpp"
#include "json_output.hpp"

namespace dah::cli {

int run_calibrate(const Options& options) {
    using namespace dah::net;
    const std::string kb_path = options.kb_path.empty() ? "cases/knowledge-base-v2.json" : options.kb_path;
    std::string text;
    if (!read_file(kb_path, text)) {
        std::fprintf(stderr, "%s: cannot read the file\n", kb_path.c_str());
        return 2;
    }
    const Loaded<Network> network = load_network(text, kb_path);
    if (!network.ok()) {
        for (const Diagnostic& e : network.errors) std::fprintf(stderr, "%s\n", e.to_string().c_str());
        return 1;
    }
    const Network& n = *network.value;
    std::vector<std::string> paths = options.paths;
    if (paths.empty()) paths = {"tests/vignettes/vignettes.json", "cases"};
    // Vignette files, case files and folders of cases (their "network" blocks, with checks).
    std::vector<CaseNetwork> items;
    int status = 0;
    auto load_case = [&](const std::string& path) {
        if (!read_file(path, text)) {
            std::fprintf(stderr, "%s: cannot read the file\n", path.c_str());
            status = 2;
            return;
        }
        auto loaded = load_case_network(text, path, n);
        for (const Diagnostic& e : loaded.errors) std::fprintf(stderr, "%s\n", e.to_string().c_str());
        if (!loaded.errors.empty()) status = 1;
        if (loaded.ok()) items.push_back(std::move(*loaded.value));
    };
    for (const std::string& path : paths) {
        const std::string suffix = ".case.json";
        if (is_directory(path)) {
            for (const std::string& file : case_files_in(path)) load_case(file);
            continue;
        }
        if (path.size() > suffix.size() &&
            path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0) {
            load_case(path);
            continue;
        }
        if (!read_file(path, text)) {
            std::fprintf(stderr, "%s: cannot read the file\n", path.c_str());
            status = 2;
            continue;
        }
        const auto loaded = load_vignettes(text, path, n);
        if (!loaded.ok()) {
            for (const Diagnostic& e : loaded.errors) std::fprintf(stderr, "%s\n", e.to_string().c_str());
            status = 1;
            continue;
        }
        for (const Vignette& v : *loaded.value) items.push_back(CaseNetwork{v, {}});
    }
    nlohmann::json report = nlohmann::json::array();
    int vignettes = 0, right_at_end = 0, wrong_stages = 0;
    int overconfident_stages = 0, group_calls = 0, group_calls_right = 0, checks = 0, checks_passed = 0;
    double brier_sum = 0;
    {
        for (const CaseNetwork& item : items) {
            const Vignette& v = item.vignette;
            const auto stages = calibrate(n, v);
            ++vignettes;
            std::string answer;
            for (int c : v.answer)
                answer += (answer.empty() ? "" : " + ") + n.nodes[static_cast<std::size_t>(c)].id;
            if (!options.json) std::printf("%s (answer: %s)\n", v.id.c_str(), answer.c_str());
            if (stages.empty()) {
                std::printf("  the findings are impossible under the model\n");
                status = 1;
                continue;
            }
            nlohmann::json rows = nlohmann::json::array();
            int call_after_labs = 0;
            for (const CalibrationStage& s : stages) {
                std::string wrong;
                for (int c : s.wrong_above_90)
                    wrong += (wrong.empty() ? "" : ", ") + n.nodes[static_cast<std::size_t>(c)].id;
                wrong_stages += s.wrong_above_90.empty() ? 0 : 1;
                // Certainty above 99.5 % is only earned by a defining result (biopsy, specific antibody).
                const bool overconfident = s.highest > 0.995 && !s.after_defining;
                overconfident_stages += overconfident ? 1 : 0;
                // The call after labs: the last stage up to labs (history and lavage when labs reveal
                // nothing).
                if (s.stage <= Stage::labs) call_after_labs = s.group_call;
                const std::string& leading = n.nodes[static_cast<std::size_t>(s.leading)].id;
                if (!options.json) {
                    std::printf("  %-8s P(answer) %5.1f %%  Brier %.4f  leading %-24s%s%s%s%s\n",
                                std::string(stage_id(s.stage)).c_str(), 100 * s.p_answer, s.brier,
                                leading.c_str(), wrong.empty() ? "" : "  WRONG > 90 %: ", wrong.c_str(),
                                overconfident ? "  > 99.5 % BEFORE A DEFINING RESULT" : "",
                                s.group_call < 0 ? "  immune/antithrombotic call wrong" : "");
                }
                rows.push_back({{"stage", stage_id(s.stage)},
                                {"p_answer", s.p_answer},
                                {"brier", s.brier},
                                {"leading", leading},
                                {"wrong_above_90", wrong},
                                {"highest", s.highest},
                                {"after_defining", s.after_defining},
                                {"overconfident", overconfident},
                                {"group_call", s.group_call}});
            }
            if (call_after_labs != 0) {
                ++group_calls;
                group_calls_right += call_after_labs > 0 ? 1 : 0;
            }
            const CalibrationStage& last = stages.back();
            const bool right = std::find(v.answer.begin(), v.answer.end(), last.leading) != v.answer.end();
            right_at_end += right ? 1 : 0;
            brier_sum += last.brier;
            nlohmann::json check_rows = nlohmann::json::array();
            const auto outcomes = run_case_checks(n, item);
            for (std::size_t k = 0; k < outcomes.size(); ++k) {
                const CaseCheck& c = item.checks[k];
                const std::string what = c.target == CaseCheck::Target::both ? std::string("both")
                                         : c.target == CaseCheck::Target::group
                                             ? n.groups[static_cast<std::size_t>(c.index)].id
                                             : n.nodes[static_cast<std::size_t>(c.index)].id;
                ++checks;
                checks_passed += outcomes[k].passed ? 1 : 0;
                if (!options.json) {
                    std::printf("  check after %-8s P(%s) %5.1f %% in [%g, %g] %%: %s — %s\n",
                                std::string(stage_id(c.after)).c_str(), what.c_str(), 100 * outcomes[k].value,
                                100 * c.at_least, 100 * c.at_most, outcomes[k].passed ? "ok" : "FAILED",
                                c.reason.c_str());
                }
                check_rows.push_back({{"after", stage_id(c.after)},
                                      {"of", what},
                                      {"value", outcomes[k].value},
                                      {"at_least", c.at_least},
                                      {"at_most", c.at_most},
                                      {"passed", outcomes[k].passed},
                                      {"reason", c.reason}});
            }
            report.push_back({{"id", v.id},
                              {"answer", answer},
                              {"stages", rows},
                              {"leading_right_at_end", right},
                              {"checks", check_rows}});
        }
    }
    if (options.json) {
        print_json({{"vignettes", report},
                    {"right_at_end", right_at_end},
                    {"count", vignettes},
                    {"stages_with_wrong_above_90", wrong_stages},
                    {"stages_above_99_5_before_defining", overconfident_stages},
                    {"group_calls_after_labs", group_calls},
                    {"group_calls_after_labs_right", group_calls_right},
                    {"checks", checks},
                    {"checks_passed", checks_passed}});
    } else if (vignettes > 0) {
        std::printf(
            "\n%d vignettes: leading cause right after the last stage in %d (%.0f %%); mean Brier after the "
            "last stage "
            "%.4f; stages with a wrong cause above 90 %%: %d; stages above 99.5 %% before a defining result: "
            "%d; immune-versus-antithrombotic call after labs right in %d of %d\n",
            vignettes, right_at_end, 100.0 * right_at_end / vignettes, brier_sum / vignettes, wrong_stages,
            overconfident_stages, group_calls_right, group_calls);
        if (checks > 0) std::printf("case checks passed: %d of %d\n", checks_passed, checks);
    }
    return status;
}

}  // namespace dah::cli
