// The knowledge explorer: the causal model's nodes with what each depends on and every row of its
// table with its source or estimate, from the tutor's precomputed lines; searchable, clipped.
#include <algorithm>
#include <cctype>
#include <cstdio>

#include <imgui.h>

#include "ui/keys.hpp"
#include "ui/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace dah::ui {

static std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

static bool matches(const std::string& needle, const std::string& haystack) {
    return needle.empty() || lower(haystack).find(needle) != std::string::npos;
}

static int text_callback(ImGuiInputTextCallbackData* data) {
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        auto* s = static_cast<std::string*>(data->UserData);
        s->resize(static_cast<std::size_t>(data->BufTextLen));
        data->Buf = s->data();
    }
    return 0;
}

void draw_explorer(AppState& app) {
    if (!app.tutor.kb()) return;
    const KnowledgeBase& kb = *app.tutor.kb();
    const Palette& pal = palette(app.settings.theme);
    heading("Knowledge explorer");
    wrapped_coloured(pal.muted, "The causal model, node by node: what each finding depends on, and P(value | its parents) row by "
                                "row. A finding whose parents are already known (the INR of a patient known to be on warfarin) "
                                "adds nothing more. Hover a row for its source; * marks an estimate (hover for why).");
    if (ImGui::IsKeyPressed(key::slash, false) && !ImGui::GetIO().WantTextInput) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(std::min(em(30), ImGui::GetContentRegionAvail().x));
    std::string& search = app.view.explorer_search;
    search.reserve(64);
    ImGui::InputTextWithHint("##search", "Filter findings and causes (/)", search.data(), search.capacity() + 1,
                             ImGuiInputTextFlags_CallbackResize, text_callback, &search);
    textbox_mirrored(app, "Filter findings and causes", "explorer.search", search);
    mark(app, "explorer.search");
    const std::string needle = lower(search);

    // The lines of every node whose name, kind, stage or id matches the search (all when none does).
    const tutor::ExplorerTable& lines = app.tutor.explorer();
    std::vector<char> node_shown(kb.variables.size(), 0);
    for (const tutor::ExplorerLine& line : lines)
        if (line.node >= 0 && static_cast<std::size_t>(line.node) < node_shown.size() && line.kind == tutor::ExplorerLine::Kind::node &&
            (matches(needle, line.text) || matches(needle, kb.variables[static_cast<std::size_t>(line.node)].id)))
            node_shown[static_cast<std::size_t>(line.node)] = 1;
    std::vector<int> rows;
    for (std::size_t r = 0; r < lines.size(); ++r)
        if (lines[r].node >= 0 && static_cast<std::size_t>(lines[r].node) < node_shown.size() && node_shown[static_cast<std::size_t>(lines[r].node)])
            rows.push_back(static_cast<int>(r));
    if (rows.empty())
        for (std::size_t r = 0; r < lines.size(); ++r) rows.push_back(static_cast<int>(r));
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_ScrollY;
    if (!ImGui::BeginTable("##kb", 1, flags, ImVec2(0, std::max(ImGui::GetContentRegionAvail().y, em(20))))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Node, what it depends on, and its probabilities");
    ImGui::TableHeadersRow();
    if (A11yTree* t = static_cast<A11yTree*>(ImGui::GetIO().UserData)) {
        t->begin_table("explorer.table", "Knowledge base: the causal model's nodes and their tables (the rows in view)", 1);
        t->add_cell("Node, what it depends on, and its probabilities", true);
    }
    // Only the rows in view are laid out (and mirrored).
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const tutor::ExplorerLine& line = lines[static_cast<std::size_t>(rows[static_cast<std::size_t>(i)])];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            switch (line.kind) {
                case tutor::ExplorerLine::Kind::node:
                    ImGui::PushStyleColor(ImGuiCol_Text, pal.accent);
                    text(line.text);
                    ImGui::PopStyleColor();
                    if (!line.note.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", line.note.c_str());
                    break;
                case tutor::ExplorerLine::Kind::parents:
                    ImGui::PushStyleColor(ImGuiCol_Text, pal.muted);
                    text("  " + line.text);
                    ImGui::PopStyleColor();
                    break;
                case tutor::ExplorerLine::Kind::row: {
                    text("    " + line.text + (line.estimate ? " *" : ""));
                    if (ImGui::IsItemHovered()) {
                        const Source* src = line.estimate ? nullptr : kb.source(line.source);
                        const std::string where = line.estimate ? "Estimate: " + line.note
                                                                : (src ? src->citation + " [" + line.source + "]" : line.source) +
                                                                      (line.note.empty() ? "" : "\n" + line.note);
                        ImGui::SetTooltip("%s", where.c_str());
                    }
                    break;
                }
            }
        }
    }
    a11y_table_end();
    ImGui::EndTable();
    mark(app, "explorer.table");
    app.report.explorer_rows = static_cast<int>(rows.size());
    app.report.explorer_first_rows.clear();
    for (std::size_t i = 0; i < rows.size() && i < 5; ++i) {
        const tutor::ExplorerLine& line = lines[static_cast<std::size_t>(rows[i])];
        app.report.explorer_first_rows.push_back(kb.variables[static_cast<std::size_t>(line.node)].id + ": " + line.text);
    }
}

}  // namespace dah::ui
