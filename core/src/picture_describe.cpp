// describe(): the plain-text account of a picture, one sentence per feature in the order given,
// plus what the drawing shows by default (a normal heart, clear lungs, intact alveolar walls).
#include <algorithm>
#include <cstdio>

#include "dah/picture.hpp"

namespace dah {

namespace {

std::string capitalised(std::string s) {
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
}

std::string number(double x, int decimals) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, x);
    return buffer;
}

const char* density_word(double d) { return d < 0.34 ? "faint" : d < 0.67 ? "moderate" : "dense"; }

const char* share_word(double d) { return d < 0.34 ? "some" : d < 0.67 ? "many" : "most"; }

const char* severity_word(double d) { return d < 0.34 ? "mild" : d < 0.67 ? "moderate" : "marked"; }

const char* blood_word(double d) { return d < 0.15 ? "nearly clear" : d < 0.4 ? "pink" : d < 0.7 ? "red" : "deep red"; }

std::string in_lungs(Side s) {
    return s == Side::both ? "in both lungs" : s == Side::left ? "in the left lung" : "in the right lung";
}

std::string zone_phrase(Zone z) {
    switch (z) {
    case Zone::upper: return ", upper zone";
    case Zone::middle: return ", middle zone";
    case Zone::lower: return ", lower zone";
    default: return "";
    }
}

std::string pattern_phrase(OpacityPattern p) {
    switch (p) {
    case OpacityPattern::perihilar: return "perihilar (\"bat-wing\")";
    case OpacityPattern::patchy: return "patchy";
    case OpacityPattern::lower_zone: return "lower-zone";
    default: return "diffuse";
    }
}

std::string appearance_phrase(Appearance a) {
    switch (a) {
    case Appearance::consolidation: return "consolidation";
    case Appearance::crazy_paving: return "crazy paving (ground glass with thickened septa over it)";
    default: return "ground-glass opacity";
    }
}

std::string plural(int n, const std::string& one, const std::string& many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string feature_sentence(const Picture& p, const PictureFeature& f) {
    const bool ct = p.kind == PictureKind::ct_axial;
    switch (f.type) {
    case FeatureType::opacity:
        if (ct) return capitalised(std::string(density_word(f.density)) + " " + pattern_phrase(f.pattern) + " " +
                                   appearance_phrase(f.appearance) + " " + in_lungs(f.side)) + ".";
        return capitalised(std::string(density_word(f.density)) + " " + pattern_phrase(f.pattern) + " air-space opacities " +
                           in_lungs(f.side) + zone_phrase(f.zone)) + ".";
    case FeatureType::nodule: {
        std::string what = f.cavitated ? "cavitating nodule" : "nodule";
        std::string s = f.count == 1 ? "A " + what : std::to_string(f.count) + " " + what + "s";
        s += " of about " + number(f.size_mm, 0) + " mm " + in_lungs(f.side);
        if (!ct) s += zone_phrase(f.zone);
        return s + ".";
    }
    case FeatureType::effusion: {
        const char* size = f.amount == Amount::small ? "small" : f.amount == Amount::moderate ? "moderate" : "large";
        if (f.side == Side::both) return capitalised(size) + " pleural effusions on both sides.";
        return "A " + std::string(size) + " pleural effusion on the " + (f.side == Side::left ? "left." : "right.");
    }
    case FeatureType::heart:
        return std::string(f.ratio > 0.5 ? "The heart is enlarged" : "Heart size is normal") + " (cardiothoracic ratio " +
               number(f.ratio, 2) + ").";
    case FeatureType::septal_lines:
        return std::string("Septal (Kerley B) lines at the ") +
               (f.side == Side::both ? "lung bases." : f.side == Side::left ? "left base." : "right base.");
    case FeatureType::septal_thickening: return "Interlobular septal thickening " + in_lungs(f.side) + ".";
    case FeatureType::sparing:
        return f.site == SparingSite::apical ? "The apices are spared." : "The lung periphery is spared.";
    case FeatureType::alveolar_blood:
        return capitalised(std::string(share_word(f.density))) + " alveolar spaces are filled with red cells (intra-alveolar hemorrhage).";
    case FeatureType::capillaritis:
        return capitalised(std::string(severity_word(f.density))) +
               " capillaritis: neutrophils in the alveolar walls, fibrinoid necrosis and nuclear debris.";
    case FeatureType::hemosiderin_macrophages:
        return plural(f.count, "hemosiderin-laden macrophage", "hemosiderin-laden macrophages") +
               " with golden-brown pigment (bleeding that has gone on for days).";
    case FeatureType::linear_igg:
        return capitalised(std::string(density_word(f.density))) + " linear IgG staining along the basement membrane.";
    case FeatureType::granular_deposits:
        return capitalised(std::string(density_word(f.density))) + " granular (lumpy) immune deposits.";
    case FeatureType::rbc_casts: return plural(f.count, "red-cell cast", "red-cell casts") + ".";
    case FeatureType::dysmorphic_rbcs:
        return plural(f.count, "dysmorphic red cell", "dysmorphic red cells") + " (irregular, with blebs).";
    case FeatureType::isomorphic_rbcs: return plural(f.count, "normal-shaped red cell", "normal-shaped red cells") + ".";
    case FeatureType::aliquot: return "";  // described together below
    }
    return "";
}

const char* level_phrase(CtLevel l) {
    return l == CtLevel::upper ? "the aortic arch" : l == CtLevel::lower ? "the lung bases" : "the carina";
}

bool has(const Picture& p, FeatureType t) {
    return std::any_of(p.features.begin(), p.features.end(), [&](const PictureFeature& f) { return f.type == t; });
}

std::string aliquots_sentence(const Picture& p) {
    std::vector<double> blood;
    for (const PictureFeature& f : p.features)
        if (f.type == FeatureType::aliquot) blood.push_back(f.density);
    if (blood.empty()) return "";
    std::string s = std::to_string(blood.size()) + " aliquots in the order returned: ";
    for (std::size_t i = 0; i < blood.size(); ++i) {
        if (i > 0) s += ", ";
        s += blood_word(blood[i]);
    }
    s += ".";
    bool rising = blood.size() > 1, falling = blood.size() > 1;
    for (std::size_t i = 1; i < blood.size(); ++i) {
        rising = rising && blood[i] > blood[i - 1];
        falling = falling && blood[i] < blood[i - 1];
    }
    if (rising) s += " Each aliquot is bloodier than the one before.";
    if (falling) s += " The aliquots clear as the lavage goes on.";
    return s;
}

}  // namespace

