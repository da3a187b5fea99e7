// The case player: stage timeline, findings and narrative, the learner's differential, the engine's
// grouped posterior with its history, "why it moved", "what if" and "what would you order next?".
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include <imgui.h>

#include "dah/scoring.hpp"
#include "dah/sort_stably.hpp"
#include "pictures/picture_panel.hpp"
#include "ui/commit_panel.hpp"
#include "ui/modes.hpp"
#include "ui/player_parts.hpp"
#include "ui/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace dah::ui {

namespace {

using tutor::CaseView;

bool editable(const CaseView& v) { return v.stage == v.reached && !v.stage_committed; }

void same_line_if_fits(float width) {
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    ImGui::SameLine();
    if (ImGui::GetCursorScreenPos().x + width > right) ImGui::NewLine();
}

std::string finding_text(const KnowledgeBase& kb, const Finding& f) {
    const Variable& v = kb.variables[static_cast<std::size_t>(f.variable)];
    std::string s = v.name + ": " + v.values[static_cast<std::size_t>(f.value)].name;
    if (!f.detail.empty()) s += " (" + f.detail + ")";
    return s;
}

std::string citation_text(const KnowledgeBase& kb, const std::string& source_id) {
    const Source* src = kb.source(source_id);
    return src ? src->citation + " [" + source_id + "]" : source_id;
}

}  // namespace

// Short names for the stage tabs where the room is small (presenter mode on a 1024-pixel projector).
static const char* stage_short_name(Stage s) {
    switch (s) {
    case Stage::history: return "History";
    case Stage::bal: return "BAL";
    case Stage::labs: return "Labs";
    case Stage::imaging: return "Imaging";
    case Stage::biopsy: return "Biopsy";
    default: return "Course";
    }
}

void draw_timeline(AppState& app, const CaseView& v) {
    const Palette& pal = palette(app.settings.theme);
    const tutor::CaseEntry& e = *v.entry;
    const bool compact = short_labels(app);
    for (std::size_t i = 0; i < e.data.stages.size(); ++i) {
        const int idx = static_cast<int>(i);
        const bool revealed = idx <= v.reached;
        const bool committed = i < v.answers.size() && v.answers[i].committed;
        // A locked stage shows a padlock before its name (not its colour alone: high contrast has one text colour).
        std::string label = (revealed ? "" : "    ") + (compact ? std::string(stage_short_name(e.data.stages[i].stage))
                                                            : std::to_string(i + 1) + " " + std::string(stage_name(e.data.stages[i].stage)));
        if (committed) label += " \u2713";
        label += "##stage" + std::to_string(i);
        const float w = ImGui::CalcTextSize(label.c_str(), nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
        if (i > 0) same_line_if_fits(w);
        const bool current = idx == v.stage;
        if (current) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
        if (!revealed) {  // muted, and no hover or press colour: nothing to open yet
            ImGui::PushStyleColor(ImGuiCol_Text, pal.muted);
            ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImGui::GetStyleColorVec4(ImGuiCol_Button));
            ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImGui::GetStyleColorVec4(ImGuiCol_Button));
        }
        if (button(app, label, "stage." + std::string(stage_id(e.data.stages[i].stage))) && revealed) app.tutor.view_stage(idx);
        if (A11yNode* n = app.a11y.last(); n && current) n->flags |= a11y_current;
        if (A11yNode* n = app.a11y.last(); n && !revealed) n->flags |= a11y_disabled;
        if (!revealed) {
            const ImVec2 at(ImGui::GetItemRectMin().x + ImGui::GetStyle().FramePadding.x, ImGui::GetItemRectMin().y + ImGui::GetStyle().FramePadding.y);
            draw_lock(ImGui::GetWindowDrawList(), at, ImGui::GetFontSize(), ImGui::GetColorU32(ImGuiCol_Text));
            ImGui::PopStyleColor(3);
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("Revealed after you commit your differential for the stage before");
        }
        if (current) ImGui::PopStyleColor();
    }
    const bool at_end = v.at_last_stage;
    const char* next_label = at_end ? "Debrief (N)" : compact ? "Next (N)" : "Reveal next stage (N)";
    same_line_if_fits(ImGui::CalcTextSize(next_label).x + em(4));
    const bool enabled = at_end ? v.finished : v.can_reveal_next;
    ImGui::BeginDisabled(!enabled);
    if (button(app, next_label, "next")) {
        if (at_end) go_to(app, Screen::debrief);
        else app.tutor.reveal_next();
    }
    ImGui::EndDisabled();
    if (!enabled && !at_end) {
        same_line_if_fits(ImGui::CalcTextSize("commit your answer first (C)").x);
        text_disabled("commit your answer first (C)");
    }
}

