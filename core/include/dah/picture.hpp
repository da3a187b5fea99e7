// A schematic picture a case can show (chest X-ray, CT slice, histology field, immunofluorescence,
// urine microscopy, BAL aliquots): what it shows, where and how dense, as plain values. The app draws
// it deterministically from this description (same seed, same picture); describe() gives the same
// plain-text account natively and in WebAssembly. Format: cases/FORMAT.md, section "Pictures".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dah/diagnostics.hpp"

namespace dah {

enum class PictureKind { chest_xray, ct_axial, histology, immunofluorescence, urine_microscopy, bal_tubes };

// What one feature of a picture is; which kinds allow which features is listed in FORMAT.md.
enum class FeatureType {
    opacity,                  // X-ray, CT: air-space shadowing of a pattern and density
    nodule,                   // X-ray, CT: one or more nodules, solid or cavitated
    effusion,                 // X-ray, CT: pleural fluid
    heart,                    // X-ray: heart size as the cardiothoracic ratio
    septal_lines,             // X-ray: Kerley B lines
    septal_thickening,        // CT: interlobular septal thickening
    sparing,                  // X-ray, CT: peripheral or apical sparing of the opacities
    alveolar_blood,           // histology: alveolar spaces filled with red cells
    capillaritis,             // histology: neutrophils in the walls, fibrinoid necrosis, nuclear debris
    hemosiderin_macrophages,  // histology: iron-laden macrophages (older bleeding)
    linear_igg,               // immunofluorescence: linear IgG along the basement membrane
    granular_deposits,        // immunofluorescence: granular immune-complex deposits
    rbc_casts,                // urine microscopy
    dysmorphic_rbcs,          // urine microscopy
    isomorphic_rbcs,          // urine microscopy
    aliquot,                  // BAL: one aliquot tube, in the order returned
};

enum class Side { left, right, both };
enum class Zone { upper, middle, lower, all };
enum class OpacityPattern { perihilar, diffuse, patchy, lower_zone };
enum class Appearance { ground_glass, consolidation, crazy_paving };  // CT texture of an opacity
enum class Amount { small, moderate, large };                        // pleural effusion
enum class SparingSite { peripheral, apical };
enum class CtLevel { upper, hilar, lower };  // aortic arch, carina, lung bases
enum class Tissue { lung, kidney };          // immunofluorescence: alveolar walls or a glomerulus

struct PictureFeature {
    FeatureType type = FeatureType::opacity;
    Side side = Side::both;
    Zone zone = Zone::all;
    OpacityPattern pattern = OpacityPattern::diffuse;
    Appearance appearance = Appearance::ground_glass;
    Amount amount = Amount::small;
    SparingSite site = SparingSite::peripheral;
    double density = 0.5;  // 0..1: opacity density, share of alveoli filled, severity, intensity, blood
    double size_mm = 0;    // nodule diameter
    bool cavitated = false;
    int count = 1;         // nodules, macrophages, casts, cells
    double ratio = 0.45;   // heart: cardiothoracic ratio
    std::string label;     // optional: text of a label pointing at this feature
};

struct Picture {
    PictureKind kind = PictureKind::chest_xray;
    std::uint32_t seed = 1;  // any randomness of the drawing follows from it
    std::string caption;
    CtLevel level = CtLevel::hilar;  // ct_axial only
    Tissue tissue = Tissue::lung;    // immunofluorescence only (histology is a lung field)
    std::vector<PictureFeature> features;
};

// Bounds checked by the reader.
struct PictureLimits {
    static constexpr std::size_t max_pictures_per_stage = 8;
    static constexpr std::size_t max_features = 24;
    static constexpr std::size_t max_caption_bytes = 300;
    static constexpr std::size_t max_label_bytes = 60;
    static constexpr double min_nodule_mm = 2, max_nodule_mm = 80;
    static constexpr int max_count = 60;
    static constexpr int max_nodules = 12;
    static constexpr int max_aliquots = 6;
};

std::string_view picture_kind_id(PictureKind kind);    // "chest_xray", ...
std::string_view picture_kind_name(PictureKind kind);  // "Chest X-ray (frontal)", ...
std::string_view feature_type_id(FeatureType type);    // "opacity", ...

// The plain-text account of what the picture shows, for screen readers, the keyboard and the tests.
std::string describe(const Picture& picture);

// Reads one picture object from JSON text (for tests and tools; cases read theirs with the case).
Loaded<Picture> load_picture(std::string_view json_text, std::string_view file_name);

}  // namespace dah
