// `dah validate PATH...`: every error of every file, one per line on stdout ("file:line:col: pointer:
// message"); a summary on stderr; exit 1 when any file has an error.
#include <cstdio>
#include <set>

#include "cli.hpp"
#include "dah/json_value.hpp"
#include "dah/network.hpp"
#include "dah/vignette.hpp"
#include "json_output.hpp"

namespace dah::cli {

namespace {

bool is_case_file(const std::string& path) {
    const std::string suffix = ".case.json";
    return path.size() >= suffix.size() && path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0;
}

struct Report {
    std::string file;
    std::string kind;  // "knowledge base", "causal model" or "case"
    std::vector<Diagnostic> errors;
};

class Validator {
public:
    explicit Validator(const Options& options) : options_(options) {}

    void path(const std::string& p) {
        if (is_directory(p)) {
            const std::string kb = p + "/knowledge-base.json";
            if (exists(kb)) knowledge_base(kb);
            if (exists(p + "/knowledge-base-v2.json")) knowledge_base(p + "/knowledge-base-v2.json");
            for (const std::string& c : case_files_in(p)) case_file(c, exists(kb) && options_.kb_path.empty() ? kb : "");
        } else if (is_case_file(p)) {
            case_file(p, "");
        } else {
            knowledge_base(p);
        }
    }

    const std::vector<Report>& reports() const { return reports_; }

private:
    void knowledge_base(const std::string& p) {
        if (!checked_.insert(p).second) return;
        std::string text;
        if (read_file(p, text) && net::knowledge_base_schema_version(text) == 2) {
            reports_.push_back(Report{p, "causal model", net::load_network(text, p).errors});
            return;
        }
        reports_.push_back(Report{p, "knowledge base", kbs_.get(p).errors});
    }

    void case_file(const std::string& p, const std::string& kb_hint) {
        if (!checked_.insert(p).second) return;
        const std::string kb_path = kb_hint.empty() ? knowledge_base_path_for(options_, p) : kb_hint;
        const Loaded<KnowledgeBase>& kb = kbs_.get(kb_path);
        Report r{p, "case", {}};
        std::string text;
        if (!read_file(p, text)) {
            r.errors.push_back(Diagnostic{p, "", 0, 0, "cannot read the file"});
        } else if (!kb.ok()) {
            knowledge_base(kb_path);  // its errors are listed once, with the knowledge base
            r.errors.push_back(Diagnostic{p, "", 0, 0, "not checked: the knowledge base " + kb_path + " has errors"});
        } else {
            r.errors = load_case(text, p, *kb.value).errors;
            network_block(text, p, kb_path, r.errors);
        }
        reports_.push_back(std::move(r));
    }

    // A case's "network" block is checked against knowledge-base-v2.json beside its knowledge base.
    void network_block(const std::string& text, const std::string& p, const std::string& kb_path,
                       std::vector<Diagnostic>& errors) {
        // A syntax error is reported once, by the case loader.
        if (text.find("\"network\"") == std::string::npos || !parse_json(text).ok) return;
        const std::string v2_path = directory_of(kb_path) + "/knowledge-base-v2.json";
        std::string v2_text;
        if (!read_file(v2_path, v2_text)) {
            errors.push_back(Diagnostic{p, "/network", 0, 0, "not checked: cannot read " + v2_path});
            return;
        }
        const Loaded<net::Network> network = net::load_network(v2_text, v2_path);
        if (!network.ok()) {
            errors.push_back(Diagnostic{p, "/network", 0, 0, "not checked: " + v2_path + " has errors"});
            return;
        }
        for (Diagnostic& e : net::load_case_network(text, p, *network.value).errors)
            errors.push_back(std::move(e));
    }

    const Options& options_;
    KnowledgeBases kbs_;
    std::set<std::string> checked_;
    std::vector<Report> reports_;
};

}  // namespace

int run_validate(const Options& options) {
    if (options.paths.empty()) {
        std::fprintf(stderr, "usage: dah validate PATH... (files or folders)\n");
        return 2;
    }
    Validator validator(options);
    for (const std::string& p : options.paths) {
        if (!exists(p)) {
            std::fprintf(stderr, "dah: %s: no such file or folder\n", p.c_str());
            return 2;
        }
        validator.path(p);
    }
    std::size_t bad = 0, errors = 0;
    for (const Report& r : validator.reports()) {
        bad += r.errors.empty() ? 0 : 1;
        errors += r.errors.size();
    }
    if (options.json) {
        nlohmann::json files = nlohmann::json::array();
        for (const Report& r : validator.reports()) {
            files.push_back({{"file", r.file}, {"kind", r.kind}, {"ok", r.errors.empty()}, {"errors", to_json(r.errors)}});
        }
        print_json({{"ok", bad == 0}, {"files", files}});
    } else {
        for (const Report& r : validator.reports()) {
            for (const Diagnostic& e : r.errors) std::printf("%s\n", e.to_string().c_str());
        }
        for (const Report& r : validator.reports()) {
            std::fprintf(stderr, "%-4s %s (%s)%s\n", r.errors.empty() ? "ok" : "FAIL", r.file.c_str(), r.kind.c_str(),
                         r.errors.empty() ? "" : (": " + std::to_string(r.errors.size()) + " error(s)").c_str());
        }
        std::fprintf(stderr, "%zu file(s) checked, %zu with errors, %zu error(s) in all\n", validator.reports().size(),
                     bad, errors);
    }
    return bad == 0 ? 0 : 1;
}

}  // namespace dah::cli
