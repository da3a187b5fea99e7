// load_network: the schema of cases/schema/knowledge-base-v2.schema.json plus its cross-references:
// parents that exist and sit in an allowed layer, no cycle, one row per combination of parent values
// in order, each row of probabilities summing to 1, values that exist, a source or an estimate for
// every number. Every error names file, JSON pointer, line and column.
#include <algorithm>
#include <cmath>
#include <functional>
#include <set>

#include "dah/network.hpp"
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

constexpr double sum_tolerance = 1e-6;
constexpr std::size_t max_rows = 4096;

std::string item_pointer(const std::string& list, std::size_t i) { return list + "/" + std::to_string(i); }

bool kind_from_id(const std::string& id, NodeKind& out) {
    for (NodeKind k : {NodeKind::context, NodeKind::cause, NodeKind::state, NodeKind::finding}) {
        if (kind_id(k) == id) {
            out = k;
            return true;
        }
    }
    return false;
}

class NetworkReader {
public:
    NetworkReader(ErrorSink& sink, Network& net) : sink_(sink), net_(net) {}

    void read(const json& root) {
        ObjectReader r(sink_, root, "",
                       {"schema_version", "max_coexisting_causes", "sources", "groups", "both", "nodes"});
        if (!r.is_object()) return;
        if (r.integer("schema_version", net_.schema_version, Need::required) && net_.schema_version != 2) {
            sink_.error("/schema_version",
                        {"unsupported schema_version ", std::to_string(net_.schema_version), "; expected 2"});
        }
        if (r.integer("max_coexisting_causes", net_.max_coexisting_causes, Need::required) &&
            (net_.max_coexisting_causes < 1 || net_.max_coexisting_causes > 4)) {
            sink_.error("/max_coexisting_causes", {"expected 1 to 4 causes at once, found ", std::to_string(net_.max_coexisting_causes)});
        }
        if (const json* list = r.array("sources", Need::required)) read_sources(*list);
        if (const json* list = r.array("groups", Need::required)) read_groups(*list);
        const json* nodes = r.array("nodes", Need::required);
        if (nodes) read_nodes(*nodes);
        if (const json* both = r.object("both", Need::required)) read_both(*both);
        if (nodes && nodes_read_) check_cycles();
    }

private:
    void read_sources(const json& list) {
        IdRegistry ids;
        for (std::size_t i = 0; i < list.size(); ++i) {
            ObjectReader r(sink_, list[i], item_pointer("/sources", i), {"id", "citation"});
            Source s;
            if (r.id("id", s.id, Need::required)) ids.add(sink_, s.id, r.pointer_of("id"));
            r.string("citation", s.citation, Need::required);
            source_ids_.insert(s.id);
            net_.sources.push_back(std::move(s));
        }
    }

    void read_groups(const json& list) {
        if (list.empty()) sink_.error("/groups", "expected at least 1 group, found none");
        IdRegistry ids;
        for (std::size_t i = 0; i < list.size(); ++i) {
            ObjectReader r(sink_, list[i], item_pointer("/groups", i), {"id", "name"});
            Group g;
            if (r.id("id", g.id, Need::required)) ids.add(sink_, g.id, r.pointer_of("id"));
            r.string("name", g.name, Need::required);
            net_.groups.push_back(std::move(g));
        }
    }

    void read_both(const json& both) {
        ObjectReader r(sink_, both, "/both", {"groups", "name"});
        r.string("name", net_.both_name, Need::required);
        std::vector<std::string> ids;
        if (!r.string_list("groups", ids, Need::required, true)) return;
        if (ids.size() != 2) {
            sink_.error("/both/groups", {"expected 2 group ids, found ", std::to_string(ids.size())});
            return;
        }
        int* slots[2] = {&net_.both_first, &net_.both_second};
        for (std::size_t i = 0; i < 2; ++i) {
            *slots[i] = net_.group_index(ids[i]);
            if (*slots[i] < 0) {
                sink_.error("/both/groups/" + std::to_string(i),
                            {"unknown group \"", ids[i], "\"; expected one of: ", group_ids()});
            }
        }
    }

