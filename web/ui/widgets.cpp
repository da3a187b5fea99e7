#include "ui/widgets.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "ui/theme.hpp"

namespace dah::ui {

void mark(AppState& app, const std::string& name) {
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
    const float needed = ImGui::CalcTextSize(text).x + ImGui::GetStyle().FramePadding.x * 2 + ImGui::GetFrameHeight();
    if (needed > box_width + 0.5f) app.report.clipped.push_back(name);
}

void mark_window(AppState& app, const std::string& name) {
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
    const ImVec4 below = over(bg, over(ImGui::GetStyleColorVec4(ImGuiCol_ChildBg), ImGui::GetStyleColorVec4(ImGuiCol_WindowBg)));
    const ImVec4 fill = under_text(over(ImVec4(colour.x, colour.y, colour.z, strong ? 0.95f : 0.7f), below),
                                   ImGui::GetStyleColorVec4(ImGuiCol_Text));
    draw->AddRectFilled(pos, ImVec2(pos.x + width * static_cast<float>(fraction), pos.y + h), ImGui::ColorConvertFloat4ToU32(fill), 3);
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
    if (ImGui::GetContentRegionAvail().x < ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2)
        ImGui::NewLine();
}

bool checkbox_wrapped(const char* id, const char* text, bool* value) {
    bool changed = ImGui::Checkbox(id, value);
    ImGui::SameLine();
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
    if (ImGui::IsItemClicked()) {  // the text is part of the control, as a checkbox's label is
        *value = !*value;
        changed = true;
    }
    return changed;
}

void heading(const std::string& text) {
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_Text));
    wrapped(text);
    ImGui::PopStyleColor();
    ImGui::Separator();
}

float em(float n) { return n * ImGui::GetFontSize() * 0.55f; }

bool short_labels(const AppState& app) { return app.options.present || ImGui::GetMainViewport()->WorkSize.x < em(70); }

}  // namespace dah::ui
