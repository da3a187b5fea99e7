// File access for the tool (the core itself never touches files), and loading with error reports.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli.hpp"

namespace dah::cli {

namespace fs = std::filesystem;

bool read_file(const std::string& path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream text;
    text << in.rdbuf();
    out = text.str();
    return true;
}

bool is_directory(const std::string& path) {
    std::error_code ec;
    return fs::is_directory(path, ec);
}

bool exists(const std::string& path) {
    std::error_code ec;
    return fs::exists(path, ec);
}

std::string file_name_of(const std::string& path) { return fs::path(path).filename().string(); }

std::string directory_of(const std::string& path) {
    const std::string parent = fs::path(path).parent_path().string();
    return parent.empty() ? "." : parent;
}

std::vector<std::string> case_files_in(const std::string& directory) {
    std::vector<std::string> files;
    std::error_code ec;
    for (fs::directory_iterator it(directory, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        const std::string suffix = ".case.json";
        if (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0) {
            files.push_back((fs::path(directory) / name).string());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::string knowledge_base_path_for(const Options& options, const std::string& case_path) {
    if (!options.kb_path.empty()) return options.kb_path;
    const std::string beside = (fs::path(directory_of(case_path)) / "knowledge-base.json").string();
    if (exists(beside)) return beside;
    return default_knowledge_base;
}

const Loaded<KnowledgeBase>& KnowledgeBases::get(const std::string& path) {
    auto it = loaded_.find(path);
    if (it != loaded_.end()) return *it->second;
    auto result = std::make_unique<Loaded<KnowledgeBase>>();
    std::string text;
    if (read_file(path, text)) {
        *result = load_knowledge_base(text, path);
    } else {
        result->errors.push_back(Diagnostic{path, "", 0, 0, "cannot read the file"});
    }
    return *(loaded_[path] = std::move(result));
}

std::optional<LoadedCase> load_case_for_command(const Options& options, const std::string& path, KnowledgeBases& kbs) {
    const std::string kb_path = knowledge_base_path_for(options, path);
    const Loaded<KnowledgeBase>& kb = kbs.get(kb_path);
    if (!kb.ok()) {
        for (const Diagnostic& e : kb.errors) std::fprintf(stderr, "%s\n", e.to_string().c_str());
        std::fprintf(stderr, "dah: the knowledge base %s has errors\n", kb_path.c_str());
        return std::nullopt;
    }
    std::string text;
    if (!read_file(path, text)) {
        std::fprintf(stderr, "%s: cannot read the file\n", path.c_str());
        return std::nullopt;
    }
    Loaded<Case> c = load_case(text, path, *kb.value);
    if (!c.ok()) {
        for (const Diagnostic& e : c.errors) std::fprintf(stderr, "%s\n", e.to_string().c_str());
        return std::nullopt;
    }
    return LoadedCase{&*kb.value, std::move(*c.value), path};
}

}  // namespace dah::cli