    // Pass 1 reads what other nodes refer to (ids, kinds, values); pass 2 parents and tables.
    void read_nodes(const json& list) {
        if (list.empty()) sink_.error("/nodes", "expected at least 1 node, found none");
        IdRegistry ids;
        for (std::size_t i = 0; i < list.size(); ++i) {
            const std::string p = item_pointer("/nodes", i);
            ObjectReader r(sink_, list[i], p,
                           {"id", "name", "short_name", "kind", "group", "stage", "summary", "question",
                            "values", "parents", "table", "noisy_max"});
            Node node;
            bool ok = r.is_object();
            if (r.id("id", node.id, Need::required)) {
                ok = ids.add(sink_, node.id, r.pointer_of("id")) && ok;
            } else {
                ok = false;
            }
            r.string("name", node.name, Need::required);
            if (!r.string("short_name", node.short_name, Need::optional) || node.short_name.empty())
                node.short_name = node.name;
            r.string("summary", node.summary, Need::optional);
            r.string("question", node.question, Need::optional);
            std::string kind;
            if (r.string("kind", kind, Need::required) && !kind_from_id(kind, node.kind)) {
                sink_.error(r.pointer_of("kind"),
                            {"unknown kind \"", kind, "\"; expected one of: context, cause, state, finding"});
                ok = false;
            } else if (kind.empty()) {
                ok = false;
            }
            if (ok && !read_layer_fields(r, node)) ok = false;
            kinds_ok_.push_back(ok);
            net_.nodes.push_back(std::move(node));
        }
        for (std::size_t i = 0; i < list.size(); ++i) {
            if (!kinds_ok_[i] || !list[i].is_object()) continue;
            read_parents_and_table(list[i], item_pointer("/nodes", i), net_.nodes[i]);
        }
        nodes_read_ = true;
    }

    // Group for causes; stage and values for context and findings. False when values are unusable.
    bool read_layer_fields(ObjectReader& r, Node& node) {
        if (node.kind == NodeKind::cause) {
            std::string group;
            if (r.id("group", group, Need::required)) {
                node.group = net_.group_index(group);
                if (node.group < 0) {
                    sink_.error(r.pointer_of("group"),
                                {"unknown group \"", group, "\"; expected one of: ", group_ids()});
                }
            }
            for (const char* key : {"stage", "values"}) {
                if (r.get(key, Need::optional)) {
                    sink_.error_at_key(r.pointer_of(key), {"a cause has no \"", key, "\" (its values are absent and present)"});
                }
            }
            node.values = {{"absent", "Absent"}, {"present", "Present"}};
            return true;
        }
        if (r.get("group", Need::optional)) {
            sink_.error_at_key(r.pointer_of("group"), "only a cause has a \"group\"");
        }
        std::string stage;
        if (r.string("stage", stage, Need::required) && !stage_from_id(stage, node.stage)) {
            sink_.error(r.pointer_of("stage"),
                        {"unknown stage \"", stage, "\"; expected one of: history, bal, labs, imaging, biopsy, course"});
        }
        const json* values = r.array("values", Need::required);
        if (!values) return false;
        bool ok = true;
        if (values->size() < 2) {
            sink_.error(r.pointer_of("values"),
                        {"expected at least 2 values, found ", std::to_string(values->size())});
            ok = false;
        }
        IdRegistry ids;
        for (std::size_t i = 0; i < values->size(); ++i) {
            ObjectReader v(sink_, (*values)[i], item_pointer(r.pointer_of("values"), i), {"id", "name"});
            Value value;
            if (!v.id("id", value.id, Need::required) || !ids.add(sink_, value.id, v.pointer_of("id")))
                ok = false;
            v.string("name", value.name, Need::required);
            node.values.push_back(std::move(value));
        }
        return ok;
    }

