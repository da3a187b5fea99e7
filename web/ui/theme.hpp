// Themes (dark, light, high contrast) and the colour-blind-safe group palette (Okabe–Ito).
#pragma once

#include <imgui.h>

#include "ui/app_state.hpp"

namespace dah::ui {

struct Palette {
    ImVec4 text, muted, accent, positive, negative, highlight_bg, hypothetical, bar_bg;
};

void apply_theme(Theme theme, float ui_scale);
const Palette& palette(Theme theme);

// A colour per diagnosis group from the Okabe–Ito set (distinct for the common colour-vision types).
ImVec4 group_colour(int group);
// And a shape per group (circle, square, triangle, diamond), so the chart does not rely on colour alone.
void draw_group_marker(ImDrawList* draw, ImVec2 centre, float radius, int group, ImU32 colour);

const char* theme_name(Theme theme);

}  // namespace dah::ui
