// The learner's answer panel: the first question as a four-way split (drag a handle, tap a preset or
// press a key), the optional causes within the leading group, and every cause's slider ("detailed":
// a value can be typed with Ctrl+click or Enter, and held while the others are set).
#include "ui/commit_panel.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <imgui.h>

#include "ui/keys.hpp"
#include "ui/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace dah::ui {

namespace {

struct Preset {
    int key;  // the digit that applies it
    const char* label;
    const char* short_label;  // narrow windows
    double shares[4];         // in the question's order: immune, coagulopathic, other, both
};

// Starting points, not figures: the learner's own belief, set with one tap.
const Preset presets[] = {
    {1, "Mostly immune (1)", "Immune (1)", {0.7, 0.1, 0.1, 0.1}},
    {2, "Mostly blood thinner or coagulopathy (2)", "Thinner (2)", {0.1, 0.7, 0.1, 0.1}},
    {3, "Mostly something else (3)", "Other (3)", {0.1, 0.1, 0.7, 0.1}},
    {4, "Mostly two at once (4)", "Both (4)", {0.1, 0.1, 0.1, 0.7}},
    {5, "Immune or blood thinner, evenly (5)", "Immune or thinner (5)", {0.45, 0.45, 0.05, 0.05}},
    {0, "Even (0)", "Even (0)", {0.25, 0.25, 0.25, 0.25}},
};

bool editable(const tutor::CaseView& v) { return v.stage == v.reached && !v.stage_committed; }

void same_line_if_fits(float width) {
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    ImGui::SameLine();
    if (ImGui::GetCursorScreenPos().x + width > right) ImGui::NewLine();
}

bool is_held(const AppState& app, int d) { return std::find(app.view.held.begin(), app.view.held.end(), d) != app.view.held.end(); }

// The group with the largest share (the first asked on a tie), as a knowledge-base index.
int leading_group(const KnowledgeBase& kb, const std::vector<double>& groups) {
    int best = -1;
    for (int g : question_order(kb))
        if (best < 0 || groups[static_cast<std::size_t>(g)] > groups[static_cast<std::size_t>(best)] + 1e-12) best = g;
    return best;
}

// The split bar: one segment per group in the question's order, a handle between neighbours. A drag
// moves one handle (trading between its two segments); a tap on a segment chooses that group for the keys.
void draw_split(AppState& app, const tutor::CaseView& v, const std::vector<int>& order) {
    const KnowledgeBase& kb = *app.tutor.kb();
    const std::vector<double> totals = group_totals(kb, v.answer.draft);
    const std::size_t n = order.size();
    std::vector<double> share(n), edge(n);  // edge[i]: the right end of segment i (0..1)
    double sum = 0;
    for (std::size_t i = 0; i < n; ++i) {
        share[i] = totals[static_cast<std::size_t>(order[i])];
        sum += share[i];
        edge[i] = sum;
    }
    const float width = ImGui::GetContentRegionAvail().x, height = ImGui::GetFrameHeight() * 1.7f;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    // In the mirror, the bar is a group of four sliders (one per answer): a screen reader sets a share,
    // the others rescale, as the keys do.
    a11y_region("commit.split", "Your answer, in four shares");
    for (std::size_t i = 0; i < n; ++i) {
        float pct = static_cast<float>(share[i] * 100.0);
        const std::string& id = kb.groups[static_cast<std::size_t>(order[i])].id;
        if (slider_mirrored(app, question_label(kb, order[i]), "split." + id, &pct) && editable(v)) {
            app.tutor.set_group(order[i], pct / 100.0);
            app.view.selected_group = static_cast<int>(i);
            app.view.keys_on_group = true;
        }
    }
    a11y_region_end();
    ImGui::InvisibleButton("##split", ImVec2(width, height));
    mark(app, "commit.split");
    const float grab = std::max(em(1.6f), 12.0f);
    const float mx = ImGui::GetIO().MousePos.x;
    const double at = std::clamp(static_cast<double>((mx - pos.x) / width), 0.0, 1.0);
    if (ImGui::IsItemActivated()) {
        app.view.split_drag = app.view.split_tie = -1;
        for (std::size_t k = 0; k + 1 < n; ++k) {
            if (std::fabs(pos.x + width * static_cast<float>(edge[k]) - mx) > grab) continue;
            if (app.view.split_drag < 0 || std::fabs(edge[k] - edge[static_cast<std::size_t>(app.view.split_drag)]) < 1e-9) {
                if (app.view.split_drag < 0) app.view.split_drag = static_cast<int>(k);
                app.view.split_tie = static_cast<int>(k);
            } else if (std::fabs(edge[k] - at) < std::fabs(edge[static_cast<std::size_t>(app.view.split_drag)] - at)) {
                app.view.split_drag = app.view.split_tie = static_cast<int>(k);
            }
        }
        if (app.view.split_drag < 0)  // a tap on a segment: the keys act on it
            for (std::size_t i = 0; i < n; ++i)
                if (at <= edge[i] + 1e-9) {
                    app.view.selected_group = static_cast<int>(i);
                    app.view.keys_on_group = true;
                    break;
                }
    }
    if (ImGui::IsItemActive() && app.view.split_drag >= 0 && ImGui::GetIO().MouseDelta.x != 0 && editable(v)) {
        // Handles on the same spot: the drag's direction says which one moves.
        int k = app.view.split_drag;
        if (app.view.split_tie > k && ImGui::GetIO().MouseDelta.x > 0) k = app.view.split_tie;
        app.view.split_drag = app.view.split_tie = k;
        const std::size_t kk = static_cast<std::size_t>(k);
        const double lo = kk > 0 ? edge[kk - 1] : 0.0, hi = kk + 2 < n ? edge[kk + 1] : 1.0;
        const double x = std::clamp(std::round(at * 100.0) / 100.0, lo, hi);
        std::vector<double> q = totals;
        q[static_cast<std::size_t>(order[kk])] = x - lo;
        q[static_cast<std::size_t>(order[kk + 1])] = hi - x;
        app.tutor.set_groups(q);
    }
    if (!ImGui::IsItemActive()) app.view.split_drag = app.view.split_tie = -1;
    if (ImGui::IsItemHovered()) {
        for (std::size_t i = 0; i < n; ++i)
            if (at <= edge[i] + 1e-9) {
                ImGui::SetTooltip("%s: %s (drag a handle to change)", question_label(kb, order[i]).c_str(), percent(share[i]).c_str());
                break;
            }
    }
    // Drawn from the values: segments, their names where they fit, and the handles.
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + height), ImGui::GetColorU32(ImGuiCol_FrameBg), 4);
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    float x0 = pos.x;
    for (std::size_t i = 0; i < n; ++i) {
        const float x1 = pos.x + width * static_cast<float>(edge[i]);
        const ImVec4 c = group_colour(order[i]);
        draw->AddRectFilled(ImVec2(x0, pos.y), ImVec2(x1, pos.y + height), ImGui::ColorConvertFloat4ToU32(ImVec4(c.x, c.y, c.z, 0.8f)));
        if (app.view.keys_on_group && static_cast<int>(i) == app.view.selected_group)
            draw->AddRect(ImVec2(x0 + 1, pos.y + 1), ImVec2(std::max(x0 + 3, x1 - 1), pos.y + height - 1), text, 0, 0, 2);
        const std::string name = question_short(kb, order[i]), pct = percent(share[i]);
        const float pad = ImGui::GetStyle().FramePadding.x * 0.5f, line = ImGui::GetTextLineHeight();
        draw->PushClipRect(ImVec2(x0, pos.y), ImVec2(x1, pos.y + height), true);
        if (ImGui::CalcTextSize(name.c_str()).x + 2 * pad <= x1 - x0) draw->AddText(ImVec2(x0 + pad, pos.y + height * 0.5f - line), text, name.c_str());
        if (ImGui::CalcTextSize(pct.c_str()).x + 2 * pad <= x1 - x0) draw->AddText(ImVec2(x0 + pad, pos.y + height * 0.5f), text, pct.c_str());
        draw->PopClipRect();
        x0 = x1;
    }
    for (std::size_t k = 0; k + 1 < n; ++k) {
        const float x = pos.x + width * static_cast<float>(edge[k]);
        draw->AddRectFilled(ImVec2(x - 2, pos.y - 2), ImVec2(x + 2, pos.y + height + 2), text, 2);
        draw->AddCircleFilled(ImVec2(x, pos.y + height * 0.5f), std::min(grab * 0.45f, height * 0.3f), text);
    }
}