    void read_parents_and_table(const json& object, const std::string& at, Node& node) {
        bool parents_ok = true;
        if (const json* it = object.find("parents")) {
            const std::string pp = at + "/parents";
            if (!it->is_array()) {
                sink_.error(pp, {"expected an array of node ids, found ", detail::type_name(*it)});
                parents_ok = false;
            } else {
                std::set<int> seen;
                for (std::size_t i = 0; i < it->size(); ++i) {
                    const std::string ip = item_pointer(pp, i);
                    const json& item = (*it)[i];
                    const int parent = item.is_string() ? net_.node_index(item.string()) : -1;
                    if (!item.is_string()) {
                        sink_.error(ip, {"expected a node id (a string), found ", detail::type_name(item)});
                    } else if (parent < 0) {
                        sink_.error(ip, {"unknown parent \"", item.string(), "\"; expected the id of a node"});
                    } else if (!kinds_ok_[static_cast<std::size_t>(parent)]) {
                        // The parent's own errors are reported where it is declared.
                    } else if (!seen.insert(parent).second) {
                        sink_.error(ip, {"parent \"", item.string(), "\" listed twice"});
                    } else if (!layer_allows(node.kind, net_.nodes[static_cast<std::size_t>(parent)].kind)) {
                        sink_.error(
                            ip, {"a ", std::string(kind_id(node.kind)), " cannot depend on the ", std::string(kind_id(net_.nodes[static_cast<std::size_t>(parent)].kind)), " \"", item.string(), "\"; ", layer_rule(node.kind, net_.nodes[static_cast<std::size_t>(parent)].kind)});
                    } else {
                        node.parents.push_back(parent);
                        node.parent_sizes.push_back(
                            static_cast<int>(net_.nodes[static_cast<std::size_t>(parent)].values.size()));
                        continue;
                    }
                    parents_ok = false;
                }
            }
        }
        const bool has_table = object.contains("table"), has_noisy = object.contains("noisy_max");
        if (has_table == has_noisy) {
            sink_.error(at, has_table ? "has both \"table\" and \"noisy_max\"; expected one of them"
                                      : "missing key \"table\" (or \"noisy_max\")");
            return;
        }
        if (!parents_ok) return;
        if (has_table) {
            read_table(object["table"], at + "/table", node);
        } else {
            read_noisy_max(object["noisy_max"], at + "/noisy_max", node);
        }
    }

    static bool layer_allows(NodeKind child, NodeKind parent) {
        if (child == NodeKind::context) return parent == NodeKind::context;
        if (child == NodeKind::finding) return parent != NodeKind::finding;
        return parent == NodeKind::context || parent == NodeKind::cause;
    }

    static std::string layer_rule(NodeKind child, NodeKind parent) {
        if (child == NodeKind::context) return "context nodes depend only on context nodes";
        if (parent == NodeKind::finding) return "findings are leaves: nothing depends on a finding";
        return "causes and states depend only on context nodes and causes";
    }

    // Parent values of row `row` (first parent slowest) among `positions` of node.parents.
    std::vector<int> combination(const Node& node, const std::vector<int>& positions, std::size_t row) const {
        std::vector<int> values(positions.size(), 0);
        for (std::size_t k = positions.size(); k-- > 0;) {
            const std::size_t size =
                static_cast<std::size_t>(node.parent_sizes[static_cast<std::size_t>(positions[k])]);
            values[k] = static_cast<int>(row % size);
            row /= size;
        }
        return values;
    }

    std::string describe(const Node& node, const std::vector<int>& positions,
                         const std::vector<int>& values) const {
        std::string out = "{";
        for (std::size_t k = 0; k < positions.size(); ++k) {
            const Node& parent =
                net_.nodes[static_cast<std::size_t>(node.parents[static_cast<std::size_t>(positions[k])])];
            out += (k ? ", " : "") + parent.id + ": " + parent.values[static_cast<std::size_t>(values[k])].id;
        }
        return out + "}";
    }

    std::size_t combinations(const Node& node, const std::vector<int>& positions) const {
        std::size_t n = 1;
        for (int p : positions) n *= static_cast<std::size_t>(node.parent_sizes[static_cast<std::size_t>(p)]);
        return n;
    }

