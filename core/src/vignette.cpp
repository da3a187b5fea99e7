// load_vignettes (every error with file, pointer, line and column) and calibrate (per-stage scores).
#include "dah/vignette.hpp"

#include <algorithm>

#include "id_registry.hpp"
#include "json_document.hpp"
#include "json_reader.hpp"

namespace dah::net {

namespace {

using detail::ErrorSink;
using detail::IdRegistry;
using detail::json;
using detail::Need;
using detail::ObjectReader;

class VignetteReader {
public:
    VignetteReader(ErrorSink& sink, const Network& n) : sink_(sink), n_(n) {}

    void read(const json& root, std::vector<Vignette>& out) {
        ObjectReader r(sink_, root, "", {"schema_version", "vignettes"});
        int version = 0;
        if (r.integer("schema_version", version, Need::required) && version != 2) {
            sink_.error("/schema_version",
                        {"unsupported schema_version ", std::to_string(version), "; expected 2"});
        }
        const json* list = r.array("vignettes", Need::required);
        if (!list) return;
        IdRegistry ids;
        for (std::size_t i = 0; i < list->size(); ++i) {
            const std::string at = "/vignettes/" + std::to_string(i);
            ObjectReader v(sink_, (*list)[i], at, {"id", "citation", "note", "answer", "stages"});
            Vignette vignette;
            if (v.id("id", vignette.id, Need::required)) ids.add(sink_, vignette.id, v.pointer_of("id"));
            v.string("citation", vignette.citation, Need::required);
            v.string("note", vignette.note, Need::optional);
            read_answer_and_stages(v, vignette);
            out.push_back(std::move(vignette));
        }
    }

    void read_answer_and_stages(ObjectReader& v, Vignette& vignette) {
        std::vector<std::string> answer;
        if (v.string_list("answer", answer, Need::required, true)) {
            if (answer.empty()) sink_.error(v.pointer_of("answer"), "expected at least 1 cause, found none");
            for (std::size_t k = 0; k < answer.size(); ++k) {
                const int c = cause_index(answer[k]);
                if (c < 0) {
                    sink_.error(v.pointer_of("answer") + "/" + std::to_string(k),
                                {"unknown cause \"", answer[k], "\"; expected the id of a cause node"});
                } else {
                    vignette.answer.push_back(c);
                }
            }
        }
        if (const json* stages = v.array("stages", Need::required))
            read_stages(*stages, v.pointer_of("stages"), vignette);
    }

    // {"after": stage, "cause" | "group" | "both": id or true, "at_least", "at_most", "reason"}
    void read_checks(const json& list, const std::string& at, std::vector<CaseCheck>& out) {
        for (std::size_t i = 0; i < list.size(); ++i) {
            const std::string cp = at + "/" + std::to_string(i);
            ObjectReader r(sink_, list[i], cp,
                           {"after", "cause", "group", "both", "at_least", "at_most", "reason"});
            if (!r.is_object()) continue;
            CaseCheck check;
            check.pointer = cp;
            std::string id;
            if (r.string("after", id, Need::required) && !stage_from_id(id, check.after)) {
                sink_.error(r.pointer_of("after"), {"unknown stage \"", id, "\"; expected one of: history, bal, labs, imaging, "
                                                       "biopsy, course"});
            }
            const bool has_cause = r.get("cause", Need::optional) != nullptr;
            const bool has_group = r.get("group", Need::optional) != nullptr;
            const bool has_both = r.get("both", Need::optional) != nullptr;
            if (has_cause + has_group + has_both != 1) {
                sink_.error(cp, "expected exactly one of \"cause\", \"group\" or \"both\"");
            } else if (has_cause && r.string("cause", id, Need::required)) {
                check.target = CaseCheck::Target::cause;
                check.index = cause_index(id);
                if (check.index < 0)
                    sink_.error(r.pointer_of("cause"),
                                {"unknown cause \"", id, "\"; expected the id of a cause node"});
            } else if (has_group && r.string("group", id, Need::required)) {
                check.target = CaseCheck::Target::group;
                check.index = n_.group_index(id);
                if (check.index < 0)
                    sink_.error(r.pointer_of("group"), {"unknown group \"", id, "\"; expected a group id"});
            } else if (has_both) {
                bool both = false;
                check.target = CaseCheck::Target::both;
                if (r.boolean("both", both, Need::required) && !both)
                    sink_.error(r.pointer_of("both"), "expected true");
            }
            const bool low = r.number("at_least", check.at_least, Need::optional);
            const bool high = r.number("at_most", check.at_most, Need::optional);
            if (!low && !high && r.get("at_least", Need::optional) == nullptr &&
                r.get("at_most", Need::optional) == nullptr) {
                sink_.error(cp, "expected \"at_least\" or \"at_most\" (a probability)");
            }
            if (low && !(check.at_least >= 0 && check.at_least <= 1))
                sink_.error(r.pointer_of("at_least"), "expected a probability from 0 to 1");
            if (high && !(check.at_most >= 0 && check.at_most <= 1))
                sink_.error(r.pointer_of("at_most"), "expected a probability from 0 to 1");
            r.string("reason", check.reason, Need::required);
            out.push_back(std::move(check));
        }
    }

private:
    int cause_index(const std::string& id) const {
        const int c = n_.node_index(id);
        return c >= 0 && n_.nodes[static_cast<std::size_t>(c)].kind == NodeKind::cause ? c : -1;
    }