void draw_presets(AppState& app) {
    const bool narrow = ImGui::GetContentRegionAvail().x < em(70);
    bool first = true;
    for (const Preset& p : presets) {
        const char* label = narrow ? p.short_label : p.label;
        const float w = ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2;
        if (!first) same_line_if_fits(w);
        first = false;
        ImGui::PushID(p.key);
        if (button(app, label, "commit.preset." + std::to_string(p.key))) apply_preset(app, p.key);
        ImGui::PopID();
    }
}

// Optional: how the leading group's share divides between its causes.
void draw_causes(AppState& app, const tutor::CaseView& v) {
    const KnowledgeBase& kb = *app.tutor.kb();
    const std::vector<double> totals = group_totals(kb, v.answer.draft);
    const int lead = leading_group(kb, totals);
    if (lead < 0) return;
    std::vector<int> members;
    for (std::size_t d = 0; d < kb.diagnoses.size(); ++d)
        if (kb.diagnoses[d].group == lead) members.push_back(static_cast<int>(d));
    if (members.size() < 2) return;
    checkbox(app, "Top causes (optional)", "causes.toggle", &app.view.causes_open);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("How the leading group's share divides between its causes");
    if (!app.view.causes_open) return;
    wrapped_coloured(palette(app.settings.theme).muted, "Within " + question_label(kb, lead) + ", by cause:");
    const double mass = totals[static_cast<std::size_t>(lead)];
    const float width = ImGui::GetContentRegionAvail().x;
    for (int d : members) {
        const Diagnosis& dx = kb.diagnoses[static_cast<std::size_t>(d)];
        ImGui::PushID(1000 + d);
        ImGui::TextUnformatted(dx.short_name.c_str());
        ImGui::SameLine(em(10));
        float pct = mass > 1e-12 ? static_cast<float>(v.answer.draft[static_cast<std::size_t>(d)] / mass * 100.0) : 0.0f;
        const std::string fmt = "%.0f %% of " + question_short(kb, lead);
        if (slider_percent(app, dx.name + ", share of " + question_label(kb, lead), "cause." + dx.id, &pct, fmt.c_str(),
                           std::max(em(8), width - em(10))))
            app.tutor.set_cause_share(d, pct / 100.0);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", dx.name.c_str());
        ImGui::PopID();
    }
}