    // A row's "when": exactly the given parents, each at the value this row stands for.
    bool read_when(const json* when, const std::string& row_at, const Node& node,
                   const std::vector<int>& positions, std::size_t row) {
        const std::vector<int> expected = combination(node, positions, row);
        if (positions.empty() && !when) return true;
        if (!when) {
            sink_.error(row_at,
                        {"missing key \"when\" (expected ", describe(node, positions, expected), ")"});
            return false;
        }
        const std::string wp = row_at + "/when";
        if (!when->is_object()) {
            sink_.error(wp, {"expected an object of parent values, found ", detail::type_name(*when)});
            return false;
        }
        bool ok = true, in_order = true;
        for (const JsonMember& m : when->members()) {
            const std::string kp = wp + "/" + detail::escape_pointer_token(m.key);
            std::size_t k = 0;
            while (k < positions.size() &&
                   net_.nodes[static_cast<std::size_t>(node.parents[static_cast<std::size_t>(positions[k])])]
                           .id != m.key) {
                ++k;
            }
            if (k == positions.size()) {
                sink_.error_at_key(
                    kp, {"\"", m.key, "\" is not ", (positions.size() == node.parents.size() ? "a parent" : "a context parent"), " of \"", node.id, "\"; expected ", describe(node, positions, expected)});
                ok = false;
                continue;
            }
            const int parent = node.parents[static_cast<std::size_t>(positions[k])];
            const int v = m.value.is_string() ? net_.value_index(parent, m.value.string()) : -1;
            if (!m.value.is_string()) {
                sink_.error(kp, {"expected a value id (a string), found ", detail::type_name(m.value)});
                ok = false;
            } else if (v < 0) {
                sink_.error(kp, {"unknown value \"", m.value.string(), "\" of \"", m.key, "\"; expected one of: ", value_ids(parent)});
                ok = false;
            } else if (v != expected[k]) {
                in_order = false;
            }
        }
        for (std::size_t k = 0; k < positions.size(); ++k) {
            const Node& parent =
                net_.nodes[static_cast<std::size_t>(node.parents[static_cast<std::size_t>(positions[k])])];
            if (!when->contains(parent.id)) {
                sink_.error(wp, {"missing parent \"", parent.id, "\"; expected ", describe(node, positions, expected)});
                ok = false;
            }
        }
        if (ok && !in_order) {
            sink_.error(wp, {"rows go through the parents' values in order (first parent slowest); expected ", describe(node, positions, expected), " here"});
            ok = false;
        }
        return ok;
    }

    // {p, source | estimate, derivation} plus `extra` keys; returns p or null.
    const json* read_cited(const json& value, const std::string& at, Citation& out,
                           std::initializer_list<const char*> keys) {
        ObjectReader r(sink_, value, at, keys);
        if (!r.is_object()) return nullptr;
        const json* p = r.get("p", Need::required);
        const bool has_source = r.get("source", Need::optional) != nullptr;
        const bool has_estimate = r.get("estimate", Need::optional) != nullptr;
        if (has_source && r.id("source", out.source_id, Need::required) &&
            !source_ids_.count(out.source_id)) {
            sink_.error(r.pointer_of("source"),
                        {"unknown source \"", out.source_id, "\"; expected an id from /sources"});
        }
        if (has_estimate) r.string("estimate", out.estimate, Need::required);
        if (!has_source && !has_estimate) {
            sink_.error(at,
                        "a number needs \"source\" (an id from /sources) or \"estimate\" (a one-line "
                        "rationale); found neither");
        } else if (has_source && has_estimate) {
            sink_.error(at, "has both \"source\" and \"estimate\"; expected one of them");
        }
        r.string("derivation", out.derivation, Need::optional);
        return p;
    }

    // One probability per value of the node, each in [0, 1], summing to 1.
    bool read_distribution(const json& p, const std::string& at, const Node& node, std::vector<double>& out) {
        const std::size_t want = node.values.size();
        if (!p.is_array()) {
            sink_.error(at, {"expected an array of ", std::to_string(want), " probabilities (one per value), found ", detail::type_name(p)});
            return false;
        }
        if (p.size() != want) {
            std::vector<std::string> names;
            for (const Value& v : node.values) names.push_back(v.id);
            sink_.error(at, {"expected ", std::to_string(want), " probabilities (one per value: ", detail::join(names), "), found ", std::to_string(p.size())});
            return false;
        }
        bool ok = true;
        double sum = 0;
        out.assign(want, 0.0);
        for (std::size_t i = 0; i < want; ++i) {
            const std::string item = item_pointer(at, i);
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
            out[i] = x;
            sum += x;
        }
        if (ok && std::fabs(sum - 1.0) > sum_tolerance) {
            sink_.error(at,
                        {"probabilities sum to ", detail::format_number(sum), "; expected 1 (within 1e-6)"});
            ok = false;
        }
        return ok;
    }

    std::vector<int> all_positions(const Node& node) const {
        std::vector<int> positions;
        for (std::size_t k = 0; k < node.parents.size(); ++k) positions.push_back(static_cast<int>(k));
        return positions;
    }

