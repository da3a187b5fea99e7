// Importing a case (not in kiosk mode): a file from the browser's chooser or a drop on the page, or a
// path (or a drop) on the desktop. The core validates it against the loaded knowledge base; a bad
// file's errors (file, JSON pointer, line, column, message) show in a panel and nothing else changes;
// a good one joins the library and is saved ("imported-cases") so it is there after a reload.
#include <algorithm>
#include <cstdio>
#include <cstring>

#include <imgui.h>

#include "dah/case.hpp"
#include "dah/engine.hpp"
#include "platform.hpp"
#include "ui/app.hpp"
#include "ui/keys.hpp"
#include "ui/mode_keys.hpp"
#include "ui/modes.hpp"
#include "ui/modes_internal.hpp"
#include "ui/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace dah::ui {

namespace {

constexpr const char* storage_key = "imported-cases";

Diagnostic problem(const std::string& file, const std::string& message) {
    Diagnostic d;
    d.file = file;
    d.message = message;
    return d;
}

void save_imports(AppState& app) {
    if (!app.platform) return;
    if (!app.platform->save(storage_key, app.tutor.imports_json())) {
        app.modes.storage_ok = false;
        app.view.notice = "Storage is full or unavailable: the imported case is in the library until you close the app.";
    }
}

}  // namespace

bool import_case(AppState& app, const std::string& file_name, const std::string& text) {
    ImportState& im = app.modes.import;
    wake(app);
    if (app.options.kiosk) {
        app.view.notice = "Importing cases is turned off on this kiosk.";
        return false;
    }
    if (app.pending.loading) {  // no knowledge base to check it against yet
        app.view.notice = "The case library is still loading: import the case again in a moment.";
        return false;
    }
    im.file = file_name;
    im.accepted_id.clear();
    std::string id;
    im.errors = app.tutor.import_case({file_name, text}, &id);
    if (!im.errors.empty()) {
        im.open = true;
        return false;
    }
    im.accepted_id = id;
    im.open = false;
    save_imports(app);
    const int index = app.tutor.library().index_of(id);
    if (app.modes.storage_ok) app.view.notice = "Imported \"" + app.tutor.library().cases[static_cast<std::size_t>(index)].data.title + "\": it is now in the library.";
    return true;
}

void restore_imported_cases(AppState& app) {
    if (!app.platform) return;
    if (const auto text = app.platform->load(storage_key)) app.tutor.restore_imports(*text);
}

static void open_picker(AppState& app) {
    if (app.platform && app.platform->has_file_picker()) app.platform->pick_import_file();
}

void handle_import_keys(AppState& app) {
    if (app.options.kiosk || app.pending.loading) return;
    ImportState& im = app.modes.import;
    if (!im.open) {
        if (app.view.screen == Screen::library && !app.view.help_open && !app.view.settings_open && take_key(key::letter('i')))
            im.open = true;
        return;
    }
    if (take_key(key::escape)) im.open = false;
    else if (take_key(key::letter('o'))) open_picker(app);
}

void draw_import_panel(AppState& app) {
    ImportState& im = app.modes.import;
    if (!im.open || app.options.kiosk) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.5f), ImGuiCond_Always,
                            ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(em(90), vp->WorkSize.x * 0.96f), vp->WorkSize.y * 0.8f), ImGuiCond_Always);
    ImGui::SetNextWindowFocus();
    if (ImGui::Begin("Import a case###import", &im.open,
                     ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove)) {
        mark_window(app, "import");
        const Palette& pal = palette(app.settings.theme);
        const bool picker = app.platform && app.platform->has_file_picker();
        wrapped(picker ? "Choose a case file (.case.json), or drop it anywhere on the page. It is checked against the "
                         "knowledge base; nothing changes unless it is valid."
                       : "Type the path of a case file (.case.json), or drop it on the window. It is checked against the "
                         "knowledge base; nothing changes unless it is valid.");
        ImGui::Spacing();
        if (picker) {
            if (button(app, "Choose a file… (O)", "import.choose")) open_picker(app);
        } else {
            char buf[1024];
            std::snprintf(buf, sizeof buf, "%s", im.path.c_str());
            ImGui::SetNextItemWidth(std::max(em(20), ImGui::GetContentRegionAvail().x - em(12)));
            const bool enter = ImGui::InputText("##path", buf, sizeof buf, ImGuiInputTextFlags_EnterReturnsTrue);
            im.path = buf;
            textbox_mirrored(app, "Case file path", "import.path", im.path);
            mark(app, "import.path");
            ImGui::SameLine();
            if ((button(app, "Import", "import.go") || enter) && !im.path.empty()) {
                const auto text = app.platform ? app.platform->read_user_file(im.path) : std::nullopt;
                if (text) import_case(app, im.path, *text);
                else {
                    im.file = im.path;
                    im.errors = {problem(im.path, "The file could not be read.")};
                }
            }
            mark(app, "import.go");
        }
        if (!im.errors.empty()) {
            ImGui::Spacing();
            char title[200];
            std::snprintf(title, sizeof title, "%s was not imported: %zu problem%s", im.file.c_str(), im.errors.size(),
                          im.errors.size() == 1 ? "" : "s");
            wrapped_coloured(pal.negative, title);
            mark(app, "import.errors");
            if (ImGui::BeginTable("##import_errors", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
                ImGui::TableSetupColumn("Line:col", ImGuiTableColumnFlags_WidthFixed, em(9));
                ImGui::TableSetupColumn("Where (JSON pointer)", ImGuiTableColumnFlags_WidthStretch, 1.0f);
                ImGui::TableSetupColumn("Problem", ImGuiTableColumnFlags_WidthStretch, 2.0f);
                ImGui::TableHeadersRow();
                for (const Diagnostic& d : im.errors) {
                    ImGui::TableNextRow();
                    ImGui::TableNextColumn();
                    if (d.line > 0) ImGui::Text("%d:%d", d.line, d.column);
                    else ImGui::TextUnformatted("–");
                    ImGui::TableNextColumn();
                    wrapped(d.pointer.empty() ? "(whole file)" : d.pointer);
                    ImGui::TableNextColumn();
                    wrapped(d.message);
                }
                ImGui::EndTable();
            }
        }
        ImGui::Spacing();
        if (button(app, "Close (Esc)", "import.close")) im.open = false;
    }
    ImGui::End();
}

}  // namespace dah::ui