void draw_findings(AppState& app, const CaseView& view) {
    const KnowledgeBase& kb = *app.tutor.kb();
    const Palette& pal = palette(app.settings.theme);
    const tutor::CaseEntry& e = *view.entry;
    const int v = view.stage;
    const CaseStage& stage = e.data.stages[static_cast<std::size_t>(v)];
    heading(stage.title.empty() ? std::string(stage_name(stage.stage)) : stage.title);
    if (!stage.narrative.empty()) wrapped(stage.narrative);
    draw_picture_panel(app, stage.pictures, "stage", 0, engine_shown(app));  // web/pictures: imaging, biopsy, ...
    heading("Findings so far");
    for (int i = v; i >= 0; --i) {  // newest stage first
        const CaseStage& st = e.data.stages[static_cast<std::size_t>(i)];
        const bool newest = i == v;
        ImGui::PushStyleColor(ImGuiCol_Text, newest ? pal.accent : pal.muted);
        text(std::string(stage_name(st.stage)) + (newest ? "  (new)" : ""));
        ImGui::PopStyleColor();
        if (st.findings.empty()) text_disabled("  nothing new");
        for (const Finding& f : st.findings) {
            const std::string text = "\u2022 " + finding_text(kb, f);
            if (newest) {
                const ImVec2 p = ImGui::GetCursorScreenPos();
                const float wrap_w = ImGui::GetContentRegionAvail().x;
                const ImVec2 size = ImGui::CalcTextSize(text.c_str(), nullptr, false, wrap_w);
                ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + wrap_w, p.y + size.y),
                                                          ImGui::ColorConvertFloat4ToU32(pal.highlight_bg), 3);
            }
            wrapped(text);
        }
    }
}

void draw_learner(AppState& app, const CaseView& view) {
    const KnowledgeBase& kb = *app.tutor.kb();
    const Palette& pal = palette(app.settings.theme);
    const tutor::StageAnswer& a = view.answer;
    if (editable(view)) {
        draw_commit_panel(app, view);  // ui/commit_panel.cpp: the four-way question first
        return;
    }
    heading(app.options.present ? "The hall's answer" : "Your answer");
    if (!a.committed) {
        wrapped_coloured(pal.muted, "Not committed at this stage.");
        return;
    }
    // After the reveal: the answer beside the engine's on the outcomes answered, the scores, the teaching points.
    const char* who = app.options.present ? "the hall" : "you";
    char buf[240];
    std::snprintf(buf, sizeof buf, "This stage: %s scored %.0f of 100 %s, the engine %.0f (100 = all the probability on the right answer)",
                  who, tutor::score_from_brier(a.learner_brier), level_phrase(kb, a).c_str(), tutor::score_from_brier(a.engine_brier));
    wrapped_coloured(a.learner_brier <= a.engine_brier + 0.05 ? pal.positive : pal.negative, buf);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Brier score %.2f (%s) and %.2f (engine), log score %.2f and %.2f bits: 0 is perfect; the score is 100 × (1 − Brier / 2).",
                          a.learner_brier, who, a.engine_brier, a.learner_log_bits, a.engine_log_bits);
    mark(app, "stage_score");
    // The outcomes the answer was scored on: the groups, and the causes of the groups answered cause by cause.
    std::vector<double> mine, engine;
    tutor::answered_outcomes(kb, a.committed_p, a.causes_of, -1, mine);
    tutor::answered_outcomes(kb, view.posterior, a.causes_of, -1, engine);
    const std::vector<std::string> ids = tutor::answered_outcome_ids(kb, a.causes_of);
    if (ImGui::BeginTable("##compare", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn(a.level == tutor::CommitLevel::groups ? "Group" : "Answer");
        ImGui::TableSetupColumn(app.options.present ? "The hall" : "You");
        ImGui::TableSetupColumn("Engine");
        ImGui::TableHeadersRow();
        a11y_table("compare", app.options.present ? "The hall and the engine" : "You and the engine",
                   {a.level == tutor::CommitLevel::groups ? "Group" : "Answer", app.options.present ? "The hall" : "You", "Engine"});
        // Only the outcomes that either side gave at least 1 %; the rest in one line.
        int hidden = 0;
        for (std::size_t o = 0; o < mine.size() && o < engine.size() && o < ids.size(); ++o) {
            if (mine[o] < 0.01 && engine[o] < 0.01) {
                ++hidden;
                continue;
            }
            const int d = kb.diagnosis_index(ids[o]);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            text(d >= 0 ? kb.diagnoses[static_cast<std::size_t>(d)].short_name : question_label(kb, kb.group_index(ids[o])));
            ImGui::TableNextColumn();
            text(percent(mine[o]));
            ImGui::TableNextColumn();
            text(percent(engine[o]));
        }
        if (hidden > 0) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            text_disabled(std::to_string(hidden) + " others: under 1 % each");
            a11y_cell("");
            a11y_cell("");
        }
        a11y_table_end();
        ImGui::EndTable();
    }
    mark(app, "compare");
    // Points that name the answer wait for the stage that establishes it (cases/FORMAT.md).
    if (!view.teaching_points.empty()) {
        heading("Teaching points");
        for (const tutor::ShownTeachingPoint& shown : view.teaching_points) {
            const TeachingPoint& tp = shown.point;
            std::string text = "\u2022 " + tp.text;
            if (shown.from_stage != view.stage)
                text += " (from " + std::string(stage_name(view.entry->data.stages[static_cast<std::size_t>(shown.from_stage)].stage)) + ")";
            wrapped(text);
            for (const std::string& src : tp.sources) {
                ImGui::Indent(em(2));
                wrapped_coloured(pal.muted, citation_text(kb, src));
                ImGui::Unindent(em(2));
            }
        }
    }
}