    void read_table(const json& table, const std::string& at, Node& node) {
        if (!table.is_array()) {
            sink_.error(at, {"expected an array of rows, found ", detail::type_name(table)});
            return;
        }
        const std::vector<int> positions = all_positions(node);
        const std::size_t rows = combinations(node, positions);
        if (rows > max_rows) {
            sink_.error(at, {"a table of ", std::to_string(rows), " rows; at most ", std::to_string(max_rows), " (use noisy_max for many parents)"});
            return;
        }
        if (table.size() != rows) {
            std::string sizes;
            for (std::size_t k = 0; k < node.parents.size(); ++k) {
                sizes += (k ? " x " : "") + std::to_string(node.parent_sizes[k]) + " (" +
                         net_.nodes[static_cast<std::size_t>(node.parents[k])].id + ")";
            }
            sink_.error(
                at, {"expected ", std::to_string(rows), " row", (rows == 1 ? "" : "s"), (node.parents.empty() ? " (no parents)"
                                              : " (one per combination of parent values: " + sizes + ")"), ", found ", std::to_string(table.size())});
            return;
        }
        node.table.assign(rows * node.values.size(), 0.0);
        node.row_citation.assign(rows, Citation{});
        for (std::size_t row = 0; row < rows; ++row) {
            const std::string row_at = item_pointer(at, row);
            const json* p = read_cited(table[row], row_at, node.row_citation[row],
                                       {"when", "p", "source", "estimate", "derivation"});
            if (!p) continue;
            const json* when = table[row].find("when");
            read_when(when, row_at, node, positions, row);
            std::vector<double> dist;
            if (read_distribution(*p, row_at + "/p", node, dist)) {
                std::copy(dist.begin(), dist.end(),
                          node.table.begin() + static_cast<std::ptrdiff_t>(row * node.values.size()));
            }
        }
    }

    void read_noisy_max(const json& value, const std::string& at, Node& node) {
        ObjectReader r(sink_, value, at, {"context", "sets"});
        if (!r.is_object()) return;
        std::vector<std::string> context_ids;
        if (r.get("context", Need::optional) && !r.string_list("context", context_ids, Need::optional, true))
            return;
        for (std::size_t i = 0; i < context_ids.size(); ++i) {
            int position = -1;
            for (std::size_t k = 0; k < node.parents.size(); ++k) {
                if (net_.nodes[static_cast<std::size_t>(node.parents[k])].id == context_ids[i])
                    position = static_cast<int>(k);
            }
            if (position < 0) {
                sink_.error(r.pointer_of("context") + "/" + std::to_string(i),
                            {"\"", context_ids[i], "\" is not a parent of \"", node.id, "\"; expected one of its parents"});
                return;
            }
            node.context.push_back(position);
        }
        for (std::size_t k = 0; k < node.parents.size(); ++k) {
            if (std::find(node.context.begin(), node.context.end(), static_cast<int>(k)) ==
                node.context.end()) {
                node.links.push_back(static_cast<int>(k));
            }
        }
        const json* sets = r.array("sets", Need::required);
        if (!sets) return;
        const std::size_t want = combinations(node, node.context);
        if (sets->size() != want) {
            sink_.error(r.pointer_of("sets"), {"expected ", std::to_string(want), " parameter set", (want == 1 ? "" : "s"), " (one per combination of context values), found ", std::to_string(sets->size())});
            return;
        }
        node.sets.assign(want, NoisyMaxSet{});
        for (std::size_t s = 0; s < want; ++s)
            read_noisy_set((*sets)[s], item_pointer(r.pointer_of("sets"), s), node, s);
    }

