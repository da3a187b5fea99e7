// load_case: the case schema of cases/FORMAT.md plus its cross-references against the knowledge base
// (variables, values, diagnoses, groups and sources by id; stage order; each variable revealed once,
// in its own stage).
#include <map>
#include <set>

#include "dah/case.hpp"
#include "id_registry.hpp"
#include "json_document.hpp"
#include "json_reader.hpp"
#include "picture_reader.hpp"

namespace dah {

namespace {

using detail::ErrorSink;
using detail::json;
using detail::Need;
using detail::in_quotes;
using detail::ObjectReader;

class CaseReader {
public:
    // Without a knowledge base (`kb` null) the findings, answer and checks are read for their form only and
    // sources are checked against `sources`: the story of a case played on the causal model.
    CaseReader(ErrorSink& sink, const KnowledgeBase* kb, const std::vector<Source>& sources, Case& c)
        : sink_(sink), kb_(kb), sources_(sources), c_(c) {}

    void read(const json& root) {
        ObjectReader r(sink_, root, "",
                       {"schema_version", "id", "title", "difficulty", "tags", "learning_objectives",
                        "sources", "patient", "stages", "answer", "checks", "network"});
        if (!r.is_object()) return;
        if (r.integer("schema_version", c_.schema_version, Need::required) && c_.schema_version != 1) {
            sink_.error("/schema_version",
                        {"unsupported schema_version ", std::to_string(c_.schema_version), "; expected 1"});
        }
        r.id("id", c_.id, Need::required);
        r.string("title", c_.title, Need::required);
        if (r.string("difficulty", c_.difficulty, Need::required) && c_.difficulty != "introductory" &&
            c_.difficulty != "intermediate" && c_.difficulty != "advanced") {
            sink_.error("/difficulty",
                        {"unknown difficulty ", in_quotes(c_.difficulty), "; expected one of: introductory, intermediate, advanced"});
        }
        r.string_list("tags", c_.tags, Need::optional, false);
        r.string_list("learning_objectives", c_.learning_objectives, Need::optional, false);
        if (r.string_list("sources", c_.sources, Need::optional, true)) check_sources(c_.sources, "/sources");
        if (const json* patient = r.get("patient", Need::required)) read_patient(*patient);
        if (const json* stages = r.array("stages", Need::required)) read_stages(*stages);
        if (const json* answer = r.get("answer", Need::required)) read_answer(*answer);
        if (const json* checks = r.array("checks", Need::optional)) read_checks(*checks);
        // The causal model's block: read against the v2 network by load_case_network.
        r.object("network", Need::optional);
    }

private:
    void check_sources(const std::vector<std::string>& ids, const std::string& at) {
        for (std::size_t i = 0; i < ids.size(); ++i) {
            bool known = false;
            for (const Source& x : sources_) known = known || x.id == ids[i];
            if (!known) {
                sink_.error(at + "/" + std::to_string(i), {"unknown source ", in_quotes(ids[i]), "; expected a source id of the knowledge base"});
            }
        }
    }

    void read_patient(const json& value) {
        ObjectReader r(sink_, value, "/patient", {"age", "sex", "setting", "summary"});
        if (r.integer("age", c_.patient.age, Need::required) && (c_.patient.age < 0 || c_.patient.age > 120)) {
            sink_.error("/patient/age", {"age ", std::to_string(c_.patient.age), " out of range; expected 0 to 120"});
        }
        r.string("sex", c_.patient.sex, Need::required);
        r.string("setting", c_.patient.setting, Need::optional);
        r.string("summary", c_.patient.summary, Need::optional);
    }