namespace {

void draw_group_bars(AppState& app, const std::vector<double>& posterior, const std::vector<double>& groups) {
    const KnowledgeBase& kb = *app.tutor.kb();
    const float width = ImGui::GetContentRegionAvail().x;
    std::vector<int> order(kb.groups.size());
    for (std::size_t g = 0; g < order.size(); ++g) order[g] = static_cast<int>(g);
    a11y_table("engine.differential", "The engine's differential, by group", {"Group or diagnosis", "Probability"});
    for (int g : order) {
        ImGui::PushID(g);
        probability_bar(kb.groups[static_cast<std::size_t>(g)].name.c_str(), groups[static_cast<std::size_t>(g)],
                        group_colour(g), width, true);
        mark(app, "group." + kb.groups[static_cast<std::size_t>(g)].id);
        std::vector<int> members;
        for (std::size_t d = 0; d < kb.diagnoses.size(); ++d)
            if (kb.diagnoses[d].group == g) members.push_back(static_cast<int>(d));
        sort_stably(members, [&](int x, int y) { return posterior[static_cast<std::size_t>(x)] > posterior[static_cast<std::size_t>(y)]; });
        ImGui::Indent(em(3));
        // The diagnoses that matter now; the others (under 0.5 %) in one line, so the groups stay in view.
        int small = 0;
        for (int d : members) {
            const Diagnosis& dx = kb.diagnoses[static_cast<std::size_t>(d)];
            if (posterior[static_cast<std::size_t>(d)] < 0.005) {
                ++small;
                continue;
            }
            probability_bar(dx.name.c_str(), posterior[static_cast<std::size_t>(d)], group_colour(g), width - em(3));
            if (ImGui::IsItemHovered() && !dx.summary.empty()) ImGui::SetTooltip("%s", dx.summary.c_str());
        }
        if (small > 0) {
            text_disabled(small == 1 ? "1 more under 0.5 %" : std::to_string(small) + " more under 0.5 % each");
            a11y_cell("");
        }
        ImGui::Unindent(em(3));
        ImGui::PopID();
    }
    a11y_table_end();
}

// The chart in words: each group's probability after each stage.
std::string history_text(const KnowledgeBase& kb, const CaseView& view) {
    std::string s;
    for (std::size_t g = 0; g < kb.groups.size(); ++g) {
        s += kb.groups[g].name + ":";
        for (std::size_t i = 0; i < view.group_history.size(); ++i)
            if (g < view.group_history[i].size()) s += (i ? ", " : " ") + percent(view.group_history[i][g]);
        s += ". ";
    }
    return s;
}

void draw_history_chart(AppState& app, const CaseView& view) {
    const KnowledgeBase& kb = *app.tutor.kb();
    const int v = view.stage;
    const int n = static_cast<int>(view.entry->data.stages.size());
    const float w = ImGui::GetContentRegionAvail().x;
    const float h = ImGui::GetTextLineHeight() * 8;
    const float label_h = ImGui::GetTextLineHeightWithSpacing();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImU32 axis = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    const float left = p.x + ImGui::CalcTextSize("100%").x + em(1), right = p.x + w - em(1);
    const float top = p.y + 4, bottom = p.y + h;
    for (int k = 0; k <= 2; ++k) {
        const float y = bottom - (bottom - top) * static_cast<float>(k) / 2.0f;
        draw->AddLine(ImVec2(left, y), ImVec2(right, y), axis, 1);
        draw->AddText(ImVec2(p.x, y - ImGui::GetTextLineHeight() * 0.5f), axis, k == 0 ? "0%" : k == 1 ? "50%" : "100%");
    }
    auto x_of = [&](int i) { return n <= 1 ? (left + right) / 2 : left + (right - left) * static_cast<float>(i) / static_cast<float>(n - 1); };
    for (int i = 0; i < n; ++i) {
        char num[16];
        std::snprintf(num, sizeof num, "%d", i + 1);
        draw->AddText(ImVec2(x_of(i) - ImGui::CalcTextSize(num).x / 2, bottom + 2), i <= v ? ImGui::GetColorU32(ImGuiCol_Text) : axis, num);
    }
    const float r = ImGui::GetTextLineHeight() * 0.25f;
    for (std::size_t g = 0; g < kb.groups.size(); ++g) {
        const ImU32 c = ImGui::ColorConvertFloat4ToU32(group_colour(static_cast<int>(g)));
        ImVec2 prev;
        for (int i = 0; i < static_cast<int>(view.group_history.size()); ++i) {
            const ImVec2 pt(x_of(i), bottom - (bottom - top) * static_cast<float>(view.group_history[static_cast<std::size_t>(i)][g]));
            if (i > 0) draw->AddLine(prev, pt, c, 2.5f);
            draw_group_marker(draw, pt, r * 1.6f, static_cast<int>(g), c);
            prev = pt;
        }
    }
    ImGui::Dummy(ImVec2(w, h + label_h));
    image_text("chart", "Chart: the engine's group probabilities across the stages", history_text(kb, view));
    mark(app, "chart");
    // Legend: marker and name, so the chart does not depend on colour.
    for (std::size_t g = 0; g < kb.groups.size(); ++g) {
        const std::string& name = kb.groups[g].name;
        const float item_w = ImGui::CalcTextSize(name.c_str()).x + em(3);
        if (g > 0) same_line_if_fits(item_w);
        const ImVec2 q = ImGui::GetCursorScreenPos();
        draw_group_marker(ImGui::GetWindowDrawList(), ImVec2(q.x + r * 2, q.y + ImGui::GetTextLineHeight() / 2), r * 1.6f,
                          static_cast<int>(g), ImGui::ColorConvertFloat4ToU32(group_colour(static_cast<int>(g))));
        ImGui::Dummy(ImVec2(r * 4.5f, ImGui::GetTextLineHeight()));
        ImGui::SameLine();
        ImGui::TextUnformatted(name.c_str());  // the legend: the chart's text says it all
    }
}

// The group chosen, or -1 when the combo was not changed.
int group_combo(AppState& app, const KnowledgeBase& kb, const char* label, const char* id, int current) {
    std::vector<std::string> names;
    for (const Group& g : kb.groups) names.push_back(g.name);
    // Wide enough for the longest group name ("Coagulopathic" whole), unless the panel is narrower.
    ImGui::SetNextItemWidth(std::min(fitting_width(names), ImGui::GetContentRegionAvail().x * 0.45f));
    return choice(app, label, id, kb.groups[static_cast<std::size_t>(current)].name, names, current);
}

void draw_why(AppState& app, const CaseView& view) {
    const KnowledgeBase& kb = *app.tutor.kb();
    const Palette& pal = palette(app.settings.theme);
    heading("Why it moved");
    if (kb.groups.size() < 2) return;
    const int ga = view.why_for, gb = view.why_against;
    ImGui::TextUnformatted("Weigh");
    ImGui::SameLine();
    if (const int g = group_combo(app, kb, "Weigh##why_for", "why.for", ga); g >= 0) app.tutor.weigh(g, gb);
    same_line_if_fits(em(30));
    ImGui::TextUnformatted("against");
    ImGui::SameLine();
    if (const int g = group_combo(app, kb, "against##why_against", "why.against", gb); g >= 0) app.tutor.weigh(ga, g);
    if (view.why.empty()) {
        wrapped_coloured(pal.muted, "This stage revealed no coded finding.");
        return;
    }
    const std::vector<tutor::WhyRow>& rows = view.why;
    double max_abs = 10;
    for (const auto& w : rows) max_abs = std::max(max_abs, std::fabs(w.weight_db));
    wrapped_coloured(pal.muted, "Evidence weight of this stage's findings, each given what was known before it (bars right favour \"" +
                                    kb.groups[static_cast<std::size_t>(ga)].name + "\"); LR = likelihood ratio.");
    const float width = ImGui::GetContentRegionAvail().x;
    int row = 0;
    for (const tutor::WhyRow& w : rows) {
        ImGui::PushID(row);
        const Variable& var = kb.variables[static_cast<std::size_t>(w.finding.variable)];
        wrapped(finding_text(kb, w.finding));
        signed_bar(w.weight_db, max_abs, group_colour(ga), group_colour(gb), std::min(width, em(40)));
        char buf[96];
        std::snprintf(buf, sizeof buf, "LR %.2g  (%+.1f dB)", w.likelihood_ratio, w.weight_db);
        image_text("why." + var.id, std::string("Evidence weight: ") + (w.weight_db >= 0 ? "for " : "against ") +
                   kb.groups[static_cast<std::size_t>(ga)].name, buf);
        mark(app, "why." + var.id);
        ImGui::SameLine();
        ImGui::TextUnformatted(buf);
        // Sources of the finding's table in the causal model.
        const std::vector<std::string>& sources = w.sources;
        const std::vector<std::string>& estimates = w.estimates;
        std::string src = "Sources: ";
        bool first = true;
        for (const auto& id : sources) {
            src += (first ? "" : ", ") + id;
            first = false;
        }
        if (sources.empty()) src += "none";
        ImGui::Indent(em(2));
        wrapped_coloured(pal.muted, src);
        if (ImGui::IsItemHovered()) {
            std::string all;
            for (const auto& s : sources) all += citation_text(kb, s) + "\n";
            ImGui::SetTooltip("%s", all.c_str());
        }
        if (!estimates.empty()) {
            wrapped_coloured(pal.hypothetical, "Includes estimates (not from a study): hover for why");
            if (ImGui::IsItemHovered()) {
                std::string all;
                for (const auto& s : estimates) all += s + "\n";
                ImGui::SetTooltip("%s", all.c_str());
            }
        }
        ImGui::Unindent(em(2));
        ImGui::PopID();
        ++row;
    }
}

void draw_what_if(AppState& app, const CaseView& view) {
    const KnowledgeBase& kb = *app.tutor.kb();
    const Palette& pal = palette(app.settings.theme);
    heading("What if?");
    const std::vector<tutor::RevealedFinding>& revealed = view.revealed;
    if (revealed.empty()) {
        wrapped_coloured(pal.muted, "No finding revealed yet.");
        return;
    }
    wrapped_coloured(pal.muted, "Change a revealed finding and watch the differential (W cycles through them).");
    int current = -1;
    for (std::size_t i = 0; i < revealed.size(); ++i)
        if (view.what_if && revealed[i].finding.variable == view.what_if->variable) current = static_cast<int>(i);
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
    const std::string preview = current >= 0 ? kb.variables[static_cast<std::size_t>(revealed[static_cast<std::size_t>(current)].finding.variable)].name
                                             : std::string("Choose a finding…");
    // The list opens under its box and as wide as it (long findings wrap), never shifted off to the left.
    const float box_w = ImGui::GetContentRegionAvail().x;
    ImGui::SetNextWindowSizeConstraints(ImVec2(box_w, 0), ImVec2(box_w, ImGui::GetTextLineHeightWithSpacing() * 14));
    std::vector<std::string> options;
    for (const tutor::RevealedFinding& r : revealed) options.push_back(finding_text(kb, r.finding));
    int chosen = -1;
    if (ImGui::BeginCombo("##whatif_var", preview.c_str())) {
        for (std::size_t i = 0; i < revealed.size(); ++i) {
            const Finding& f = revealed[i].finding;
            const std::string text = finding_text(kb, f);
            const float wrap = ImGui::GetContentRegionAvail().x;
            const ImVec2 at = ImGui::GetCursorScreenPos();
            // It starts from the real value: the learner picks what to change it to.
            if (ImGui::Selectable(("##wf" + std::to_string(i)).c_str(), static_cast<int>(i) == current, 0,
                                  ImVec2(0, ImGui::CalcTextSize(text.c_str(), nullptr, false, wrap).y)))
                chosen = static_cast<int>(i);
            ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), ImGui::GetFontSize(), at, ImGui::GetColorU32(ImGuiCol_Text),
                                                text.c_str(), nullptr, wrap);
        }
        ImGui::EndCombo();
    }
    if (const int i = choice_mirrored(app, "Finding to change", "what_if.finding", options, current); i >= 0) chosen = i;
    if (chosen >= 0) {
        const Finding& f = revealed[static_cast<std::size_t>(chosen)].finding;
        app.tutor.set_what_if(Finding{f.variable, f.value, {}});
    }
    if (view.what_if) {
        const Variable& var = kb.variables[static_cast<std::size_t>(view.what_if->variable)];
        for (std::size_t k = 0; k < var.values.size(); ++k) {
            if (k > 0) same_line_if_fits(ImGui::CalcTextSize(var.values[k].name.c_str()).x + em(4));
            if (radio(app, var.values[k].name + "##wv" + std::to_string(k), "what_if.value." + var.values[k].id,
                      view.what_if->value == static_cast<int>(k)))
                app.tutor.set_what_if(Finding{view.what_if->variable, static_cast<int>(k), {}});
        }
        // Before and after, beside the control (the full bars are with the engine's differential).
        if (ImGui::BeginTable("##whatif_groups", 3, ImGuiTableFlags_SizingStretchProp)) {
            ImGui::TableSetupColumn("Group");
            ImGui::TableSetupColumn("Real case");
            ImGui::TableSetupColumn("What if");
            ImGui::TableHeadersRow();
            a11y_table("what_if.before_after", "What if: real case and hypothesis", {"Group", "Real case", "What if"});
            for (std::size_t g = 0; g < kb.groups.size() && g < view.groups.size() && g < view.what_if_groups.size(); ++g) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                text(kb.groups[g].name);
                ImGui::TableNextColumn();
                text(percent(view.groups[g]));
                ImGui::TableNextColumn();
                text(percent(view.what_if_groups[g]));
            }
            a11y_table_end();
            ImGui::EndTable();
        }
        mark(app, "what_if.before_after");
    }
}

