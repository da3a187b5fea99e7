// Picture descriptions: valid ones load with every field, malformed ones give the exact error
// (file:line:column: pointer: message), a case carries its pictures per stage, and describe() says
// what the drawing shows.
#include <gtest/gtest.h>

#include <string>

#include "dah/case.hpp"
#include "dah/picture.hpp"
#include "test_support.hpp"

namespace {

using dah::FeatureType;
using dah::PictureKind;

std::string errors_of(const std::string& text) {
    const auto loaded = dah::load_picture(text, "p.json");
    std::string out;
    for (const auto& e : loaded.errors) out += e.to_string() + "\n";
    return out;
}

dah::Picture picture_of(const std::string& text) {
    auto loaded = dah::load_picture(text, "p.json");
    EXPECT_TRUE(loaded.ok()) << errors_of(text);
    return loaded.value.value_or(dah::Picture{});
}

TEST(Picture, ChestXrayLoadsEveryField) {
    const auto p = picture_of(R"({"kind": "chest_xray", "seed": 42, "caption": "Admission film",
        "features": [
          {"type": "opacity", "side": "both", "zone": "lower", "pattern": "perihilar", "density": 0.8, "label": "Bat wing"},
          {"type": "nodule", "side": "left", "zone": "upper", "size_mm": 25, "cavitated": true, "count": 2},
          {"type": "effusion", "side": "right", "amount": "moderate"},
          {"type": "heart", "ratio": 0.62},
          {"type": "septal_lines", "side": "both"},
          {"type": "sparing", "site": "apical"}]})");
    EXPECT_EQ(p.kind, PictureKind::chest_xray);
    EXPECT_EQ(p.seed, 42u);
    EXPECT_EQ(p.caption, "Admission film");
    ASSERT_EQ(p.features.size(), 6u);
    const auto& o = p.features[0];
    EXPECT_EQ(o.type, FeatureType::opacity);
    EXPECT_EQ(o.side, dah::Side::both);
    EXPECT_EQ(o.zone, dah::Zone::lower);
    EXPECT_EQ(o.pattern, dah::OpacityPattern::perihilar);
    EXPECT_DOUBLE_EQ(o.density, 0.8);
    EXPECT_EQ(o.label, "Bat wing");
    const auto& n = p.features[1];
    EXPECT_EQ(n.type, FeatureType::nodule);
    EXPECT_EQ(n.side, dah::Side::left);
    EXPECT_DOUBLE_EQ(n.size_mm, 25);
    EXPECT_TRUE(n.cavitated);
    EXPECT_EQ(n.count, 2);
    EXPECT_EQ(p.features[2].amount, dah::Amount::moderate);
    EXPECT_DOUBLE_EQ(p.features[3].ratio, 0.62);
    EXPECT_EQ(p.features[5].site, dah::SparingSite::apical);
}

TEST(Picture, EveryOtherKindLoads) {
    const auto ct = picture_of(R"({"kind": "ct_axial", "level": "lower", "caption": "CT", "features": [
        {"type": "opacity", "side": "right", "pattern": "patchy", "appearance": "consolidation", "density": 0.9},
        {"type": "septal_thickening", "side": "both"}, {"type": "nodule", "side": "both", "size_mm": 12}]})");
    EXPECT_EQ(ct.level, dah::CtLevel::lower);
    EXPECT_EQ(ct.features[0].appearance, dah::Appearance::consolidation);
    EXPECT_EQ(ct.seed, 1u) << "the default seed";
    const auto h = picture_of(R"({"kind": "histology", "caption": "H&E", "features": [
        {"type": "alveolar_blood", "density": 0.9}, {"type": "hemosiderin_macrophages", "count": 6}]})");
    EXPECT_EQ(h.features[1].count, 6);
    const auto f = picture_of(R"({"kind": "immunofluorescence", "tissue": "kidney", "caption": "IF", "features": [
        {"type": "linear_igg", "density": 1}]})");
    EXPECT_EQ(f.tissue, dah::Tissue::kidney);
    const auto u = picture_of(R"({"kind": "urine_microscopy", "caption": "Urine", "features": [
        {"type": "rbc_casts", "count": 3}, {"type": "dysmorphic_rbcs", "count": 20}, {"type": "isomorphic_rbcs", "count": 4}]})");
    EXPECT_EQ(u.features.size(), 3u);
    const auto b = picture_of(R"({"kind": "bal_tubes", "caption": "BAL", "features": [
        {"type": "aliquot", "density": 0.2}, {"type": "aliquot", "density": 0.5}]})");
    EXPECT_EQ(b.features.size(), 2u);
}

