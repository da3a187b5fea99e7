// Microscopy: lung histology (H&E high-power field), immunofluorescence for IgG, urine sediment.
#include <algorithm>

#include "pictures/canvas.hpp"

namespace dah::pictures {

namespace {

// H&E colours.
constexpr int eosin = 0xe3a3bf, space = 0xf8eef3, wall_line = 0xc97ea2, nucleus = 0x4a2a72, rbc = 0xc9283c;
constexpr int rbc_pale = 0xe0606e, fibrinoid = 0xe2488c, debris = 0x2d1640, macrophage = 0xdcc0a0;
constexpr int hemosiderin = 0x9a5a14, hemosiderin_light = 0xc88a2a;

struct Alveolus {
    ImVec2 centre;
    float radius;
    std::vector<ImVec2> outline;
};

// A jittered grid of alveoli; the pink between them is the alveolar wall.
std::vector<Alveolus> alveoli(std::uint32_t seed) {
    Rng rng(seed * 31u + 5u);
    std::vector<Alveolus> out;
    const int n = 5;
    const float cell = 1.0f / n;
    for (int gy = 0; gy < n; ++gy) {
        for (int gx = 0; gx < n; ++gx) {
            Alveolus a;
            a.centre = ImVec2((static_cast<float>(gx) + 0.5f) * cell + rng.range(-0.02f, 0.02f), (static_cast<float>(gy) + 0.5f) * cell + rng.range(-0.02f, 0.02f));
            a.radius = cell * rng.range(0.38f, 0.44f);
            const int k = 9;
            for (int i = 0; i < k; ++i) {
                const float t = 6.2831853f * (static_cast<float>(i) + rng.range(-0.2f, 0.2f)) / k;
                const float r = a.radius * rng.range(0.9f, 1.06f);
                a.outline.emplace_back(a.centre.x + r * std::cos(t), a.centre.y + r * std::sin(t));
            }
            out.push_back(std::move(a));
        }
    }
    return out;
}

// Points in the walls: midway between neighbouring alveoli.
std::vector<ImVec2> wall_points(const std::vector<Alveolus>& as) {
    std::vector<ImVec2> out;
    for (std::size_t i = 0; i < as.size(); ++i) {
        for (std::size_t j = i + 1; j < as.size(); ++j) {
            const float dx = as[j].centre.x - as[i].centre.x, dy = as[j].centre.y - as[i].centre.y;
            if (dx * dx + dy * dy > 0.06f) continue;
            out.emplace_back((as[i].centre.x + as[j].centre.x) / 2, (as[i].centre.y + as[j].centre.y) / 2);
        }
    }
    return out;
}

// Hundreds per field: few segments, and no fringe on the pale centre, to stay within WebGL's vertex budget.
void red_cell(Canvas& c, ImVec2 p, float r) {
    c.draw->AddCircleFilled(c.pt(p), c.px(r), rgba(rbc, 0.9f), std::min(Canvas::segments(c.px(r)), 12));
    c.soft_circle(p, r * 0.45f, rgba(rbc_pale, 0.9f));  // the pale centre of a biconcave disc
}

const PictureFeature* find(const Picture& p, FeatureType t, std::size_t* index = nullptr) {
    for (std::size_t i = 0; i < p.features.size(); ++i)
        if (p.features[i].type == t) {
            if (index) *index = i;
            return &p.features[i];
        }
    return nullptr;
}

}  // namespace

void draw_histology(Canvas& c, const Picture& p) {
    c.draw->AddRectFilled(c.pt(0, 0), c.pt(1, 1), rgba(eosin));
    const std::vector<Alveolus> as = alveoli(p.seed);
    const std::vector<ImVec2> walls = wall_points(as);
    std::size_t cap_index = 0;
    const PictureFeature* cap = find(p, FeatureType::capillaritis, &cap_index);
    const float severity = cap ? static_cast<float>(cap->density) : 0.0f;
    if (cap) {
        // Inflamed walls are thickened and more cellular.
        for (ImVec2 w : walls) c.circle(w, 0.035f + 0.02f * severity, rgba(0xd58fb2));
    }
    for (const Alveolus& a : as) {
        c.polygon(a.outline, rgba(space));
        c.polyline(a.outline, rgba(wall_line, 0.9f), 0.004f, true);
    }
    // Wall nuclei: flat pneumocytes and endothelium lining intact walls.
    Rng rng(p.seed * 13u + 3u);
    for (const Alveolus& a : as) {
        for (int k = 0; k < 3; ++k) {
            const ImVec2 q = a.outline[static_cast<std::size_t>(rng.next() % a.outline.size())];
            c.ellipse(q, 0.011f, 0.005f, rng.range(0.0f, 3.14f), rgba(nucleus, 0.85f));
        }
    }
    for (std::size_t i = 0; i < p.features.size(); ++i) {
        const PictureFeature& f = p.features[i];
        Rng fr = feature_rng(p, i);
        if (f.type == FeatureType::alveolar_blood) {
            bool anchored = false;
            for (const Alveolus& a : as) {
                if (fr.unit() >= f.density) continue;
                c.polygon(a.outline, rgba(0xefb3b8));
                for (int k = 0; k < 45; ++k) {
                    const float t = fr.range(0, 6.2831853f), r = a.radius * 0.85f * std::sqrt(fr.unit());
                    red_cell(c, ImVec2(a.centre.x + r * std::cos(t), a.centre.y + r * std::sin(t)), 0.0085f);
                }
                if (!anchored) c.anchors.push_back({i, a.centre});
                anchored = true;
            }
        } else if (f.type == FeatureType::hemosiderin_macrophages) {
            for (int m = 0; m < f.count; ++m) {
                const Alveolus& a = as[static_cast<std::size_t>(fr.next() % as.size())];
                const ImVec2 q(a.centre.x + fr.range(-0.4f, 0.4f) * a.radius, a.centre.y + fr.range(-0.4f, 0.4f) * a.radius);
                c.ellipse(q, 0.03f, 0.026f, fr.range(0, 3.14f), rgba(macrophage));
                c.ellipse(ImVec2(q.x - 0.012f, q.y + 0.006f), 0.009f, 0.007f, 0.4f, rgba(nucleus, 0.9f));
                for (int g = 0; g < 14; ++g) {
                    const float t = fr.range(0, 6.2831853f), r = 0.022f * std::sqrt(fr.unit());
                    c.circle(ImVec2(q.x + 0.004f + r * std::cos(t), q.y + r * std::sin(t)), fr.range(0.0025f, 0.0045f),
                             rgba(g % 3 == 0 ? hemosiderin_light : hemosiderin));
                }
                if (m == 0) c.anchors.push_back({i, q});
            }
        }
    }
    if (cap) {
        Rng cr = feature_rng(p, cap_index);
        // Fibrinoid necrosis: bright smudged pink along some walls.
        const int necrotic = 2 + static_cast<int>(6 * severity);
        for (int k = 0; k < necrotic && !walls.empty(); ++k) {
            const ImVec2 w = walls[cr.next() % walls.size()];
            c.ellipse(w, 0.04f, 0.016f, cr.range(0, 3.14f), rgba(fibrinoid, 0.75f));
        }
        // Neutrophils in the walls: small cells with a nucleus of three lobes.
        const int neutrophils = 25 + static_cast<int>(70 * severity);
        ImVec2 anchor = walls.empty() ? ImVec2(0.5f, 0.5f) : walls[0];
        for (int k = 0; k < neutrophils && !walls.empty(); ++k) {
            const ImVec2 w = walls[cr.next() % walls.size()];
            const ImVec2 q(w.x + cr.range(-0.025f, 0.025f), w.y + cr.range(-0.025f, 0.025f));
            c.circle(q, 0.011f, rgba(0xf3d6e4, 0.9f));
            const float turn = cr.range(0, 6.28f);
            for (int lobe = 0; lobe < 3; ++lobe) {
                const float t = turn + 2.1f * static_cast<float>(lobe);
                c.circle(ImVec2(q.x + 0.0055f * std::cos(t), q.y + 0.0055f * std::sin(t)), 0.0042f, rgba(nucleus));
            }
            if (k == 0) anchor = q;
        }
        // Nuclear debris (karyorrhexis): dark dust.
        const int dust = 40 + static_cast<int>(120 * severity);
        for (int k = 0; k < dust && !walls.empty(); ++k) {
            const ImVec2 w = walls[cr.next() % walls.size()];
            c.circle(ImVec2(w.x + cr.range(-0.035f, 0.035f), w.y + cr.range(-0.035f, 0.035f)), cr.range(0.0015f, 0.003f),
                     rgba(debris, 0.9f));
        }
        c.anchors.push_back({cap_index, anchor});
    }
}

void draw_immunofluorescence(Canvas& c, const Picture& p) {
    c.draw->AddRectFilled(c.pt(0, 0), c.pt(1, 1), grey(0.0f));
    std::size_t linear_index = 0, granular_index = 0;
    const PictureFeature* linear = find(p, FeatureType::linear_igg, &linear_index);
    const PictureFeature* granular = find(p, FeatureType::granular_deposits, &granular_index);
    // Basement membranes: capillary loops of a glomerulus, or alveolar walls.
    std::vector<std::vector<ImVec2>> membranes;
    Rng rng(p.seed * 101u + 7u);
    if (p.tissue == Tissue::kidney) {
        c.ring(ImVec2(0.5f, 0.5f), 0.42f, rgba(0x30ff60, 0.12f), 0.006f);  // Bowman's capsule, faint
        for (int i = 0; i < 13; ++i) {
            const float t = 6.2831853f * static_cast<float>(i) / 13.0f + rng.range(-0.15f, 0.15f);
            const float r = i < 4 ? rng.range(0.05f, 0.13f) : rng.range(0.2f, 0.29f);
            const ImVec2 q(0.5f + r * std::cos(t), 0.5f + r * std::sin(t));
            membranes.push_back(ellipse_points(q, rng.range(0.055f, 0.08f), rng.range(0.045f, 0.07f), rng.range(0, 3.14f), 28));
        }
    } else {
        for (const Alveolus& a : alveoli(p.seed)) membranes.push_back(a.outline);
    }
    // Background autofluorescence, so a negative (pauci-immune) field still shows the tissue faintly.
    for (const auto& m : membranes) c.polyline(m, rgba(0x30ff60, 0.1f), 0.006f, true);
    if (linear) {
        const float a = 0.45f + 0.55f * static_cast<float>(linear->density);
        for (const auto& m : membranes) {
            c.polyline(m, rgba(0x40ff70, a * 0.25f), 0.016f, true);  // glow
            c.polyline(m, rgba(0x70ff90, a), 0.0055f, true);         // the smooth ribbon
        }
        c.anchors.push_back({linear_index, membranes[0][0]});
    }
    if (granular) {
        Rng gr = feature_rng(p, granular_index);
        const float a = 0.45f + 0.55f * static_cast<float>(granular->density);
        for (const auto& m : membranes) {
            for (std::size_t k = 0; k < m.size(); k += 2)
                c.circle(ImVec2(m[k].x + gr.range(-0.006f, 0.006f), m[k].y + gr.range(-0.006f, 0.006f)), gr.range(0.005f, 0.011f),
                         rgba(0x70ff90, a * gr.range(0.6f, 1.0f)));
        }
        c.anchors.push_back({granular_index, membranes[membranes.size() / 2][0]});
    }
}

void draw_urine_microscopy(Canvas& c, const Picture& p) {
    c.draw->AddRectFilled(c.pt(0, 0), c.pt(1, 1), rgba(0xefeadb));
    c.ring(ImVec2(0.5f, 0.5f), 0.62f, rgba(0xc8c0a8, 0.5f), 0.25f);  // the edge of the field darkens
    std::vector<std::pair<ImVec2, float>> taken;  // keeps objects from piling up
    auto free_spot = [&](Rng& rng, float r) {
        ImVec2 q(0.5f, 0.5f);
        for (int attempt = 0; attempt < 60; ++attempt) {
            q = ImVec2(rng.range(0.08f, 0.92f), rng.range(0.08f, 0.92f));
            const bool clear = std::none_of(taken.begin(), taken.end(), [&](const auto& t) {
                const float dx = t.first.x - q.x, dy = t.first.y - q.y;
                return dx * dx + dy * dy < (t.second + r) * (t.second + r);
            });
            if (clear) break;
        }
        taken.emplace_back(q, r);
        return q;
    };
    const ImU32 cell = rgba(0xe2a0a0), centre = rgba(0xf0cccc), rim = rgba(0xa85858);
    for (std::size_t i = 0; i < p.features.size(); ++i) {
        const PictureFeature& f = p.features[i];
        Rng rng = feature_rng(p, i);
        for (int n = 0; n < f.count; ++n) {
            if (f.type == FeatureType::rbc_casts) {
                // A cylinder of protein matrix moulded in a tubule, packed with red cells.
                const ImVec2 q = free_spot(rng, 0.15f);
                const float ang = rng.range(-0.8f, 0.8f), len = 0.13f, half = 0.035f;
                const ImVec2 ax(std::cos(ang), std::sin(ang)), ay(-std::sin(ang), std::cos(ang));
                std::vector<ImVec2> body;
                for (int k = 0; k <= 10; ++k) {
                    const float t = -1.5708f + 3.14159f * static_cast<float>(k) / 10.0f;
                    body.emplace_back(q.x + ax.x * (len + half * std::cos(t)) + ay.x * half * std::sin(t),
                                      q.y + ax.y * (len + half * std::cos(t)) + ay.y * half * std::sin(t));
                }
                for (int k = 0; k <= 10; ++k) {
                    const float t = 1.5708f + 3.14159f * static_cast<float>(k) / 10.0f;
                    body.emplace_back(q.x + ax.x * (-len + half * std::cos(t)) + ay.x * half * std::sin(t),
                                      q.y + ax.y * (-len + half * std::cos(t)) + ay.y * half * std::sin(t));
                }
                c.polygon(body, rgba(0xe6d8b8));
                c.polyline(body, rgba(0x9c8a60), 0.003f, true);
                for (int k = 0; k < 16; ++k) {
                    const float u = rng.range(-len, len), v = rng.range(-0.6f, 0.6f) * half;
                    const ImVec2 r(q.x + ax.x * u + ay.x * v, q.y + ax.y * u + ay.y * v);
                    c.circle(r, 0.012f, cell);
                    c.ring(r, 0.012f, rim, 0.002f);
                }
                if (n == 0) c.anchors.push_back({i, q});
            } else if (f.type == FeatureType::dysmorphic_rbcs) {
                // Irregular cells with blebs (acanthocytes): bumps on a ring.
                const ImVec2 q = free_spot(rng, 0.025f);
                const int blebs = 3 + static_cast<int>(rng.next() % 3);
                c.circle(q, 0.017f, cell);
                for (int b = 0; b < blebs; ++b) {
                    const float t = rng.range(0, 6.28f);
                    const ImVec2 e(q.x + 0.018f * std::cos(t), q.y + 0.018f * std::sin(t));
                    c.circle(e, 0.006f, cell);
                    c.ring(e, 0.006f, rim, 0.0018f);
                }
                c.ring(q, 0.017f, rim, 0.002f);
                c.circle(ImVec2(q.x + 0.003f, q.y - 0.002f), 0.006f, centre);
                if (n == 0) c.anchors.push_back({i, q});
            } else if (f.type == FeatureType::isomorphic_rbcs) {
                const ImVec2 q = free_spot(rng, 0.022f);
                c.circle(q, 0.02f, cell);
                c.circle(q, 0.009f, centre);
                c.ring(q, 0.02f, rim, 0.002f);
                if (n == 0) c.anchors.push_back({i, q});
            }
        }
    }
}

void draw_bal_tubes(Canvas& c, const Picture& p) {
    c.draw->AddRectFilled(c.pt(0, 0), c.pt(1, 1), rgba(0xf2f2f0));
    std::vector<std::size_t> tubes;
    for (std::size_t i = 0; i < p.features.size(); ++i)
        if (p.features[i].type == FeatureType::aliquot) tubes.push_back(i);
    const float n = static_cast<float>(std::max<std::size_t>(tubes.size(), 1));
    const float pitch = 0.84f / n, w = std::min(0.11f, pitch * 0.55f);
    for (std::size_t k = 0; k < tubes.size(); ++k) {
        const PictureFeature& f = p.features[tubes[k]];
        const float cx = 0.08f + pitch * (static_cast<float>(k) + 0.5f);
        const float top = 0.14f, bottom = 0.78f, fluid = 0.34f;
        // Saline through pink to red: the colour runs from straw-clear to deep red with the blood.
        const float b = static_cast<float>(f.density);
        const int r = static_cast<int>(246 - 110 * b), g = static_cast<int>(236 - 226 * b), bl = static_cast<int>(216 - 200 * b);
        const ImU32 liquid = IM_COL32(r, g, bl, 235);
        c.draw->AddRectFilled(c.pt(cx - w / 2, fluid), c.pt(cx + w / 2, bottom - w / 2), liquid);
        c.circle(ImVec2(cx, bottom - w / 2), w / 2, liquid);
        c.ellipse(ImVec2(cx, fluid), w / 2, 0.008f, 0, IM_COL32(std::min(255, r + 20), std::min(255, g + 20), std::min(255, bl + 20), 235));
        // The glass: walls, a rounded bottom, a rim.
        const ImU32 glass = rgba(0x606870);
        c.line(ImVec2(cx - w / 2, top), ImVec2(cx - w / 2, bottom - w / 2), glass, 0.004f);
        c.line(ImVec2(cx + w / 2, top), ImVec2(cx + w / 2, bottom - w / 2), glass, 0.004f);
        c.draw->PathArcTo(c.pt(cx, bottom - w / 2), c.px(w / 2), 0.0f, 3.14159f, 16);
        c.draw->PathStroke(glass, ImDrawFlags_None, c.stroke(0.004f));
        c.ellipse_outline(ImVec2(cx, top), w / 2 + 0.006f, 0.01f, 0, glass, 0.004f);
        c.line(ImVec2(cx - w / 2 + 0.012f, top + 0.03f), ImVec2(cx - w / 2 + 0.012f, bottom - w), rgba(0xffffff, 0.6f), 0.006f);
        const std::string number = std::to_string(k + 1);
        const float font = c.px(0.06f);
        const ImVec2 text = ImGui::GetFont()->CalcTextSizeA(font, 1e9f, 0, number.c_str());
        c.draw->AddText(nullptr, font, ImVec2(c.pt(cx, 0).x - text.x / 2, c.pt(0, 0.84f).y), rgba(0x202020), number.c_str());
        c.anchors.push_back({tubes[k], ImVec2(cx, (fluid + bottom) / 2)});
    }
}

}  // namespace dah::pictures