    void read_noisy_set(const json& value, const std::string& at, Node& node, std::size_t index) {
        ObjectReader r(sink_, value, at, {"when", "leak", "links"});
        if (!r.is_object()) return;
        read_when(r.get("when", Need::optional), at, node, node.context, index);
        NoisyMaxSet& set = node.sets[index];
        if (const json* leak = r.get("leak", Need::required)) {
            if (const json* p = read_cited(*leak, r.pointer_of("leak"), set.leak_citation,
                                           {"p", "source", "estimate", "derivation"})) {
                read_distribution(*p, r.pointer_of("leak") + "/p", node, set.leak);
            }
        }
        set.link.assign(node.links.size(), {});
        set.link_citation.assign(node.links.size(), {});
        const json* links = r.object("links", Need::required);
        if (!links) return;
        for (const JsonMember& m : links->members()) {
            bool known = false;
            for (std::size_t l = 0; l < node.links.size(); ++l) {
                known = known || net_.nodes[static_cast<std::size_t>(
                                                node.parents[static_cast<std::size_t>(node.links[l])])]
                                         .id == m.key;
            }
            if (!known) {
                sink_.error_at_key(r.pointer_of("links") + "/" + detail::escape_pointer_token(m.key),
                                   {"\"", m.key, "\" is not a linked parent of \"", node.id, "\"; expected one of: ", link_ids(node)});
            }
        }
        for (std::size_t l = 0; l < node.links.size(); ++l) {
            const int parent = node.parents[static_cast<std::size_t>(node.links[l])];
            const Node& pn = net_.nodes[static_cast<std::size_t>(parent)];
            const std::size_t k = pn.values.size();
            set.link[l].assign(k, {});
            set.link_citation[l].assign(k, Citation{});
            const json* it = links->find(pn.id);
            if (!it) {
                sink_.error(r.pointer_of("links"),
                            {"missing parent \"", pn.id, "\": every parent not in \"context\" needs links"});
                continue;
            }
            const std::string lp = r.pointer_of("links") + "/" + detail::escape_pointer_token(pn.id);
            if (!it->is_object()) {
                sink_.error(lp, {"expected an object keyed by values of \"", pn.id, "\", found ", detail::type_name(*it)});
                continue;
            }
            for (const JsonMember& vm : it->members()) {
                const std::string vp = lp + "/" + detail::escape_pointer_token(vm.key);
                const int vi = net_.value_index(parent, vm.key);
                if (vi < 0) {
                    sink_.error_at_key(vp, {"unknown value \"", vm.key, "\" of \"", pn.id, "\"; expected one of: ", value_ids(parent)});
                    continue;
                }
                const std::size_t vu = static_cast<std::size_t>(vi);
                if (const json* p = read_cited(vm.value, vp, set.link_citation[l][vu],
                                               {"p", "source", "estimate", "derivation"})) {
                    read_distribution(*p, vp + "/p", node, set.link[l][vu]);
                }
            }
        }
    }

    void check_cycles() {
        const std::size_t n = net_.nodes.size();
        std::vector<int> state(n, 0);
        std::vector<std::size_t> path;
        std::function<bool(std::size_t)> visit = [&](std::size_t i) {
            if (state[i] == 2) return false;
            if (state[i] == 1) {
                std::string cycle;
                auto start = std::find(path.begin(), path.end(), i);
                for (auto it = start; it != path.end(); ++it) cycle += net_.nodes[*it].id + " -> ";
                cycle += net_.nodes[i].id;
                sink_.error("/nodes/" + std::to_string(i) + "/parents",
                            {"the parents form a cycle (", cycle, "); a network has no cycles"});
                return true;
            }
            state[i] = 1;
            path.push_back(i);
            for (int p : net_.nodes[i].parents) {
                if (visit(static_cast<std::size_t>(p))) return true;
            }
            path.pop_back();
            state[i] = 2;
            return false;
        };
        for (std::size_t i = 0; i < n; ++i) {
            path.clear();
            if (visit(i)) return;
        }
    }

    std::string group_ids() const {
        std::vector<std::string> ids;
        for (const Group& g : net_.groups) ids.push_back(g.id);
        return detail::join(ids);
    }

    std::string value_ids(int node) const {
        std::vector<std::string> ids;
        for (const Value& v : net_.nodes[static_cast<std::size_t>(node)].values) ids.push_back(v.id);
        return detail::join(ids);
    }

    std::string link_ids(const Node& node) const {
        std::vector<std::string> ids;
        for (int position : node.links)
            ids.push_back(
                net_.nodes[static_cast<std::size_t>(node.parents[static_cast<std::size_t>(position)])].id);
        return detail::join(ids);
    }

    ErrorSink& sink_;
    Network& net_;
    std::set<std::string> source_ids_;
    std::vector<bool> kinds_ok_;
    bool nodes_read_ = false;
};

}  // namespace

Loaded<Network> load_network(std::string_view json_text, std::string_view file_name) {
    Loaded<Network> result;
    detail::JsonDocument doc = detail::parse_document(json_text, file_name, result.errors);
    if (doc.parsed) {
        ErrorSink sink(file_name, doc.root, result.errors);
        Network net;
        NetworkReader(sink, net).read(doc.root);
        if (result.errors.empty()) {
            std::string why;
            if (prepare(net, &why)) {
                result.value = std::move(net);
            } else {
                sink.error("", why);
            }
        }
    }
    detail::finish_errors(result.errors);
    return result;
}

}  // namespace dah::net
