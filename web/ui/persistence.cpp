#include "ui/persistence.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "platform.hpp"

namespace dah::ui {

using nlohmann::json;

static const char* theme_id(Theme t) {
    switch (t) {
    case Theme::light: return "light";
    case Theme::high_contrast: return "high-contrast";
    default: return "dark";
    }
}

std::string settings_to_json(const View& view) {
    json j = {{"theme", theme_id(view.theme)}, {"ui_scale", view.ui_scale}};
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

void settings_from_json(const std::string& text, View& view) {
    json j = json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return;
    if (j.contains("theme") && j["theme"].is_string()) {
        const std::string t = j["theme"].get<std::string>();
        view.theme = t == "light" ? Theme::light : t == "high-contrast" ? Theme::high_contrast : Theme::dark;
    }
    if (j.contains("ui_scale") && j["ui_scale"].is_number())
        view.ui_scale = std::clamp(j["ui_scale"].get<float>(), 0.5f, 4.0f);
}

static json probabilities_json(const KnowledgeBase& kb, const std::vector<double>& p) {
    json out = json::object();
    for (std::size_t i = 0; i < p.size() && i < kb.diagnoses.size(); ++i) out[kb.diagnoses[i].id] = p[i];
    return out;
}

static std::vector<double> probabilities_from(const KnowledgeBase& kb, const json& j) {
    std::vector<double> p(kb.diagnoses.size(), 0.0);
    if (!j.is_object()) return {};
    for (std::size_t i = 0; i < kb.diagnoses.size(); ++i) {
        auto it = j.find(kb.diagnoses[i].id);
        if (it != j.end() && it->is_number()) p[i] = std::clamp(it->get<double>(), 0.0, 1.0);
    }
    return p;
}

std::string progress_to_json(const Domain& domain) {
    json cases = json::object();
    for (const auto& [id, p] : domain.progress) {
        cases[id]["done"] = p.done;
        cases[id]["best_score"] = p.best_score;
    }
    if (domain.kb) {
        for (const auto& [id, s] : domain.sessions) {
            json answers = json::array();
            for (const auto& a : s.answers) {
                json x = {{"draft", probabilities_json(*domain.kb, a.draft)}, {"committed", a.committed}};
                if (a.committed) {
                    x["p"] = probabilities_json(*domain.kb, a.committed_p);
                    x["learner_brier"] = a.learner_brier;
                    x["engine_brier"] = a.engine_brier;
                }
                answers.push_back(std::move(x));
            }
            cases[id]["reached"] = s.reached;
            cases[id]["finished"] = s.finished;
            cases[id]["answers"] = std::move(answers);
        }
    }
    return json{{"version", 1}, {"cases", cases}}.dump(-1, ' ', false, json::error_handler_t::replace);
}

void progress_from_json(const std::string& text, Domain& domain) {
    json j = json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("cases") || !j["cases"].is_object() || !domain.kb) return;
    for (const auto& [id, c] : j["cases"].items()) {
        if (!c.is_object()) continue;
        CaseProgress& p = domain.progress[id];
        if (c.contains("done") && c["done"].is_boolean()) p.done = c["done"].get<bool>();
        if (c.contains("best_score") && c["best_score"].is_number()) p.best_score = c["best_score"].get<double>();
        if (!c.contains("answers") || !c["answers"].is_array()) continue;
        CaseSession s;
        if (c.contains("reached") && c["reached"].is_number_integer()) s.reached = c["reached"].get<int>();
        if (c.contains("finished") && c["finished"].is_boolean()) s.finished = c["finished"].get<bool>();
        for (const auto& a : c["answers"]) {
            StageAnswer x;
            if (!a.is_object()) { s.answers.push_back(x); continue; }
            if (a.contains("draft")) x.draft = probabilities_from(*domain.kb, a["draft"]);
            if (a.contains("committed") && a["committed"].is_boolean() && a["committed"].get<bool>() && a.contains("p")) {
                x.committed_p = probabilities_from(*domain.kb, a["p"]);
                x.committed = !x.committed_p.empty();
                if (a.contains("learner_brier") && a["learner_brier"].is_number()) x.learner_brier = a["learner_brier"].get<double>();
                if (a.contains("engine_brier") && a["engine_brier"].is_number()) x.engine_brier = a["engine_brier"].get<double>();
            }
            s.answers.push_back(std::move(x));
        }
        domain.sessions[id] = std::move(s);
    }
}

void save_changes(AppState& app) {
    if (!app.platform || !(app.settings_dirty || app.progress_dirty)) return;
    bool ok = true;
    if (app.settings_dirty) {
        ok = app.platform->save("settings", settings_to_json(app.view)) && ok;
        app.settings_dirty = false;
    }
    // Until the case library is in, the stored progress has not been read: writing would replace it.
    if (app.progress_dirty && !app.domain.loading) {
        ok = app.platform->save("progress", progress_to_json(app.domain)) && ok;
        app.progress_dirty = false;
    }
    if (ok && app.modes.storage_ok) return;
    app.modes.storage_ok = ok;  // a later save that works clears the warning
    if (!ok) app.view.notice = "Storage is full or unavailable: your answers are kept in memory until you close the app.";
}

}  // namespace dah::ui