TEST(Picture, UnknownKindNamesTheChoices) {
    EXPECT_EQ(errors_of(R"({"kind": "mri", "caption": "x", "features": []})"),
              "p.json:1:10: /kind: unknown kind \"mri\"; expected one of: chest_xray, ct_axial, histology, "
              "immunofluorescence, urine_microscopy, bal_tubes\n");
}

TEST(Picture, DensityOutOfRange) {
    EXPECT_EQ(errors_of("{\"kind\": \"chest_xray\", \"caption\": \"x\", \"features\": [\n"
                        "  {\"type\": \"opacity\", \"side\": \"both\", \"pattern\": \"diffuse\", \"density\": 1.5}]}"),
              "p.json:2:72: /features/0/density: density 1.5 out of range; expected a number in [0, 1]\n");
}

TEST(Picture, FeatureOfAnotherKind) {
    EXPECT_EQ(errors_of("{\"kind\": \"chest_xray\", \"caption\": \"x\", \"features\": [\n"
                        "  {\"type\": \"capillaritis\", \"density\": 0.5}]}"),
              "p.json:2:12: /features/0/type: feature \"capillaritis\" does not belong in a \"chest_xray\" picture; "
              "expected one of: opacity, nodule, effusion, heart, septal_lines, sparing\n");
}

TEST(Picture, KeyThatDoesNotApplyAndUnknownKey) {
    EXPECT_EQ(errors_of("{\"kind\": \"chest_xray\", \"caption\": \"x\", \"features\": [\n"
                        "  {\"type\": \"opacity\", \"side\": \"both\", \"pattern\": \"diffuse\", \"density\": 0.5,\n"
                        "   \"size_mm\": 4, \"appearance\": \"ground_glass\", \"colour\": \"red\"}]}"),
              "p.json:3:4: /features/0/size_mm: key \"size_mm\" does not apply to \"opacity\" in a chest_xray picture; "
              "expected one of: type, label, side, pattern, density, zone\n"
              "p.json:3:18: /features/0/appearance: key \"appearance\" does not apply to \"opacity\" in a chest_xray picture; "
              "expected one of: type, label, side, pattern, density, zone\n"
              "p.json:3:48: /features/0/colour: unknown key \"colour\"; expected one of: type, label, side, zone, pattern, "
              "appearance, amount, site, density, size_mm, cavitated, count, ratio\n");
}

TEST(Picture, UnknownEnumValuesAndWrongTypes) {
    EXPECT_EQ(errors_of("{\"kind\": \"chest_xray\", \"caption\": \"x\", \"features\": [\n"
                        "  {\"type\": \"nodule\", \"side\": \"middle\", \"size_mm\": 90, \"cavitated\": \"yes\"}]}"),
              "p.json:2:30: /features/0/side: unknown side \"middle\"; expected one of: left, right, both\n"
              "p.json:2:51: /features/0/size_mm: size_mm 90 out of range; expected a number in [2, 80]\n"
              "p.json:2:68: /features/0/cavitated: expected true or false, found a string\n");
}

