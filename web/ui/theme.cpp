#include "ui/theme.hpp"

#include <algorithm>
#include <cmath>

namespace dah::ui {

static ImVec4 rgb(int hex, float alpha = 1.0f) {
    return ImVec4(static_cast<float>((hex >> 16) & 0xff) / 255.0f, static_cast<float>((hex >> 8) & 0xff) / 255.0f,
                  static_cast<float>(hex & 0xff) / 255.0f, alpha);
}

// WCAG 2.x relative luminance of an sRGB colour.
static float luminance(ImVec4 c) {
    auto linear = [](float v) { return v <= 0.04045f ? v / 12.92f : std::pow((v + 0.055f) / 1.055f, 2.4f); };
    return 0.2126f * linear(c.x) + 0.7152f * linear(c.y) + 0.0722f * linear(c.z);
}

float contrast_ratio(ImVec4 a, ImVec4 b) {
    const float la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05f) / (std::min(la, lb) + 0.05f);
}

ImVec4 over(ImVec4 top, ImVec4 below) {
    const float a = top.w;
    return ImVec4(top.x * a + below.x * (1 - a), top.y * a + below.y * (1 - a), top.z * a + below.z * (1 - a), 1.0f);
}

ImVec4 under_text(ImVec4 colour, ImVec4 text) {
    // Light text: darken the colour toward black; dark text: lighten it toward white (the hue stays).
    const float to = luminance(text) > 0.18f ? 0.0f : 1.0f;
    ImVec4 c = colour;
    for (int i = 1; i <= 20 && contrast_ratio(c, text) < 4.6f; ++i) {
        const float k = 0.05f * static_cast<float>(i);
        c = ImVec4(colour.x + (to - colour.x) * k, colour.y + (to - colour.y) * k, colour.z + (to - colour.z) * k, 1.0f);
    }
    return c;
}

ImGuiStyle theme_style(Theme theme, float ui_scale, bool touch) {
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
        ImVec4* c = style.Colors;
        c[ImGuiCol_WindowBg] = rgb(0x1b1d22);
        c[ImGuiCol_ChildBg] = rgb(0x1f2228);
        // ImGui's muted grey and bright blues are below 4.5:1 against their text.
        c[ImGuiCol_TextDisabled] = rgb(0xa3a8b3);
        c[ImGuiCol_ButtonHovered] = c[ImGuiCol_HeaderHovered] = rgb(0x2a64a8);
        c[ImGuiCol_ButtonActive] = c[ImGuiCol_HeaderActive] = rgb(0x1d56a0);
    } else {
        style.Colors[ImGuiCol_WindowBg] = rgb(0xf7f7f5);
        style.Colors[ImGuiCol_ChildBg] = rgb(0xffffff);
        style.Colors[ImGuiCol_TextDisabled] = rgb(0x62666d);
        style.FrameBorderSize = 1;
    }
    // Lists and tooltips are opaque: the screen must not show through them.
    style.Colors[ImGuiCol_PopupBg] = over(style.Colors[ImGuiCol_PopupBg], style.Colors[ImGuiCol_WindowBg]);
    style.ScaleAllSizes(ui_scale);
    // Targets: at least 24 CSS px high (WCAG 2.2, 2.5.8), 44 on a touch screen, whatever the scale.
    const float font_px = base_font_px * ui_scale;
    const float target = touch ? 44.0f : 24.0f;
    style.FramePadding.y = std::max(style.FramePadding.y, std::ceil((target - font_px) / 2));
    if (touch) style.ItemSpacing.y = std::max(style.ItemSpacing.y, 10.0f), style.GrabMinSize = std::max(style.GrabMinSize, 28.0f);
    return style;
}

void apply_theme(Theme theme, float ui_scale, bool touch) { ImGui::GetStyle() = theme_style(theme, ui_scale, touch); }

const Palette& palette(Theme theme) {
    static const Palette dark{rgb(0xeceff4), rgb(0xc3c9d3), rgb(0x56b4e9), rgb(0x00b386), rgb(0xe69f00),
                              rgb(0x3a3f1e), rgb(0xf0e442), rgb(0x33373f)};
    static const Palette light{rgb(0x1b1d22), rgb(0x4d535e), rgb(0x0072b2), rgb(0x007a5a), rgb(0xa14f00),
                               rgb(0xfff3b0), rgb(0x7a6000), rgb(0xdde0e5)};
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

void draw_lock(ImDrawList* draw, ImVec2 p, float h, ImU32 colour) {
    const float w = h * 0.62f, body_top = p.y + h * 0.45f;
    draw->PathArcTo(ImVec2(p.x + w / 2, body_top), w * 0.32f, 3.14159265f, 2 * 3.14159265f, 8);  // the shackle
    draw->PathStroke(colour, 0, std::max(1.5f, h * 0.1f));
    draw->AddRectFilled(ImVec2(p.x, body_top), ImVec2(p.x + w, p.y + h * 0.92f), colour, h * 0.08f);
}

const char* theme_name(Theme theme) {
    switch (theme) {
    case Theme::light: return "light";
    case Theme::high_contrast: return "high-contrast";
    default: return "dark";
    }
}

}  // namespace dah::ui
