// CT chest, one axial slice in a lung window, viewed from the feet (the patient's right on the image
// left, anterior at the top): body, lungs with vessels, mediastinum for the level, spine, then features.
#include <algorithm>

#include "pictures/canvas.hpp"

namespace dah::pictures {

namespace {

struct CtLung {
    std::vector<ImVec2> outline;
    ImVec2 centre;
    float rx, ry;
    bool image_left;
};

std::vector<CtLung> make_lungs(CtLevel level) {
    const float rx = level == CtLevel::upper ? 0.14f : level == CtLevel::lower ? 0.15f : 0.16f;
    const float ry = level == CtLevel::upper ? 0.20f : level == CtLevel::lower ? 0.22f : 0.25f;
    std::vector<CtLung> lungs;
    for (int side = 0; side < 2; ++side) {
        CtLung l;
        l.image_left = side == 0;
        l.centre = ImVec2(side == 0 ? 0.30f : 0.70f, level == CtLevel::lower ? 0.53f : 0.50f);
        l.rx = side == 0 ? rx : rx * 0.95f;
        l.ry = ry;
        l.outline = ellipse_points(l.centre, l.rx, l.ry, side == 0 ? 0.12f : -0.12f, 48);
        lungs.push_back(std::move(l));
    }
    return lungs;
}

bool on_side(const CtLung& l, Side s) { return s == Side::both || (s == Side::right) == l.image_left; }

// Central (perihilar), dependent (lower zone: posterior, at the bottom of the image), patchy, diffuse.
float weight(OpacityPattern pattern, const CtLung& l, ImVec2 p, const std::vector<ImVec2>& patches) {
    switch (pattern) {
    case OpacityPattern::perihilar: {
        const float medial = l.image_left ? l.centre.x + l.rx : l.centre.x - l.rx;
        const float dx = (p.x - medial) / 0.14f, dy = (p.y - l.centre.y) / 0.2f;
        return std::exp(-(dx * dx + dy * dy));
    }
    case OpacityPattern::lower_zone: {
        const float t = std::clamp((p.y - (l.centre.y - l.ry * 0.2f)) / (l.ry * 1.2f), 0.0f, 1.0f);
        return t;
    }
    case OpacityPattern::patchy: return patch_weight(patches, p, 0.055f, 0.06f);
    default: return 0.85f;
    }
}

std::vector<ImVec2> hexagon(ImVec2 c, float r, float turn) {
    return ellipse_points(c, r, r, turn, 6);
}

void draw_opacity(Canvas& c, const Picture& pic, std::size_t index, const std::vector<CtLung>& lungs, bool spare_periphery,
                  bool after_vessels) {
    const PictureFeature& f = pic.features[index];
    const bool solid = f.appearance == Appearance::consolidation;
    if (solid != after_vessels) return;  // ground glass lies under the vessels, consolidation hides them
    Rng rng = feature_rng(pic, index);
    const float d = static_cast<float>(f.density);
    const int blobs = 140 + static_cast<int>(360 * d);
    const ImU32 colour = solid ? grey(0.62f, 0.35f + 0.45f * d) : grey(0.62f, 0.06f + 0.12f * d);
    std::vector<ImVec2> centres;
    for (const CtLung& l : lungs) {
        if (!on_side(l, f.side)) continue;
        std::vector<ImVec2> patches;
        for (int i = 0; i < 4; ++i) patches.emplace_back(l.centre.x + rng.range(-0.7f, 0.7f) * l.rx, l.centre.y + rng.range(-0.7f, 0.7f) * l.ry);
        int placed = 0;
        for (int attempt = 0; attempt < blobs * 12 && placed < blobs; ++attempt) {
            const ImVec2 p(l.centre.x + rng.range(-1, 1) * l.rx, l.centre.y + rng.range(-1, 1) * l.ry);
            const float chance = rng.unit();
            if (!inside(l.outline, p)) continue;
            const float edge = distance_to_edge(l.outline, p);
            if (spare_periphery && edge < 0.04f) continue;
            if (chance > weight(f.pattern, l, p, patches)) continue;
            c.soft_circle(p, std::min(rng.range(0.01f, solid ? 0.03f : 0.028f), edge + 0.003f), colour);
            if (placed % 9 == 0) centres.push_back(p);
            ++placed;
        }
    }
    if (f.appearance == Appearance::crazy_paving) {
        // Thickened septa over the ground glass: a polygonal network, like irregular paving stones.
        for (ImVec2 q : centres) c.polyline(hexagon(q, rng.range(0.018f, 0.026f), rng.range(0.0f, 1.0f)), grey(0.7f, 0.55f), 0.0022f, true);
    }
    if (solid) {
        // Air bronchograms: dark branching airways inside the consolidation.
        for (std::size_t i = 0; i < centres.size(); i += 5) {
            const ImVec2 a = centres[i];
            const float ang = rng.range(0.0f, 6.28f);
            const ImVec2 b(a.x + 0.035f * std::cos(ang), a.y + 0.035f * std::sin(ang));
            c.line(a, b, grey(0.05f, 0.9f), 0.004f);
            c.line(b, ImVec2(b.x + 0.02f * std::cos(ang + 0.5f), b.y + 0.02f * std::sin(ang + 0.5f)), grey(0.05f, 0.9f), 0.003f);
        }
    }
    if (!centres.empty()) c.anchors.push_back({index, centres[centres.size() / 2]});
}

void draw_vessels(Canvas& c, const Picture& pic, const std::vector<CtLung>& lungs) {
    Rng rng(pic.seed * 7919u + 17u);
    for (const CtLung& l : lungs) {
        const ImVec2 hilum(l.image_left ? l.centre.x + l.rx * 0.8f : l.centre.x - l.rx * 0.8f, l.centre.y);
        for (int i = 0; i < 7; ++i) {
            const float ang = (l.image_left ? 3.14159f : 0.0f) + rng.range(-1.2f, 1.2f);
            const float len = rng.range(0.06f, 0.12f);
            c.line(hilum, ImVec2(hilum.x + len * std::cos(ang), hilum.y + len * std::sin(ang)), grey(0.5f, 0.8f), 0.006f);
        }
        for (int i = 0; i < 55; ++i) {
            const ImVec2 p(l.centre.x + rng.range(-0.95f, 0.95f) * l.rx, l.centre.y + rng.range(-0.95f, 0.95f) * l.ry);
            if (!inside(l.outline, p)) continue;
            const float central = 1.0f - std::min(1.0f, std::fabs(p.x - hilum.x) / (2 * l.rx));
            c.circle(p, 0.002f + 0.005f * central, grey(0.5f, 0.85f));
        }
    }
}

void draw_mediastinum(Canvas& c, CtLevel level) {
    if (level == CtLevel::upper) {
        c.ellipse(ImVec2(0.53f, 0.44f), 0.08f, 0.035f, 0.5f, grey(0.58f));  // aortic arch
        c.circle(ImVec2(0.45f, 0.38f), 0.025f, grey(0.55f));                // superior vena cava
        c.circle(ImVec2(0.50f, 0.55f), 0.03f, grey(0.02f));                 // trachea
    } else if (level == CtLevel::hilar) {
        c.circle(ImVec2(0.47f, 0.38f), 0.045f, grey(0.58f));  // ascending aorta
        c.circle(ImVec2(0.555f, 0.40f), 0.05f, grey(0.56f));  // pulmonary trunk
        c.circle(ImVec2(0.56f, 0.63f), 0.04f, grey(0.58f));   // descending aorta
        c.circle(ImVec2(0.465f, 0.53f), 0.021f, grey(0.02f)); // main bronchi below the carina
        c.circle(ImVec2(0.53f, 0.535f), 0.019f, grey(0.02f));
    } else {
        c.ellipse(ImVec2(0.55f, 0.42f), 0.15f, 0.12f, -0.3f, grey(0.52f));  // heart
        c.circle(ImVec2(0.56f, 0.68f), 0.035f, grey(0.58f));                // descending aorta
    }
}

}  // namespace

void draw_ct_axial(Canvas& c, const Picture& p) {
    c.draw->AddRectFilled(c.pt(0, 0), c.pt(1, 1), grey(0.0f));
    c.ellipse(ImVec2(0.5f, 0.52f), 0.47f, 0.37f, 0, grey(0.32f), 64);  // skin and fat
    c.ellipse(ImVec2(0.5f, 0.52f), 0.43f, 0.33f, 0, grey(0.42f), 64);  // muscle
    c.ellipse(ImVec2(0.5f, 0.19f), 0.03f, 0.015f, 0, grey(0.9f));      // sternum
    const std::vector<CtLung> lungs = make_lungs(p.level);
    for (const CtLung& l : lungs) c.polygon(l.outline, grey(0.04f));
    // Ribs along the chest wall.
    for (const CtLung& l : lungs) {
        for (int i = 0; i < 6; ++i) {
            const float t = (l.image_left ? 2.2f : -0.85f) + 0.34f * static_cast<float>(i);
            c.ellipse(ImVec2(l.centre.x + (l.rx + 0.028f) * std::cos(t), l.centre.y + (l.ry + 0.025f) * std::sin(t)), 0.014f,
                      0.008f, t, grey(0.88f));
        }
    }

    bool spare = false;
    for (const PictureFeature& f : p.features)
        if (f.type == FeatureType::sparing) spare = true;
    for (std::size_t i = 0; i < p.features.size(); ++i)
        if (p.features[i].type == FeatureType::opacity) draw_opacity(c, p, i, lungs, spare, false);
    draw_vessels(c, p, lungs);
    for (std::size_t i = 0; i < p.features.size(); ++i)
        if (p.features[i].type == FeatureType::opacity) draw_opacity(c, p, i, lungs, spare, true);

    for (std::size_t i = 0; i < p.features.size(); ++i) {
        const PictureFeature& f = p.features[i];
        Rng rng = feature_rng(p, i);
        if (f.type == FeatureType::septal_thickening) {
            bool anchored = false;
            for (const CtLung& l : lungs) {
                if (!on_side(l, f.side)) continue;
                for (std::size_t k = 0; k < l.outline.size(); k += 2) {
                    const ImVec2 a = l.outline[k];
                    const ImVec2 in(l.centre.x - a.x, l.centre.y - a.y);
                    const float len = std::sqrt(in.x * in.x + in.y * in.y);
                    const float s = rng.range(0.02f, 0.04f) / len;
                    c.line(a, ImVec2(a.x + in.x * s, a.y + in.y * s), grey(0.65f, 0.8f), 0.0025f);
                }
                if (!anchored) c.anchors.push_back({i, l.outline[l.image_left ? 24 : 0]});
                anchored = true;
            }
        } else if (f.type == FeatureType::nodule) {
            const float r = static_cast<float>(f.size_mm) * (0.92f / 320.0f) * 0.5f;  // the chest is about 32 cm wide
            for (int n = 0; n < f.count; ++n) {
                const CtLung& l = lungs[(f.side == Side::left || (f.side == Side::both && n % 2 == 1)) ? 1 : 0];
                ImVec2 q = l.centre;
                for (int attempt = 0; attempt < 200; ++attempt) {
                    const ImVec2 t(l.centre.x + rng.range(-0.8f, 0.8f) * l.rx, l.centre.y + rng.range(-0.8f, 0.8f) * l.ry);
                    if (inside(l.outline, t) && distance_to_edge(l.outline, t) > r * 0.9f) {
                        q = t;
                        break;
                    }
                }
                c.circle(q, r, grey(0.68f));
                if (f.cavitated) c.circle(ImVec2(q.x + r * 0.1f, q.y - r * 0.08f), r * 0.55f, grey(0.02f));
                if (n == 0) c.anchors.push_back({i, q});
            }
        } else if (f.type == FeatureType::effusion) {
            const float h = f.amount == Amount::small ? 0.05f : f.amount == Amount::moderate ? 0.11f : 0.2f;
            for (const CtLung& l : lungs) {
                if (!on_side(l, f.side)) continue;
                // Fluid lies dependent: a crescent along the back of the lung.
                std::vector<ImVec2> part;
                const float cut = l.centre.y + l.ry - h;
                for (ImVec2 q : l.outline)
                    if (q.y > cut) part.push_back(q);
                if (part.size() >= 3) c.polygon(part, grey(0.45f));
                if (l.image_left == (f.side != Side::left)) c.anchors.push_back({i, ImVec2(l.centre.x, l.centre.y + l.ry - h * 0.4f)});
            }
        } else if (f.type == FeatureType::sparing) {
            c.anchors.push_back({i, lungs[0].outline[20]});
        }
    }

    draw_mediastinum(c, p.level);
    c.circle(ImVec2(0.5f, 0.80f), 0.055f, grey(0.85f));  // vertebral body
    c.circle(ImVec2(0.5f, 0.875f), 0.02f, grey(0.35f));  // spinal canal
    c.polyline({{0.47f, 0.86f}, {0.45f, 0.90f}}, grey(0.85f), 0.012f);
    c.polyline({{0.53f, 0.86f}, {0.55f, 0.90f}}, grey(0.85f), 0.012f);
    c.draw->AddText(nullptr, c.px(0.055f), c.pt(0.04f, 0.03f), grey(0.92f), "R");
}

}  // namespace dah::pictures
