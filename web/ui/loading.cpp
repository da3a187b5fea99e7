// Flags, files handed over by the platform, and the start-up that loads them through the core.
#include <algorithm>
#include <cstdlib>

#include "platform.hpp"
#include "ui/app.hpp"
#include "ui/modes.hpp"
#include "ui/persistence.hpp"

namespace dah::ui {

Options parse_options(const std::vector<std::string>& args) {
    Options o;
    for (const std::string& arg : args) {
        const auto eq = arg.find('=');
        const std::string key = arg.substr(0, eq);
        const std::string value = eq == std::string::npos ? "" : arg.substr(eq + 1);
        if (key == "--present") o.present = true;
        else if (key == "--kiosk") o.kiosk = true;
        else if (key == "--touch") o.touch = true;
        else if (key == "--idle") o.idle_seconds = std::clamp(std::atoi(value.c_str()), 1, 24 * 3600);
        else if (key == "--fullscreen") o.fullscreen = true;
        else if (key == "--free-reveal") o.free_reveal = true;
        else if (key == "--gallery") o.gallery = true;
        else if (key == "--pictures") o.pictures_of_stage = std::clamp(std::atoi(value.c_str()), 0, 63);
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
    if (name == "ui-font.ttf" || name == "ui-font-extra.ttf") {
        (name == "ui-font.ttf" ? app.pending.font_bytes : app.pending.font_extra_bytes) = std::move(bytes);
        return;
    }
    app.pending.files.push_back({name, std::move(bytes)});
}

// Loads the knowledge base and the cases into the tutor, then what needs them: the learner's progress
// (stored by diagnosis id, so it is read only with the knowledge base), imported cases, and the case
// asked for by --case.
static void use_data(AppState& app) {
    app.pending.loading = false;
    app.tutor.load(app.pending.files);
    app.pending.files.clear();
    app.pending.files.shrink_to_fit();
    restore_progress(app);
    restore_imported_cases(app);
    if (!app.options.open_case.empty() && !app.options.kiosk && app.tutor.open_case(app.options.open_case))  // a kiosk starts on the library
        app.view.screen = Screen::player;
}

void start(AppState& app, Platform& platform, const Options& options) {
    app.platform = &platform;
    app.options = options;
    if (auto s = platform.load("settings")) settings_from_json(*s, app.settings);
    start_modes(app);  // presenter look, kiosk timer
    if (options.present) {
        app.settings.theme = Theme::high_contrast;
        app.settings.ui_scale = std::max(app.settings.ui_scale, 2.0f);
    }
    if (options.scale > 0) app.settings.ui_scale = std::clamp(options.scale, 0.5f, 4.0f);
    if (!options.theme.empty())
        app.settings.theme = options.theme == "light" ? Theme::light
                             : options.theme == "high-contrast" ? Theme::high_contrast : Theme::dark;
    app.tutor.set_reveal_without_commit(options.free_reveal || options.present);
    app.pending.loading = options.data_later && !app.pending.files_complete;
    if (!app.pending.loading) use_data(app);
    wake(app);
}

void files_done(AppState& app) {
    app.pending.files_complete = true;
    // Before start(), start() loads the files; after a start() that did not wait, they came too late.
    if (app.pending.loading) use_data(app);
    wake(app);
}

void wake(AppState& app, int frames) { app.frames_wanted = std::max(app.frames_wanted, frames); }

bool wants_frame(const AppState& app) { return app.frames_wanted > 0; }

}  // namespace dah::ui
