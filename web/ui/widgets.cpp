#include "ui/widgets.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "ui/theme.hpp"

namespace dah::ui {

namespace {

// The frame's accessible tree: ui::frame puts it in ImGui's io.UserData, so that the text helpers,
// called everywhere without the app, add to it too. nullptr outside a frame.
A11yTree* tree() { return static_cast<A11yTree*>(ImGui::GetIO().UserData); }

bool disabled_now() { return (GImGui->CurrentItemFlags & ImGuiItemFlags_Disabled) != 0; }

// What a label shows: without its "##id" part; a trailing key in brackets ("Commit (C)") becomes the
// shortcut, read apart from the name.
void split_label(std::string_view label, std::string& name, std::string& keys) {
    const std::size_t hidden = label.find("##");
    if (hidden != std::string_view::npos) label = label.substr(0, hidden);
    keys.clear();
    if (label.size() > 4 && label.back() == ')') {
        const std::size_t open = label.rfind(" (");
        if (open != std::string_view::npos && label.size() - open <= 7) {
            keys.assign(label.substr(open + 2, label.size() - open - 3));
            label = label.substr(0, open);
        }
    }
    name.assign(label);
}

// After the widget: the node follows ImGui's item (its focus), and takes the focus the mirror asked for.
void follow_item(AppState& app, A11yNode& node) {
    node.widget = ImGui::GetItemID();
    if (node.widget == 0 || !app.a11y.take_focus(node.id)) return;
    ImGuiContext& g = *GImGui;
    ImGuiWindow* window = g.CurrentWindow;
    ImGui::SetFocusID(node.widget, window);
    g.NavDisableHighlight = false;  // ImGui's own focus frame shows where the screen reader is
    g.NavDisableMouseHover = true;
    ImGui::ScrollToBringRectIntoView(window, g.LastItemData.Rect);
}

A11yNode& control(AppState& app, A11yRole role, const std::string& label, const std::string& id) {
    A11yNode& n = app.a11y.add(role, id, {});
    split_label(label, n.name, n.value);
    if (disabled_now()) n.flags |= a11y_disabled;
    return n;
}

}  // namespace

void mark(AppState& app, const std::string& name) {
    app.a11y.name_last(name);
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    // Only what is really visible: clipped by the current window.
    const ImVec2 clip_a = ImGui::GetWindowDrawList()->GetClipRectMin();
    const ImVec2 clip_b = ImGui::GetWindowDrawList()->GetClipRectMax();
    const float x0 = std::max(a.x, clip_a.x), y0 = std::max(a.y, clip_a.y);
    const float x1 = std::min(b.x, clip_b.x), y1 = std::min(b.y, clip_b.y);
    if (x1 - x0 < 1 || y1 - y0 < 1) return;
    app.report.controls[name] = Rect{x0, y0, x1 - x0, y1 - y0};
    // Shown but cut by the window's right edge: its text is cut too.
    if (b.x > clip_b.x + 0.5f && a.x < clip_b.x) app.report.clipped.push_back(name);
}

float fitting_width(const std::vector<std::string>& texts) {
    float widest = 0;
    for (const std::string& t : texts) widest = std::max(widest, ImGui::CalcTextSize(t.c_str()).x);
    return widest + ImGui::GetStyle().FramePadding.x * 2 + ImGui::GetFrameHeight();
}

void check_fit(AppState& app, const std::string& name, const char* text, float box_width) {
    const float needed =
        ImGui::CalcTextSize(text).x + ImGui::GetStyle().FramePadding.x * 2 + ImGui::GetFrameHeight();
    if (needed > box_width + 0.5f) app.report.clipped.push_back(name);
}

void mark_window(AppState& app, const std::string& name) {
    // In the mirror, what follows (until the next window) is in a region: a dialog for an overlay window,
    // a panel for a child window.
    if (!app.a11y.find(name)) {
        const ImGuiWindow* window = ImGui::GetCurrentWindow();
        const bool child = (window->Flags & ImGuiWindowFlags_ChildWindow) != 0;
        std::string title, keys;
        split_label(window->Name, title, keys);
        if (child)
            title = name == "panel.findings"  ? "Case findings"
                    : name == "panel.learner" ? "Your differential"
                    : name == "panel.engine"  ? "The engine"
                    : name == "panel.vote"    ? "The hall's vote"
                                              : name;
        if (title.empty()) title = name;
        app.a11y.add(A11yRole::region, name, title).flags = a11y_window | (child ? 0 : a11y_dialog);
    }
    const ImVec2 p = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
    app.report.controls[name] = Rect{p.x, p.y, size.x, size.y};
    app.report.scroll[name] = ImGui::GetScrollY();
}

// Certainty is earned: nothing short of exactly 1 reads "100 %", nothing above 0 reads "0 %".
std::string percent(double p) {
    if (p > 0.99 && p < 1) return "> 99 %";
    if (p > 0 && p < 0.01) return "< 1 %";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f %%", 100.0 * p);
    return buf;
}

void probability_bar(const char* label, double fraction, ImVec4 colour, float width, bool strong) {
    fraction = std::clamp(fraction, 0.0, 1.0);
    const float h = ImGui::GetTextLineHeight() + ImGui::GetStyle().FramePadding.y * (strong ? 1.2f : 0.6f);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    width = std::max(width, em(8));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec4 bg = ImGui::GetStyleColorVec4(ImGuiCol_FrameBg);
    draw->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + h), ImGui::ColorConvertFloat4ToU32(bg), 3);
    // The label sits on the bar: its fill is toned until the text keeps 4.5:1 on it.
    const ImVec4 below = over(
        bg, over(ImGui::GetStyleColorVec4(ImGuiCol_ChildBg), ImGui::GetStyleColorVec4(ImGuiCol_WindowBg)));
    const ImVec4 fill = under_text(over(ImVec4(colour.x, colour.y, colour.z, strong ? 0.95f : 0.7f), below),
                                   ImGui::GetStyleColorVec4(ImGuiCol_Text));
    draw->AddRectFilled(pos, ImVec2(pos.x + width * static_cast<float>(fraction), pos.y + h),
                        ImGui::ColorConvertFloat4ToU32(fill), 3);
    const std::string pct = percent(fraction);
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    const float pad = ImGui::GetStyle().FramePadding.x * 0.6f;
    const float ty = pos.y + (h - ImGui::GetTextLineHeight()) * 0.5f;
    const float pct_w = ImGui::CalcTextSize(pct.c_str()).x;
    draw->PushClipRect(pos, ImVec2(pos.x + width - pct_w - 2 * pad, pos.y + h), true);
    draw->AddText(ImVec2(pos.x + pad, ty), text, label);
    draw->PopClipRect();
    draw->AddText(ImVec2(pos.x + width - pct_w - pad, ty), text, pct.c_str());
    ImGui::Dummy(ImVec2(width, h));
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s: %s", label, pct.c_str());
    if (A11yTree* t = tree()) {
        if (t->in_sequential_table()) {
            t->add_cell(label);
            t->add_cell(pct);
        } else {
            t->add(A11yRole::text, {}, *label ? std::string(label) + ": " + pct : pct);
        }
    }
}

