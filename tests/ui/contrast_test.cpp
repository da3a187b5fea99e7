// Text contrast in every theme, computed from the theme's own colours with the WCAG 2.x formula
// (relative luminance of sRGB, (L1 + 0.05) / (L2 + 0.05)), written here apart from the app's: every
// text colour the screens use on every background it is drawn on, including the labels on the group
// bars (whose fill the app tones) and the muted text of locked stage tabs, must reach 4.5:1.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "ui/theme.hpp"

namespace {

using dah::ui::Theme;

double channel(double c) { return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); }
double luminance(ImVec4 c) { return 0.2126 * channel(c.x) + 0.7152 * channel(c.y) + 0.0722 * channel(c.z); }
double ratio(ImVec4 a, ImVec4 b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}
ImVec4 blend(ImVec4 top, ImVec4 below) {  // source-over with the top colour's alpha
    return ImVec4(top.x * top.w + below.x * (1 - top.w), top.y * top.w + below.y * (1 - top.w),
                  top.z * top.w + below.z * (1 - top.w), 1);
}
ImVec4 hex(int v) {
    const auto channel = [v](int shift) { return static_cast<float>((v >> shift) & 255) / 255.0f; };
    return ImVec4(channel(16), channel(8), channel(0), 1);
}

TEST(Contrast, FormulaMatchesWcagExamples) {
    EXPECT_NEAR(ratio(hex(0x000000), hex(0xffffff)), 21.0, 1e-6);
    EXPECT_NEAR(ratio(hex(0x777777), hex(0xffffff)), 4.48, 0.01);  // the classic "just fails" grey
    EXPECT_NEAR(ratio(hex(0x767676), hex(0xffffff)), 4.54, 0.01);  // and the darkest that passes
}

struct Pair {
    std::string what;
    ImVec4 text, background;
};

std::vector<Pair> pairs_of(Theme theme) {
    const ImGuiStyle style = dah::ui::theme_style(theme, 1.0f);
    const ImVec4* c = style.Colors;
    const dah::ui::Palette& pal = dah::ui::palette(theme);
    const ImVec4 window = blend(c[ImGuiCol_WindowBg], hex(0));
    const ImVec4 child = blend(c[ImGuiCol_ChildBg], window);  // the screen's panel
    std::vector<Pair> out;
    const struct { const char* name; ImVec4 bg; } backgrounds[] = {
        {"window", window}, {"panel", child}, {"popup", blend(c[ImGuiCol_PopupBg], window)},
        {"field", blend(c[ImGuiCol_FrameBg], child)}, {"button", blend(c[ImGuiCol_Button], child)},
        {"hovered button", blend(c[ImGuiCol_ButtonHovered], child)},
        {"current stage tab", blend(c[ImGuiCol_ButtonActive], child)}, {"header", blend(c[ImGuiCol_Header], child)},
        {"hovered header", blend(c[ImGuiCol_HeaderHovered], child)}, {"table header", blend(c[ImGuiCol_TableHeaderBg], child)},
        {"table row", blend(c[ImGuiCol_TableRowBgAlt], child)}, {"new finding", pal.highlight_bg},
    };
    for (const auto& b : backgrounds) out.push_back({std::string("text on ") + b.name, c[ImGuiCol_Text], b.bg});
    const struct { const char* name; ImVec4 colour; } texts[] = {
        {"disabled text", c[ImGuiCol_TextDisabled]}, {"muted", pal.muted}, {"accent", pal.accent},
        {"positive", pal.positive}, {"negative", pal.negative}, {"hypothetical", pal.hypothetical}, {"palette text", pal.text},
    };
    for (const auto& t : texts)
        for (const char* bg : {"window", "panel", "popup", "table row"})
            for (const auto& b : backgrounds)
                if (std::string(b.name) == bg) out.push_back({std::string(t.name) + " on " + bg, t.colour, b.bg});
    out.push_back({"hypothetical on the what-if box", pal.hypothetical, pal.highlight_bg});
    // Locked stage tabs: muted text on a button that neither hovers nor presses.
    out.push_back({"locked stage tab", pal.muted, blend(c[ImGuiCol_Button], child)});
    // Group bars (widgets.cpp probability_bar): the label over the fill, at both strengths, every group.
    const ImVec4 track = blend(c[ImGuiCol_FrameBg], child);
    for (int g = 0; g < 7; ++g)
        for (float alpha : {0.7f, 0.95f}) {
            const ImVec4 colour = dah::ui::group_colour(g);
            const ImVec4 fill = dah::ui::under_text(blend(ImVec4(colour.x, colour.y, colour.z, alpha), track), c[ImGuiCol_Text]);
            out.push_back({"text on group bar " + std::to_string(g) + (alpha > 0.9f ? " (strong)" : ""), c[ImGuiCol_Text], fill});
        }
    return out;
}

void expect_readable(Theme theme) {
    double lowest = 99;
    std::string lowest_what;
    for (const Pair& p : pairs_of(theme)) {
        const double r = ratio(p.text, p.background);
        EXPECT_GE(r, 4.5) << dah::ui::theme_name(theme) << ": " << p.what;
        if (r < lowest) lowest = r, lowest_what = p.what;
    }
    std::printf("%s: lowest text contrast %.2f:1 (%s)\n", dah::ui::theme_name(theme), lowest, lowest_what.c_str());
}

TEST(Contrast, DarkTheme) { expect_readable(Theme::dark); }
TEST(Contrast, LightTheme) { expect_readable(Theme::light); }
TEST(Contrast, HighContrastTheme) { expect_readable(Theme::high_contrast); }

// The group bars keep their hue: toning only goes as far as contrast needs (a bar already readable
// keeps its colour exactly).
TEST(Contrast, BarFillKeepsReadableColours) {
    const ImVec4 navy = hex(0x102040), white = hex(0xffffff);
    const ImVec4 kept = dah::ui::under_text(navy, white);
    EXPECT_FLOAT_EQ(kept.x, navy.x);
    EXPECT_FLOAT_EQ(kept.z, navy.z);
    const ImVec4 toned = dah::ui::under_text(hex(0xf0e442), white);  // yellow under white text
    EXPECT_GE(ratio(white, toned), 4.5);
    EXPECT_GT(toned.x, toned.z);  // still yellowish (red and green above blue)
}

TEST(Targets, AtLeast24CssPixelsAnd44OnTouch) {
    for (float scale : {0.5f, 1.0f, 2.0f}) {
        const float font = dah::ui::base_font_px * scale;
        EXPECT_GE(font + 2 * dah::ui::theme_style(Theme::dark, scale, false).FramePadding.y, 24.0f) << scale;
        EXPECT_GE(font + 2 * dah::ui::theme_style(Theme::dark, scale, true).FramePadding.y, 44.0f) << scale;
    }
}

}  // namespace
