// `dah replay CASE...`: the posterior after each stage at full precision ("%.17g"), one line per stage,
// so that two builds (native, WASM) can be compared number by number.
#include <cstdio>

#include "cli.hpp"
#include "dah/engine.hpp"
#include "json_output.hpp"

namespace dah::cli {

int run_replay(const Options& options) {
    if (options.paths.empty()) {
        std::fprintf(stderr, "usage: dah replay CASE... [--kb FILE] [--json]\n");
        return 2;
    }
    KnowledgeBases kbs;
    nlohmann::json cases = nlohmann::json::array();
    int status = 0;
    for (const std::string& path : options.paths) {
        const auto loaded = load_case_for_command(options, path, kbs);
        if (!loaded) {
            status = 1;
            continue;
        }
        const KnowledgeBase& kb = *loaded->kb;
        const auto results = replay(kb, loaded->value);
        if (options.json) {
            nlohmann::json stages = nlohmann::json::array();
            for (const StageResult& r : results) stages.push_back({{"stage", stage_id(r.stage)}, {"posterior", r.posterior}, {"groups", r.groups}});
            nlohmann::json ids = nlohmann::json::array();
            for (const Diagnosis& d : kb.diagnoses) ids.push_back(d.id);
            cases.push_back({{"file", path}, {"case", loaded->value.id}, {"diagnoses", ids}, {"stages", stages}});
            continue;
        }
        std::printf("case %s %s\n", loaded->value.id.c_str(), file_name_of(path).c_str());
        std::printf("diagnoses");
        for (const Diagnosis& d : kb.diagnoses) std::printf(" %s", d.id.c_str());
        std::printf("\n");
        for (const StageResult& r : results) {
            std::printf("stage %s", std::string(stage_id(r.stage)).c_str());
            for (double p : r.posterior) std::printf(" %.17g", p);
            std::printf("\n");
        }
    }
    if (options.json) print_json({{"cases", cases}});
    return status;
}

}  // namespace dah::cli
