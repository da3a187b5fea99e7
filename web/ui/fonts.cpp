// The UI font at the pixel size the screen needs: base size × UI scale × framebuffer scale, drawn
// at 1/framebuffer scale so a HiDPI screen gets sharp glyphs, not a stretched bitmap.
#include <cmath>

#include <imgui.h>

#include "ui/app.hpp"
#include "ui/theme.hpp"

namespace dah::ui {

bool update_fonts(AppState& app, float framebuffer_scale) {
    if (!(framebuffer_scale > 0.25f && framebuffer_scale < 8.0f)) framebuffer_scale = 1.0f;
    const float px = std::round(base_font_px * app.settings.ui_scale * framebuffer_scale);
    ImGuiIO& io = ImGui::GetIO();
    const bool extra = !app.pending.font_extra_bytes.empty();
    if (px == app.render.font_px_built && framebuffer_scale == app.render.font_scale_built &&
        extra == app.render.font_extra_built && io.Fonts->IsBuilt())
        return false;
    io.Fonts->Clear();
    // The characters each font file is cut to (DAH_FONT_UNICODES and DAH_FONT_EXTRA_UNICODES in
    // cmake/font.cmake; keep them equal): the UI's own first, then what only case text needs, merged
    // into the same font once its file has arrived (after the first frame, with the cases).
    static const ImWchar ui_ranges[] = {0x0020, 0x007E, 0x00A0, 0x00BF, 0x00D7, 0x00D7, 0x00F7, 0x00F7,
                                        0x2010, 0x2027, 0x2190, 0x2194, 0x2212, 0x2212, 0x2248, 0x2248,
                                        0x2264, 0x2265, 0x25B6, 0x25B6, 0x2713, 0x2713, 0x2717, 0x2717, 0};
    static const ImWchar extra_ranges[] = {0x00C0, 0x00D6, 0x00D8, 0x00F6, 0x00F8, 0x017F, 0x0391, 0x03A9,
                                           0x03B1, 0x03C9, 0x2030, 0x203A, 0x2070, 0x2070, 0x2074, 0x207B,
                                           0x2080, 0x2089, 0x20AC, 0x20AC, 0x2580, 0x259F, 0};
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;  // the bytes stay in app.pending
    config.OversampleH = 1;
    config.OversampleV = 1;
    config.PixelSnapH = true;
    ImFont* font = nullptr;
    if (!app.pending.font_bytes.empty())
        font = io.Fonts->AddFontFromMemoryTTF(app.pending.font_bytes.data(), static_cast<int>(app.pending.font_bytes.size()),
                                              px, &config, ui_ranges);
    if (!font) {
        ImFontConfig fallback;
        fallback.SizePixels = px;
        io.Fonts->AddFontDefault(&fallback);
    } else if (!app.pending.font_extra_bytes.empty()) {
        config.MergeMode = true;
        io.Fonts->AddFontFromMemoryTTF(app.pending.font_extra_bytes.data(),
                                       static_cast<int>(app.pending.font_extra_bytes.size()), px, &config, extra_ranges);
    }
    io.Fonts->Build();
    io.FontGlobalScale = 1.0f / framebuffer_scale;
    apply_theme(app.settings.theme, app.settings.ui_scale, app.options.touch);
    app.render.font_px_built = px;
    app.render.font_scale_built = framebuffer_scale;
    app.render.font_extra_built = extra;
    return true;
}

}  // namespace dah::ui