// Every cause: the label chooses (it never sets a value), the slider sets, Hold keeps a value.
void draw_detailed(AppState& app, const tutor::CaseView& v) {
    const KnowledgeBase& kb = *app.tutor.kb();
    const Palette& pal = palette(app.settings.theme);
    checkbox(app, "Every cause (detailed)", "detailed.toggle", &app.view.detailed_open);
    if (!app.view.detailed_open) return;
    wrapped_coloured(pal.muted, "Ctrl+click a value (or Enter on it) to type it; Hold keeps a value while you set the others.");
    const float hold_w = ImGui::CalcTextSize("Hold").x + ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + em(1);
    const float label_w = em(10);
    for (std::size_t d = 0; d < kb.diagnoses.size(); ++d) {
        const Diagnosis& dx = kb.diagnoses[d];
        const int di = static_cast<int>(d);
        ImGui::PushID(di);
        const ImVec2 row = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddRectFilled(row, ImVec2(row.x + em(0.6f), row.y + ImGui::GetFrameHeight()),
                                                  ImGui::ColorConvertFloat4ToU32(group_colour(dx.group)));
        ImGui::Dummy(ImVec2(em(0.8f), ImGui::GetFrameHeight()));
        ImGui::SameLine();
        const bool selected = !app.view.keys_on_group && di == app.view.selected_diagnosis;
        ImGui::AlignTextToFramePadding();
        if (selectable(app, dx.short_name, "Choose " + dx.name + " for the keys", "label." + dx.id, selected, label_w)) {
            app.view.selected_diagnosis = di;
            app.view.keys_on_group = false;
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", dx.name.c_str());
        ImGui::SameLine();
        float pct = static_cast<float>(v.answer.draft[d] * 100.0);
        if (slider_percent(app, dx.name, "slider." + dx.id, &pct, "%.0f %%", std::max(em(6), ImGui::GetContentRegionAvail().x - hold_w))) {
            std::vector<int> held = app.view.held;
            held.erase(std::remove(held.begin(), held.end(), di), held.end());
            app.tutor.set_probability(di, pct / 100.0, held);
            app.view.selected_diagnosis = di;
            app.view.keys_on_group = false;
        }
        ImGui::SameLine();
        bool hold = is_held(app, di);
        if (checkbox(app, "Hold", "hold." + dx.id, &hold)) {
            if (hold) app.view.held.push_back(di);
            else app.view.held.erase(std::remove(app.view.held.begin(), app.view.held.end(), di), app.view.held.end());
        }
        if (A11yNode* h = app.a11y.find_mutable("hold." + dx.id)) h->name = "Hold " + dx.name;
        ImGui::PopID();
    }
    if (button(app, "Spread evenly (U)", "spread")) app.tutor.spread_evenly();
}

}  // namespace

