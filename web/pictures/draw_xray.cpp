// Chest X-ray, frontal: soft tissue, lungs, ribs and clavicles, diaphragm, mediastinum and heart, then
// the features. As on a real film the patient's right is on the image left, and denser is whiter.
#include <algorithm>

#include "pictures/canvas.hpp"

namespace dah::pictures {

namespace {

constexpr float lung_top = 0.10f, lung_bottom = 0.80f;

struct Lung {
    std::vector<ImVec2> outline;  // convex
    std::vector<ImVec2> lateral;  // the chest-wall border, apex to costophrenic angle
    ImVec2 hilum;
    bool image_left = true;  // the patient's right lung
};

ImVec2 mirrored(ImVec2 p) { return ImVec2(1.0f - p.x, p.y); }

constexpr float right_dome_top = 0.66f, left_dome_top = 0.69f;

// A hemidiaphragm of the patient's right (image left), lateral to medial; steep at the costophrenic
// angle, flat near the midline, so the region under it is convex.
std::vector<ImVec2> dome_curve(float top) {
    return {{0.10f, 0.84f}, {0.12f, 0.79f}, {0.15f, top + 0.085f}, {0.19f, top + 0.045f}, {0.24f, top + 0.018f},
            {0.30f, top + 0.003f}, {0.36f, top}, {0.42f, top + 0.008f}, {0.47f, top + 0.025f}, {0.50f, top + 0.04f}};
}

Lung make_lung(bool patient_right) {
    // Drawn as the patient's right (image left) and mirrored for the left.
    const std::vector<ImVec2> lateral = {{0.34f, 0.10f}, {0.26f, 0.12f}, {0.19f, 0.20f}, {0.15f, 0.32f},
                                         {0.13f, 0.46f}, {0.12f, 0.62f}, {0.12f, 0.80f}};
    const std::vector<ImVec2> medial = {{0.46f, 0.80f}, {0.47f, 0.55f}, {0.465f, 0.30f}, {0.43f, 0.14f}};
    Lung l;
    l.image_left = patient_right;
    for (ImVec2 p : lateral) l.lateral.push_back(patient_right ? p : mirrored(p));
    l.outline = l.lateral;
    for (ImVec2 p : medial) l.outline.push_back(patient_right ? p : mirrored(p));
    l.hilum = patient_right ? ImVec2(0.40f, 0.42f) : ImVec2(0.60f, 0.42f);
    return l;
}

float distance_to_chain(const std::vector<ImVec2>& chain, ImVec2 p) {
    float best = 1e9f;
    for (std::size_t i = 1; i < chain.size(); ++i) {
        const ImVec2 a = chain[i - 1], b = chain[i];
        const float dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
        const float t = std::clamp(len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0.0f, 0.0f, 1.0f);
        const float ex = a.x + t * dx - p.x, ey = a.y + t * dy - p.y;
        best = std::min(best, std::sqrt(ex * ex + ey * ey));
    }
    return best;
}

bool in_zone(Zone z, float y) {
    const float h = (lung_bottom - lung_top) / 3;
    switch (z) {
    case Zone::upper: return y < lung_top + h;
    case Zone::middle: return y >= lung_top + h && y < lung_top + 2 * h;
    case Zone::lower: return y >= lung_top + 2 * h;
    default: return true;
    }
}

float zone_centre_y(Zone z) {
    const float h = (lung_bottom - lung_top) / 3;
    return z == Zone::upper ? lung_top + 0.6f * h : z == Zone::middle ? lung_top + 1.5f * h : z == Zone::lower ? lung_top + 2.4f * h : 0.45f;
}

bool lung_on_side(const Lung& l, Side s) { return s == Side::both || (s == Side::right) == l.image_left; }

struct Sparing {
    bool peripheral = false, apical = false;
};

// How likely an opacity is at p for each pattern (0..1); perihilar spreads from the hilum as a bat wing.
float pattern_weight(OpacityPattern pattern, const Lung& l, ImVec2 p, const std::vector<ImVec2>& patches) {
    switch (pattern) {
    case OpacityPattern::perihilar: {
        const float dx = (p.x - l.hilum.x) / 0.16f, dy = (p.y - l.hilum.y) / 0.24f;
        return std::exp(-(dx * dx + dy * dy));
    }
    case OpacityPattern::patchy: return patch_weight(patches, p, 0.06f, 0.07f);
    case OpacityPattern::lower_zone: {
        const float t = std::clamp((p.y - 0.35f) / 0.42f, 0.0f, 1.0f);
        return t * t;
    }
    default: return 0.85f;
    }
}

void draw_opacity(Canvas& c, const Picture& pic, std::size_t index, const std::vector<Lung>& lungs, const Sparing& sparing) {
    const PictureFeature& f = pic.features[index];
    Rng rng = feature_rng(pic, index);
    // Many large faint blobs add up to a haze whose brightness follows the density.
    const float alpha = 0.03f + 0.07f * static_cast<float>(f.density);
    const int blobs = 260 + static_cast<int>(560 * f.density);
    ImVec2 anchor_sum(0, 0);
    int anchor_n = 0;
    for (const Lung& l : lungs) {
        if (!lung_on_side(l, f.side)) continue;
        std::vector<ImVec2> patches;
        for (int i = 0; i < 4; ++i) {
            const float x = l.image_left ? rng.range(0.17f, 0.42f) : rng.range(0.58f, 0.83f);
            patches.emplace_back(x, rng.range(0.25f, 0.72f));
        }
        int placed = 0;
        for (int attempt = 0; attempt < blobs * 12 && placed < blobs; ++attempt) {
            const ImVec2 p(l.image_left ? rng.range(0.11f, 0.48f) : rng.range(0.52f, 0.89f), rng.range(lung_top, lung_bottom));
            const float chance = rng.unit();
            if (!inside(l.outline, p) || !in_zone(f.zone, p.y)) continue;
            if (sparing.peripheral && distance_to_chain(l.lateral, p) < 0.065f) continue;
            if (sparing.apical && p.y < 0.25f) continue;
            if (chance > pattern_weight(f.pattern, l, p, patches)) continue;
            const float r = std::min(rng.range(0.018f, 0.045f), distance_to_edge(l.outline, p) + 0.004f);
            c.soft_circle(p, r, grey(0.95f, alpha));
            ++placed;
            if (anchor_n == 0 || (l.image_left == lungs.front().image_left)) {
                anchor_sum.x += p.x;
                anchor_sum.y += p.y;
                ++anchor_n;
            }
        }
    }
    if (anchor_n > 0) c.anchors.push_back({index, ImVec2(anchor_sum.x / static_cast<float>(anchor_n), anchor_sum.y / static_cast<float>(anchor_n))});
}

void draw_nodules(Canvas& c, const Picture& pic, std::size_t index, const std::vector<Lung>& lungs) {
    const PictureFeature& f = pic.features[index];
    Rng rng = feature_rng(pic, index);
    const float mm = 0.76f / 300.0f;  // the thorax is about 30 cm across
    const float r = static_cast<float>(f.size_mm) * mm * 0.5f;
    for (int n = 0; n < f.count; ++n) {
        const Lung* lung = &lungs[0];
        if (f.side == Side::left || (f.side == Side::both && n % 2 == 1)) lung = &lungs[1];
        ImVec2 p = lung->hilum;
        for (int attempt = 0; attempt < 200; ++attempt) {
            const ImVec2 q(lung->image_left ? rng.range(0.14f, 0.44f) : rng.range(0.56f, 0.86f),
                           f.zone == Zone::all ? rng.range(0.2f, 0.72f) : zone_centre_y(f.zone) + rng.range(-0.07f, 0.07f));
            if (inside(lung->outline, q) && distance_to_edge(lung->outline, q) > r * 0.8f) {
                p = q;
                break;
            }
        }
        c.circle(p, r, grey(0.78f, 0.92f));
        if (f.cavitated) {
            // A thick wall around air; the lucency sits a little off centre, as cavities often do.
            c.circle(ImVec2(p.x + r * 0.08f, p.y - r * 0.1f), r * 0.55f, grey(0.08f, 0.95f));
            c.ring(p, r, grey(0.9f, 0.9f), 0.003f);
        }
        if (n == 0) c.anchors.push_back({index, p});
    }
}

void draw_effusion(Canvas& c, const Picture& pic, std::size_t index, const std::vector<Lung>& lungs) {
    const PictureFeature& f = pic.features[index];
    const float h = f.amount == Amount::small ? 0.07f : f.amount == Amount::moderate ? 0.18f : 0.34f;
    for (const Lung& l : lungs) {
        if (!lung_on_side(l, f.side)) continue;
        // Fluid fills the costophrenic angle and climbs the lateral wall (a meniscus), hiding the dome.
        const float top = l.image_left ? right_dome_top : left_dome_top;
        const std::vector<ImVec2> dome = dome_curve(top);
        const float level = std::min(0.79f - h, top + 0.02f - h * 0.4f);
        const float reach = 0.16f + 0.9f * h;  // how far medially the fluid runs
        std::vector<ImVec2> poly = {{0.10f, 0.86f}, {0.105f, level}};
        for (int k = 1; k <= 4; ++k) {
            const float t = static_cast<float>(k) / 4.0f;
            const float xk = 0.105f + (reach - 0.105f) * t;
            std::size_t j = 0;
            while (j + 1 < dome.size() && dome[j + 1].x < xk) ++j;
            const float dome_y = dome[j].y;
            poly.emplace_back(xk, level + (dome_y - level) * t * t);
        }
        if (!l.image_left) {
            for (ImVec2& q : poly) q = mirrored(q);
            std::reverse(poly.begin(), poly.end());  // keep the winding, so the edge stays smooth
        }
        c.polygon(poly, grey(0.6f));
        auto x = [&](float u) { return l.image_left ? u : 1.0f - u; };
        if (l.image_left == (f.side != Side::left)) c.anchors.push_back({index, ImVec2(x(0.125f), level + 0.035f)});
    }
}

void draw_septal_lines(Canvas& c, const Picture& pic, std::size_t index, const std::vector<Lung>& lungs) {
    const PictureFeature& f = pic.features[index];
    Rng rng = feature_rng(pic, index);
    bool anchored = false;
    for (const Lung& l : lungs) {
        if (!lung_on_side(l, f.side)) continue;
        for (int i = 0; i < 7; ++i) {
            const float y = 0.58f + 0.028f * static_cast<float>(i) + rng.range(-0.006f, 0.006f);
            const float len = rng.range(0.025f, 0.045f);
            const float x0 = l.image_left ? 0.125f : 0.875f;
            const float x1 = l.image_left ? x0 + len : x0 - len;
            c.line(ImVec2(x0, y), ImVec2(x1, y), grey(0.85f, 0.7f), 0.0025f);
        }
        if (!anchored) c.anchors.push_back({index, ImVec2(l.image_left ? 0.15f : 0.85f, 0.66f)});
        anchored = true;
    }
}

}  // namespace

void draw_chest_xray(Canvas& c, const Picture& p) {
    c.draw->AddRectFilled(c.pt(0, 0), c.pt(1, 1), grey(0.02f));
    // Soft tissue of the chest wall, shoulders and neck.
    c.polygon({{0.04f, 1.0f}, {0.03f, 0.30f}, {0.08f, 0.10f}, {0.20f, 0.04f}, {0.80f, 0.04f}, {0.92f, 0.10f},
               {0.97f, 0.30f}, {0.96f, 1.0f}},
              grey(0.30f));
    c.draw->AddRectFilled(c.pt(0.40f, 0.0f), c.pt(0.60f, 0.06f), grey(0.30f));
    const std::vector<Lung> lungs = {make_lung(true), make_lung(false)};
    for (const Lung& l : lungs) c.polygon(l.outline, grey(0.08f));

    Sparing sparing;
    for (const PictureFeature& f : p.features) {
        if (f.type != FeatureType::sparing) continue;
        (f.site == SparingSite::apical ? sparing.apical : sparing.peripheral) = true;
    }
    for (std::size_t i = 0; i < p.features.size(); ++i)
        if (p.features[i].type == FeatureType::opacity) draw_opacity(c, p, i, lungs, sparing);

    // Posterior ribs over the lungs, clavicles on top.
    for (int side = 0; side < 2; ++side) {
        for (int i = 0; i < 9; ++i) {
            const float y = 0.14f + 0.07f * static_cast<float>(i);
            std::vector<ImVec2> rib = {{0.47f, y}, {0.36f, y - 0.025f}, {0.24f, y - 0.005f}, {0.16f, y + 0.035f},
                                       {0.12f, y + 0.085f}};
            if (side == 1)
                for (ImVec2& q : rib) q = mirrored(q);
            c.polyline(rib, grey(0.85f, 0.16f), 0.011f);
        }
        std::vector<ImVec2> clavicle = {{0.46f, 0.16f}, {0.36f, 0.14f}, {0.24f, 0.12f}, {0.12f, 0.10f}};
        if (side == 1)
            for (ImVec2& q : clavicle) q = mirrored(q);
        c.polyline(clavicle, grey(0.75f, 0.8f), 0.016f);
    }
    for (std::size_t i = 0; i < p.features.size(); ++i) {
        if (p.features[i].type == FeatureType::nodule) draw_nodules(c, p, i, lungs);
        if (p.features[i].type == FeatureType::septal_lines) draw_septal_lines(c, p, i, lungs);
    }

    // Diaphragm: under each dome, the right higher than the left; a gastric bubble under the left.
    auto dome = [&](bool right, float top) {
        // The region under a dome is convex: steep at the costophrenic angle, flat near the midline.
        std::vector<ImVec2> poly = dome_curve(top);
        poly.emplace_back(0.50f, 1.0f);
        poly.emplace_back(0.10f, 1.0f);
        if (!right) {
            for (ImVec2& q : poly) q = mirrored(q);
            std::reverse(poly.begin(), poly.end());
        }
        c.polygon(poly, grey(0.6f));
    };
    dome(true, right_dome_top);
    dome(false, left_dome_top);
    c.ellipse(ImVec2(0.64f, 0.78f), 0.05f, 0.03f, 0, grey(0.12f, 0.8f));

    // Mediastinum: spine, trachea, aortic knob, then the heart (its width follows the ratio).
    c.draw->AddRectFilled(c.pt(0.445f, 0.0f), c.pt(0.555f, 1.0f), grey(0.55f));
    c.polygon({{0.43f, 0.14f}, {0.57f, 0.14f}, {0.585f, 0.45f}, {0.415f, 0.45f}}, grey(0.62f));
    c.draw->AddRectFilled(c.pt(0.487f, 0.0f), c.pt(0.513f, 0.31f), grey(0.15f), c.px(0.01f));
    c.polyline({{0.50f, 0.30f}, {0.46f, 0.37f}}, grey(0.15f), 0.018f);
    c.polyline({{0.50f, 0.30f}, {0.545f, 0.36f}}, grey(0.15f), 0.018f);
    c.circle(ImVec2(0.575f, 0.27f), 0.04f, grey(0.65f));
    float ratio = 0.45f;
    std::size_t heart_index = p.features.size();
    for (std::size_t i = 0; i < p.features.size(); ++i)
        if (p.features[i].type == FeatureType::heart) {
            ratio = static_cast<float>(p.features[i].ratio);
            heart_index = i;
        }
    const float width = ratio * 0.78f;  // of the inner thoracic width
    const float left = 0.5f - 0.36f * width, right = 0.5f + 0.64f * width;
    // A lopsided oval resting on the diaphragm, its apex down and to the patient's left.
    c.ellipse(ImVec2((left + right) / 2, 0.60f), (right - left) / 2, 0.13f, 0.28f, grey(0.64f), 40);
    if (heart_index < p.features.size()) c.anchors.push_back({heart_index, ImVec2(right - 0.01f, 0.62f)});

    for (std::size_t i = 0; i < p.features.size(); ++i)
        if (p.features[i].type == FeatureType::effusion) draw_effusion(c, p, i, lungs);
    for (std::size_t i = 0; i < p.features.size(); ++i) {
        if (p.features[i].type != FeatureType::sparing) continue;
        const bool apical = p.features[i].site == SparingSite::apical;
        c.anchors.push_back({i, apical ? ImVec2(0.30f, 0.15f) : ImVec2(0.145f, 0.45f)});
    }
    // The side marker every film carries: the patient's right is on the image left.
    c.draw->AddText(nullptr, c.px(0.06f), c.pt(0.05f, 0.03f), grey(0.92f), "R");
}

}  // namespace dah::pictures
