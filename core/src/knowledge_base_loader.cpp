// load_knowledge_base: the schema of cases/FORMAT.md plus its cross-references (group, source and
// diagnosis ids, one probability per value summing to 1, a source or estimate for every number).
#include <cmath>
#include <set>

#include "dah/knowledge_base.hpp"
#include "id_registry.hpp"
#include "json_document.hpp"
#include "json_reader.hpp"

namespace dah {

namespace {

using detail::ErrorSink;
using detail::IdRegistry;
using detail::json;
using detail::Need;
using detail::ObjectReader;

constexpr double sum_tolerance = 1e-6;

std::string item_pointer(const std::string& list, std::size_t i) { return list + "/" + std::to_string(i); }

class KnowledgeBaseReader {
public:
    KnowledgeBaseReader(ErrorSink& sink, KnowledgeBase& kb) : sink_(sink), kb_(kb) {}

    void read(const json& root) {
        ObjectReader r(sink_, root, "", {"schema_version", "sources", "groups", "diagnoses", "variables"});
        if (!r.is_object()) return;
        if (r.integer("schema_version", kb_.schema_version, Need::required) && kb_.schema_version != 1) {
            sink_.error("/schema_version",
                        {"unsupported schema_version ", std::to_string(kb_.schema_version), "; expected 1"});
        }
        if (const json* list = r.array("sources", Need::required)) read_sources(*list, "/sources");
        if (const json* list = r.array("groups", Need::required)) read_groups(*list, "/groups");
        if (const json* list = r.array("diagnoses", Need::required)) read_diagnoses(*list, "/diagnoses");
        if (const json* list = r.array("variables", Need::required)) read_variables(*list, "/variables");
        normalise_priors();
    }

private:
    void read_sources(const json& list, const std::string& at) {
        IdRegistry ids;
        for (std::size_t i = 0; i < list.size(); ++i) {
            const std::string p = item_pointer(at, i);
            ObjectReader r(sink_, list[i], p, {"id", "citation"});
            Source s;
            if (r.id("id", s.id, Need::required)) ids.add(sink_, s.id, r.pointer_of("id"));
            r.string("citation", s.citation, Need::required);
            if (r.is_object()) kb_.sources.push_back(std::move(s));
        }
        for (const Source& s : kb_.sources) source_ids_.insert(s.id);
    }

    void read_groups(const json& list, const std::string& at) {
        if (list.empty()) sink_.error(at, "expected at least 1 group, found none");
        IdRegistry ids;
        for (std::size_t i = 0; i < list.size(); ++i) {
            const std::string p = item_pointer(at, i);
            ObjectReader r(sink_, list[i], p, {"id", "name"});
            Group g;
            if (r.id("id", g.id, Need::required)) ids.add(sink_, g.id, r.pointer_of("id"));
            r.string("name", g.name, Need::required);
            kb_.groups.push_back(std::move(g));
        }
    }

    void read_diagnoses(const json& list, const std::string& at) {
        if (list.empty()) sink_.error(at, "expected at least 1 diagnosis, found none");
        IdRegistry ids;
        for (std::size_t i = 0; i < list.size(); ++i) {
            const std::string p = item_pointer(at, i);
            ObjectReader r(sink_, list[i], p, {"id", "name", "short_name", "group", "summary", "prior"});
            Diagnosis d;
            if (r.id("id", d.id, Need::required) && ids.add(sink_, d.id, r.pointer_of("id")) &&
                kb_.group_index(d.id) >= 0) {
                sink_.error(r.pointer_of("id"), {"id \"", d.id, "\" is also a group id; diagnosis and group ids must differ"});
            }
            r.string("name", d.name, Need::required);
            if (!r.string("short_name", d.short_name, Need::optional) || d.short_name.empty()) d.short_name = d.name;
            r.string("summary", d.summary, Need::optional);
            std::string group;
            if (r.id("group", group, Need::required)) {
                d.group = kb_.group_index(group);
                if (d.group < 0) {
                    sink_.error(r.pointer_of("group"), {"unknown group \"", group, "\"; expected one of: ", group_ids()});
                    d.group = 0;
                }
            }
            if (const json* prior = r.get("prior", Need::required)) {
                const std::string pp = r.pointer_of("prior");
                const json* p_value = read_citation(*prior, pp, d.prior_citation);
                if (p_value) {
                    if (!p_value->is_number()) {
                        sink_.error(pp + "/p", {"expected a number, found ", detail::type_name(*p_value)});
                    } else {
                        d.prior = p_value->number();
                        if (!(d.prior > 0 && d.prior <= 1)) {
                            sink_.error(pp + "/p", {"prior ", detail::format_number(d.prior), " out of range; expected a number in (0, 1]"});
                        }
                    }
                }
            }
            kb_.diagnoses.push_back(std::move(d));
        }
    }