void signed_bar(double value, double max_abs, ImVec4 pos_colour, ImVec4 neg_colour, float width) {
    const float h = ImGui::GetTextLineHeight();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float mid = p.x + width * 0.5f;
    const float frac = max_abs > 0 ? static_cast<float>(std::clamp(value / max_abs, -1.0, 1.0)) : 0.0f;
    draw->AddRectFilled(p, ImVec2(p.x + width, p.y + h), ImGui::GetColorU32(ImGuiCol_FrameBg), 2);
    const float end = mid + frac * width * 0.5f;
    draw->AddRectFilled(ImVec2(std::min(mid, end), p.y + 2), ImVec2(std::max(mid, end), p.y + h - 2),
                        ImGui::ColorConvertFloat4ToU32(frac >= 0 ? pos_colour : neg_colour), 2);
    draw->AddLine(ImVec2(mid, p.y), ImVec2(mid, p.y + h), ImGui::GetColorU32(ImGuiCol_Text), 1);
    ImGui::Dummy(ImVec2(width, h));
}

void wrapped(const std::string& text) {
    if (A11yTree* t = tree()) {
        if (t->in_sequential_table())
            t->add_cell(text);
        else
            t->add(A11yRole::text, {}, text);
    }
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.c_str(), text.c_str() + text.size());
    ImGui::PopTextWrapPos();
}

void wrapped_coloured(ImVec4 colour, const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    wrapped(text);
    ImGui::PopStyleColor();
}

void same_line_for_button(const char* label) {
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x <
        ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2)
        ImGui::NewLine();
}