    void read_stages(const json& list) {
        if (list.empty()) sink_.error("/stages", "expected at least 1 stage, found none");
        int last_stage = -1;
        std::string last_id;
        std::map<int, std::string> revealed_at;  // variable -> pointer of the finding that revealed it
        for (std::size_t i = 0; i < list.size(); ++i) {
            const std::string at = "/stages/" + std::to_string(i);
            ObjectReader r(sink_, list[i], at, {"stage", "title", "narrative", "findings", "teaching_points", "pictures"});
            CaseStage s;
            std::string stage;
            bool stage_ok = false;
            if (r.string("stage", stage, Need::required)) {
                if (!stage_from_id(stage, s.stage)) {
                    sink_.error(at + "/stage", {"unknown stage ", in_quotes(stage), "; expected one of: history, bal, labs, imaging, biopsy, course"});
                } else {
                    stage_ok = true;
                    const int order = static_cast<int>(s.stage);
                    if (order == last_stage) {
                        sink_.error(at + "/stage", {"stage ", in_quotes(stage), " appears twice; expected each stage at most once"});
                    } else if (order < last_stage) {
                        sink_.error(at + "/stage", {"stage ", in_quotes(stage), " comes after ", in_quotes(last_id), "; expected the order history, bal, labs, imaging, biopsy, course"});
                    } else {
                        last_stage = order;
                        last_id = stage;
                    }
                    present_.insert(order);
                }
            }
            if (!r.string("title", s.title, Need::optional) || s.title.empty()) s.title = std::string(stage_name(s.stage));
            r.string("narrative", s.narrative, Need::required);
            if (const json* findings = r.array("findings", Need::required)) {
                read_findings(*findings, at + "/findings", stage_ok, s, revealed_at);
            }
            if (const json* points = r.array("teaching_points", Need::optional)) {
                for (std::size_t k = 0; k < points->size(); ++k) {
                    const std::string pa = at + "/teaching_points/" + std::to_string(k);
                    ObjectReader tr(sink_, (*points)[k], pa, {"text", "sources"});
                    TeachingPoint tp;
                    tr.string("text", tp.text, Need::required);
                    if (tr.string_list("sources", tp.sources, Need::optional, true)) check_sources(tp.sources, pa + "/sources");
                    s.teaching_points.push_back(std::move(tp));
                }
            }
            if (const json* pictures = r.array("pictures", Need::optional)) {
                detail::read_pictures(sink_, *pictures, at + "/pictures", s.pictures);
            }
            c_.stages.push_back(std::move(s));
        }
    }

    void read_findings(const json& list, const std::string& at, bool stage_ok, CaseStage& s,
                       std::map<int, std::string>& revealed_at) {
        for (std::size_t k = 0; k < list.size(); ++k) {
            const std::string fa = at + "/" + std::to_string(k);
            ObjectReader r(sink_, list[k], fa, {"variable", "value", "detail"});
            Finding f;
            std::string variable, value;
            r.string("detail", f.detail, Need::optional);
            const bool has_variable = r.id("variable", variable, Need::required);
            const bool has_value = r.id("value", value, Need::required);
            if (!has_variable || !kb_) continue;
            f.variable = kb_->variable_index(variable);
            if (f.variable < 0) {
                sink_.error(fa + "/variable", {"unknown variable ", in_quotes(variable), "; expected a variable id of the knowledge base"});
                continue;
            }
            const Variable& v = kb_->variables[static_cast<std::size_t>(f.variable)];
            if (stage_ok && v.stage != s.stage) {
                sink_.error(fa + "/variable", {"variable ", in_quotes(variable), " belongs to stage ", in_quotes(stage_id(v.stage)), ", not ", in_quotes(stage_id(s.stage))});
            }
            auto [it, fresh] = revealed_at.emplace(f.variable, fa);
            if (!fresh) sink_.error(fa + "/variable", {"variable ", in_quotes(variable), " already revealed at ", it->second});
            if (!has_value) continue;
            f.value = kb_->value_index(f.variable, value);
            if (f.value < 0) {
                std::vector<std::string> ids;
                for (const Value& x : v.values) ids.push_back(x.id);
                sink_.error(fa + "/value", {"unknown value ", in_quotes(value), " for variable ", in_quotes(variable), "; expected one of: ", detail::join(ids)});
                continue;
            }
            s.findings.push_back(f);
        }
    }

    void read_answer(const json& value) {
        ObjectReader r(sink_, value, "/answer", {"diagnosis", "min_probability", "explanation"});
        std::string diagnosis;
        if (r.id("diagnosis", diagnosis, Need::required) && kb_) {
            c_.answer = kb_->diagnosis_index(diagnosis);
            if (c_.answer < 0) {
                sink_.error("/answer/diagnosis", {"unknown diagnosis ", in_quotes(diagnosis), "; expected a diagnosis id of the knowledge base"});
            }
        }
        if (r.number("min_probability", c_.answer_min_probability, Need::required)) {
            check_probability("/answer/min_probability", c_.answer_min_probability);
        }
        r.string("explanation", c_.explanation, Need::required);
        c_.answer_id = diagnosis;
    }

    void check_probability(const std::string& at, double p) {
        if (!(p >= 0 && p <= 1)) sink_.error(at, {"probability ", detail::format_number(p), " out of range; expected a number in [0, 1]"});
    }

    bool known_hypothesis(const std::string& id) const {
        return !kb_ || kb_->diagnosis_index(id) >= 0 || kb_->group_index(id) >= 0;
    }