std::string_view picture_kind_name(PictureKind kind) {
    switch (kind) {
    case PictureKind::ct_axial: return "CT chest (axial slice)";
    case PictureKind::histology: return "Lung biopsy (high-power field)";
    case PictureKind::immunofluorescence: return "Immunofluorescence for IgG";
    case PictureKind::urine_microscopy: return "Urine microscopy (high-power field)";
    case PictureKind::bal_tubes: return "Bronchoalveolar lavage aliquots";
    default: return "Chest X-ray (frontal)";
    }
}

std::string describe(const Picture& p) {
    std::string out(picture_kind_name(p.kind));
    if (p.kind == PictureKind::ct_axial) out += std::string(" at the level of ") + level_phrase(p.level) + ", lung window";
    if (p.kind == PictureKind::immunofluorescence) out += p.tissue == Tissue::kidney ? ", glomerulus" : ", alveolar walls";
    out += ".";
    for (const PictureFeature& f : p.features) {
        const std::string s = feature_sentence(p, f);
        if (!s.empty()) out += " " + s;
    }
    const bool lungs = p.kind == PictureKind::chest_xray || p.kind == PictureKind::ct_axial;
    if (lungs && !has(p, FeatureType::opacity) && !has(p, FeatureType::nodule)) out += " The lung fields are clear.";
    if (p.kind == PictureKind::chest_xray && !has(p, FeatureType::heart)) out += " Heart size is normal.";
    if (p.kind == PictureKind::histology && !has(p, FeatureType::capillaritis))
        out += " The alveolar walls are thin and intact, without inflammation (bland).";
    if (p.kind == PictureKind::histology && !has(p, FeatureType::alveolar_blood)) out += " The alveolar spaces are clear of blood.";
    if (p.kind == PictureKind::immunofluorescence && !has(p, FeatureType::linear_igg) && !has(p, FeatureType::granular_deposits))
        out += " No immune deposits (pauci-immune).";
    if (p.kind == PictureKind::bal_tubes) out += " " + aliquots_sentence(p);
    return out;
}

}  // namespace dah
