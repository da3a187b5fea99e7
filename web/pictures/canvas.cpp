#include "pictures/canvas.hpp"

#include <algorithm>

namespace dah::pictures {

std::vector<ImVec2> ellipse_points(ImVec2 c, float rx, float ry, float angle, int n) {
    std::vector<ImVec2> out;
    out.reserve(static_cast<std::size_t>(n));
    const float ca = std::cos(angle), sa = std::sin(angle);
    for (int i = 0; i < n; ++i) {
        const float t = 6.2831853f * static_cast<float>(i) / static_cast<float>(n);
        const float x = rx * std::cos(t), y = ry * std::sin(t);
        out.emplace_back(c.x + x * ca - y * sa, c.y + x * sa + y * ca);
    }
    return out;
}

void Canvas::ellipse(ImVec2 c, float rx, float ry, float angle, ImU32 colour, int n) const {
    if (n <= 0) n = segments(px(std::max(rx, ry)));
    polygon(ellipse_points(c, rx, ry, angle, n), colour);
}

void Canvas::ellipse_outline(ImVec2 c, float rx, float ry, float angle, ImU32 colour, float thickness, int n) const {
    if (n <= 0) n = segments(px(std::max(rx, ry)));
    polyline(ellipse_points(c, rx, ry, angle, n), colour, thickness, true);
}

void Canvas::polygon(const std::vector<ImVec2>& unit_points, ImU32 colour) const {
    std::vector<ImVec2> screen;
    screen.reserve(unit_points.size());
    for (ImVec2 u : unit_points) screen.push_back(pt(u));
    draw->AddConvexPolyFilled(screen.data(), static_cast<int>(screen.size()), colour);
}

void Canvas::polyline(const std::vector<ImVec2>& unit_points, ImU32 colour, float thickness, bool closed) const {
    std::vector<ImVec2> screen;
    screen.reserve(unit_points.size());
    for (ImVec2 u : unit_points) screen.push_back(pt(u));
    draw->AddPolyline(screen.data(), static_cast<int>(screen.size()), colour, closed ? ImDrawFlags_Closed : ImDrawFlags_None,
                      stroke(thickness));
}

bool inside(const std::vector<ImVec2>& poly, ImVec2 p) {
    bool in = false;
    for (std::size_t i = 0, j = poly.size() - 1; i < poly.size(); j = i++) {
        const ImVec2 a = poly[i], b = poly[j];
        if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x) in = !in;
    }
    return in;
}

float distance_to_edge(const std::vector<ImVec2>& poly, ImVec2 p) {
    float best = 1e9f;
    for (std::size_t i = 0, j = poly.size() - 1; i < poly.size(); j = i++) {
        const ImVec2 a = poly[j], b = poly[i];
        const float dx = b.x - a.x, dy = b.y - a.y;
        const float len2 = dx * dx + dy * dy;
        float t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0;
        t = std::clamp(t, 0.0f, 1.0f);
        const float ex = a.x + t * dx - p.x, ey = a.y + t * dy - p.y;
        best = std::min(best, std::sqrt(ex * ex + ey * ey));
    }
    return best;
}

float patch_weight(const std::vector<ImVec2>& patches, ImVec2 p, float rx, float ry) {
    float w = 0;
    for (ImVec2 c : patches) {
        const float dx = (p.x - c.x) / rx, dy = (p.y - c.y) / ry;
        w = std::max(w, std::exp(-(dx * dx + dy * dy)));
    }
    return w;
}

}  // namespace dah::pictures