bool checkbox_wrapped(AppState& app, const char* text, const std::string& id, bool* value) {
    A11yNode& n = control(app, A11yRole::checkbox, text, id);
    bool changed = ImGui::Checkbox(("##" + id).c_str(), value);
    follow_item(app, n);
    ImGui::SameLine();
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
    if (ImGui::IsItemClicked()) {  // the text is part of the control, as a checkbox's label is
        *value = !*value;
        changed = true;
    }
    mark(app, id);
    if (!changed && app.a11y.take_activation(id) && !(n.flags & a11y_disabled)) {
        *value = !*value;
        changed = true;
    }
    if (*value) n.flags |= a11y_checked;
    return changed;
}

void heading(const std::string& text) {
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_Text));
    wrapped(text);
    ImGui::PopStyleColor();
    ImGui::Separator();
    if (A11yTree* t = tree())
        if (A11yNode* n = t->last()) n->role = A11yRole::heading;
}

void text(const std::string& text) {
    if (A11yTree* t = tree()) {
        if (t->in_sequential_table())
            t->add_cell(text);
        else
            t->add(A11yRole::text, {}, text);
    }
    ImGui::TextUnformatted(text.c_str(), text.c_str() + text.size());
}

void text_disabled(const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ui::text(text);
    ImGui::PopStyleColor();
}

void image_text(const std::string& id, const std::string& caption, const std::string& description) {
    if (A11yTree* t = tree()) t->add(A11yRole::image, id, caption).value = description;
}

void a11y_table(const std::string& id, const std::string& caption,
                std::initializer_list<const char*> headers) {
    A11yTree* t = tree();
    if (!t) return;
    t->begin_table(id, caption, static_cast<int>(headers.size()));
    for (const char* h : headers) t->add_cell(h, true);
}

void a11y_cell(const std::string& text) {
    if (A11yTree* t = tree()) t->add_cell(text);
}

void a11y_table_end() {
    if (A11yTree* t = tree()) t->end_table();
}

void a11y_prefix(const std::string& prefix) {
    if (A11yTree* t = tree())
        if (A11yNode* n = t->last()) n->name = prefix + ": " + n->name;
}

void a11y_region(const std::string& id, const std::string& name, bool dialog) {
    if (A11yTree* t = tree()) t->add(A11yRole::region, id, name).flags = dialog ? a11y_dialog : 0;
}

void a11y_region_end() {
    if (A11yTree* t = tree()) t->add(A11yRole::region_end, {}, {});
}

bool button(AppState& app, const std::string& label, const std::string& id, bool small) {
    A11yNode& n = control(app, A11yRole::button, label, id);
    const bool clicked = small ? ImGui::SmallButton(label.c_str()) : ImGui::Button(label.c_str());
    follow_item(app, n);
    mark(app, id);
    return clicked || (app.a11y.take_activation(id) && !(n.flags & a11y_disabled));
}

bool checkbox(AppState& app, const char* label, const std::string& id, bool* value) {
    A11yNode& n = control(app, A11yRole::checkbox, label, id);
    bool changed = ImGui::Checkbox(label, value);
    follow_item(app, n);
    mark(app, id);
    if (!changed && app.a11y.take_activation(id) && !(n.flags & a11y_disabled)) {
        *value = !*value;
        changed = true;
    }
    if (*value) n.flags |= a11y_checked;
    return changed;
}

bool radio(AppState& app, const std::string& label, const std::string& id, bool active) {
    A11yNode& n = control(app, A11yRole::radio, label, id);
    if (active) n.flags |= a11y_checked;
    const bool clicked = ImGui::RadioButton(label.c_str(), active);
    follow_item(app, n);
    mark(app, id);
    return clicked || (app.a11y.take_activation(id) && !(n.flags & a11y_disabled));
}

bool slider_percent(AppState& app, const std::string& name, const std::string& id, float* pct,
                    const char* format, float width) {
    A11yNode& n = app.a11y.add(A11yRole::slider, id, name);
    ImGui::SetNextItemWidth(width);
    bool changed = ImGui::SliderFloat("##p", pct, 0.0f, 100.0f, format, ImGuiSliderFlags_AlwaysClamp);
    follow_item(app, n);
    mark(app, id);
    double wanted = 0;
    if (app.a11y.take_value(id, wanted)) {
        *pct = static_cast<float>(std::clamp(wanted, 0.0, 100.0));
        changed = true;
    }
    n.min = 0;
    n.max = 100;
    n.now = std::round(*pct);
    n.value = percent(*pct / 100.0);
    return changed;
}

