#include "pictures/picture_panel.hpp"

#include <algorithm>
#include <string>

#include <imgui.h>

#include "pictures/picture_cache.hpp"
#include "ui/keys.hpp"
#include "ui/widgets.hpp"

namespace dah::ui {

namespace {

// The gallery: one picture of every kind plus the contrasts a learner compares (capillaritis against
// bland bleeding, linear IgG against pauci-immune, DAH against a failing heart).
const char* const gallery_json[] = {
    R"({"kind": "chest_xray", "seed": 7, "caption": "Diffuse alveolar hemorrhage with a cavity",
        "features": [
          {"type": "opacity", "side": "both", "pattern": "perihilar", "density": 0.75, "label": "Bat-wing opacities"},
          {"type": "sparing", "site": "peripheral", "label": "Periphery spared"},
          {"type": "nodule", "side": "right", "zone": "upper", "size_mm": 32, "cavitated": true, "label": "Cavitating nodule"}]})",
    R"({"kind": "chest_xray", "seed": 9, "caption": "Heart failure: the mimic",
        "features": [
          {"type": "heart", "ratio": 0.64, "label": "Large heart"},
          {"type": "opacity", "side": "both", "pattern": "lower_zone", "density": 0.45},
          {"type": "septal_lines", "side": "both", "label": "Kerley B lines"},
          {"type": "effusion", "side": "both", "amount": "small", "label": "Effusion"}]})",
    R"({"kind": "ct_axial", "seed": 4, "level": "hilar", "caption": "CT at the carina: crazy paving",
        "features": [
          {"type": "opacity", "side": "both", "pattern": "diffuse", "appearance": "crazy_paving", "density": 0.6, "label": "Crazy paving"},
          {"type": "sparing", "site": "peripheral", "label": "Subpleural sparing"},
          {"type": "nodule", "side": "left", "size_mm": 18, "cavitated": true, "label": "Cavity"}]})",
    R"({"kind": "histology", "seed": 5, "caption": "Capillaritis",
        "features": [
          {"type": "alveolar_blood", "density": 0.6, "label": "Red cells in alveoli"},
          {"type": "capillaritis", "density": 0.75, "label": "Neutrophils in the wall"},
          {"type": "hemosiderin_macrophages", "count": 3, "label": "Hemosiderin"}]})",
    R"({"kind": "histology", "seed": 6, "caption": "Bland hemorrhage",
        "features": [
          {"type": "alveolar_blood", "density": 0.7, "label": "Red cells in alveoli"},
          {"type": "hemosiderin_macrophages", "count": 4, "label": "Hemosiderin"}]})",
    R"({"kind": "immunofluorescence", "seed": 2, "tissue": "kidney", "caption": "Linear IgG along the glomerular basement membrane",
        "features": [{"type": "linear_igg", "density": 0.9, "label": "Linear IgG"}]})",
    R"({"kind": "immunofluorescence", "seed": 3, "tissue": "lung", "caption": "Pauci-immune: no deposits",
        "features": []})",
    R"({"kind": "urine_microscopy", "seed": 11, "caption": "Active urine sediment",
        "features": [
          {"type": "rbc_casts", "count": 2, "label": "Red-cell cast"},
          {"type": "dysmorphic_rbcs", "count": 14, "label": "Dysmorphic red cell"},
          {"type": "isomorphic_rbcs", "count": 5}]})",
    R"({"kind": "bal_tubes", "seed": 1, "caption": "Sequential BAL aliquots",
        "features": [
          {"type": "aliquot", "density": 0.25}, {"type": "aliquot", "density": 0.5},
          {"type": "aliquot", "density": 0.75, "label": "Bloodier each time"}]})",
};

bool pressed(int k) { return ImGui::IsKeyPressed(k, false); }

void handle_picture_keys(AppState& app) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput || io.KeyCtrl || io.KeyAlt || io.KeySuper || app.view.help_open || app.view.settings_open) return;
    if (pressed(key::letter('a'))) app.view.picture_text_open = !app.view.picture_text_open;
    if (pressed(key::letter('x'))) app.view.picture_labels = !app.view.picture_labels;
}