TEST(Picture, CountsAreBounded) {
    EXPECT_EQ(errors_of("{\"kind\": \"chest_xray\", \"caption\": \"x\", \"features\": [\n"
                        "  {\"type\": \"nodule\", \"side\": \"left\", \"size_mm\": 9, \"count\": 10},\n"
                        "  {\"type\": \"nodule\", \"side\": \"right\", \"size_mm\": 9, \"count\": 10},\n"
                        "  {\"type\": \"heart\", \"ratio\": 0.5}, {\"type\": \"heart\", \"ratio\": 0.6}]}"),
              "p.json:1:52: /features: more than one \"heart\" feature; expected at most one\n"
              "p.json:1:52: /features: 20 nodules in all; expected at most 12\n");
    EXPECT_EQ(errors_of("{\"kind\": \"bal_tubes\", \"caption\": \"x\", \"features\": [\n"
                        "  {\"type\": \"aliquot\", \"density\": 0.4}]}"),
              "p.json:1:51: /features: a bal_tubes picture has 1 aliquots; expected 2 to 6\n");
    EXPECT_EQ(errors_of("{\"kind\": \"urine_microscopy\", \"caption\": \"x\", \"features\": [\n"
                        "  {\"type\": \"rbc_casts\", \"count\": 0}]}"),
              "p.json:2:34: /features/0/count: count 0 out of range; expected an integer from 1 to 60\n");
}

TEST(Picture, MissingAndMisplacedPictureKeys) {
    EXPECT_EQ(errors_of(R"({"kind": "chest_xray", "level": "hilar", "features": {}})"),
              "p.json:1:1: (root): missing key \"caption\"\n"
              "p.json:1:24: /level: \"level\" applies to a ct_axial picture only\n"
              "p.json:1:54: /features: expected an array, found an object\n");
    EXPECT_EQ(errors_of(R"({"kind": "ct_axial", "caption": "x", "features": [{"type": "sparing", "site": "apical"}]})"),
              "p.json:1:79: /features/0/site: apical sparing is not seen on one axial slice; expected \"peripheral\" on a "
              "ct_axial picture\n");
}

TEST(Picture, LongLabelAndCaptionAreRejected) {
    const std::string label(61, 'a');
    EXPECT_EQ(errors_of(R"({"kind": "bal_tubes", "caption": "x", "features": [{"type": "aliquot", "density": 0.1, "label": ")" + label +
                        R"("}, {"type": "aliquot", "density": 0.2}]})"),
              "p.json:1:97: /features/0/label: label of 61 bytes is too long; expected at most 60\n");
}

TEST(Picture, CaseStagesCarryTheirPictures) {
    const auto kb = dah::test::fixture_knowledge_base();
    const auto loaded = dah::load_case(dah::test::read_text(dah::test::source_path("tests/fixtures/pictures.case.json")),
                                       "pictures.case.json", kb);
    std::string errors;
    for (const auto& e : loaded.errors) errors += e.to_string() + "\n";
    ASSERT_TRUE(loaded.ok()) << errors;
    const auto& stages = loaded.value->stages;
    ASSERT_EQ(stages.size(), 5u);
    EXPECT_TRUE(stages[0].pictures.empty());
    ASSERT_EQ(stages[1].pictures.size(), 1u);
    EXPECT_EQ(stages[1].pictures[0].kind, PictureKind::bal_tubes);
    ASSERT_EQ(stages[3].pictures.size(), 2u);
    EXPECT_EQ(stages[3].pictures[0].kind, PictureKind::chest_xray);
    EXPECT_EQ(stages[3].pictures[1].kind, PictureKind::ct_axial);
    ASSERT_EQ(stages[4].pictures.size(), 2u);
    EXPECT_EQ(stages[4].pictures[1].kind, PictureKind::immunofluorescence);
}