// Each cause's own probability of being present: the bars above are exclusive answers, these show that
// causes coexist (they need not add up to 100 %).
void draw_causes_present(AppState& app, const CaseView& view) {
    if (view.causes.empty()) return;
    const KnowledgeBase& kb = *app.tutor.kb();
    const Palette& pal = palette(app.settings.theme);
    ImGui::Spacing();
    text_disabled("Each cause on its own (causes can coexist; these need not add up to 100 %)");
    const float width = ImGui::GetContentRegionAvail().x;
    int shown = 0;
    for (const tutor::CausePresent& c : view.causes) {
        if (shown >= 5 || c.probability < 0.01) break;
        const Variable& var = kb.variables[static_cast<std::size_t>(c.node)];
        probability_bar(var.name.c_str(), c.probability, pal.accent, width - em(3));
        ++shown;
    }
}

void draw_hint(AppState& app, const CaseView& view) {
    if (!view.stage_committed && !engine_shown(app)) {
        // Ranking the tests names the diagnoses the engine has in mind: it waits for the learner's own answer.
        heading("What would you order next?");
        wrapped_coloured(palette(app.settings.theme).muted, "Think about it, commit, and the engine's suggestions appear here.");
        return;
    }
    const KnowledgeBase& kb = *app.tutor.kb();
    const Palette& pal = palette(app.settings.theme);
    heading("What would you order next?");
    if (button(app, app.view.hint_open ? "Hide the engine's hint (H)" : "Show the engine's hint (H)", "hint")) app.view.hint_open = !app.view.hint_open;
    if (!app.view.hint_open) return;
    const std::vector<TestSuggestion>& tests = view.next_tests;
    if (tests.empty()) {
        wrapped_coloured(pal.muted, "Nothing left that would change the differential.");
        return;
    }
    wrapped_coloured(pal.muted, "Ranked by expected information (how much the answer is expected to narrow the differential):");
    for (std::size_t i = 0; i < tests.size() && i < 4; ++i) {
        const Variable& var = kb.variables[static_cast<std::size_t>(tests[i].variable)];
        char buf[64];
        std::snprintf(buf, sizeof buf, "  (%.2f bits, %s)", tests[i].expected_bits, std::string(stage_name(var.stage)).c_str());
        wrapped(std::to_string(i + 1) + ". " + (var.question.empty() ? var.name : var.question) + buf);
    }
}

}  // namespace

