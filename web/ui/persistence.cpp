#include "ui/persistence.hpp"

#include <algorithm>

#include "dah/json_value.hpp"
#include "dah/tutor/json_writer.hpp"
#include "platform.hpp"

namespace dah::ui {

using json = JsonValue;

static const char* theme_id(Theme t) {
    switch (t) {
    case Theme::light: return "light";
    case Theme::high_contrast: return "high-contrast";
    default: return "dark";
    }
}

std::string settings_to_json(const Settings& settings) {
    tutor::JsonWriter w;
    w.begin_object().field("theme", theme_id(settings.theme)).field("ui_scale", settings.ui_scale);
    w.field("show_topics", settings.show_topics).end_object();
    return w.take();
}

void settings_from_json(const std::string& text, Settings& settings) {
    json j = parse_json_or_null(text);
    if (!j.is_object()) return;
    if (j.contains("theme") && j["theme"].is_string()) {
        const std::string t = j["theme"].string();
        settings.theme = t == "light" ? Theme::light : t == "high-contrast" ? Theme::high_contrast : Theme::dark;
    }
    if (j.contains("show_topics") && j["show_topics"].is_boolean()) settings.show_topics = j["show_topics"].boolean();
    if (j.contains("ui_scale") && j["ui_scale"].is_number())
        settings.ui_scale = std::clamp(static_cast<float>(j["ui_scale"].number()), 0.5f, 4.0f);
}

void restore_progress(AppState& app) {
    const auto text = app.platform->load("progress");
    if (!text) return;
    const tutor::RestoreOutcome outcome = app.tutor.restore_progress(*text);
    if (outcome.keep_original) app.platform->save("progress.kept", *text);
    if (!outcome.notice.empty()) app.view.notice = outcome.notice;
}

void save_changes(AppState& app) {
    // Until the case library is in, the stored progress has not been read: writing would replace it.
    const bool progress = !app.pending.loading && app.tutor.take_unsaved();
    if (!app.platform || !(app.settings_dirty || progress)) return;
    bool ok = true;
    if (app.settings_dirty) {
        ok = app.platform->save("settings", settings_to_json(app.settings)) && ok;
        app.settings_dirty = false;
    }
    if (progress) ok = app.platform->save("progress", app.tutor.progress_json()) && ok;
    if (ok && app.modes.storage_ok) return;
    app.modes.storage_ok = ok;  // a later save that works clears the warning
    if (!ok) app.view.notice = "Storage is full or unavailable: your answers are kept in memory until you close the app.";
}

}  // namespace dah::ui