bool slider_mirrored(AppState& app, const std::string& name, const std::string& id, float* pct) {
    A11yNode& n = app.a11y.add(A11yRole::slider, id, name);
    if (disabled_now()) n.flags |= a11y_disabled;
    // The value asked for is taken before the node is filled in: the tree this frame hands to the mirror
    // already holds it, so the mirror's next key steps from the new value, not back from the old one.
    double wanted = 0;
    const bool taken = app.a11y.take_value(id, wanted);
    if (taken) *pct = static_cast<float>(std::clamp(wanted, 0.0, 100.0));
    n.min = 0;
    n.max = 100;
    n.now = std::round(*pct);
    n.value = percent(*pct / 100.0);
    return taken;
}

bool selectable(AppState& app, const std::string& label, const std::string& name, const std::string& id,
                bool selected, float width) {
    A11yNode& n = app.a11y.add(A11yRole::button, id, name);
    if (selected) n.flags |= a11y_current;
    if (disabled_now()) n.flags |= a11y_disabled;
    const bool clicked = ImGui::Selectable(label.c_str(), selected, 0, ImVec2(width, 0));
    follow_item(app, n);
    mark(app, id);
    return clicked || (app.a11y.take_activation(id) && !(n.flags & a11y_disabled));
}

bool slider_float(AppState& app, const char* label, const std::string& id, float* value, float min, float max,
                  const char* format) {
    A11yNode& n = control(app, A11yRole::slider, label, id);
    bool changed = ImGui::SliderFloat(label, value, min, max, format);
    follow_item(app, n);
    mark(app, id);
    double wanted = 0;
    if (app.a11y.take_value(id, wanted)) {
        *value = static_cast<float>(std::clamp(wanted, static_cast<double>(min), static_cast<double>(max)));
        changed = true;
    }
    n.min = min;
    n.max = max;
    n.now = *value;
    char buf[32];
    std::snprintf(buf, sizeof buf, format, *value);
    n.value = buf;
    return changed;
}

int choice(AppState& app, const char* label, const std::string& id, const std::string& preview,
           const std::vector<std::string>& options, int current) {
    A11yNode& n = control(app, A11yRole::choice, label, id);
    n.value.clear();  // the options, one a line
    for (const std::string& o : options) (n.value += o) += '\n';
    n.now = current;
    int chosen = -1;
    if (ImGui::BeginCombo(label, preview.c_str())) {
        for (std::size_t i = 0; i < options.size(); ++i)
            if (ImGui::Selectable(options[i].c_str(), static_cast<int>(i) == current))
                chosen = static_cast<int>(i);
        ImGui::EndCombo();
    }
    follow_item(app, n);
    mark(app, id);
    double wanted = 0;
    if (app.a11y.take_value(id, wanted) && wanted >= 0 && wanted < static_cast<double>(options.size()))
        chosen = static_cast<int>(wanted);
    if (chosen >= 0) n.now = chosen;  // the mirror reads the new choice from this frame's tree
    return chosen;
}

int choice_mirrored(AppState& app, const char* label, const std::string& id,
                    const std::vector<std::string>& options, int current) {
    A11yNode& n = control(app, A11yRole::choice, label, id);
    n.value.clear();  // the options, one a line
    for (const std::string& o : options) (n.value += o) += '\n';
    n.now = current;
    follow_item(app, n);
    mark(app, id);
    double wanted = 0;
    if (!app.a11y.take_value(id, wanted) || wanted < 0 || wanted >= static_cast<double>(options.size())) return -1;
    n.now = static_cast<int>(wanted);  // the mirror reads the new choice from this frame's tree
    return static_cast<int>(wanted);
}

bool number_field(AppState& app, const std::string& name, const std::string& id, int* value, int step) {
    A11yNode& n = app.a11y.add(A11yRole::number, id, name);
    bool changed = ImGui::InputInt("##n", value, step, step * 10);
    follow_item(app, n);
    mark(app, id);
    double wanted = 0;
    if (app.a11y.take_value(id, wanted)) {
        *value = static_cast<int>(std::lround(wanted));
        changed = true;
    }
    n.now = *value;
    return changed;
}

bool textbox_mirrored(AppState& app, const std::string& name, const std::string& id, std::string& text) {
    A11yNode& n = app.a11y.add(A11yRole::textbox, id, name);
    follow_item(app, n);
    const bool changed = app.a11y.take_text(id, text);
    n.value = text;
    return changed;
}

float em(float n) { return n * ImGui::GetFontSize() * 0.55f; }

bool short_labels(const AppState& app) {
    return app.options.present || ImGui::GetMainViewport()->WorkSize.x < em(70);
}

}  // namespace dah::ui