    void read_stages(const json& list, const std::string& at, Vignette& v) {
        int last = -1;
        for (std::size_t i = 0; i < list.size(); ++i) {
            const std::string sp = at + "/" + std::to_string(i);
            ObjectReader r(sink_, list[i], sp, {"stage", "defining", "findings"});
            std::string id;
            Stage stage = Stage::history;
            if (r.string("stage", id, Need::required)) {
                if (!stage_from_id(id, stage)) {
                    sink_.error(r.pointer_of("stage"),
                                {"unknown stage \"", id, "\"; expected one of: history, bal, labs, imaging, biopsy, course"});
                } else if (static_cast<int>(stage) <= last) {
                    sink_.error(r.pointer_of("stage"), {"stage \"", id, "\" out of order or repeated"});
                } else {
                    last = static_cast<int>(stage);
                }
            }
            bool defining = false;
            if (r.boolean("defining", defining, Need::optional) && defining) v.defining.push_back(stage);
            const json* findings = r.object("findings", Need::required);
            if (!findings) continue;
            for (const JsonMember& m : findings->members()) {
                const std::string fp =
                    r.pointer_of("findings") + "/" + detail::escape_pointer_token(m.key);
                const int node = n_.node_index(m.key);
                if (node < 0 || n_.nodes[static_cast<std::size_t>(node)].kind == NodeKind::cause) {
                    sink_.error_at_key(
                        fp, {"unknown node \"", m.key, "\"; expected a context node or a finding"});
                    continue;
                }
                const int value = m.value.is_string() ? n_.value_index(node, m.value.string()) : -1;
                if (value < 0) {
                    std::vector<std::string> values;
                    for (const Value& x : n_.nodes[static_cast<std::size_t>(node)].values)
                        values.push_back(x.id);
                    sink_.error(fp, {"unknown value ", (m.value.is_string() ? "\"" + m.value.string() + "\""
                                                         : detail::type_name(m.value)), " of \"", m.key, "\"; expected one of: ", detail::join(values)});
                    continue;
                }
                v.findings.push_back(StagedFinding{stage, node, value});
            }
        }
    }

