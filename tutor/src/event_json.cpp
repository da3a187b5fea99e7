#include "dah/tutor/event_json.hpp"

namespace dah::tutor {

using json = JsonValue;

void write_event(JsonWriter& w, const Event& e) {
    w.begin_object().field("cmd", e.type);
    if (e.time > 0) w.field("t", e.time);
    if (!e.case_id.empty()) w.field("case", e.case_id);
    if (e.stage >= 0) w.field("stage", e.stage);
    const auto numbers = [&w](const char* name, const auto& pairs) {
        if (pairs.empty()) return;
        w.key(name).begin_object();
        for (const auto& [id, x] : pairs) w.field(id, x);
        w.end_object();
    };
    numbers("p", e.values);
    if (!e.variable.empty()) w.field("variable", e.variable).field("value", e.value);
    if (!e.group_for.empty()) w.field("for", e.group_for).field("against", e.group_against);
    numbers("counts", e.counts);
    if (!e.level.empty()) w.field("level", e.level);
    if (!e.causes_of.empty()) {
        w.key("causes_of").begin_array();
        for (const std::string& g : e.causes_of) w.value(g);
        w.end_array();
    }
    numbers("groups", e.groups);
    w.end_object();
}

bool event_from_json(const json& j, Event& out, std::string& error) {
    if (!j.is_object()) return error = "expected an object such as {\"cmd\":\"open\",\"case\":\"...\"}", false;
    Event e;
    for (const auto& [key, v] : j.members()) {
        if (key == "cmd" && v.is_string()) e.type = v.string();
        else if (key == "t" && v.is_number()) e.time = v.number();
        else if (key == "case" && v.is_string()) e.case_id = v.string();
        else if (key == "stage" && v.is_number_integer()) e.stage = v.to_int();
        else if (key == "variable" && v.is_string()) e.variable = v.string();
        else if (key == "value" && v.is_string()) e.value = v.string();
        else if (key == "for" && v.is_string()) e.group_for = v.string();
        else if (key == "against" && v.is_string()) e.group_against = v.string();
        else if (key == "p" && v.is_object()) {
            for (const auto& [d, p] : v.members()) {
                if (!p.is_number()) return error = "\"p\": the probability of \"" + d + "\" is not a number", false;
                e.values.emplace_back(d, p.number());
            }
        } else if (key == "counts" && v.is_object()) {
            for (const auto& [d, n] : v.members()) {
                if (!n.is_number_integer()) return error = "\"counts\": the count of \"" + d + "\" is not a whole number", false;
                e.counts.emplace_back(d, n.to_int());
            }
        } else if (key == "groups" && v.is_object()) {
            for (const auto& [g, q] : v.members()) {
                if (!q.is_number()) return error = "\"groups\": the probability of \"" + g + "\" is not a number", false;
                e.groups.emplace_back(g, q.number());
            }
        } else if (key == "level" && v.is_string()) {
            e.level = v.string();
        } else if (key == "causes_of" && v.is_array()) {
            for (const auto& g : v) {
                if (!g.is_string()) return error = "\"causes_of\": expected group ids such as \"immune\"", false;
                e.causes_of.push_back(g.string());
            }
        } else {
            return error = "unexpected key \"" + key + "\" (or a value of the wrong type)", false;
        }
    }
    if (e.type.empty()) return error = "missing \"cmd\"", false;
    out = std::move(e);
    return true;
}

std::string event_line(const Event& e) {
    JsonWriter w;
    write_event(w, e);
    return w.take();
}

}  // namespace dah::tutor
