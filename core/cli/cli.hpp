// The `dah` tool: options, file access and the commands (one file each).
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "dah/case.hpp"
#include "dah/knowledge_base.hpp"

namespace dah::cli {

struct Options {
    std::string command;
    std::vector<std::string> paths;
    std::string kb_path;  // --kb; empty: beside the case, else cases/knowledge-base.json
    std::string stage;    // --stage N (1-based) or a stage id
    bool json = false;
};

// Reads a whole file; false when it cannot be opened.
bool read_file(const std::string& path, std::string& out);
bool is_directory(const std::string& path);
bool exists(const std::string& path);
std::string file_name_of(const std::string& path);
std::string directory_of(const std::string& path);
// The *.case.json files of a folder, sorted.
std::vector<std::string> case_files_in(const std::string& directory);
// The knowledge base for a case file: --kb, else knowledge-base.json beside it, else the default.
std::string knowledge_base_path_for(const Options& options, const std::string& case_path);
inline const char* default_knowledge_base = "cases/knowledge-base.json";

// Loads and caches knowledge bases by path; errors (also "cannot read") are kept with the result.
class KnowledgeBases {
public:
    const Loaded<KnowledgeBase>& get(const std::string& path);

private:
    std::map<std::string, std::unique_ptr<Loaded<KnowledgeBase>>> loaded_;
};

// Loads a case with its knowledge base, printing errors to stderr; nullopt on any error.
struct LoadedCase {
    const KnowledgeBase* kb = nullptr;
    Case value;
    std::string path;
};
std::optional<LoadedCase> load_case_for_command(const Options& options, const std::string& path, KnowledgeBases& kbs);

int run_validate(const Options& options);
int run_play(const Options& options);
int run_explain(const Options& options);
int run_kb(const Options& options);
int run_replay(const Options& options);
int run_session(const Options& options);  // tutor/cli: replays a learner's commands through the tutor
int run_outcomes(const Options& options);  // tutor/cli: the tutor's outcomes after each stage of cases
int run_network(const Options& options);
int run_calibrate(const Options& options);

}  // namespace dah::cli
