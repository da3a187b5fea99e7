// Drawing helpers shared by the picture kinds: a seeded random source, a mapping from the picture's
// unit square to screen points (so every size is drawn from the same geometry, with no textures),
// and the anchors that labels point at.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include <imgui.h>

#include "dah/picture.hpp"

namespace dah::pictures {

// xorshift32 on integers only: the same numbers natively and in WebAssembly.
class Rng {
public:
    explicit Rng(std::uint32_t seed) : state_(seed * 2654435761u + 0x9e3779b9u) {
        if (state_ == 0) state_ = 1;
        next();
    }
    std::uint32_t next() {
        state_ ^= state_ << 13;
        state_ ^= state_ >> 17;
        state_ ^= state_ << 5;
        return state_;
    }
    float unit() { return static_cast<float>(next() >> 8) / 16777216.0f; }  // [0, 1)
    float range(float lo, float hi) { return lo + (hi - lo) * unit(); }

private:
    std::uint32_t state_;
};

// A random source for one feature: adding a feature does not change how the others are drawn.
inline Rng feature_rng(const Picture& p, std::size_t index) {
    return Rng(p.seed ^ (static_cast<std::uint32_t>(index + 1) * 0x85ebca6bu));
}

// A point a label's leader line ends at, in unit coordinates of the picture.
struct Anchor {
    std::size_t feature = 0;
    ImVec2 at;
};

struct Canvas {
    ImDrawList* draw = nullptr;
    ImVec2 origin;  // screen position of unit (0, 0)
    float size = 1;  // screen points per unit
    std::vector<Anchor> anchors;

    ImVec2 pt(float x, float y) const { return ImVec2(origin.x + x * size, origin.y + y * size); }
    ImVec2 pt(ImVec2 u) const { return pt(u.x, u.y); }
    float px(float units) const { return units * size; }  // a length
    // A line thickness in units, never thinner than one screen pixel would allow to see.
    float stroke(float units) const { return std::fmax(units * size, 1.0f); }
    // Circles get enough segments to stay round when large and cheap when small.
    // WebGL draws at most 64K vertices per draw list, so counts are capped even on a 4K projector.
    static int segments(float radius_px) { return radius_px < 3 ? 6 : radius_px < 8 ? 10 : radius_px < 20 ? 14 : radius_px < 60 ? 20 : 32; }

    void circle(ImVec2 c, float r, ImU32 colour) const {
        draw->AddCircleFilled(pt(c), px(r), colour, segments(px(r)));
    }
    // A translucent blob among hundreds: no anti-aliased fringe (invisible there, and half the vertices).
    void soft_circle(ImVec2 c, float r, ImU32 colour) const {
        const ImDrawListFlags flags = draw->Flags;
        draw->Flags &= ~ImDrawListFlags_AntiAliasedFill;
        draw->AddCircleFilled(pt(c), px(r), colour, std::min(segments(px(r)), 14));
        draw->Flags = flags;
    }
    void ring(ImVec2 c, float r, ImU32 colour, float thickness) const {
        draw->AddCircle(pt(c), px(r), colour, segments(px(r)), stroke(thickness));
    }
    // A filled ellipse, rotated by `angle` radians, as a convex polygon.
    void ellipse(ImVec2 c, float rx, float ry, float angle, ImU32 colour, int n = 0) const;
    void ellipse_outline(ImVec2 c, float rx, float ry, float angle, ImU32 colour, float thickness, int n = 0) const;
    void polygon(const std::vector<ImVec2>& unit_points, ImU32 colour) const;  // convex, filled
    void polyline(const std::vector<ImVec2>& unit_points, ImU32 colour, float thickness, bool closed = false) const;
    void line(ImVec2 a, ImVec2 b, ImU32 colour, float thickness) const {
        draw->AddLine(pt(a), pt(b), colour, stroke(thickness));
    }
};

inline ImU32 grey(float v, float alpha = 1.0f) {
    const int c = static_cast<int>(std::fmin(std::fmax(v, 0.0f), 1.0f) * 255.0f + 0.5f);
    return IM_COL32(c, c, c, static_cast<int>(std::fmin(std::fmax(alpha, 0.0f), 1.0f) * 255.0f + 0.5f));
}
inline ImU32 rgba(int hex, float alpha = 1.0f) {
    return IM_COL32((hex >> 16) & 0xff, (hex >> 8) & 0xff, hex & 0xff, static_cast<int>(alpha * 255.0f + 0.5f));
}

// Geometry on unit-coordinate polygons.
bool inside(const std::vector<ImVec2>& polygon, ImVec2 p);
float distance_to_edge(const std::vector<ImVec2>& polygon, ImVec2 p);
// Density of patchy opacities at `p`: the strongest of Gaussian blobs of radii (rx, ry) at `patches`.
float patch_weight(const std::vector<ImVec2>& patches, ImVec2 p, float rx, float ry);
std::vector<ImVec2> ellipse_points(ImVec2 c, float rx, float ry, float angle, int n);

// The kinds (one file each).
void draw_chest_xray(Canvas& c, const Picture& p);
void draw_ct_axial(Canvas& c, const Picture& p);
void draw_histology(Canvas& c, const Picture& p);
void draw_immunofluorescence(Canvas& c, const Picture& p);
void draw_urine_microscopy(Canvas& c, const Picture& p);
void draw_bal_tubes(Canvas& c, const Picture& p);

}  // namespace dah::pictures