// The engine's grouped posterior (or the what-if one, clearly marked), for the stage viewed.
void draw_engine_bars(AppState& app, const CaseView& view) {
    const KnowledgeBase& kb = *app.tutor.kb();
    const Palette& pal = palette(app.settings.theme);
    heading("The engine's differential");
    if (!engine_shown(app)) {
        wrapped_coloured(pal.muted, "Shown once you commit your differential for this stage, so your answer is your own.");
        return;
    }
    if (view.what_if) {
        const Variable& var = kb.variables[static_cast<std::size_t>(view.what_if->variable)];
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float w = ImGui::GetContentRegionAvail().x;
        const std::string text = "HYPOTHETICAL: what if " + var.name + " were \"" +
                                 var.values[static_cast<std::size_t>(view.what_if->value)].name + "\"? Not the real case.";
        const ImVec2 size = ImGui::CalcTextSize(text.c_str(), nullptr, false, w);
        ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + w, p.y + size.y + ImGui::GetFrameHeightWithSpacing() + 8),
                                                  ImGui::ColorConvertFloat4ToU32(pal.highlight_bg), 4);
        ImGui::GetWindowDrawList()->AddRect(p, ImVec2(p.x + w, p.y + size.y + ImGui::GetFrameHeightWithSpacing() + 8),
                                            ImGui::ColorConvertFloat4ToU32(pal.hypothetical), 4, 0, 2);
        wrapped_coloured(pal.hypothetical, text);
        if (button(app, "Back to the real case (B)", "what_if.back")) app.tutor.set_what_if(std::nullopt);
        ImGui::Spacing();
        draw_group_bars(app, view.what_if_posterior, view.what_if_groups);
        return;
    }
    draw_group_bars(app, view.posterior, view.groups);
    draw_causes_present(app, view);
}

