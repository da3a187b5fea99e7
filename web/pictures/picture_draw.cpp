// The kind dispatch, labels with leader lines, and the legend.
#include "pictures/picture_draw.hpp"

#include <algorithm>

#include "dah/sort_stably.hpp"
#include "pictures/canvas.hpp"

namespace dah::pictures {

namespace {

bool has(const Picture& p, FeatureType t) {
    return std::any_of(p.features.begin(), p.features.end(), [&](const PictureFeature& f) { return f.type == t; });
}

bool has_appearance(const Picture& p, Appearance a) {
    return std::any_of(p.features.begin(), p.features.end(),
                       [&](const PictureFeature& f) { return f.type == FeatureType::opacity && f.appearance == a; });
}

float font_of(const DrawOptions& o, float width) {
    const float base = o.font_size > 0 ? o.font_size : ImGui::GetFontSize();
    return std::max(8.0f, std::min(base, width * 0.045f));
}

// Lays the legend out in rows; calls `place` for each entry with its top-left corner.
template <class Place>
float layout_legend(const std::vector<LegendEntry>& entries, float width, float font, Place place) {
    const float swatch = font * 0.8f, gap = font * 0.4f, row_h = font * 1.35f;
    float x = 0, y = font * 0.35f;
    for (const LegendEntry& e : entries) {
        const float text_w = ImGui::GetFont()->CalcTextSizeA(font, 1e9f, 0, e.text.c_str()).x;
        const float w = swatch + gap + text_w + font;
        if (x > 0 && x + w > width) {
            x = 0;
            y += row_h;
        }
        place(e, x, y);
        x += w;
    }
    return entries.empty() ? 0 : y + row_h;
}

void draw_labels(Canvas& c, const Picture& p, float font) {
    struct Placed {
        ImVec2 anchor;
        const std::string* text;
        float y = 0;
    };
    std::vector<Placed> left, right;
    std::vector<bool> done(p.features.size(), false);
    for (const Anchor& a : c.anchors) {
        if (a.feature >= p.features.size() || done[a.feature] || p.features[a.feature].label.empty()) continue;
        done[a.feature] = true;
        (a.at.x < 0.5f ? left : right).push_back({a.at, &p.features[a.feature].label});
    }
    const float pad = font * 0.3f, box_h = font + 2 * pad, gap = font * 0.3f;
    const float side = c.size;
    for (int which = 0; which < 2; ++which) {
        std::vector<Placed>& group = which == 0 ? left : right;
        sort_stably(group, [](const Placed& a, const Placed& b) { return a.anchor.y < b.anchor.y; });
        // Stack from the anchors' heights downwards without overlap, then pull up if past the bottom.
        float next = font * 1.8f;  // below the side marker
        for (Placed& g : group) {
            // Above its anchor where there is room, else below, so the box never hides what it names.
            const float anchor_y = c.pt(g.anchor).y - c.origin.y;
            const float above = anchor_y - box_h - font * 1.2f;
            g.y = std::max(above >= next ? above : anchor_y + font * 1.2f, next);
            next = g.y + box_h + gap;
        }
        float limit = side - gap;
        for (auto it = group.rbegin(); it != group.rend(); ++it) {
            it->y = std::min(it->y, limit - box_h);
            limit = it->y - gap;
        }
        for (const Placed& g : group) {
            const ImVec2 text_size = ImGui::GetFont()->CalcTextSizeA(font, side * 0.45f, 0, g.text->c_str());
            const float box_w = text_size.x + 2 * pad;
            const float x0 = which == 0 ? c.origin.x + gap : c.origin.x + side - gap - box_w;
            const ImVec2 b0(x0, c.origin.y + g.y), b1(x0 + box_w, c.origin.y + g.y + box_h);
            const ImVec2 from(which == 0 ? b1.x : b0.x, (b0.y + b1.y) * 0.5f);
            const ImVec2 to = c.pt(g.anchor);
            const float line = std::max(1.0f, font * 0.09f);
            c.draw->AddLine(from, to, IM_COL32(0, 0, 0, 200), line * 2.6f);
            c.draw->AddLine(from, to, IM_COL32(255, 225, 77, 255), line);
            c.draw->AddCircleFilled(to, line * 2.2f, IM_COL32(0, 0, 0, 220), 12);
            c.draw->AddCircleFilled(to, line * 1.4f, IM_COL32(255, 225, 77, 255), 12);
            c.draw->AddRectFilled(b0, b1, IM_COL32(0, 0, 0, 190), pad);
            c.draw->AddRect(b0, b1, IM_COL32(255, 225, 77, 255), pad, 0, std::max(1.0f, line * 0.8f));
            c.draw->AddText(nullptr, font, ImVec2(b0.x + pad, b0.y + pad), IM_COL32(255, 240, 160, 255), g.text->c_str());
        }
    }
}

}  // namespace

std::vector<LegendEntry> legend_of(const Picture& p) {
    std::vector<LegendEntry> out;
    switch (p.kind) {
    case PictureKind::chest_xray:
        out.push_back({grey(0.92f), Swatch::square, "white: dense (fluid, blood, bone)"});
        out.push_back({grey(0.08f), Swatch::square, "black: air"});
        if (std::any_of(p.features.begin(), p.features.end(), [](const PictureFeature& f) { return f.cavitated; }))
            out.push_back({grey(0.85f), Swatch::ring, "cavity: air inside a nodule"});
        out.push_back({grey(0.92f), Swatch::square, "R: patient's right"});
        break;
    case PictureKind::ct_axial:
        if (has_appearance(p, Appearance::ground_glass)) out.push_back({grey(0.45f), Swatch::square, "ground glass: hazy, vessels seen"});
        if (has_appearance(p, Appearance::crazy_paving)) out.push_back({grey(0.6f), Swatch::square, "crazy paving: haze + septal lines"});
        if (has_appearance(p, Appearance::consolidation)) out.push_back({grey(0.75f), Swatch::square, "consolidation: vessels hidden"});
        out.push_back({grey(0.5f), Swatch::disc, "vessel"});
        out.push_back({grey(0.92f), Swatch::square, "R: patient's right, seen from the feet"});
        break;
    case PictureKind::histology:
        out.push_back({rgba(0xe3a3bf), Swatch::square, "alveolar wall"});
        out.push_back({rgba(0xf8eef3), Swatch::square, "air space"});
        if (has(p, FeatureType::alveolar_blood)) out.push_back({rgba(0xc9283c), Swatch::disc, "red cells"});
        if (has(p, FeatureType::capillaritis)) {
            out.push_back({rgba(0x4a2a72), Swatch::disc, "neutrophils"});
            out.push_back({rgba(0xe2488c), Swatch::square, "fibrinoid necrosis"});
            out.push_back({rgba(0x2d1640), Swatch::disc, "nuclear debris"});
        }
        if (has(p, FeatureType::hemosiderin_macrophages)) out.push_back({rgba(0x9a5a14), Swatch::disc, "hemosiderin in macrophages"});
        break;
    case PictureKind::immunofluorescence:
        out.push_back({rgba(0x70ff90), Swatch::square, "IgG (green)"});
        out.push_back({rgba(0x2a6a3a), Swatch::square, "faint: background only"});
        break;
    case PictureKind::urine_microscopy:
        if (has(p, FeatureType::isomorphic_rbcs)) out.push_back({rgba(0xe2a0a0), Swatch::disc, "red cell"});
        if (has(p, FeatureType::dysmorphic_rbcs)) out.push_back({rgba(0xe2a0a0), Swatch::ring, "dysmorphic red cell"});
        if (has(p, FeatureType::rbc_casts)) out.push_back({rgba(0xe6d8b8), Swatch::square, "red-cell cast"});
        break;
    case PictureKind::bal_tubes:
        out.push_back({rgba(0xc04040), Swatch::square, "tubes numbered in the order returned"});
        break;
    }
    return out;
}

float picture_height(const Picture& p, float width, const DrawOptions& o) {
    if (!o.legend) return width;
    return width + layout_legend(legend_of(p), width, font_of(o, width), [](const LegendEntry&, float, float) {});
}

float draw_picture(ImDrawList* draw, const Picture& p, ImVec2 pos, float width, const DrawOptions& o) {
    Canvas c;
    c.draw = draw;
    c.origin = pos;
    c.size = width;
    draw->PushClipRect(pos, ImVec2(pos.x + width, pos.y + width), true);
    switch (p.kind) {
    case PictureKind::chest_xray: draw_chest_xray(c, p); break;
    case PictureKind::ct_axial: draw_ct_axial(c, p); break;
    case PictureKind::histology: draw_histology(c, p); break;
    case PictureKind::immunofluorescence: draw_immunofluorescence(c, p); break;
    case PictureKind::urine_microscopy: draw_urine_microscopy(c, p); break;
    case PictureKind::bal_tubes: draw_bal_tubes(c, p); break;
    }
    const float font = font_of(o, width);
    if (o.labels) draw_labels(c, p, font);
    draw->PopClipRect();
    if (!o.legend) return width;
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    const float h = layout_legend(legend_of(p), width, font, [&](const LegendEntry& e, float x, float y) {
        const float s = font * 0.8f;
        const ImVec2 a(pos.x + x, pos.y + width + y + (font - s) * 0.5f), b(a.x + s, a.y + s);
        const ImVec2 centre((a.x + b.x) / 2, (a.y + b.y) / 2);
        const ImU32 outline = ImGui::GetColorU32(ImGuiCol_TextDisabled);
        if (e.shape == Swatch::square) {
            draw->AddRectFilled(a, b, e.colour);
            draw->AddRect(a, b, outline);
        } else if (e.shape == Swatch::disc) {
            draw->AddCircleFilled(centre, s / 2, e.colour, 16);
            draw->AddCircle(centre, s / 2, outline, 16);
        } else {
            draw->AddCircle(centre, s * 0.4f, e.colour, 16, std::max(1.5f, s * 0.18f));
        }
        draw->AddText(nullptr, font, ImVec2(b.x + font * 0.4f, pos.y + width + y), text, e.text.c_str());
    });
    return width + h;
}

}  // namespace dah::pictures
