// Zoom by wheel and fingers: Ctrl+wheel scales the whole UI; a pinch magnifies the picture under it (or,
// away from pictures, the UI too), keeping the point between the fingers in place.
#include <algorithm>
#include <cmath>

#include "ui/app.hpp"

namespace dah::ui {

static void scale_ui_by(AppState& app, float step) {
    app.settings.ui_scale = std::clamp(std::round((app.settings.ui_scale + step) * 20.0f) / 20.0f, 0.5f, 4.0f);
    app.settings_dirty = true;
    wake(app);
}

void zoom_ui(AppState& app, float steps) {
    app.view.zoom_steps += steps;
    // A notch (or a touchpad's worth of pinching) is a tenth of the scale.
    while (std::fabs(app.view.zoom_steps) >= 1) {
        const float step = app.view.zoom_steps > 0 ? 1.0f : -1.0f;
        app.view.zoom_steps -= step;
        scale_ui_by(app, 0.1f * step);
    }
}

void pinch(AppState& app, float factor, float x, float y) {
    for (const ShownPicture& p : app.report.pictures) {
        const Rect& r = p.rect;
        if (x < r.x || y < r.y || x > r.x + r.w || y > r.y + r.h || r.w <= 0 || r.h <= 0) continue;
        View& v = app.view;
        const float before = v.zoomed_picture == p.id ? v.picture_zoom : 1.0f;
        const float after = std::clamp(before * factor, 1.0f, 4.0f);
        // The picture point under the fingers, as a fraction of the whole magnified picture, stays put.
        const float u = (x - r.x) / r.w, w = (y - r.y) / r.h;
        const float at_x = v.zoomed_picture == p.id ? v.picture_focus_x : u, at_y = v.zoomed_picture == p.id ? v.picture_focus_y : w;
        v.zoomed_picture = after > 1.0f ? p.id : "";
        v.picture_zoom = after;
        v.picture_focus_x = std::clamp(at_x, 0.0f, 1.0f);
        v.picture_focus_y = std::clamp(at_y, 0.0f, 1.0f);
        wake(app);
        return;
    }
    zoom_ui(app, std::log(factor) / std::log(1.1f));  // a pinch by 10 % is one notch
}

}  // namespace dah::ui