TEST(Picture, CaseReportsPictureErrorsAtTheirPointer) {
    const auto kb = dah::test::fixture_knowledge_base();
    std::string text = dah::test::read_text(dah::test::source_path("tests/fixtures/pictures.case.json"));
    const std::string good = "\"appearance\": \"crazy_paving\"";
    const auto at = text.find(good);
    ASSERT_NE(at, std::string::npos);
    text.replace(at, good.size(), "\"appearance\": \"crazy\"");
    const auto loaded = dah::load_case(text, "pictures.case.json", kb);
    ASSERT_EQ(loaded.errors.size(), 1u);
    EXPECT_EQ(loaded.errors[0].pointer, "/stages/3/pictures/1/features/0/appearance");
    EXPECT_EQ(loaded.errors[0].line, 32);
    EXPECT_EQ(loaded.errors[0].message,
              "unknown appearance \"crazy\"; expected one of: ground_glass, consolidation, crazy_paving");
}

TEST(Picture, DescribeSaysWhatTheDrawingShows) {
    const auto xray = picture_of(R"({"kind": "chest_xray", "caption": "x", "features": [
        {"type": "opacity", "side": "both", "pattern": "perihilar", "density": 0.8},
        {"type": "sparing", "site": "peripheral"},
        {"type": "nodule", "side": "right", "zone": "upper", "size_mm": 30, "cavitated": true}]})");
    EXPECT_EQ(dah::describe(xray),
              "Chest X-ray (frontal). Dense perihilar (\"bat-wing\") air-space opacities in both lungs. "
              "The lung periphery is spared. A cavitating nodule of about 30 mm in the right lung, upper zone. "
              "Heart size is normal.");
    const auto failing_heart = picture_of(R"({"kind": "chest_xray", "caption": "x", "features": [
        {"type": "heart", "ratio": 0.62}, {"type": "effusion", "side": "both", "amount": "small"},
        {"type": "septal_lines", "side": "both"}]})");
    EXPECT_EQ(dah::describe(failing_heart),
              "Chest X-ray (frontal). The heart is enlarged (cardiothoracic ratio 0.62). Small pleural effusions on both "
              "sides. Septal (Kerley B) lines at the lung bases. The lung fields are clear.");
    const auto bland = picture_of(R"({"kind": "histology", "caption": "x", "features": [
        {"type": "alveolar_blood", "density": 0.5}, {"type": "hemosiderin_macrophages", "count": 1}]})");
    EXPECT_EQ(dah::describe(bland),
              "Lung biopsy (high-power field). Many alveolar spaces are filled with red cells (intra-alveolar hemorrhage). "
              "1 hemosiderin-laden macrophage with golden-brown pigment (bleeding that has gone on for days). "
              "The alveolar walls are thin and intact, without inflammation (bland).");
    const auto pauci = picture_of(R"({"kind": "immunofluorescence", "tissue": "kidney", "caption": "x", "features": []})");
    EXPECT_EQ(dah::describe(pauci), "Immunofluorescence for IgG, glomerulus. No immune deposits (pauci-immune).");
    const auto tubes = picture_of(R"({"kind": "bal_tubes", "caption": "x", "features": [
        {"type": "aliquot", "density": 0.2}, {"type": "aliquot", "density": 0.5}, {"type": "aliquot", "density": 0.9}]})");
    EXPECT_EQ(dah::describe(tubes),
              "Bronchoalveolar lavage aliquots. 3 aliquots in the order returned: pink, red, deep red. "
              "Each aliquot is bloodier than the one before.");
    const auto ct = picture_of(R"({"kind": "ct_axial", "level": "upper", "caption": "x", "features": [
        {"type": "opacity", "side": "left", "pattern": "patchy", "appearance": "crazy_paving", "density": 0.2}]})");
    EXPECT_EQ(dah::describe(ct),
              "CT chest (axial slice) at the level of the aortic arch, lung window. Faint patchy crazy paving (ground glass "
              "with thickened septa over it) in the left lung.");
}

TEST(Picture, BadJsonNeverCrashes) {
    EXPECT_FALSE(dah::load_picture("", "p.json").ok());
    EXPECT_FALSE(dah::load_picture("[1, 2]", "p.json").ok());
    EXPECT_FALSE(dah::load_picture(R"({"kind": 3, "caption": null, "features": [null, 1, "x", {"type": 7}]})", "p.json").ok());
}

}  // namespace