// How the groups moved, why, and what if.
void draw_engine_details(AppState& app, const CaseView& view) {
    if (!engine_shown(app)) return;
    heading("Across the stages");
    draw_history_chart(app, view);
    draw_why(app, view);
    draw_what_if(app, view);
}

bool engine_shown(const AppState& app) {
    const CaseView* v = shown_case(app);
    if (!v) return false;
    if (app.options.present) return presenter_engine_shown(app);  // the lecturer shows it (E) once the hall voted
    return v->stage_committed || app.options.free_reveal;
}

void cycle_what_if(AppState& app) {
    const CaseView* v = shown_case(app);
    if (!v || !engine_shown(app)) return;
    const KnowledgeBase& kb = *app.tutor.kb();
    const std::vector<tutor::RevealedFinding>& revealed = v->revealed;
    auto n_values = [&](int variable) { return static_cast<int>(kb.variables[static_cast<std::size_t>(variable)].values.size()); };
    std::size_t i = 0;
    if (v->what_if) {
        while (i < revealed.size() && revealed[i].finding.variable != v->what_if->variable) ++i;
        if (i < revealed.size()) {
            const int next = (v->what_if->value + 1) % n_values(revealed[i].finding.variable);
            if (next != revealed[i].finding.value) {
                app.tutor.set_what_if(Finding{v->what_if->variable, next, {}});
                return;
            }
            ++i;  // every other value tried: on to the next finding
        }
    }
    while (i < revealed.size() && n_values(revealed[i].finding.variable) < 2) ++i;
    if (i >= revealed.size()) {
        app.tutor.set_what_if(std::nullopt);
        return;
    }
    const Finding& f = revealed[i].finding;
    app.tutor.set_what_if(Finding{f.variable, (f.value + 1) % n_values(f.variable), {}});
}

