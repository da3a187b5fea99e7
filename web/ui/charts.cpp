// Line and calibration charts from plain draw-list calls (no plotting library: the download is tight).
#include "ui/charts.hpp"

#include <algorithm>
#include <cstdio>

#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace dah::ui {

namespace {

void dashed_line(ImDrawList* draw, ImVec2 a, ImVec2 b, ImU32 colour, float thickness) {
    const int pieces = 24;
    for (int k = 0; k < pieces; k += 2) {
        const float t0 = static_cast<float>(k) / pieces, t1 = static_cast<float>(k + 1) / pieces;
        draw->AddLine(ImVec2(a.x + (b.x - a.x) * t0, a.y + (b.y - a.y) * t0),
                      ImVec2(a.x + (b.x - a.x) * t1, a.y + (b.y - a.y) * t1), colour, thickness);
    }
}

// Horizontal grid lines at 0, 50 and 100 % with their labels on the left.
void y_axis(ImDrawList* draw, float x_text, float left, float right, float top, float bottom) {
    const ImU32 axis = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    for (int k = 0; k <= 4; ++k) {
        const float y = bottom - (bottom - top) * static_cast<float>(k) / 4.0f;
        draw->AddLine(ImVec2(left, y), ImVec2(right, y), axis, k == 0 ? 2.0f : 1.0f);
        if (k % 2 == 0)
            draw->AddText(ImVec2(x_text, y - ImGui::GetTextLineHeight() * 0.5f), text,
                          k == 0   ? "0%"
                          : k == 2 ? "50%"
                                   : "100%");
    }
}

void legend(const std::vector<ChartSeries>& series) {
    const float r = ImGui::GetTextLineHeight() * 0.4f;
    for (std::size_t s = 0; s < series.size(); ++s) {
        if (s > 0) ImGui::SameLine(0, em(3));
        const ImVec2 q = ImGui::GetCursorScreenPos();
        const ImU32 c = ImGui::ColorConvertFloat4ToU32(series[s].colour);
        const float mid = q.y + ImGui::GetTextLineHeight() / 2;
        if (series[s].dashed)
            dashed_line(ImGui::GetWindowDrawList(), ImVec2(q.x, mid), ImVec2(q.x + r * 6, mid), c, 2.5f);
        else
            ImGui::GetWindowDrawList()->AddLine(ImVec2(q.x, mid), ImVec2(q.x + r * 6, mid), c, 2.5f);
        draw_group_marker(ImGui::GetWindowDrawList(), ImVec2(q.x + r * 3, mid), r, series[s].marker, c);
        ImGui::Dummy(ImVec2(r * 7, ImGui::GetTextLineHeight()));
        ImGui::SameLine();
        ImGui::TextUnformatted(series[s].name.c_str());
    }
}

}  // namespace

