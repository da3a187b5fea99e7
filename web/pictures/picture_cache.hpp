// Drawing a picture tessellates up to ~40K vertices, the largest part of a frame that shows one. What
// comes out depends only on the picture, its width, the drawing options, the font and the theme's text
// colours, so draw_picture_cached records it once and copies it into place on later frames (moved if
// the picture moved, e.g. by scrolling). Recordings unused for a while are dropped.
#pragma once

#include <imgui.h>

#include "pictures/picture_draw.hpp"

namespace dah::pictures {

// Same result and arguments as draw_picture; returns the height used.
float draw_picture_cached(ImDrawList* draw, const Picture& picture, ImVec2 pos, float width, const DrawOptions& options);

}  // namespace dah::pictures
