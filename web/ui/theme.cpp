#include "ui/theme.hpp"

namespace dah::ui {

static ImVec4 rgb(int hex, float alpha = 1.0f) {
    return ImVec4(static_cast<float>((hex >> 16) & 0xff) / 255.0f, static_cast<float>((hex >> 8) & 0xff) / 255.0f,
                  static_cast<float>(hex & 0xff) / 255.0f, alpha);
}

void apply_theme(Theme theme, float ui_scale) {
    ImGuiStyle style;
    switch (theme) {
    case Theme::light: ImGui::StyleColorsLight(&style); break;
    default: ImGui::StyleColorsDark(&style); break;
    }
    style.WindowRounding = 4;
    style.FrameRounding = 3;
    style.GrabRounding = 3;
    style.FramePadding = ImVec2(8, 5);
    style.ItemSpacing = ImVec2(10, 7);
    style.CellPadding = ImVec2(6, 4);
    style.ScrollbarSize = 16;
    style.GrabMinSize = 14;
    if (theme == Theme::high_contrast) {
        ImVec4* c = style.Colors;
        c[ImGuiCol_Text] = rgb(0xffffff);
        c[ImGuiCol_TextDisabled] = rgb(0xe0e0e0);
        c[ImGuiCol_WindowBg] = rgb(0x000000);
        c[ImGuiCol_ChildBg] = rgb(0x000000);
        c[ImGuiCol_PopupBg] = rgb(0x000000);
        c[ImGuiCol_Border] = rgb(0xffffff);
        c[ImGuiCol_FrameBg] = rgb(0x1a1a1a);
        c[ImGuiCol_FrameBgHovered] = rgb(0x333300);
        c[ImGuiCol_FrameBgActive] = rgb(0x555500);
        c[ImGuiCol_Button] = rgb(0x000000);
        c[ImGuiCol_ButtonHovered] = rgb(0x333300);
        c[ImGuiCol_ButtonActive] = rgb(0x666600);
        c[ImGuiCol_Header] = rgb(0x333300);
        c[ImGuiCol_HeaderHovered] = rgb(0x555500);
        c[ImGuiCol_HeaderActive] = rgb(0x777700);
        c[ImGuiCol_CheckMark] = rgb(0xffff00);
        c[ImGuiCol_SliderGrab] = rgb(0xffff00);
        c[ImGuiCol_SliderGrabActive] = rgb(0xffffff);
        c[ImGuiCol_NavHighlight] = rgb(0xffff00);
        c[ImGuiCol_TableHeaderBg] = rgb(0x222222);
        c[ImGuiCol_TableBorderStrong] = rgb(0xffffff);
        c[ImGuiCol_TableBorderLight] = rgb(0xaaaaaa);
        c[ImGuiCol_TableRowBgAlt] = rgb(0x111111);
        style.FrameBorderSize = 1;
        style.ChildBorderSize = 1;
    } else if (theme == Theme::dark) {
        style.Colors[ImGuiCol_WindowBg] = rgb(0x1b1d22);
        style.Colors[ImGuiCol_ChildBg] = rgb(0x1f2228);
    } else {
        style.Colors[ImGuiCol_WindowBg] = rgb(0xf7f7f5);
        style.Colors[ImGuiCol_ChildBg] = rgb(0xffffff);
        style.FrameBorderSize = 1;
    }
    style.ScaleAllSizes(ui_scale);
    ImGui::GetStyle() = style;
}

const Palette& palette(Theme theme) {
    static const Palette dark{rgb(0xeceff4), rgb(0xaab2c0), rgb(0x56b4e9), rgb(0x009e73), rgb(0xe69f00),
                              rgb(0x3a3f1e), rgb(0xf0e442), rgb(0x33373f)};
    static const Palette light{rgb(0x1b1d22), rgb(0x555b66), rgb(0x0072b2), rgb(0x007a5a), rgb(0xb35900),
                               rgb(0xfff3b0), rgb(0x8a6d00), rgb(0xdde0e5)};
    static const Palette contrast{rgb(0xffffff), rgb(0xffffff), rgb(0x00ffff), rgb(0x00ff7f), rgb(0xffb000),
                                  rgb(0x404000), rgb(0xffff00), rgb(0x303030)};
    switch (theme) {
    case Theme::light: return light;
    case Theme::high_contrast: return contrast;
    default: return dark;
    }
}

ImVec4 group_colour(int group) {
    // Okabe & Ito (2008): blue, orange, reddish purple, bluish green, vermillion, sky blue, yellow.
    static const int colours[] = {0x0072b2, 0xe69f00, 0xcc79a7, 0x009e73, 0xd55e00, 0x56b4e9, 0xf0e442};
    const int n = static_cast<int>(sizeof colours / sizeof colours[0]);
    return rgb(colours[((group % n) + n) % n]);
}

void draw_group_marker(ImDrawList* draw, ImVec2 c, float r, int group, ImU32 colour) {
    switch (((group % 4) + 4) % 4) {
    case 0: draw->AddCircleFilled(c, r, colour); break;
    case 1: draw->AddRectFilled(ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r), colour); break;
    case 2: draw->AddTriangleFilled(ImVec2(c.x, c.y - r), ImVec2(c.x + r, c.y + r), ImVec2(c.x - r, c.y + r), colour); break;
    default:
        draw->AddQuadFilled(ImVec2(c.x, c.y - r), ImVec2(c.x + r, c.y), ImVec2(c.x, c.y + r), ImVec2(c.x - r, c.y), colour);
        break;
    }
}

const char* theme_name(Theme theme) {
    switch (theme) {
    case Theme::light: return "light";
    case Theme::high_contrast: return "high-contrast";
    default: return "dark";
    }
}

}  // namespace dah::ui