    ErrorSink& sink_;
    const Network& n_;
};

}  // namespace

Loaded<std::vector<Vignette>> load_vignettes(std::string_view json_text, std::string_view file_name,
                                             const Network& n) {
    Loaded<std::vector<Vignette>> result;
    detail::JsonDocument doc = detail::parse_document(json_text, file_name, result.errors);
    if (doc.parsed) {
        ErrorSink sink(file_name, doc.root, result.errors);
        std::vector<Vignette> vignettes;
        VignetteReader(sink, n).read(doc.root, vignettes);
        if (result.errors.empty()) result.value = std::move(vignettes);
    }
    detail::finish_errors(result.errors);
    return result;
}

Loaded<CaseNetwork> load_case_network(std::string_view json_text, std::string_view file_name,
                                      const Network& n) {
    Loaded<CaseNetwork> result;
    detail::JsonDocument doc = detail::parse_document(json_text, file_name, result.errors);
    if (doc.parsed && doc.root.is_object() && doc.root.contains("network")) {
        ErrorSink sink(file_name, doc.root, result.errors);
        CaseNetwork c;
        // The rest of the case file is the case loader's (load_case); only its id and title are used here.
        const json* id = doc.root.find("id");
        if (id && id->is_string()) c.vignette.id = id->string();
        const json* title = doc.root.find("title");
        if (title && title->is_string()) c.vignette.citation = title->string();
        VignetteReader reader(sink, n);
        ObjectReader r(sink, doc.root["network"], "/network", {"answer", "stages", "checks"});
        if (r.is_object()) {
            reader.read_answer_and_stages(r, c.vignette);
            if (const json* checks = r.array("checks", Need::optional))
                reader.read_checks(*checks, r.pointer_of("checks"), c.checks);
        }
        if (result.errors.empty()) result.value = std::move(c);
    }
    detail::finish_errors(result.errors);
    return result;
}

std::vector<CheckOutcome> run_case_checks(const Network& n, const CaseNetwork& c) {
    const auto stages = replay(n, c.vignette.findings, Hypothesis::anything(), Hypothesis::anything());
    for (const StageResult& r : stages)
        if (!r.posterior.possible) return {};
    const Posterior prior = posterior_after(n, Evidence::none(n));
    std::vector<CheckOutcome> out;
    for (const CaseCheck& check : c.checks) {
        const Posterior* p = &prior;
        for (const StageResult& r : stages)
            if (r.stage <= check.after) p = &r.posterior;
        CheckOutcome o;
        const auto at = static_cast<std::size_t>(check.index < 0 ? 0 : check.index);
        switch (check.target) {
            case CaseCheck::Target::cause:
                o.value = p->present[at];
                break;
            case CaseCheck::Target::group:
                o.value = p->groups[at];
                break;
            case CaseCheck::Target::both:
                o.value = p->both;
                break;
        }
        o.passed = o.value >= check.at_least && o.value <= check.at_most;
        out.push_back(o);
    }
    return out;
}

std::vector<CalibrationStage> calibrate(const Network& n, const Vignette& v) {
    std::vector<CalibrationStage> out;
    Hypothesis answer;
    for (int c : v.answer) answer.clauses.push_back({c});
    const auto stages = replay(n, v.findings, answer, Hypothesis::complement(answer));
    bool answer_immune = false, answer_antithrombotic = false;
    for (int c : v.answer) {
        const int g = n.nodes[static_cast<std::size_t>(c)].group;
        answer_immune = answer_immune || g == n.both_first;
        answer_antithrombotic = answer_antithrombotic || g == n.both_second;
    }
    bool defined = false;
    for (const StageResult& r : stages) {
        if (!r.posterior.possible) return {};
        CalibrationStage s;
        s.stage = r.stage;
        defined = defined || std::find(v.defining.begin(), v.defining.end(), r.stage) != v.defining.end();
        s.after_defining = defined;
        if (answer_immune != answer_antithrombotic && n.both_first >= 0 && n.both_second >= 0) {
            const double immune = r.posterior.groups[static_cast<std::size_t>(n.both_first)];
            const double antithrombotic = r.posterior.groups[static_cast<std::size_t>(n.both_second)];
            const bool right = answer_immune ? immune > antithrombotic : antithrombotic > immune;
            s.group_call = right ? 1 : -1;
        }
        s.p_answer = probability_of(n, r.evidence, answer);
        double best = -1;
        for (int c : n.causes) {
            const double p = r.posterior.present[static_cast<std::size_t>(c)];
            const bool right = std::find(v.answer.begin(), v.answer.end(), c) != v.answer.end();
            s.brier += (p - (right ? 1.0 : 0.0)) * (p - (right ? 1.0 : 0.0));
            if (p > best) {
                best = p;
                s.leading = c;
            }
            s.highest = std::max(s.highest, p);
            if (!right && p > 0.9) s.wrong_above_90.push_back(c);
        }
        s.brier /= static_cast<double>(n.causes.size());
        out.push_back(std::move(s));
    }
    return out;
}

}  // namespace dah::net