std::vector<int> question_order(const KnowledgeBase& kb) {
    std::vector<int> order;
    for (const char* id : {"immune", "coagulopathic", "other", "both"})
        if (const int g = kb.group_index(id); g >= 0) order.push_back(g);
    for (std::size_t g = 0; g < kb.groups.size(); ++g)
        if (std::find(order.begin(), order.end(), static_cast<int>(g)) == order.end()) order.push_back(static_cast<int>(g));
    return order;
}

std::string question_label(const KnowledgeBase& kb, int group) {
    const std::string& id = kb.groups[static_cast<std::size_t>(group)].id;
    if (id == "immune") return "Immune cause";
    if (id == "coagulopathic") return "Blood thinner or coagulopathy";
    if (id == "other") return "Something else";
    if (id == "both") return "Two at once (immune, on a blood thinner)";
    return kb.groups[static_cast<std::size_t>(group)].name;
}

std::string question_short(const KnowledgeBase& kb, int group) {
    const std::string& id = kb.groups[static_cast<std::size_t>(group)].id;
    if (id == "immune") return "Immune";
    if (id == "coagulopathic") return "Blood thinner";
    if (id == "other") return "Other";
    if (id == "both") return "Both";
    return kb.groups[static_cast<std::size_t>(group)].name;
}

const char* level_name(tutor::CommitLevel level) {
    switch (level) {
    case tutor::CommitLevel::groups: return "groups";
    case tutor::CommitLevel::top_causes: return "groups + top causes";
    default: return "detailed";
    }
}

std::string level_phrase(const KnowledgeBase& kb, const tutor::StageAnswer& a) {
    if (a.level == tutor::CommitLevel::groups) return "on the four groups";
    if (a.level == tutor::CommitLevel::detailed) return "on every cause";
    std::string names;
    for (std::size_t g = 0; g < kb.groups.size() && g < 31; ++g)
        if (a.causes_of & (1u << g)) names += (names.empty() ? "" : ", ") + question_short(kb, static_cast<int>(g));
    return "on the groups and the causes within " + names;
}

