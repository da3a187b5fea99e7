// Themes (dark, light, high contrast) and the colour-blind-safe group palette (Okabe–Ito).
#pragma once

#include <imgui.h>

#include "ui/app_state.hpp"

namespace dah::ui {

struct Palette {
    ImVec4 text, muted, accent, positive, negative, highlight_bg, hypothetical, bar_bg;
};

inline constexpr float base_font_px = 17.0f;  // the UI font's size at scale 1, CSS px

// The style of a theme (colours, sizes) at a UI scale; on a touch screen every target is 44 CSS px high.
ImGuiStyle theme_style(Theme theme, float ui_scale, bool touch = false);
void apply_theme(Theme theme, float ui_scale, bool touch = false);
const Palette& palette(Theme theme);

// A colour per diagnosis group from the Okabe–Ito set (distinct for the common colour-vision types).
ImVec4 group_colour(int group);
// And a shape per group (circle, square, triangle, diamond), so the chart does not rely on colour alone.
void draw_group_marker(ImDrawList* draw, ImVec2 centre, float radius, int group, ImU32 colour);

// A padlock one text line high at `top_left` (a locked stage).
void draw_lock(ImDrawList* draw, ImVec2 top_left, float line_height, ImU32 colour);

const char* theme_name(Theme theme);

// WCAG 2.x contrast ratio of two opaque colours (1 … 21).
float contrast_ratio(ImVec4 a, ImVec4 b);
// `top` (with its alpha) drawn over the opaque `below`.
ImVec4 over(ImVec4 top, ImVec4 below);
// A fill for text of colour `text` to sit on: `colour`, darkened (light text) or lightened (dark text)
// until the text has at least 4.5:1 on it.
ImVec4 under_text(ImVec4 colour, ImVec4 text);

}  // namespace dah::ui