    void read_checks(const json& list) {
        for (std::size_t i = 0; i < list.size(); ++i) {
            const std::string at = "/checks/" + std::to_string(i);
            ObjectReader r(sink_, list[i], at, {"after", "leading", "min_probability", "odds"});
            StageCheck check;
            std::string after;
            if (r.string("after", after, Need::required)) {
                if (!stage_from_id(after, check.after)) {
                    sink_.error(at + "/after", {"unknown stage ", in_quotes(after), "; expected one of: history, bal, labs, imaging, biopsy, course"});
                } else if (!present_.count(static_cast<int>(check.after))) {
                    sink_.error(at + "/after", {"stage ", in_quotes(after), " is not a stage of this case"});
                }
            }
            if (r.id("leading", check.leading, Need::optional)) {
                if (!known_hypothesis(check.leading)) {
                    sink_.error(at + "/leading", {"unknown diagnosis or group ", in_quotes(check.leading)});
                }
                if (r.number("min_probability", check.min_probability, Need::required)) {
                    check_probability(at + "/min_probability", check.min_probability);
                }
            } else if (r.get("min_probability", Need::optional)) {
                sink_.error(at + "/min_probability", "min_probability without \"leading\"; expected both");
            }
            if (const json* odds = r.get("odds", Need::optional)) read_odds(*odds, at + "/odds", check);
            if (check.leading.empty() && check.odds_for.empty() && r.is_object()) {
                sink_.error(at, "a check needs \"leading\" or \"odds\"");
            }
            c_.checks.push_back(std::move(check));
        }
    }

    void read_odds(const json& value, const std::string& at, StageCheck& check) {
        ObjectReader r(sink_, value, at, {"for", "against", "min_change_db", "max_change_db"});
        if (r.id("for", check.odds_for, Need::required) && !known_hypothesis(check.odds_for)) {
            sink_.error(at + "/for", {"unknown diagnosis or group ", in_quotes(check.odds_for)});
        }
        if (r.id("against", check.odds_against, Need::required) && !known_hypothesis(check.odds_against)) {
            sink_.error(at + "/against", {"unknown diagnosis or group ", in_quotes(check.odds_against)});
        }
        const bool has_min = r.number("min_change_db", check.min_change_db, Need::optional);
        const bool has_max = r.number("max_change_db", check.max_change_db, Need::optional);
        if (!has_min && !has_max && r.is_object()) {
            sink_.error(at, "odds check needs \"min_change_db\" or \"max_change_db\"");
        }
        if (has_min && has_max && check.min_change_db > check.max_change_db) {
            sink_.error(at + "/min_change_db", {"min_change_db ", detail::format_number(check.min_change_db), " is above max_change_db ", detail::format_number(check.max_change_db)});
        }
    }

    ErrorSink& sink_;
    const KnowledgeBase* kb_;
    const std::vector<Source>& sources_;
    Case& c_;
    std::set<int> present_;  // stages the case has
};

// The findings of a case must be possible under at least one diagnosis, or no posterior exists.
bool possible_under_some_diagnosis(const KnowledgeBase& kb, const Case& c) {
    for (std::size_t d = 0; d < kb.diagnoses.size(); ++d) {
        bool possible = kb.diagnoses[d].prior > 0;
        for (const CaseStage& s : c.stages) {
            for (const Finding& f : s.findings) {
                const Variable& v = kb.variables[static_cast<std::size_t>(f.variable)];
                possible = possible && v.likelihood[d][static_cast<std::size_t>(f.value)] > 0;
            }
        }
        if (possible) return true;
    }
    return false;
}

}  // namespace

Loaded<Case> load_case(std::string_view json_text, std::string_view file_name, const KnowledgeBase& kb) {
    Loaded<Case> result;
    detail::JsonDocument doc = detail::parse_document(json_text, file_name, result.errors);
    if (doc.parsed) {
        ErrorSink sink(file_name, doc.root, result.errors);
        Case c;
        CaseReader(sink, &kb, kb.sources, c).read(doc.root);
        if (result.errors.empty() && !possible_under_some_diagnosis(kb, c)) {
            sink.error("/stages", "the findings of this case have probability 0 under every diagnosis");
        }
        if (result.errors.empty()) result.value = std::move(c);
    }
    detail::finish_errors(result.errors);
    return result;
}

}  // namespace dah

namespace dah {

Loaded<Case> load_case_story(std::string_view json_text, std::string_view file_name, const std::vector<Source>& sources) {
    Loaded<Case> result;
    detail::JsonDocument doc = detail::parse_document(json_text, file_name, result.errors);
    if (doc.parsed) {
        ErrorSink sink(file_name, doc.root, result.errors);
        Case c;
        CaseReader(sink, nullptr, sources, c).read(doc.root);
        if (result.errors.empty()) result.value = std::move(c);
    }
    detail::finish_errors(result.errors);
    return result;
}

}  // namespace dah
