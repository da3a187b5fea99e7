// `dah outcomes CASE... [--kb FILE] [--json]`: the engine the app shows, case by case: the causal model's
// distribution over the tutor's outcomes after each stage (as the tutor reads the case), with the outcome
// of the case's answer. For the SCORM packages' engine scores and for comparing builds.
#include <cstdio>

#include "cli.hpp"
#include "dah/tutor/library.hpp"
#include "json_output.hpp"

namespace dah::cli {

int run_outcomes(const Options& options) {
    if (options.paths.empty()) {
        std::fprintf(stderr, "usage: dah outcomes CASE... [--kb FILE] [--json]\n");
        return 2;
    }
    const std::string kb_path = options.kb_path.empty() ? std::string("cases/knowledge-base-v2.json") : options.kb_path;
    std::string text;
    if (!read_file(kb_path, text)) {
        std::fprintf(stderr, "dah: cannot read %s\n", kb_path.c_str());
        return 1;
    }
    std::vector<tutor::InputFile> files{{"knowledge-base-v2.json", text}};
    for (const std::string& path : options.paths)
        if (read_file(path, text)) files.push_back({file_name_of(path), text});
    const tutor::Library lib = tutor::load_library(files);
    int status = 0;
    for (const tutor::LoadError& e : lib.errors) {
        for (const std::string& m : e.messages) std::fprintf(stderr, "%s\n", m.c_str());
        status = 1;
    }
    if (!lib.kb) return 1;
    nlohmann::json ids = nlohmann::json::array();
    for (const Diagnosis& d : lib.kb->diagnoses) ids.push_back(d.id);
    nlohmann::json cases = nlohmann::json::array();
    for (const tutor::CaseEntry& e : lib.cases) {
        const std::string answer = lib.kb->diagnoses[static_cast<std::size_t>(e.data.answer)].id;
        if (!options.json) {
            std::printf("case %s %s answer %s\n", e.data.id.c_str(), e.file.c_str(), answer.c_str());
            for (const StageResult& r : e.replay) {
                std::printf("stage %s", std::string(stage_id(r.stage)).c_str());
                for (double p : r.posterior) std::printf(" %.17g", p);
                std::printf("\n");
            }
            continue;
        }
        nlohmann::json stages = nlohmann::json::array();
        for (const StageResult& r : e.replay)
            stages.push_back({{"stage", stage_id(r.stage)}, {"posterior", r.posterior}, {"groups", r.groups}});
        cases.push_back({{"file", e.file}, {"case", e.data.id}, {"answer", answer}, {"diagnoses", ids}, {"stages", stages}});
    }
    if (options.json) print_json({{"cases", cases}});
    return status;
}

}  // namespace dah::cli
