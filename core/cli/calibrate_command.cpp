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
    if (paths.empty()) paths.push_back("tests/vignettes/vignettes.json");
    nlohmann::json report = nlohmann::json::array();
    int vignettes = 0, right_at_end = 0, wrong_stages = 0, status = 0;
    int overconfident_stages = 0, group_calls = 0, group_calls_right = 0;
    double brier_sum = 0;
    for (const std::string& path : paths) {
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
        for (const Vignette& v : *loaded.value) {
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
                // The call after labs: the last stage up to labs (history and lavage when labs reveal nothing).
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
            report.push_back(
                {{"id", v.id}, {"answer", answer}, {"stages", rows}, {"leading_right_at_end", right}});
        }
    }
    if (options.json) {
        print_json({{"vignettes", report},
                    {"right_at_end", right_at_end},
                    {"count", vignettes},
                    {"stages_with_wrong_above_90", wrong_stages},
                    {"stages_above_99_5_before_defining", overconfident_stages},
                    {"group_calls_after_labs", group_calls},
                    {"group_calls_after_labs_right", group_calls_right}});
    } else if (vignettes > 0) {
        std::printf(
            "\n%d vignettes: leading cause right after the last stage in %d (%.0f %%); mean Brier after the "
            "last stage "
            "%.4f; stages with a wrong cause above 90 %%: %d; stages above 99.5 %% before a defining result: "
            "%d; immune-versus-antithrombotic call after labs right in %d of %d\n",
            vignettes, right_at_end, 100.0 * right_at_end / vignettes, brier_sum / vignettes, wrong_stages,
            overconfident_stages, group_calls_right, group_calls);
    }
    return status;
}

}  // namespace dah::cli
