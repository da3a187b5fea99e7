// The knowledge explorer: every finding value against every diagnosis, with P(value | diagnosis),
// the likelihood ratio against the other diagnoses (from the core) and the source; searchable.
#include <algorithm>
#include <cctype>
#include <cstdio>

#include <imgui.h>

#include "dah/sort_stably.hpp"
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
    wrapped_coloured(pal.muted, "P = probability of the finding given the diagnosis; LR = likelihood ratio of the finding for that "
                                "diagnosis against all the others (prior-weighted). Hover a cell for its source; * marks an estimate.");
    // Two filters, so that "warfarin" among the diagnoses keeps the INR rows that matter for it.
    if (ImGui::IsKeyPressed(key::slash, false) && !ImGui::GetIO().WantTextInput) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(std::min(em(30), ImGui::GetContentRegionAvail().x));
    std::string& search = app.view.explorer_search;
    search.reserve(64);
    ImGui::InputTextWithHint("##search", "Filter findings (/)", search.data(), search.capacity() + 1,
                             ImGuiInputTextFlags_CallbackResize, text_callback, &search);
    textbox_mirrored(app, "Filter findings", "explorer.search", search);
    mark(app, "explorer.search");
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x < em(30)) ImGui::NewLine();
    ImGui::SetNextItemWidth(std::min(em(30), ImGui::GetContentRegionAvail().x));
    std::string& dx_search = app.view.explorer_diagnosis_search;
    dx_search.reserve(64);
    ImGui::InputTextWithHint("##dx_search", "Filter diagnoses", dx_search.data(), dx_search.capacity() + 1,
                             ImGuiInputTextFlags_CallbackResize, text_callback, &dx_search);
    textbox_mirrored(app, "Filter diagnoses", "explorer.diagnosis_search", dx_search);
    mark(app, "explorer.diagnosis_search");
    // "Which findings point to X?": the rows ranked by their likelihood ratio for one diagnosis.
    const int& by = app.view.explorer_rank_by;
    std::vector<std::string> orders{"in knowledge-base order"}, rank_texts{"in knowledge-base order"};
    for (const Diagnosis& dx : kb.diagnoses) {
        orders.push_back("by how strongly they point to " + dx.name);
        rank_texts.push_back("by how strongly they point to " + dx.short_name);
    }
    const float rank_room = ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize("Rank findings").x - ImGui::GetStyle().ItemInnerSpacing.x;
    ImGui::SetNextItemWidth(std::max(em(10), std::min(fitting_width(rank_texts), rank_room)));
    const std::string preview = by < 0 ? orders[0] : "by how strongly they point to " + kb.diagnoses[static_cast<std::size_t>(by)].short_name;
    if (const int i = choice(app, "Rank findings", "explorer.rank_by", preview, orders, by + 1); i >= 0) app.view.explorer_rank_by = i - 1;
    const std::string needle = lower(search), dx_needle = lower(dx_search);

    // Rows follow the findings filter, columns the diagnoses filter; a filter with no match keeps all.
    std::vector<int> columns;
    for (std::size_t d = 0; d < kb.diagnoses.size(); ++d)
        if (!dx_needle.empty() && (matches(dx_needle, kb.diagnoses[d].name) || matches(dx_needle, kb.diagnoses[d].short_name) ||
                                   matches(dx_needle, kb.diagnoses[d].id)))
            columns.push_back(static_cast<int>(d));
    if (columns.empty())
        for (std::size_t d = 0; d < kb.diagnoses.size(); ++d) columns.push_back(static_cast<int>(d));
    auto row_matches = [&](const Variable& var, const Value& value) {
        return matches(needle, var.name) || matches(needle, var.id) || matches(needle, std::string(stage_name(var.stage))) ||
               matches(needle, value.name);
    };
    // Rows that match the search (all when none does), from the tutor's table computed once.
    const tutor::ExplorerTable& table = app.tutor.explorer();
    std::vector<int> rows;
    for (std::size_t r = 0; r < table.size(); ++r) {
        const Variable& var = kb.variables[static_cast<std::size_t>(table[r].variable)];
        if (row_matches(var, var.values[static_cast<std::size_t>(table[r].value)])) rows.push_back(static_cast<int>(r));
    }
    if (rows.empty())
        for (std::size_t r = 0; r < table.size(); ++r) rows.push_back(static_cast<int>(r));
    if (by >= 0 && by < static_cast<int>(kb.diagnoses.size()))
        sort_stably(rows, [&](int a, int b) {  // ties keep knowledge-base order
            return table[static_cast<std::size_t>(a)].cells[static_cast<std::size_t>(by)].likelihood_ratio >
                   table[static_cast<std::size_t>(b)].cells[static_cast<std::size_t>(by)].likelihood_ratio;
        });
    const int n_cols = 1 + static_cast<int>(columns.size());
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("##kb", n_cols, flags, ImVec2(0, std::max(ImGui::GetContentRegionAvail().y, em(20))))) return;
    ImGui::TableSetupScrollFreeze(1, 1);
    ImGui::TableSetupColumn("Finding", ImGuiTableColumnFlags_WidthFixed, em(46));
    for (int d : columns) ImGui::TableSetupColumn(kb.diagnoses[static_cast<std::size_t>(d)].short_name.c_str());
    ImGui::TableHeadersRow();
    if (A11yTree* t = static_cast<A11yTree*>(ImGui::GetIO().UserData)) {
        t->begin_table("explorer.table", "Knowledge base: findings against diagnoses (the rows in view)", n_cols);
        t->add_cell("Finding", true);
        for (int d : columns) t->add_cell(kb.diagnoses[static_cast<std::size_t>(d)].name, true);
    }
    // Only the rows in view are laid out (and mirrored).
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const tutor::ExplorerRow& row = table[static_cast<std::size_t>(rows[static_cast<std::size_t>(i)])];
            const Variable& var = kb.variables[static_cast<std::size_t>(row.variable)];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            text(var.name + ": " + var.values[static_cast<std::size_t>(row.value)].name);
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s · %s", std::string(stage_name(var.stage)).c_str(), var.question.c_str());
            for (int d : columns) {
                ImGui::TableNextColumn();
                const tutor::ExplorerCell& cell = row.cells[static_cast<std::size_t>(d)];
                char buf[64];
                std::snprintf(buf, sizeof buf, "P %.2f · LR %.2g%s", cell.probability, cell.likelihood_ratio, cell.estimate ? " *" : "");
                text(buf);
                if (ImGui::IsItemHovered()) {
                    const Citation& c = var.citation[static_cast<std::size_t>(d)];
                    const Source* src = c.is_estimate() ? nullptr : kb.source(c.source_id);
                    const std::string where = c.is_estimate() ? "Estimate: " + c.estimate
                                                              : (src ? src->citation + " [" + c.source_id + "]" : c.source_id);
                    ImGui::SetTooltip("%s\n%s%s%s", kb.diagnoses[static_cast<std::size_t>(d)].name.c_str(), where.c_str(),
                                      c.derivation.empty() ? "" : "\n", c.derivation.c_str());
                }
            }
        }
    }
    a11y_table_end();
    ImGui::EndTable();
    mark(app, "explorer.table");
    app.report.explorer_rows = static_cast<int>(rows.size());
    app.report.explorer_columns.clear();
    for (int d : columns) app.report.explorer_columns.push_back(kb.diagnoses[static_cast<std::size_t>(d)].id);
    app.report.explorer_first_rows.clear();
    for (std::size_t i = 0; i < rows.size() && i < 5; ++i) {
        const tutor::ExplorerRow& row = table[static_cast<std::size_t>(rows[i])];
        const Variable& var = kb.variables[static_cast<std::size_t>(row.variable)];
        app.report.explorer_first_rows.push_back(var.id + "=" + var.values[static_cast<std::size_t>(row.value)].id);
    }
}

}  // namespace dah::ui
