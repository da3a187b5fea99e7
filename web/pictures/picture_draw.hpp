// Draws a case picture (dah::Picture) with Dear ImGui's draw list: the image in a square, optional
// labels with leader lines to the findings, and a legend underneath. Geometry is in units of the
// square, so the picture is sharp at any size; the same picture and seed always draw the same image.
#pragma once

#include <string>
#include <vector>

#include <imgui.h>

#include "dah/picture.hpp"

namespace dah::pictures {

struct DrawOptions {
    bool labels = true;
    bool legend = true;
    float font_size = 0;  // text of labels and legend; 0 = the current font size
};

enum class Swatch { square, disc, ring };

struct LegendEntry {
    ImU32 colour;
    Swatch shape;
    std::string text;
};

std::vector<LegendEntry> legend_of(const Picture& picture);

// Height of the picture drawn `width` wide: the square image plus the legend.
float picture_height(const Picture& picture, float width, const DrawOptions& options);

// Draws at `pos` (top left), `width` wide; returns the height used.
float draw_picture(ImDrawList* draw, const Picture& picture, ImVec2 pos, float width, const DrawOptions& options);

}  // namespace dah::pictures
