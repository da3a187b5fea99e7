// Flags, files handed over by the platform, and the start-up that loads them through the core.
#include <algorithm>
#include <cstdlib>

#include "platform.hpp"
#include "ui/app.hpp"
#include "ui/modes.hpp"
#include "ui/persistence.hpp"
#include "ui/session.hpp"

namespace dah::ui {

static bool has_suffix(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

Options parse_options(const std::vector<std::string>& args) {
    Options o;
    for (const std::string& arg : args) {
        const auto eq = arg.find('=');
        const std::string key = arg.substr(0, eq);
        const std::string value = eq == std::string::npos ? "" : arg.substr(eq + 1);
        if (key == "--present") o.present = true;
        else if (key == "--kiosk") o.kiosk = true;
        else if (key == "--idle") o.idle_seconds = std::clamp(std::atoi(value.c_str()), 1, 24 * 3600);
        else if (key == "--fullscreen") o.fullscreen = true;
        else if (key == "--free-reveal") o.free_reveal = true;
        else if (key == "--gallery") o.gallery = true;
        else if (key == "--scale") o.scale = std::clamp(static_cast<float>(std::atof(value.c_str())), 0.0f, 4.0f);
        else if (key == "--theme") o.theme = value;
        else if (key == "--case") o.open_case = value;
        else if (key == "--data") o.data_dir = value;
        else if (key == "--profile") o.profile_dir = value;
        else if (key == "--data-later") o.data_later = true;
        else o.unknown.push_back(arg);
    }
    return o;
}

void add_file(AppState& app, const std::string& name, std::string bytes) {
    if (name == "ui-font.ttf") {
        app.domain.font_bytes = std::move(bytes);
        return;
    }
    app.domain.files.push_back({name, std::move(bytes)});
}

static std::vector<std::string> messages_of(const std::vector<Diagnostic>& errors) {
    std::vector<std::string> out;
    for (const auto& e : errors) out.push_back(e.to_string());
    return out;
}

static void load_data(Domain& d) {
    d.kb.reset();
    d.cases.clear();
    d.errors.clear();
    auto kb_file = std::find_if(d.files.begin(), d.files.end(), [](const InputFile& f) { return f.name == "knowledge-base.json"; });
    if (kb_file == d.files.end()) {
        d.errors.push_back({"knowledge-base.json", {"The knowledge base was not found, so no case can be played."}});
        return;
    }
    Loaded<KnowledgeBase> kb = load_knowledge_base(kb_file->text, kb_file->name);
    if (!kb.ok()) {
        d.errors.push_back({kb_file->name, messages_of(kb.errors)});
        return;
    }
    d.kb = std::move(kb.value);
    std::vector<const InputFile*> case_files;
    for (const auto& f : d.files)
        if (has_suffix(f.name, ".case.json")) case_files.push_back(&f);
    std::sort(case_files.begin(), case_files.end(), [](auto* a, auto* b) { return a->name < b->name; });
    for (const InputFile* f : case_files) {
        Loaded<Case> c = load_case(f->text, f->name, *d.kb);
        if (!c.ok()) {
            d.errors.push_back({f->name, messages_of(c.errors)});
            continue;
        }
        const bool duplicate = std::any_of(d.cases.begin(), d.cases.end(), [&](const CaseEntry& e) { return e.data.id == c.value->id; });
        if (duplicate) {
            d.errors.push_back({f->name, {"A case with the id \"" + c.value->id + "\" is already loaded; this file was skipped."}});
            continue;
        }
        CaseEntry entry{f->name, std::move(*c.value), {}};
        entry.replay = replay(*d.kb, entry.data);
        d.cases.push_back(std::move(entry));
    }
    // Difficulty order, then title: the library reads from easy to hard.
    auto rank = [](const std::string& difficulty) {
        return difficulty == "introductory" ? 0 : difficulty == "intermediate" ? 1 : difficulty == "advanced" ? 2 : 3;
    };
    std::stable_sort(d.cases.begin(), d.cases.end(), [&](const CaseEntry& a, const CaseEntry& b) {
        if (rank(a.data.difficulty) != rank(b.data.difficulty)) return rank(a.data.difficulty) < rank(b.data.difficulty);
        return a.data.title < b.data.title;
    });
    d.files.clear();
    d.files.shrink_to_fit();
}

// Everything that needs the knowledge base and the cases: the learner's progress (stored by diagnosis
// id, so it is read only with the knowledge base), imported cases, and the case asked for by --case.
static void use_data(AppState& app) {
    app.domain.loading = false;
    load_data(app.domain);
    if (auto p = app.platform->load("progress")) progress_from_json(*p, app.domain);
    restore_imported_cases(app);
    if (!app.options.open_case.empty() && !app.options.kiosk)  // a kiosk always starts on the library
        for (std::size_t i = 0; i < app.domain.cases.size(); ++i)
            if (app.domain.cases[i].data.id == app.options.open_case) open_case(app, static_cast<int>(i));
}

void start(AppState& app, Platform& platform, const Options& options) {
    app.platform = &platform;
    app.options = options;
    if (auto s = platform.load("settings")) settings_from_json(*s, app.view);
    start_modes(app);  // presenter look, kiosk timer
    if (options.present) {
        app.view.theme = Theme::high_contrast;
        app.view.ui_scale = std::max(app.view.ui_scale, 2.0f);
    }
    if (options.scale > 0) app.view.ui_scale = std::clamp(options.scale, 0.5f, 4.0f);
    if (!options.theme.empty())
        app.view.theme = options.theme == "light" ? Theme::light
                         : options.theme == "high-contrast" ? Theme::high_contrast : Theme::dark;
    app.domain.loading = options.data_later && !app.domain.files_complete;
    if (!app.domain.loading) use_data(app);
    wake(app);
}

void files_done(AppState& app) {
    app.domain.files_complete = true;
    // Before start(), start() loads the files; after a start() that did not wait, they came too late.
    if (app.domain.loading) use_data(app);
    wake(app);
}

void wake(AppState& app, int frames) { app.frames_wanted = std::max(app.frames_wanted, frames); }

bool wants_frame(const AppState& app) { return app.frames_wanted > 0; }

}  // namespace dah::ui