void line_chart(const std::vector<std::string>& x_labels, const std::vector<ChartSeries>& series,
                float height, const char* y_title) {
    const float line = ImGui::GetTextLineHeight();
    if (y_title && *y_title) ImGui::TextDisabled("%s", y_title);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float w = std::max(ImGui::GetContentRegionAvail().x, em(20));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float left = p.x + ImGui::CalcTextSize("100%").x + em(1.5f), right = p.x + w - em(4);
    const float top = p.y + line, bottom = p.y + height;
    y_axis(draw, p.x, left, right, top, bottom);
    const int n = static_cast<int>(x_labels.size());
    auto x_of = [&](int i) {
        return n <= 1 ? (left + right) / 2
                      : left + (right - left) * static_cast<float>(i) / static_cast<float>(n - 1);
    };
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    // The x labels, centred under their points; a label that would overlap the last one drawn is skipped.
    float last_end = -1e9f;
    for (int i = 0; i < n; ++i) {
        const float tw = ImGui::CalcTextSize(x_labels[static_cast<std::size_t>(i)].c_str()).x;
        const float x = std::clamp(x_of(i) - tw / 2, p.x, p.x + w - tw);
        if (x < last_end + em(1)) continue;
        draw->AddText(ImVec2(x, bottom + 4), text, x_labels[static_cast<std::size_t>(i)].c_str());
        last_end = x + tw;
    }
    const float r = line * 0.4f;
    for (std::size_t s = 0; s < series.size(); ++s) {
        const ChartSeries& ser = series[s];
        const ImU32 c = ImGui::ColorConvertFloat4ToU32(ser.colour);
        bool has_prev = false;
        ImVec2 prev;
        for (int i = 0; i < n && i < static_cast<int>(ser.values.size()); ++i) {
            const double v = ser.values[static_cast<std::size_t>(i)];
            if (v < 0) {
                has_prev = false;
                continue;
            }
            const ImVec2 pt(x_of(i), bottom - (bottom - top) * static_cast<float>(std::clamp(v, 0.0, 1.0)));
            if (has_prev) {
                if (ser.dashed)
                    dashed_line(draw, prev, pt, c, 3.0f);
                else
                    draw->AddLine(prev, pt, c, 3.0f);
            }
            draw_group_marker(draw, pt, r, ser.marker, c);
            if (ser.labels) {
                // First series above its point, the others below, so two labels at one x do not collide.
                const std::string label = percent(v);  // "> 99 %" short of certainty
                const float ly = s == 0 ? pt.y - line - r : pt.y + r;
                const float tw = ImGui::CalcTextSize(label.c_str()).x;
                const float lx = pt.x + r * 1.2f + tw > p.x + w ? pt.x - r * 1.2f - tw : pt.x + r * 1.2f;
                draw->AddText(ImVec2(lx, std::clamp(ly, p.y, bottom - line)), c, label.c_str());
            }
            prev = pt;
            has_prev = true;
        }
    }
    ImGui::Dummy(ImVec2(w, height + line + 8));
    // The chart in words for the mirror (a screen reader's text equivalent): each x position's values.
    std::string words;
    for (int i = 0; i < n; ++i) {
        std::string at;
        for (const ChartSeries& ser : series)
            if (i < static_cast<int>(ser.values.size()) && ser.values[static_cast<std::size_t>(i)] >= 0)
                at += (at.empty() ? "" : ", ") + ser.name + " " +
                      percent(ser.values[static_cast<std::size_t>(i)]);
        if (!at.empty())
            words += (words.empty() ? "" : "; ") + x_labels[static_cast<std::size_t>(i)] + ": " + at;
    }
    image_text({}, y_title && *y_title ? y_title : "Chart", words.empty() ? "no points yet" : words + ".");
    legend(series);
}

void calibration_chart(const std::vector<ChartPoint>& points, float size, ImVec4 colour) {
    const float line = ImGui::GetTextLineHeight();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float left = p.x + ImGui::CalcTextSize("100%").x + em(1.5f), right = left + size;
    const float top = p.y + line * 0.5f, bottom = top + size;
    y_axis(draw, p.x, left, right, top, bottom);
    const ImU32 axis = ImGui::GetColorU32(ImGuiCol_TextDisabled), text = ImGui::GetColorU32(ImGuiCol_Text);
    for (int k = 0; k <= 4; ++k) {
        const float x = left + size * static_cast<float>(k) / 4.0f;
        draw->AddLine(ImVec2(x, top), ImVec2(x, bottom), axis, 1.0f);
        if (k % 2 == 0) {
            const char* label = k == 0 ? "0%" : k == 2 ? "50%" : "100%";
            draw->AddText(ImVec2(x - ImGui::CalcTextSize(label).x / 2, bottom + 4), text, label);
        }
    }
    // Perfect calibration: what you say happens as often as you say it.
    dashed_line(draw, ImVec2(left, bottom), ImVec2(right, top), text, 1.5f);
    const ImU32 c = ImGui::ColorConvertFloat4ToU32(colour);
    const float r = line * 0.45f;
    // Labels centred over their points, alternately above and below, so neighbouring bins never collide.
    int k = 0;
    for (const ChartPoint& pt : points) {
        const ImVec2 at(left + size * static_cast<float>(std::clamp(pt.x, 0.0, 1.0)),
                        bottom - size * static_cast<float>(std::clamp(pt.y, 0.0, 1.0)));
        draw->AddCircleFilled(at, r, c);
        draw->AddCircle(at, r, text, 0, 1.5f);
        const float tw = ImGui::CalcTextSize(pt.label.c_str()).x;
        const bool above = (k++ % 2 == 0) ? at.y - r - line >= top : at.y + r + line > bottom;
        const float y = above ? at.y - r - line : at.y + r;
        draw->AddText(ImVec2(std::clamp(at.x - tw / 2, p.x, right + em(6) - tw), y), text, pt.label.c_str());
    }
    ImGui::Dummy(ImVec2(right - p.x + em(6), size + line * 2 + 8));
    std::string words;
    for (const ChartPoint& pt : points)
        words += (words.empty() ? "" : "; ") + std::string("stated ") + percent(pt.x) + ", right " +
                 percent(pt.y) + " (" + pt.label + ")";
    image_text({},
               "Calibration chart: the probability stated against how often it was the diagnosis; the "
               "diagonal is perfect",
               words.empty() ? "no points yet" : words + ".");
}

}  // namespace dah::ui