void try_commit(AppState& app) {
    const CaseView* v = shown_case(app);
    if (!v || !editable(*v)) return;
    const std::vector<double>& p = v->answer.draft;
    // The untouched answer (even over the groups, even within each), or any spread that is even over every cause.
    const bool even = tutor::is_even_spread(*app.tutor.kb(), p) ||
                      std::all_of(p.begin(), p.end(), [&](double x) { return std::fabs(x - p.front()) < 1e-9; });
    if (even && !app.view.confirm_even_spread) {
        app.view.confirm_even_spread = true;
        app.view.notice = "Every group has the same share: commit again (C) to keep it, or pick an answer first.";
        return;
    }
    if (app.view.confirm_even_spread) app.view.notice.clear();
    app.view.confirm_even_spread = false;
    app.tutor.commit();
}

void change_selected(AppState& app, double delta) {
    const CaseView* v = shown_case(app);
    if (!v || !editable(*v)) return;
    const int d = app.view.selected_diagnosis;
    if (d < 0 || d >= static_cast<int>(v->answer.draft.size())) return;
    std::vector<int> held = app.view.held;
    held.erase(std::remove(held.begin(), held.end(), d), held.end());
    app.tutor.set_probability(d, v->answer.draft[static_cast<std::size_t>(d)] + delta, held);
}