    // Reads {p, source | estimate, derivation}; returns `p` (unchecked) or null.
    const json* read_citation(const json& value, const std::string& at, Citation& out) {
        ObjectReader r(sink_, value, at, {"p", "source", "estimate", "derivation"});
        if (!r.is_object()) return nullptr;
        const json* p = r.get("p", Need::required);
        const bool has_source = r.get("source", Need::optional) != nullptr;
        const bool has_estimate = r.get("estimate", Need::optional) != nullptr;
        if (has_source && r.id("source", out.source_id, Need::required) && !source_ids_.count(out.source_id)) {
            sink_.error(r.pointer_of("source"), {"unknown source \"", out.source_id, "\"; expected an id from /sources"});
        }
        if (has_estimate) r.string("estimate", out.estimate, Need::required);
        if (!has_source && !has_estimate) {
            sink_.error(at, "a number needs \"source\" (an id from /sources) or \"estimate\" (a one-line rationale); found neither");
        } else if (has_source && has_estimate) {
            sink_.error(at, "has both \"source\" and \"estimate\"; expected one of them");
        }
        r.string("derivation", out.derivation, Need::optional);
        return p;
    }

    void read_variables(const json& list, const std::string& at) {
        IdRegistry ids;
        for (std::size_t i = 0; i < list.size(); ++i) {
            const std::string p = item_pointer(at, i);
            ObjectReader r(sink_, list[i], p, {"id", "name", "stage", "question", "values", "likelihoods"});
            Variable v;
            if (r.id("id", v.id, Need::required)) ids.add(sink_, v.id, r.pointer_of("id"));
            r.string("name", v.name, Need::required);
            r.string("question", v.question, Need::optional);
            std::string stage;
            if (r.string("stage", stage, Need::required) && !stage_from_id(stage, v.stage)) {
                sink_.error(r.pointer_of("stage"),
                            {"unknown stage \"", stage, "\"; expected one of: history, bal, labs, imaging, biopsy, course"});
            }
            bool values_ok = false;
            if (const json* values = r.array("values", Need::required)) values_ok = read_values(*values, r.pointer_of("values"), v);
            if (const json* likelihoods = r.object("likelihoods", Need::required)) {
                read_likelihoods(*likelihoods, r.pointer_of("likelihoods"), r.pointer_of("values"), values_ok, v);
            }
            kb_.variables.push_back(std::move(v));
        }
    }

    bool read_values(const json& list, const std::string& at, Variable& v) {
        bool ok = true;
        if (list.size() < 2) {
            sink_.error(at, {"expected at least 2 values, found ", std::to_string(list.size())});
            ok = false;
        }
        IdRegistry ids;
        for (std::size_t i = 0; i < list.size(); ++i) {
            ObjectReader r(sink_, list[i], item_pointer(at, i), {"id", "name"});
            Value value;
            if (!r.id("id", value.id, Need::required) || !ids.add(sink_, value.id, r.pointer_of("id"))) ok = false;
            r.string("name", value.name, Need::required);
            v.values.push_back(std::move(value));
        }
        return ok;
    }