void apply_preset(AppState& app, int k) {
    const tutor::CaseView* v = shown_case(app);
    if (!v || !editable(*v)) return;
    const KnowledgeBase& kb = *app.tutor.kb();
    for (const Preset& p : presets) {
        if (p.key != k) continue;
        const std::vector<int> order = question_order(kb);
        std::vector<double> q(kb.groups.size(), 0.0);
        for (std::size_t i = 0; i < order.size() && i < 4; ++i) q[static_cast<std::size_t>(order[i])] = p.shares[i];
        app.tutor.set_groups(q);
        if (k >= 1 && k <= 4) app.view.selected_group = k - 1;
        app.view.keys_on_group = true;
        app.view.confirm_even_spread = false;
    }
}

void handle_commit_keys(AppState& app) {
    const tutor::CaseView* v = shown_case(app);
    if (!v || !editable(*v) || !app.tutor.kb()) return;
    const KnowledgeBase& kb = *app.tutor.kb();
    for (int k = 0; k <= 5; ++k)
        if (ImGui::IsKeyPressed(k == 0 ? key::digit1 + 9 : key::digit1 + k - 1, false)) apply_preset(app, k);
    const int n_diag = static_cast<int>(kb.diagnoses.size());
    if (ImGui::IsKeyPressed(key::comma, true) || ImGui::IsKeyPressed(key::period, true)) {
        const int step = ImGui::IsKeyPressed(key::comma, true) ? n_diag - 1 : 1;
        app.view.selected_diagnosis = app.view.keys_on_group ? app.view.selected_diagnosis : (app.view.selected_diagnosis + step) % std::max(1, n_diag);
        app.view.keys_on_group = false;
        app.view.detailed_open = true;
    }
    const bool up = ImGui::IsKeyPressed(key::equals, true), down = ImGui::IsKeyPressed(key::minus, true);
    if (!up && !down) return;
    const double delta = up ? 0.05 : -0.05;
    if (app.view.keys_on_group) {
        const std::vector<int> order = question_order(kb);
        const int g = order[static_cast<std::size_t>(std::clamp(app.view.selected_group, 0, static_cast<int>(order.size()) - 1))];
        app.tutor.set_group(g, group_totals(kb, v->answer.draft)[static_cast<std::size_t>(g)] + delta);
    } else {
        change_selected(app, delta);
    }
}

void draw_commit_panel(AppState& app, const tutor::CaseView& v) {
    const KnowledgeBase& kb = *app.tutor.kb();
    const Palette& pal = palette(app.settings.theme);
    const std::vector<int> order = question_order(kb);
    const ImVec2 top = ImGui::GetCursorScreenPos();
    a11y_region("panel.commit", "Your answer");
    ImGui::PushStyleColor(ImGuiCol_Text, pal.accent);
    wrapped("What is causing the bleeding? Your answer for this stage:");
    ImGui::PopStyleColor();
    draw_split(app, v, order);
    draw_presets(app);
    if (button(app, app.view.confirm_even_spread ? "Commit anyway (C)" : "Commit (C)", "commit")) try_commit(app);
    tutor::StageAnswer draft = v.answer;
    draft.causes_of = draft.draft_causes;
    draft.level = tutor::level_of(kb, draft.draft_causes);
    const std::string scored = "Scored " + level_phrase(kb, draft) + ".";
    same_line_if_fits(ImGui::CalcTextSize(scored.c_str()).x);
    wrapped_coloured(pal.muted, scored);
    mark(app, "commit.level");
    if (app.view.confirm_even_spread) {
        // An untouched answer teaches nothing: it is committed only when the learner means it.
        wrapped_coloured(pal.hypothetical, "Every group has the same share. Commit it anyway (C), or pick an answer first.");
        mark(app, "confirm.even_spread");
    }
    a11y_region_end();
    const ImVec2 bottom = ImGui::GetCursorScreenPos();
    app.report.controls["panel.commit"] = Rect{top.x, top.y, ImGui::GetContentRegionAvail().x, bottom.y - top.y};
    draw_causes(app, v);
    draw_detailed(app, v);
}

}  // namespace dah::ui