void draw_player(AppState& app) {
    const CaseView* view = shown_case(app);
    if (!view) {
        wrapped("Choose a case in the library.");
        return;
    }
    const CaseView& v = *view;
    const tutor::CaseEntry& e = *v.entry;
    const Palette& pal = palette(app.settings.theme);
    // A stage shown for the first time opens at its top, in every panel (not mid-sentence where the last was).
    const bool new_stage = v.index != app.view.drawn_case || v.stage != app.view.drawn_stage;
    app.view.drawn_case = v.index;
    app.view.drawn_stage = v.stage;
    if (new_stage) {
        ImGui::SetScrollY(0);
        app.view.confirm_even_spread = false;
        app.view.confirm_skip_vote = false;
        app.view.held.clear();
        app.view.split_drag = app.view.split_tie = -1;
    }
    if (app.options.present) {
        draw_presenter_player(app, v, new_stage);  // ui/presenter.cpp: case text beside the hall's vote
        return;
    }

    ImGui::PushStyleColor(ImGuiCol_Text, pal.accent);
    wrapped(e.data.title);
    ImGui::PopStyleColor();
    if (A11yNode* n = app.a11y.last()) n->role = A11yRole::heading;
    const Patient& pt = e.data.patient;
    std::string who = std::to_string(pt.age) + "-year-old " + pt.sex + (pt.setting.empty() ? "" : ", " + pt.setting);
    if (!pt.summary.empty()) who += ". " + pt.summary;
    wrapped_coloured(pal.muted, who);
    a11y_region("stages", "Stages");
    draw_timeline(app, v);
    a11y_region_end();
    ImGui::Separator();

    // Wide windows: side-by-side panels that scroll on their own, so the sliders stay next to the
    // findings; narrow windows (phones): one column in the screen's own scroll. Never overlapping.
    const float avail = ImGui::GetContentRegionAvail().x;
    const int columns = avail >= em(150) ? 3 : avail >= em(80) ? 2 : 1;
    const bool shown = engine_shown(app);
    if (columns == 1) {
        // On a phone the answer comes first, so it is in view when a stage opens.
        if (editable(v)) draw_learner(app, v);
        draw_findings(app, v);
        if (shown) draw_engine_bars(app, v);
        if (!editable(v)) draw_learner(app, v);
        draw_hint(app, v);
        if (!shown) draw_engine_bars(app, v);
        draw_engine_details(app, v);
        return;
    }
    const float height = std::max(ImGui::GetContentRegionAvail().y, em(20));
    if (!ImGui::BeginTable("##player", columns, ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchSame)) return;
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::BeginChild("##findings", ImVec2(0, height));
    if (new_stage) ImGui::SetScrollY(0);
    mark_window(app, "panel.findings");
    draw_findings(app, v);
    if (columns == 2) draw_hint(app, v);
    ImGui::EndChild();
    ImGui::TableNextColumn();
    ImGui::BeginChild("##learner", ImVec2(0, height));
    if (new_stage) ImGui::SetScrollY(0);
    mark_window(app, "panel.learner");
    if (columns == 3) {
        draw_learner(app, v);
        draw_hint(app, v);
        ImGui::EndChild();
        ImGui::TableNextColumn();
        ImGui::BeginChild("##engine", ImVec2(0, height));
    if (new_stage) ImGui::SetScrollY(0);
        mark_window(app, "panel.engine");
        draw_engine_bars(app, v);
    } else if (shown) {
        // Two columns: once committed, the engine's answer leads, the learner's comparison follows.
        draw_engine_bars(app, v);
        draw_learner(app, v);
    } else {
        draw_learner(app, v);
        draw_engine_bars(app, v);
    }
    draw_engine_details(app, v);
    ImGui::EndChild();
    ImGui::EndTable();
}

}  // namespace dah::ui