// One picture: caption, image (a focusable item whose tooltip is the description), description.
void draw_one(AppState& app, const Picture& p, const std::string& id, float width, bool labels_allowed) {
    const std::string description = describe(p);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ImGui::TextUnformatted(p.caption.c_str());
    ImGui::PopTextWrapPos();
    pictures::DrawOptions options;
    options.labels = app.view.picture_labels && labels_allowed;
    const float height = pictures::picture_height(p, width, options);
    // Each picture in its own child window, so in its own draw list: WebGL draws at most 64K vertices
    // per list, and a picture uses up to about 40K.
    ImGui::BeginChild(("##picture-window" + id).c_str(), ImVec2(width, height), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NavFlattened);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    // A pinch magnifies the picture inside its box, around the point it started at.
    const float zoom = app.view.zoomed_picture == id ? app.view.picture_zoom : 1.0f;
    const ImVec2 at(pos.x - (zoom - 1) * app.view.picture_focus_x * width, pos.y - (zoom - 1) * app.view.picture_focus_y * height);
    app.render.pictures.draw(ImGui::GetWindowDrawList(), p, zoom > 1 ? at : pos, width * zoom, options);
    image_text({}, p.caption, description);  // the mirror's picture: its caption and its description
    ImGui::InvisibleButton(("##picture" + id).c_str(), ImVec2(width, height));
    if (ImGui::IsItemHovered() || ImGui::IsItemFocused()) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
        ImGui::TextUnformatted(description.c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
    mark(app, "picture." + id);
    ImGui::EndChild();
    app.report.pictures.push_back({std::string(picture_kind_id(p.kind)), p.caption, description, Rect{pos.x, pos.y, width, width}, id, zoom});
    if (app.view.picture_text_open) {
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
        ImGui::TextDisabled("%s", description.c_str());
        ImGui::PopTextWrapPos();
    }
}

void draw_toggles(AppState& app, const char* id, bool labels_allowed) {
    ImGui::PushID(id);
    if (labels_allowed) checkbox(app, "Labels (X)", std::string("pictures.labels.") + id, &app.view.picture_labels);
    else text_disabled("Labels once you commit");  // a labelled picture arrives already read
    mark(app, std::string("pictures.labels.") + id);
    ImGui::SameLine();
    checkbox(app, "Descriptions (A)", std::string("pictures.text.") + id, &app.view.picture_text_open);
    ImGui::PopID();
}

}  // namespace

const std::vector<Picture>& gallery_pictures() {
    static const std::vector<Picture> pictures = [] {
        std::vector<Picture> out;
        for (const char* text : gallery_json) {
            Loaded<Picture> p = load_picture(text, "gallery");
            if (p.ok()) out.push_back(std::move(*p.value));  // the unit tests keep these valid
        }
        return out;
    }();
    return pictures;
}

void draw_picture_panel(AppState& app, const std::vector<Picture>& pictures, const char* id, float max_width, bool labels_allowed) {
    if (pictures.empty()) return;
    if (app.report.pictures.empty()) handle_picture_keys(app);  // once per frame: the first panel drawn
    const float width = std::min(ImGui::GetContentRegionAvail().x, max_width > 0 ? max_width : em(40));
    draw_toggles(app, id, labels_allowed);
    for (std::size_t i = 0; i < pictures.size(); ++i) {
        draw_one(app, pictures[i], std::string(id) + "." + std::to_string(i), width, labels_allowed);
        ImGui::Spacing();
    }
}

void draw_stage_pictures(AppState& app, int stage) {
    const tutor::CaseView* v = shown_case(app);
    if (!v || !v->entry || stage >= static_cast<int>(v->entry->data.stages.size())) return;
    const std::vector<Picture>& pictures = v->entry->data.stages[static_cast<std::size_t>(stage)].pictures;
    for (std::size_t i = 0; i < pictures.size(); ++i) {
        draw_one(app, pictures[i], "class." + std::to_string(i), ImGui::GetContentRegionAvail().x, false);
        ImGui::Spacing();
    }
}

void draw_picture_gallery(AppState& app) {
    handle_picture_keys(app);
    heading("Picture gallery");
    wrapped("Every kind of case picture, drawn from its description. Hover or focus a picture for its text.");
    draw_toggles(app, "gallery", true);
    // A fixed width in points, so the tests' screenshots compare from run to run.
    const float width = 300;
    const auto& pictures = gallery_pictures();
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    for (std::size_t i = 0; i < pictures.size(); ++i) {
        if (i > 0) {
            ImGui::SameLine(0, ImGui::GetFontSize());
            if (ImGui::GetCursorScreenPos().x + width > right) ImGui::NewLine();
        }
        ImGui::BeginGroup();
        draw_one(app, pictures[i], "gallery." + std::to_string(i), width, true);
        ImGui::EndGroup();
    }
}

}  // namespace dah::ui
