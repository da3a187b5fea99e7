// Saved progress as JSON text. Probabilities are stored by outcome id so a changed knowledge base
// cannot mix them up. Version 2 adds the event log and the class votes; version 3 the level of each
// answer (the groups, some groups' causes, every cause) and votes by group; version 4 the causal model's
// outcomes. Versions 1 to 3 are still read: their answers were detailed, their hands for a diagnosis
// count for its group, and their diagnoses of the naive-Bayes model map onto the outcomes that
// correspond (legacy_outcome) with each group's total kept.
// A file that is damaged or from a newer version is read as far as it can be, and said so.
#include <algorithm>
#include <set>

#include "dah/scoring.hpp"
#include "dah/tutor/event_json.hpp"
#include "dah/json_value.hpp"
#include "dah/tutor/tutor.hpp"

namespace dah::tutor {

using json = JsonValue;

namespace {

constexpr int progress_version = 4;

// The diagnoses of the naive-Bayes knowledge base (versions 1 to 3) and the causal model's outcome each
// corresponds to; the three anticoagulants are one cause there, so their shares add up.
const char* legacy_outcome(const std::string& id) {
    static const std::pair<const char*, const char*> map[] = {
        {"drug-induced-aav", "drug-aav"},      {"warfarin", "anticoagulant-bleeding"},
        {"doac", "anticoagulant-bleeding"},    {"heparin", "anticoagulant-bleeding"},
        {"thrombocytopenia-dic", "coagulopathy"}, {"aav-on-anticoagulant", "immune-and-antithrombotic"}};
    for (const auto& [from, to] : map)
        if (id == from) return to;
    return nullptr;
}

int outcome_index(const KnowledgeBase& kb, const std::string& id) {
    const int d = kb.diagnosis_index(id);
    if (d >= 0) return d;
    const char* to = legacy_outcome(id);
    return to ? kb.diagnosis_index(to) : -1;
}

void write_by_id(JsonWriter& w, const std::vector<Diagnosis>& ids, const std::vector<double>& p) {
    w.begin_object();
    for (std::size_t i = 0; i < p.size() && i < ids.size(); ++i) w.field(ids[i].id, p[i]);
    w.end_object();
}

// By outcome id (an older file's diagnosis ids mapped); an id with no outcome is left out, and an answer
// with nothing left is the untouched one.
std::vector<double> probabilities_from(const KnowledgeBase& kb, const json& j) {
    if (!j.is_object()) return {};
    std::vector<double> p(kb.diagnoses.size(), 0.0);
    double total = 0;
    for (const auto& [id, x] : j.members()) {
        const int d = outcome_index(kb, id);
        if (d < 0 || !x.is_number()) continue;
        const double v = std::clamp(x.number(), 0.0, 1.0);
        p[static_cast<std::size_t>(d)] += v;
        total += v;
    }
    return total > 0 ? p : even_spread(kb);
}

// The answer to the first question as saved (by group id), when the file has it.
std::vector<double> saved_groups(const KnowledgeBase& kb, const json& a) {
    if (!a.contains("groups") || !a["groups"].is_object()) return {};
    std::vector<double> q(kb.groups.size(), 0.0);
    double total = 0;
    for (const auto& [id, x] : a["groups"].members()) {
        const int g = kb.group_index(id);
        if (g < 0 || !x.is_number()) continue;
        total += q[static_cast<std::size_t>(g)] = std::clamp(x.number(), 0.0, 1.0);
    }
    return total > 0 ? q : std::vector<double>{};
}

template <class T>
void read(const json& j, const char* key, T& out) {
    const json* it = j.find(key);
    if (!it) return;
    if constexpr (std::is_same_v<T, bool>) {
        if (it->is_boolean()) out = it->boolean();
    } else if constexpr (std::is_same_v<T, int>) {
        if (it->is_number_integer()) out = it->to_int();
    } else {
        if (it->is_number()) out = static_cast<T>(it->number());
    }
}

// Group ids as a bit set; unknown ids are left out.
unsigned groups_from(const KnowledgeBase& kb, const json& j) {
    unsigned out = 0;
    if (!j.is_array()) return out;
    for (const json& id : j)
        if (id.is_string())
            if (const int g = kb.group_index(id.string()); g >= 0 && g < 31) out |= 1u << g;
    return out;
}

void write_groups(JsonWriter& w, const KnowledgeBase& kb, unsigned set) {
    w.begin_array();
    for (std::size_t g = 0; g < kb.groups.size() && g < 31; ++g)
        if (set & (1u << g)) w.value(kb.groups[g].id);
    w.end_array();
}

void write_answer(JsonWriter& w, const KnowledgeBase& kb, const StageAnswer& a) {
    w.begin_object().key("draft");
    write_by_id(w, kb.diagnoses, a.draft);
    w.key("draft_causes_of");
    write_groups(w, kb, a.draft_causes);
    w.field("committed", a.committed);
    if (a.committed) {
        w.key("p");
        write_by_id(w, kb.diagnoses, a.committed_p);
        w.field("level", level_id(a.level));  // for readers; the level follows from causes_of
        w.key("causes_of");
        write_groups(w, kb, a.causes_of);
        w.key("groups").begin_object();
        for (std::size_t g = 0; g < kb.groups.size() && g < a.committed_groups.size(); ++g) w.field(kb.groups[g].id, a.committed_groups[g]);
        w.end_object();
        w.field("learner_brier", a.learner_brier).field("engine_brier", a.engine_brier);
        w.field("learner_log_bits", a.learner_log_bits).field("engine_log_bits", a.engine_log_bits);
    }
    w.end_object();
}

StageAnswer answer_from(const KnowledgeBase& kb, const json& a, int version) {
    StageAnswer x;
    if (!a.is_object()) return x;
    if (a.contains("draft")) x.draft = probabilities_from(kb, a["draft"]);
    // Drafts and answers of older files were set cause by cause.
    x.draft_causes = a.contains("draft_causes_of") ? groups_from(kb, a["draft_causes_of"]) : all_groups(kb);
    bool committed = false;
    read(a, "committed", committed);
    if (committed && a.contains("p")) {
        x.committed_p = probabilities_from(kb, a["p"]);
        x.committed = !x.committed_p.empty();
        read(a, "learner_brier", x.learner_brier);
        read(a, "engine_brier", x.engine_brier);
        read(a, "learner_log_bits", x.learner_log_bits);
        read(a, "engine_log_bits", x.engine_log_bits);
        x.causes_of = all_groups(kb);
        if (a.contains("causes_of")) x.causes_of = groups_from(kb, a["causes_of"]);
        x.level = level_of(kb, x.causes_of);
        // An answer saved on the naive-Bayes diagnoses: the groups answered stay exactly as saved, whatever
        // became of the causes within them.
        if (const std::vector<double> q = saved_groups(kb, a); version < 4 && x.committed && !q.empty())
            set_group_totals(kb, x.committed_p, q);
        if (x.committed) x.committed_groups = group_totals(kb, x.committed_p);
    }
    return x;
}

}  // namespace

std::string Tutor::progress_json() const {
    JsonWriter w;
    w.begin_object().field("version", progress_version).key("cases").begin_object();
    std::set<std::string> ids;  // a case may have progress, a session, or both
    for (const auto& [id, p] : progress_) ids.insert(id);
    if (library_.kb)
        for (const auto& [id, s] : sessions_) ids.insert(id);
    for (const std::string& id : ids) {
        w.key(id).begin_object();
        if (const auto p = progress_.find(id); p != progress_.end())
            w.field("done", p->second.done).field("best_score", p->second.best_score);
        if (const auto s = sessions_.find(id); library_.kb && s != sessions_.end()) {
            w.field("reached", s->second.reached).field("finished", s->second.finished);
            if (s->second.finished_at > 0) w.field("finished_at", s->second.finished_at);
            w.key("answers").begin_array();
            for (const StageAnswer& a : s->second.answers) write_answer(w, *library_.kb, a);
            w.end_array();
        }
        w.end_object();
    }
    w.end_object().key("votes").begin_object();
    if (library_.kb)
        for (const auto& [id, stages] : votes_) {
            const auto has_hands = [](const auto& stage) {
                return std::any_of(stage.second.begin(), stage.second.end(), [](int n) { return n > 0; });
            };
            if (std::none_of(stages.begin(), stages.end(), has_hands)) continue;
            w.key(id).begin_object();
            for (const auto& stage : stages) {
                if (!has_hands(stage)) continue;
                const std::vector<int>& counts = stage.second;
                w.key(std::to_string(stage.first)).begin_object();
                for (std::size_t g = 0; g < counts.size() && g < library_.kb->groups.size(); ++g)
                    if (counts[g] > 0) w.field(library_.kb->groups[g].id, counts[g]);
                w.end_object();
            }
            w.end_object();
        }
    w.end_object().key("events").begin_array();
    for (const Event& e : events_.events()) write_event(w, e);
    w.end_array().end_object();
    return w.take();
}

RestoreOutcome Tutor::restore_progress(const std::string& text) {
    RestoreOutcome out;
    const json j = parse_json_or_null(text);
    if (!j.is_object() || !j.contains("cases") || !j["cases"].is_object()) {
        out.ok = false;
        out.keep_original = true;
        out.notice = "Your saved progress could not be read (the file is damaged). It was kept aside; you start afresh.";
        return out;
    }
    if (!library_.kb) {
        out.ok = false;
        out.notice = "Your saved progress waits for the knowledge base, which did not load.";
        return out;
    }
    int version = 1;
    read(j, "version", version);
    if (version > progress_version) {
        out.keep_original = true;
        out.notice = "Your progress was saved by a newer version of DAH Tutor. What this version understands is restored; the "
                     "original was kept aside.";
    }
    const KnowledgeBase& kb = *library_.kb;
    int skipped = 0;
    for (const auto& [id, c] : j["cases"].members()) {
        if (!c.is_object()) {
            ++skipped;
            continue;
        }
        CaseProgress& p = progress_[id];
        read(c, "done", p.done);
        read(c, "best_score", p.best_score);
        if (!c.contains("answers")) continue;
        if (!c["answers"].is_array()) {
            ++skipped;
            continue;
        }
        CaseSession s;
        read(c, "reached", s.reached);
        read(c, "finished", s.finished);
        read(c, "finished_at", s.finished_at);
        for (const auto& a : c["answers"]) s.answers.push_back(answer_from(kb, a, version));
        sessions_[id] = std::move(s);
    }
    if (j.contains("votes") && j["votes"].is_object())
        for (const auto& [id, stages] : j["votes"].members()) {
            if (!stages.is_object()) continue;
            for (const auto& [stage, by_id] : stages.members()) {
                if (!by_id.is_object() || stage.empty() || stage.find_first_not_of("0123456789") != std::string::npos || stage.size() > 3)
                    continue;
                std::vector<int> counts(kb.groups.size(), 0);
                for (const auto& [key, n] : by_id.members()) {
                    int g = kb.group_index(key);
                    if (const int d = outcome_index(kb, key); g < 0 && d >= 0) g = kb.diagnoses[static_cast<std::size_t>(d)].group;
                    if (g >= 0 && n.is_number_integer())
                        counts[static_cast<std::size_t>(g)] = std::clamp(counts[static_cast<std::size_t>(g)] + n.to_int(), 0, 100000);
                }
                votes_[id][std::stoi(stage)] = std::move(counts);
            }
        }
    if (j.contains("events") && j["events"].is_array())
        for (const auto& e : j["events"]) {
            Event x;
            std::string error;
            if (event_from_json(e, x, error)) events_.add(std::move(x));
            else ++skipped;
        }
    if (skipped > 0 && out.notice.empty()) {
        out.keep_original = true;
        out.notice = "Part of your saved progress was damaged (" + std::to_string(skipped) +
                     " entries); the rest is restored and the original was kept aside.";
    }
    changed(false);
    return out;
}

std::string Tutor::imports_json() const {
    JsonWriter w;
    w.begin_object().field("version", 1).key("files").begin_array();
    for (const CaseEntry& e : library_.cases)
        if (e.imported) w.begin_object().field("name", e.file).field("text", e.source).end_object();
    w.end_array().end_object();
    return w.take();
}

// A saved import that no longer fits the knowledge base is reported like any file that failed to load.
std::vector<Diagnostic> Tutor::restore_imports(const std::string& saved_json) {
    std::vector<Diagnostic> errors;
    const json j = parse_json_or_null(saved_json);
    if (!j.is_object() || !j.contains("files") || !j["files"].is_array()) return errors;
    for (const json& f : j["files"]) {
        if (!f.is_object() || !f.contains("name") || !f["name"].is_string() || !f.contains("text") || !f["text"].is_string()) continue;
        const std::string name = f["name"].string();
        std::vector<Diagnostic> e = add_import(library_, {name, f["text"].string()});
        if (e.empty()) continue;
        LoadError shown{"imported " + name, {}};
        for (const Diagnostic& d : e) shown.messages.push_back(d.to_string());
        library_.errors.push_back(std::move(shown));
        errors.insert(errors.end(), e.begin(), e.end());
    }
    changed(false);
    return errors;
}

}  // namespace dah::tutor
