// `dah session FILE`: a second front end of the tutor. Replays a learner's walk from a JSON-lines
// file of commands (the event format of dah/tutor/event_json.hpp, e.g. the app's event log) and
// prints the result after each command and the scores at the end. The case library is the folder of
// --kb's knowledge base (the causal model, default cases/knowledge-base-v2.json), with every *.case.json in it.
#include <cstdio>
#include <sstream>

#include "cli.hpp"
#include "dah/tutor/event_json.hpp"
#include "dah/tutor/tutor.hpp"
#include "json_output.hpp"

namespace dah::cli {

namespace {

using nlohmann::json;

json by_id(const std::vector<double>& p, const std::vector<std::string>& ids) {
    json out = json::object();
    for (std::size_t i = 0; i < p.size() && i < ids.size(); ++i) out[ids[i]] = p[i];
    return out;
}

json result_json(const tutor::Tutor& t) {
    const KnowledgeBase& kb = *t.kb();
    std::vector<std::string> dx, groups;
    for (const Diagnosis& d : kb.diagnoses) dx.push_back(d.id);
    for (const Group& g : kb.groups) groups.push_back(g.id);
    const tutor::Result& r = t.result();
    if (!r.open) return json{{"case", nullptr}};
    const tutor::CaseView& v = *r.open;
    json j = {{"case", v.entry->data.id}, {"stage", v.stage}, {"stage_id", std::string(stage_id(v.entry->data.stages[static_cast<std::size_t>(v.stage)].stage))},
              {"reached", v.reached}, {"finished", v.finished}, {"posterior", by_id(v.posterior, dx)}, {"groups", by_id(v.groups, groups)},
              {"draft", by_id(v.answer.draft, dx)}, {"committed", v.stage_committed}};
    if (v.stage_committed) {
        j["learner"] = by_id(v.answer.committed_p, dx);
        j["learner_brier"] = v.answer.learner_brier;
        j["engine_brier"] = v.answer.engine_brier;
        j["level"] = tutor::level_id(v.answer.level);
    }
    if (v.what_if) j["what_if_posterior"] = by_id(v.what_if_posterior, dx);
    if (v.vote.total > 0) j["vote"] = {{"total", v.vote.total}, {"brier", v.vote.brier}, {"log_bits", v.vote.log_bits}};
    j["learner_case_score"] = v.learner_case_score;
    j["engine_case_score"] = v.engine_case_score;
    return j;
}

std::string top_of(const std::vector<double>& p, const KnowledgeBase& kb) {
    std::size_t best = 0;
    for (std::size_t d = 1; d < p.size(); ++d)
        if (p[d] > p[best]) best = d;
    char buf[96];
    std::snprintf(buf, sizeof buf, "%s %.1f %%", kb.diagnoses[best].id.c_str(), 100.0 * p[best]);
    return buf;
}

}  // namespace

int run_session(const Options& options) {
    if (options.paths.size() != 1) {
        std::fprintf(stderr, "usage: dah session COMMANDS.jsonl [--kb FILE] [--json]\n");
        return 2;
    }
    const std::string kb_path = options.kb_path.empty() ? std::string("cases/knowledge-base-v2.json") : options.kb_path;
    std::vector<tutor::InputFile> files;
    std::string text;
    if (!read_file(kb_path, text)) {
        std::fprintf(stderr, "dah: cannot read %s\n", kb_path.c_str());
        return 1;
    }
    files.push_back({"knowledge-base-v2.json", text});
    for (const std::string& path : case_files_in(directory_of(kb_path)))
        if (read_file(path, text)) files.push_back({file_name_of(path), text});
    tutor::Tutor t([] { return 0.0; });  // replayed, not timed: the output depends on the commands only
    t.load(files);
    for (const tutor::LoadError& e : t.library().errors)
        for (const std::string& m : e.messages) std::fprintf(stderr, "%s\n", m.c_str());
    if (!t.kb()) return 1;

    const std::string& commands_path = options.paths[0];
    if (!read_file(commands_path, text)) {
        std::fprintf(stderr, "dah: cannot read %s\n", commands_path.c_str());
        return 1;
    }
    std::istringstream lines(text);
    std::string line;
    int line_no = 0, refused = 0, malformed = 0;
    json steps = json::array();
    while (std::getline(lines, line)) {
        ++line_no;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        const ParsedJson j = parse_json(line);
        tutor::Event command;
        std::string error;
        if (!j.ok) error = "not valid JSON";
        if (error.empty() && !tutor::event_from_json(j.root, command, error)) {}
        if (!error.empty()) {
            std::fprintf(stderr, "%s:%d:1: %s\n", commands_path.c_str(), line_no, error.c_str());
            ++malformed;
            continue;
        }
        const bool applied = t.apply(command);
        if (!applied) ++refused;
        if (options.json) {
            steps.push_back({{"line", line_no}, {"command", json::parse(tutor::event_line(command))}, {"applied", applied}, {"result", result_json(t)}});
            continue;
        }
        std::printf("%d %s%s", line_no, command.type.c_str(), applied ? "" : " (refused)");
        if (const auto& open = t.result().open) {
            std::printf("  %s stage %d: engine %s", open->entry->data.id.c_str(), open->stage + 1, top_of(open->posterior, *t.kb()).c_str());
            if (open->stage_committed) std::printf(", stage score you %.1f engine %.1f", tutor::score_from_brier(open->answer.learner_brier),
                                                   tutor::score_from_brier(open->answer.engine_brier));
        }
        std::printf("\n");
    }
    // The scores of every case the walk touched.
    json scores = json::array();
    for (std::size_t i = 0; i < t.library().cases.size(); ++i) {
        const tutor::CaseSession* s = t.session(static_cast<int>(i));
        if (!s) continue;
        const std::string& id = t.library().cases[i].data.id;
        json stages = json::array();
        for (const tutor::StageAnswer& a : s->answers)
            stages.push_back(a.committed ? json{{"learner_brier", a.learner_brier}, {"engine_brier", a.engine_brier}, {"level", tutor::level_id(a.level)}} : json(nullptr));
        scores.push_back({{"case", id}, {"finished", s->finished}, {"learner_case_score", tutor::case_score(*s, true)},
                          {"engine_case_score", tutor::case_score(*s, false)}, {"stages", stages}});
        if (!options.json)
            std::printf("score %s: you %.1f, engine %.1f%s\n", id.c_str(), tutor::case_score(*s, true), tutor::case_score(*s, false),
                        s->finished ? "" : " (not finished)");
    }
    if (options.json) print_json({{"steps", steps}, {"scores", scores}, {"refused", refused}, {"malformed", malformed}});
    else std::printf("%d commands refused, %d malformed\n", refused, malformed);
    return malformed > 0 ? 1 : 0;
}

}  // namespace dah::cli