    void read_likelihoods(const json& table, const std::string& at, const std::string& values_at, bool values_ok,
                          Variable& v) {
        const std::size_t n = kb_.diagnoses.size();
        v.likelihood.assign(n, std::vector<double>(v.values.size(), 0.0));
        v.citation.assign(n, Citation{});
        std::vector<bool> row_ok(n, false);
        for (const JsonMember& m : table.members()) {
            const std::string row_at = at + "/" + detail::escape_pointer_token(m.key);
            const int d = kb_.diagnosis_index(m.key);
            if (d < 0) {
                sink_.error_at_key(row_at, {"unknown diagnosis \"", m.key, "\"; expected a diagnosis id"});
                continue;
            }
            const std::size_t di = static_cast<std::size_t>(d);
            const json* p = read_citation(m.value, row_at, v.citation[di]);
            if (p) row_ok[di] = read_row(*p, row_at + "/p", values_ok, v, v.likelihood[di]);
        }
        std::vector<std::string> missing;
        for (std::size_t d = 0; d < n; ++d) {
            if (!kb_.diagnoses[d].id.empty() && !table.contains(kb_.diagnoses[d].id)) missing.push_back(kb_.diagnoses[d].id);
        }
        if (!missing.empty()) {
            sink_.error(at, {"missing likelihoods for diagnos", (missing.size() == 1 ? "is " : "es "), detail::join(missing)});
        }
        bool all_rows = values_ok && missing.empty();
        for (std::size_t d = 0; d < n; ++d) all_rows = all_rows && row_ok[d];
        if (!all_rows) return;
        for (std::size_t value = 0; value < v.values.size(); ++value) {
            bool possible = false;
            for (std::size_t d = 0; d < n; ++d) possible = possible || v.likelihood[d][value] > 0;
            if (!possible) {
                sink_.error(values_at + "/" + std::to_string(value),
                            {"value \"", v.values[value].id, "\" has probability 0 under every diagnosis"});
            }
        }
    }

    bool read_row(const json& p, const std::string& at, bool values_ok, const Variable& v, std::vector<double>& row) {
        const std::size_t want = v.values.size();
        if (!p.is_array()) {
            sink_.error(at, {"expected an array of ", std::to_string(want), " probabilities (one per value), found ", detail::type_name(p)});
            return false;
        }
        if (values_ok && p.size() != want) {
            std::vector<std::string> names;
            for (const Value& value : v.values) names.push_back(value.id);
            sink_.error(at, {"expected ", std::to_string(want), " probabilities (one per value: ", detail::join(names), "), found ", std::to_string(p.size())});
            return false;
        }
        bool ok = true;
        double sum = 0;
        for (std::size_t i = 0; i < p.size(); ++i) {
            const std::string item = at + "/" + std::to_string(i);
            if (!p[i].is_number()) {
                sink_.error(item, {"expected a number, found ", detail::type_name(p[i])});
                ok = false;
                continue;
            }
            const double x = p[i].number();
            if (!(x >= 0 && x <= 1)) {
                sink_.error(item, {"probability ", detail::format_number(x), " out of range; expected a number in [0, 1]"});
                ok = false;
                continue;
            }
            if (i < row.size()) row[i] = x;
            sum += x;
        }
        if (ok && values_ok && std::fabs(sum - 1.0) > sum_tolerance) {
            sink_.error(at, {"probabilities sum to ", detail::format_number(sum), "; expected 1 (within 1e-6)"});
            ok = false;
        }
        return ok && values_ok;
    }

    void normalise_priors() {
        double sum = 0;
        for (const Diagnosis& d : kb_.diagnoses) sum += d.prior;
        if (sum <= 0) return;
        for (Diagnosis& d : kb_.diagnoses) d.prior /= sum;
    }

    std::string group_ids() const {
        std::vector<std::string> ids;
        for (const Group& g : kb_.groups) ids.push_back(g.id);
        return detail::join(ids);
    }

    ErrorSink& sink_;
    KnowledgeBase& kb_;
    std::set<std::string> source_ids_;
};

}  // namespace

Loaded<KnowledgeBase> load_knowledge_base(std::string_view json_text, std::string_view file_name) {
    Loaded<KnowledgeBase> result;
    detail::JsonDocument doc = detail::parse_document(json_text, file_name, result.errors);
    if (doc.parsed) {
        ErrorSink sink(file_name, doc.root, result.errors);
        KnowledgeBase kb;
        KnowledgeBaseReader(sink, kb).read(doc.root);
        if (result.errors.empty()) result.value = std::move(kb);
    }
    detail::finish_errors(result.errors);
    return result;
}

}  // namespace dah
